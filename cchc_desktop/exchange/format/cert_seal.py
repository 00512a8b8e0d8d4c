"""Gói niêm phong bằng chứng thư số ("cms-x509"): step 4 of verification for a certificate's seal.

A unit with a token (or a .p12 file) from a certification authority the receiver trusts needs no
enrolment card: the package verifies when the detached CMS signature covers the exact manifest bytes,
the certificate chains to a trust root the receiver holds (offline, with the CRLs it imported), and the
certificate names the unit of the roster the package says it comes from (docs/package-format.md §5).

The moment checked is now. A certificate that has expired since is still accepted when it was valid
at the signing time the signer's computer wrote into the signature, with a note saying so (the
package carries no trusted timestamp; revocation through the CRLs still applies).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cchc_desktop.exchange.format import errors as e
from cchc_desktop.exchange.format.manifest import Sender, SignatureInfo
from cchc_desktop.exchange.format.signing import TrustedKey, sender_codes_label
from cchc_desktop.kernel.i18n import format_date, tr

if TYPE_CHECKING:
    from cchc_desktop.signatures.cms_verify import CmsVerification
    from cchc_desktop.signatures.trust import TrustAnchors


@dataclass(frozen=True)
class SealUnit:
    """A unit of the receiver's roster that a certificate may name (đơn vị trực thuộc)."""

    name: str
    unit_type: str
    unit_code: str
    label: str  # "xã Kỳ Phong (mã 42-18103)": how refusals and results name it
    key_id: Any = None  # how the caller finds the unit again (its holder row)


@dataclass(frozen=True)
class CertificatePolicy:
    """What a receiver trusts for sealed packages: its trust roots, intermediates and CRLs, and the
    roster unit for a sender's codes (None when not on the roster)."""

    trust: TrustAnchors
    unit_of: Callable[[str, str], SealUnit | None]
    now: dt.datetime | None = None


def verify_certificate_seal(
    manifest_bytes: bytes,
    signature: bytes,
    info: SignatureInfo,
    sender: Sender,
    policy: CertificatePolicy | None,
    file: str,
) -> TrustedKey:
    """The certificate that sealed the package, as a ``TrustedKey`` naming its roster unit; otherwise
    the precise refusal: no trust roots here, content changed, untrusted issuer, certificate refused
    (expired, revoked, not for signing), unit not on the roster, or certificate of another unit."""
    from cchc_desktop.signatures.units import matches_unit

    codes = sender_codes_label(sender)
    if policy is None or not policy.trust.roots:
        raise e.NoTrustRootsError(file, sender=codes)
    unit = policy.unit_of(sender.province_code, sender.unit_code)
    label = unit.label if unit is not None else codes
    verified, notes = _verified(manifest_bytes, signature, policy, file, label)
    subject = verified.signer.common_name
    if verified.signer.fingerprint != info.key_fingerprint:  # the manifest names another certificate
        raise e.SignatureMismatchError(file, sender=label)
    if unit is None:
        raise e.SealUnitUnknownError(file, sender=codes, subject=subject)
    if not matches_unit(verified.signer, unit.name, unit.unit_type, unit.unit_code):
        raise e.SealUnitMismatchError(file, sender=label, subject=subject)
    return TrustedKey(None, unit.key_id, unit.label, certificate=verified.signer, notes=notes)


def _verified(
    data: bytes, signature: bytes, policy: CertificatePolicy, file: str, label: str
) -> tuple[CmsVerification, tuple[str, ...]]:
    from cchc_desktop.signatures import errors as s

    try:
        return _at_now_or_signing(data, signature, policy)
    except s.BadSignatureError:
        raise e.SignatureMismatchError(file, sender=label) from None
    except s.UntrustedCertificateError as exc:
        raise e.UntrustedSealError(file, sender=label, reason=exc.message) from None
    except s.VerificationError as exc:
        raise e.CertificateSealError(file, sender=label, reason=exc.message) from None


def _at_now_or_signing(
    data: bytes, signature: bytes, policy: CertificatePolicy
) -> tuple[CmsVerification, tuple[str, ...]]:
    from cchc_desktop.signatures import errors as s
    from cchc_desktop.signatures.cms_verify import claimed_signing_time, verify_detached

    now = policy.now or dt.datetime.now(dt.UTC)
    try:
        verified = verify_detached(data, signature, policy.trust, moment=now)
        return verified, verified.warning_messages
    except s.CertificateExpiredError:
        signed_at = claimed_signing_time(signature)
        if signed_at is None or signed_at > now:
            raise
        verified = verify_detached(data, signature, policy.trust, moment=signed_at)
    expired = tr(
        "exchange.seal.expired_since",
        subject=verified.signer.common_name,
        expired=format_date(verified.signer.not_after.date()),
        signed=format_date(signed_at.date()),
    )
    return verified, (expired, *verified.warning_messages)


def seal_description(key: TrustedKey) -> str:
    """ "niêm phong bằng chứng thư số «UBND xã Kỳ Phong» (do «…» cấp, hiệu lực đến …)", or "" for a key."""
    cert = key.certificate
    if cert is None:
        return ""
    return tr(
        "exchange.seal.by_certificate",
        subject=cert.common_name,
        issuer=cert.issuer_common_name,
        until=format_date(cert.not_after.date()),
    )
