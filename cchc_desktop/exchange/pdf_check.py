"""Chữ ký số trên văn bản: a received document.pdf checked with the signatures core.

A PDF signed by the unit (the signer and the agency, PAdES) is shown as "đã ký số" with the signer's
name; a signature that does not verify is a warning for the reviewer, never a refusal: the package's
own transport signature already proved who sent it. When the receiver holds trust roots, the
certificates are also checked against them ("untrusted": a valid signature from an issuer it does not
trust, or a certificate revoked by an imported CRL), and a signer whose certificate names another
person than the one the package says signed is pointed out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cchc_desktop.exchange.format.verify import VerifiedPackage
from cchc_desktop.kernel.errors import CchcError
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.text import fold

if TYPE_CHECKING:
    from cchc_desktop.signatures.trust import TrustAnchors

OK, INVALID, UNTRUSTED = "ok", "invalid", "untrusted"


@dataclass(frozen=True)
class DocumentSignatures:
    """``state``: "" (no signature), "ok", "invalid" or "untrusted"; ``signer``: the first signature's
    name; ``named``: the signer the package names, when the certificate names someone else."""

    state: str = ""
    signer: str = ""
    named: str = ""

    @property
    def note(self) -> str:
        """The warnings the preview shows (a signature that does not verify, an issuer not trusted, a
        certificate of another person than the package's signer), or ""."""
        notes = []
        if self.state in (INVALID, UNTRUSTED):
            notes.append(tr(f"exchange.import.pdf_{self.state}", signer=self.signer or "?"))
        if self.named:
            notes.append(tr("exchange.import.pdf_other_signer", signer=self.signer, named=self.named))
        return " ".join(notes)

    @property
    def line(self) -> str:
        """What the preview's line says of a verified document, or ""."""
        return tr("exchange.import.pdf_signed", signer=self.signer) if self.state == OK else ""


def check_document(package: VerifiedPackage, trust: TrustAnchors | None = None) -> DocumentSignatures:
    """The PAdES signatures of the package's document.pdf (none: an unsigned or absent document),
    checked against ``trust`` when the receiver holds roots."""
    from cchc_desktop.signatures.pdf_verify import list_pdf_signatures

    pdf = package.read_document()
    if pdf is None or b"/ByteRange" not in pdf:  # no signature dictionary: skip pyHanko entirely
        return DocumentSignatures()
    try:
        infos = list_pdf_signatures(pdf, trust if trust is not None and trust.roots else None)
    except CchcError:
        return DocumentSignatures(INVALID)
    if not infos:
        return DocumentSignatures()
    first = infos[0].signer
    signer = first.common_name if first else ""
    if not all(info.intact and info.valid and info.later_changes_allowed for info in infos):
        return DocumentSignatures(INVALID, signer)
    state = UNTRUSTED if any(info.trusted is False for info in infos) else OK
    named = package.manifest.signer.name
    return DocumentSignatures(state, signer, "" if _same_person(signer, named) else named)


def _same_person(certificate_name: str, named: str) -> bool:
    """ "NGUYỄN VĂN HÙNG" and "Nguyễn Văn Hùng" are one person; a certificate's name may carry more
    ("Nguyễn Văn Hùng - Chủ tịch"), so either containing the other is enough."""
    left, right = fold(certificate_name), fold(named)
    return not left or not right or left in right or right in left
