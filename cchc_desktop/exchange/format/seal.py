"""Niêm phong gói: what seals manifest.json, the app's own Ed25519 key or a unit's X.509 certificate.

A package's builder asks a ``Sealer`` for the manifest's ``signature`` field before the manifest is
written, then for the bytes of manifest.sig over the exact manifest bytes (docs/package-format.md §3.4).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from cchc_desktop.exchange.format.keys import fingerprint
from cchc_desktop.exchange.format.manifest import SignatureInfo

if TYPE_CHECKING:
    from cchc_desktop.signatures.signer import CertSigner  # pyHanko: loaded only to seal

SIGNATURE_ED25519 = "ed25519"
SIGNATURE_CMS_X509 = "cms-x509"


class Sealer(Protocol):
    def signature_info(self) -> SignatureInfo:
        """The manifest's ``signature`` field: the type and the grouped fingerprint of the key."""
        ...

    def seal(self, manifest_bytes: bytes) -> bytes:
        """The content of manifest.sig over the exact manifest bytes."""
        ...


@dataclass(frozen=True)
class KeySealer:
    """The app's own key pair (khóa của phần mềm): 64 raw bytes of Ed25519 (RFC 8032)."""

    private_key: Ed25519PrivateKey

    def signature_info(self) -> SignatureInfo:
        return SignatureInfo(SIGNATURE_ED25519, fingerprint(self.private_key))

    def seal(self, manifest_bytes: bytes) -> bytes:
        return self.private_key.sign(manifest_bytes)


@dataclass(frozen=True)
class CertificateSealer:
    """The unit's certificate (chứng thư số của cơ quan) on a token or in a .p12 file: a detached CMS
    SignedData (DER) with the certificate and its CA certificates; the fingerprint is the SHA-256 of
    the certificate. ``signing_time`` None means now (only tests date a seal)."""

    signer: CertSigner
    signing_time: dt.datetime | None = None

    def signature_info(self) -> SignatureInfo:
        return SignatureInfo(SIGNATURE_CMS_X509, self.signer.certificate.fingerprint)

    def seal(self, manifest_bytes: bytes) -> bytes:
        from cchc_desktop.signatures.cms import sign_detached

        return sign_detached(manifest_bytes, self.signer, signing_time=self.signing_time)


def as_sealer(key: Ed25519PrivateKey | Sealer) -> Sealer:
    """A private key as given by the older callers, or any sealer."""
    return KeySealer(key) if isinstance(key, Ed25519PrivateKey) else key
