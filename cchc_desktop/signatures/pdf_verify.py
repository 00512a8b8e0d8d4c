"""Chữ ký số trong tệp PDF: list them with the signer's name, signing time and state, so a receiver
can show "đã ký số" and tests can check what was signed.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, replace
from typing import Any

from cchc_desktop.kernel.i18n import tr
from cchc_desktop.signatures import errors as e
from cchc_desktop.signatures.certs import CertificateSummary, summarize
from cchc_desktop.signatures.trust import TrustAnchors, check_revocation, validation_context


@dataclass(frozen=True)
class PdfSignatureInfo:
    """Một chữ ký trong tệp PDF.

    ``intact``: the signed bytes are unchanged; ``valid``: the signature over them verifies;
    ``trusted``: the certificate chains to a supplied root (None when no roots were given);
    ``covers_whole_document``: nothing was added after it; ``later_changes_allowed``: what was added
    after it is only form filling and further signatures (the agency's over the signer's);
    ``revoked`` / ``revocation_checked``: what the supplied CRLs say (a revoked certificate is not
    trusted).
    """

    field_name: str
    signer: CertificateSummary | None
    signing_time: dt.datetime | None
    intact: bool
    valid: bool
    trusted: bool | None
    covers_whole_document: bool
    later_changes_allowed: bool
    revision: int
    revoked: bool = False
    revocation_checked: bool = False

    @property
    def ok(self) -> bool:
        """Intact, valid, no disallowed later change, and trusted when trust was checked."""
        return self.intact and self.valid and self.later_changes_allowed and self.trusted is not False

    @property
    def status_key(self) -> str:
        """Catalogue key of the one-line verdict: invalid, untrusted or valid."""
        if not (self.intact and self.valid and self.later_changes_allowed):
            return "signatures.status.invalid"
        return "signatures.status.untrusted" if self.trusted is False else "signatures.status.valid"

    @property
    def coverage_key(self) -> str:
        """Catalogue key saying whether anything was added to the file after this signature."""
        return "signatures.status.whole_document" if self.covers_whole_document else "signatures.status.partial"

    @property
    def label(self) -> str:
        """ "Đã ký số: Nguyễn Văn A"."""
        return tr("signatures.status.signed", name=self.signer.common_name if self.signer else "?")


def list_pdf_signatures(pdf: bytes, trust: TrustAnchors | None = None) -> list[PdfSignatureInfo]:
    """Every signature of the PDF, in signing order, each checked (against ``trust`` when given)."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        embedded = list(reader.embedded_signatures)
    except (PdfError, ValueError, KeyError, IndexError):
        raise e.PdfSigningError("signatures.pdf.not_pdf") from None
    context = validation_context(trust or TrustAnchors(roots=()))
    infos = [_check(signature, context, trust is not None) for signature in embedded]
    return [_with_revocation(info, status, trust) for info, status in infos]


def _with_revocation(info: PdfSignatureInfo, status: Any, trust: TrustAnchors | None) -> PdfSignatureInfo:
    path = getattr(status, "validation_path", None)
    if trust is None or not trust.crls or path is None:
        return info
    chain = list(reversed(list(path.iter_certs(include_root=True))))
    try:
        checked = check_revocation(chain, trust.crls, dt.datetime.now(dt.UTC))
    except e.CertificateRevokedError:
        return replace(info, revoked=True, revocation_checked=True, trusted=False)
    return replace(info, revocation_checked=checked)


def _check(signature: Any, context: Any, trust_checked: bool) -> tuple[PdfSignatureInfo, Any]:
    from pyhanko.sign.validation import validate_pdf_signature

    try:
        status = validate_pdf_signature(signature, signer_validation_context=context)
    except Exception:
        return _broken(signature), None
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    return PdfSignatureInfo(
        field_name=signature.field_name,
        signer=summarize(status.signing_cert),
        signing_time=status.signer_reported_dt,
        intact=bool(status.intact),
        valid=bool(status.valid),
        trusted=bool(status.trusted) if trust_checked else None,
        covers_whole_document=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
        later_changes_allowed=bool(status.docmdp_ok) or status.modification_level is None,
        revision=signature.signed_revision,
    ), status


def _broken(signature: Any) -> PdfSignatureInfo:
    try:
        signer = summarize(signature.signer_cert)
    except Exception:
        signer = None
    return PdfSignatureInfo(
        field_name=signature.field_name,
        signer=signer,
        signing_time=None,
        intact=False,
        valid=False,
        trusted=None,
        covers_whole_document=False,
        later_changes_allowed=False,
        revision=signature.signed_revision,
    )
