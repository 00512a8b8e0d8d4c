"""Gói niêm phong bằng chứng thư số ("cms-x509"): step 4 of verification for a certificate's seal.

A unit with a token (or a .p12 file) from a certification authority the receiver trusts needs no
enrolment card: the package verifies when the detached CMS signature covers the exact manifest bytes,
the certificate chains to a trust root the receiver holds (offline, with the CRLs it imported), and the
certificate names the unit of the roster the package says it comes from (docs/package-format.md §5).

The moment checked is now. A certificate that has expired since is still accepted, with a note, when
it was valid at the signing time the signer's computer wrote into the signature, expired less than
60 days ago, no CRL held lists it, and a CRL of its issuer issued between that signing time and the
expiry shows it was not revoked then (the package carries no trusted timestamp, so the signing time
alone proves nothing).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from cchc_desktop.exchange.format import errors as e
from cchc_desktop.exchange.format.manifest import Sender, SignatureInfo
from cchc_desktop.exchange.format.seal_unit import SealUnit, mismatch_reason
from cchc_desktop.exchange.format.signing import TrustedKey, sender_codes_label
from cchc_desktop.kernel.i18n import format_date, tr

#: How long after its expiry a certificate's seal is still taken (a late import in the same reporting
#: cycle), with a CRL proving it was not revoked when it signed: see ``_not_revoked_when_signed``.
EXPIRED_GRACE = dt.timedelta(days=60)

if TYPE_CHECKING:
    from cchc_desktop.signatures.cms_verify import CmsVerification
    from cchc_desktop.signatures.trust import TrustAnchors


@dataclass(frozen=True)
class CertificatePolicy:
    """What a receiver trusts for sealed packages: its trust roots, intermediates and CRLs, its roster
    (``units``) and its province's name (a certificate naming another province is not its unit's)."""

    trust: TrustAnchors
    units: tuple[SealUnit, ...] = ()
    province_name: str = ""
    now: dt.datetime | None = None

    def unit_of(self, province_code: str, unit_code: str) -> SealUnit | None:
        """The roster unit of a sender's codes (None when not on the roster)."""
        return self._by_code.get((province_code, unit_code))

    @cached_property
    def _by_code(self) -> dict[tuple[str, str], SealUnit]:
        return {(unit.province_code, unit.unit_code): unit for unit in self.units}


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
    today = (policy.now or dt.datetime.now(dt.UTC)).date().isoformat()
    why = mismatch_reason(verified.signer, unit, policy.units, policy.province_name, today)
    if why is not None:
        raise e.SealUnitMismatchError(file, sender=label, subject=subject, why=why)
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
        _not_revoked_when_signed(verified, policy, signed_at, now)
    expired = tr(
        "exchange.seal.expired_since",
        subject=verified.signer.common_name,
        expired=format_date(verified.signer.not_after.date()),
        signed=format_date(signed_at.date()),
    )
    return verified, (expired,)


def _not_revoked_when_signed(
    verified: CmsVerification, policy: CertificatePolicy, signed_at: dt.datetime, now: dt.datetime
) -> None:
    """An expired certificate is taken only shortly after its expiry, never when a CRL held now lists it,
    and only when a CRL of its issuer issued between the signing time and the expiry does not list it:
    the signing time is the signer's own word, and a CA may drop expired certificates from later CRLs."""
    from cchc_desktop.signatures import errors as s
    from cchc_desktop.signatures.certs import to_asn1
    from cchc_desktop.signatures.trust import check_revocation, crl_issued_between

    subject, expired = verified.signer.common_name, _date(verified.signer.not_after)
    if now - verified.signer.not_after > EXPIRED_GRACE:
        raise s.CertificateExpiredError(subject=subject, date=expired)
    chain = [to_asn1(cert.der) for cert in verified.chain]
    check_revocation(chain, policy.trust.crls, now)  # raises when a current CRL lists it
    if not crl_issued_between(chain, policy.trust.crls, signed_at, verified.signer.not_after):
        raise s.VerificationError("exchange.seal.expired_unchecked", subject=subject, date=expired)


def _date(moment: dt.datetime) -> str:
    return format_date(moment.date())


def seal_description(key: TrustedKey) -> str:
    """ "niêm phong bằng chứng thư số «UBND xã Kỳ Phong» (do «…» cấp, hiệu lực đến …)", or "" for a key."""
    cert = key.certificate
    if cert is None:
        return ""
    return tr(
        "exchange.seal.by_certificate",
        subject=cert.common_name,
        issuer=cert.issuer_common_name,
        since=format_date(cert.not_before.date()),
        until=format_date(cert.not_after.date()),
        dn=cert.subject,
    )
