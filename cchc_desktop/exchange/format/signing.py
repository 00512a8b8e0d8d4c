"""Niêm phong gói: signing and verifying the exact bytes of manifest.json.

Dispatches on ``signature.type``: "ed25519" (RFC 8032, 64 raw bytes in manifest.sig) checked against
the keys enrolled for the sender; "cms-x509" (a detached CMS signature by the unit's certificate)
checked against the receiver's trust roots and roster by ``cert_seal`` (docs/package-format.md §3.4).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

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
from cchc_desktop.exchange.format.seal import SIGNATURE_CMS_X509, SIGNATURE_ED25519
from cchc_desktop.kernel import divisions
from cchc_desktop.kernel.i18n import tr

if TYPE_CHECKING:
    from cchc_desktop.exchange.format.cert_seal import CertificatePolicy
    from cchc_desktop.signatures.certs import CertificateSummary


@dataclass(frozen=True)
class TrustedKey:
    """A public key enrolled for a sender; ``key_id`` is whatever the caller uses to name it (a row id).

    ``label`` names the holder as the receiver enrolled it ("xã Kỳ Phong (mã 42-18544)"), shown instead of
    the name a package claims; ``status`` is active, retired or revoked (``ended_at`` when it stopped).

    A package sealed with a certificate has no enrolled key: ``public_key`` is None, ``certificate`` is
    the verified certificate, ``label`` the roster unit it names and ``notes`` what the receiver should
    know (revocation not checked, expired since signing)."""

    public_key: Ed25519PublicKey | None
    key_id: Any = None
    label: str = ""
    status: str = "active"
    ended_at: str = ""
    certificate: CertificateSummary | None = None
    notes: tuple[str, ...] = ()

    @property
    def fingerprint(self) -> str:
        if self.certificate is not None:
            return self.certificate.fingerprint
        assert self.public_key is not None
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
    if key.public_key is None:
        return False
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
    certificates: CertificatePolicy | None = None,
) -> TrustedKey:
    """Return the enrolled key that verifies ``signature``; otherwise raise the precise refusal:
    unknown signature type, sender not enrolled, signed with another key, content changed, or signed
    with a key whose status is not ``accepted`` (revoked, or retired by a rotation). A certificate's
    seal is checked against ``certificates`` (the receiver's trust roots and roster) instead.

    The sender is named by its enrolment, never by the name the unproven package claims."""
    if info.type == SIGNATURE_CMS_X509:
        from cchc_desktop.exchange.format.cert_seal import verify_certificate_seal

        return verify_certificate_seal(manifest_bytes, signature, info, sender, certificates, file)
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
