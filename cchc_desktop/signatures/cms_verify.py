"""Kiểm tra chữ ký số X.509 của gói: verify a detached CMS signature and its certificate chain.

Order of checks: the signature over the bytes (BadSignatureError), the chain to a supplied root
(UntrustedCertificateError), validity dates (CertificateExpiredError / CertificateNotYetValidError),
revocation against supplied CRLs (CertificateRevokedError), key usage (WrongKeyUsageError).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from asn1crypto import cms
from asn1crypto import x509 as asn1_x509

from cchc_desktop.kernel.i18n import tr
from cchc_desktop.signatures import errors as e
from cchc_desktop.signatures.certs import CertificateSummary, summarize
from cchc_desktop.signatures.trust import TrustAnchors, check_revocation, validate_chain

REVOCATION_NOT_CHECKED = "signatures.verify.revocation_not_checked"
_SIGNING_USAGES = {"digital_signature", "non_repudiation"}


@dataclass(frozen=True)
class CmsVerification:
    """A verified signature: who signed (người/cơ quan ký), the chain to the root, the time the signer
    claims, and whether revocation was checked (``warnings`` holds catalogue keys otherwise)."""

    signer: CertificateSummary
    chain: tuple[CertificateSummary, ...]
    signed_at: dt.datetime | None
    revocation_checked: bool
    warnings: tuple[str, ...] = ()

    @property
    def warning_messages(self) -> tuple[str, ...]:
        return tuple(tr(key) for key in self.warnings)


def verify_detached(
    data: bytes, signature: bytes, trust: TrustAnchors, *, moment: dt.datetime | None = None
) -> CmsVerification:
    """Verify ``signature`` (DER CMS) over ``data`` at ``moment`` (default: now)."""
    moment = moment or dt.datetime.now(dt.UTC)
    signed_data = _signed_data(signature)
    signer_info, cert, others = _signer_parts(signed_data)
    _check_integrity(data, signer_info, cert)
    chain = validate_chain(cert, others, trust, moment)
    checked = check_revocation(chain, trust.crls, moment)
    check_signing_usage(cert)
    return CmsVerification(
        signer=summarize(cert),
        chain=tuple(summarize(c) for c in chain),
        signed_at=_signing_time(signer_info),
        revocation_checked=checked,
        warnings=() if checked else (REVOCATION_NOT_CHECKED,),
    )


def claimed_signing_time(signature: bytes) -> dt.datetime | None:
    """The signing time the signer's computer wrote into the signature (not proven by a timestamp)."""
    signer_info, _cert, _others = _signer_parts(_signed_data(signature))
    return _signing_time(signer_info)


def check_signing_usage(cert: asn1_x509.Certificate) -> None:
    """WrongKeyUsageError unless the key usage allows signing (digitalSignature or nonRepudiation)."""
    usage = cert.key_usage_value
    if usage is not None and not (set(usage.native) & _SIGNING_USAGES):
        raise e.WrongKeyUsageError(subject=summarize(cert).common_name)


def _signed_data(signature: bytes) -> cms.SignedData:
    try:
        info = cms.ContentInfo.load(signature)
        if info["content_type"].native != "signed_data":
            raise ValueError(info["content_type"].native)
        signed = info["content"]
        _ = signed.native  # parse fully: damage shows here
        return signed
    except (ValueError, TypeError, KeyError) as exc:
        raise e.VerificationError("signatures.verify.malformed", detail=str(exc)[:200]) from None


def _signer_parts(signed: cms.SignedData) -> tuple[cms.SignerInfo, asn1_x509.Certificate, list[asn1_x509.Certificate]]:
    from pyhanko.sign.general import CMSExtractionError, extract_certificate_info, extract_signer_info

    try:
        info = extract_certificate_info(signed)
        return extract_signer_info(signed), info.signer_cert, list(info.other_certs)
    except CMSExtractionError as exc:
        raise e.VerificationError("signatures.verify.malformed", detail=str(exc)) from None


def _check_integrity(data: bytes, signer_info: cms.SignerInfo, cert: asn1_x509.Certificate) -> None:
    from pyhanko.sign.validation.generic_cms import validate_sig_integrity

    algorithm = signer_info["digest_algorithm"]["algorithm"].native
    digest = hashlib.new(algorithm, data).digest()
    try:
        intact, valid = validate_sig_integrity(signer_info, cert, "data", digest)
    except Exception:
        intact = valid = False
    if not (intact and valid):
        raise e.BadSignatureError(subject=summarize(cert).common_name)


def _signing_time(signer_info: cms.SignerInfo) -> dt.datetime | None:
    for attribute in signer_info["signed_attrs"]:
        if attribute["type"].native == "signing_time":
            return attribute["values"][0].native
    return None
