"""Khóa ký: the certificates on the tokens found (PKCS#11 modules) and .p12 files, opened to sign."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cchc_desktop.signatures.errors import SignatureError
from cchc_desktop.signatures.modules import find_modules
from cchc_desktop.signing.model import KeySource

if TYPE_CHECKING:
    from cchc_desktop.signatures.signer import CertSigner  # pyHanko: loaded only to sign


def token_keys() -> list[KeySource]:
    """Every certificate on every token of every module found; a module or token that cannot be
    read is left out (the user may still choose a .p12 file)."""
    from cchc_desktop.signatures.tokens import list_certificates

    found: list[KeySource] = []
    for module in find_modules():
        try:
            certificates = list_certificates(module.path)
        except SignatureError:
            continue
        for cert in certificates:
            title = f"{cert.certificate.common_name} — {cert.token.label} ({module.name})"
            found.append(KeySource("token", title, module.path, cert.token.label, cert.key_id))
    return found


def p12_key(path: str) -> KeySource:
    from pathlib import Path

    return KeySource("p12", Path(path).name, path=path)


def open_signer(source: KeySource, secret: str) -> CertSigner:
    """Log in (PIN) or open the file (password); WrongPinError says what the token tells of tries left."""
    if source.kind == "p12":
        from cchc_desktop.signatures.pkcs12 import load_pkcs12_signer

        return load_pkcs12_signer(source.path, secret)
    from cchc_desktop.signatures.token_signer import open_token_signer

    return open_token_signer(source.module, secret, token_label=source.token_label, key_id=source.key_id or None)
