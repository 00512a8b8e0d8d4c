"""Tệp chứng thư số PKCS#12 (.p12/.pfx): a signer for units without a token."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from cchc_desktop.signatures import errors as e
from cchc_desktop.signatures.certs import AnyCertificate, summarize, to_asn1
from cchc_desktop.signatures.signer import CertSigner


def load_pkcs12_signer(
    source: bytes | str | os.PathLike[str],
    password: str | bytes,
    *,
    extra_certs: Iterable[AnyCertificate] = (),
    file_name: str = "",
) -> CertSigner:
    """Open a .p12/.pfx file (path or bytes) with its password.

    WrongPasswordError for a wrong password, CertificateFileError for a file that is not PKCS#12 or
    holds no private key. ``extra_certs`` (CA certificates) are embedded in signatures besides the
    ones the file holds; ``file_name`` names bytes in messages.
    """
    raw, name = _read(source, file_name)
    key, cert, chain = _unpack(raw, password, name)
    from pyhanko.keys.internal import translate_pyca_cryptography_key_to_asn1
    from pyhanko.sign.signers import SimpleSigner
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    store = SimpleCertificateStore()
    store.register_multiple([to_asn1(c) for c in [*chain, *extra_certs]])
    signer = SimpleSigner(
        signing_cert=to_asn1(cert), signing_key=translate_pyca_cryptography_key_to_asn1(key), cert_registry=store
    )
    return CertSigner(signer=signer, certificate=summarize(cert))


def _read(source: bytes | str | os.PathLike[str], file_name: str) -> tuple[bytes, str]:
    if isinstance(source, bytes):
        return source, file_name or "?"
    path = Path(source)
    try:
        return path.read_bytes(), file_name or path.name
    except OSError:
        raise e.CertificateFileError(file=file_name or path.name) from None


def _unpack(raw: bytes, password: str | bytes, name: str) -> tuple[Any, Any, list[Any]]:
    from asn1crypto import pkcs12 as asn1_pkcs12
    from cryptography.hazmat.primitives.serialization import pkcs12

    secret = password.encode("utf-8") if isinstance(password, str) else password
    try:
        _ = asn1_pkcs12.Pfx.load(raw).native  # parse fully: a damaged file fails here
    except ValueError:
        raise e.CertificateFileError(file=name) from None
    try:
        key, cert, chain = pkcs12.load_key_and_certificates(raw, secret or None)
    except ValueError:
        raise e.WrongPasswordError(file=name) from None
    if key is None or cert is None:
        raise e.CertificateFileError("signatures.pkcs12.no_key", file=name)
    return key, cert, chain
