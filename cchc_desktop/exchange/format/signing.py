"""Niêm phong gói: signing and verifying the exact bytes of manifest.json.

Dispatches on ``signature.type`` so an X.509/CMS signature ("cms-x509") can be added later without
breaking old packages. Version 1 knows only "ed25519" (RFC 8032, 64 raw bytes in manifest.sig).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from cchc_desktop.exchange.format.errors import (
    RetiredKeyError,
    RevokedKeyError,
    SignatureMismatchError,
    UnknownSenderError,
    UnsupportedSignatureTypeError,
    WrongKeyError,
)
from cchc_desktop.exchange.format.keys import fingerprint
from cchc_desktop.exchange.format.manifest import Sender, SignatureInfo, unit_label
from cchc_desktop.kernel import divisions
from cchc_desktop.kernel.i18n import tr

SIGNATURE_ED25519 = "ed25519"
SIGNATURE_CMS_X509 = "cms-x509"  # reserved for a later format; not verifiable by this version


@dataclass(frozen=True)
class TrustedKey:
    """A public key enrolled for a sender; ``key_id`` is whatever the caller uses to name it (a row id).

    ``label`` names the holder as the receiver enrolled it ("xã Kỳ Phong (mã 42-18544)"), shown instead of
    the name a package claims; ``status`` is active, retired or revoked (``ended_at`` when it stopped)."""

    public_key: Ed25519PublicKey
    key_id: Any = None
    label: str = ""
    status: str = "active"
    ended_at: str = ""

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)


ACTIVE_ONLY = ("active",)


def sender_codes_label(sender: Sender) -> str:
    """A sender nobody here vouches for, named from the official list of units by its codes ("xã Hương Xuân
    (mã 42-18544)"), or by its codes alone ("đơn vị mã 42-18544"); never by the name the package claims."""
    found = divisions.commune(sender.unit_code)
    if found is not None and found.province_code == sender.province_code:
        return unit_label(found.kind, found.name, sender.province_code, sender.unit_code)
    return tr("exchange.sender.codes", code=f"{sender.province_code}-{sender.unit_code}")


#: Supplied by the database layer: (province_code, unit_code) → the sender's currently enrolled keys.
KeyLookup = Callable[[str, str], Iterable[Ed25519PublicKey | TrustedKey]]


def sign_manifest(manifest_bytes: bytes, private_key: Ed25519PrivateKey) -> bytes:
    """The content of manifest.sig: the Ed25519 signature over the exact manifest bytes."""
    return private_key.sign(manifest_bytes)


def _as_trusted(key: Ed25519PublicKey | TrustedKey) -> TrustedKey:
    return key if isinstance(key, TrustedKey) else TrustedKey(key)


def _ed25519_valid(key: TrustedKey, manifest_bytes: bytes, signature: bytes) -> bool:
    try:
        key.public_key.verify(signature, manifest_bytes)
    except InvalidSignature:
        return False
    return True


_VERIFIERS: dict[str, Callable[[TrustedKey, bytes, bytes], bool]] = {SIGNATURE_ED25519: _ed25519_valid}


def verify_manifest_signature(
    manifest_bytes: bytes,
    signature: bytes,
    info: SignatureInfo,
    sender: Sender,
    key_lookup: KeyLookup,
    file: str,
    accepted: tuple[str, ...] = ACTIVE_ONLY,
) -> TrustedKey:
    """Return the enrolled key that verifies ``signature``; otherwise raise the precise refusal:
    unknown signature type, sender not enrolled, signed with another key, content changed, or signed
    with a key whose status is not ``accepted`` (revoked, or retired by a rotation).

    The sender is named by its enrolment, never by the name the unproven package claims."""
    verifier = _VERIFIERS.get(info.type)
    if verifier is None:
        raise UnsupportedSignatureTypeError(file, sig_type=info.type)
    enrolled = [_as_trusted(k) for k in key_lookup(sender.province_code, sender.unit_code)]
    if not enrolled:
        raise UnknownSenderError(file, sender=sender_codes_label(sender))
    label = next((k.label for k in enrolled if k.label), "") or sender_codes_label(sender)
    matching = [k for k in enrolled if k.fingerprint == info.key_fingerprint]
    if not matching:
        raise WrongKeyError(file, sender=label, fingerprint=info.key_fingerprint)
    for key in matching:
        if verifier(key, manifest_bytes, signature):
            _check_status(key, accepted, file, label)
            return key
    raise SignatureMismatchError(file, sender=label)


def _check_status(key: TrustedKey, accepted: tuple[str, ...], file: str, label: str) -> None:
    if key.status in accepted:
        return
    error = RevokedKeyError if key.status == "revoked" else RetiredKeyError
    raise error(file, sender=label, fingerprint=key.fingerprint, date=key.ended_at[:10] or "?")
