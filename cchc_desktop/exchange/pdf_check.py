"""Chữ ký số trên văn bản: a received document.pdf checked with the signatures core.

A PDF signed by the unit (the signer and the agency, PAdES) is shown as "đã ký số" with the signer's
name; a signature that does not verify is a warning for the reviewer, never a refusal: the package's
own transport signature already proved who sent it.
"""

from __future__ import annotations

from dataclasses import dataclass

from cchc_desktop.exchange.format.verify import VerifiedPackage
from cchc_desktop.kernel.errors import CchcError
from cchc_desktop.kernel.i18n import tr

OK, INVALID = "ok", "invalid"


@dataclass(frozen=True)
class DocumentSignatures:
    """``state``: "" (no signature), "ok" or "invalid"; ``signer``: the first signature's name."""

    state: str = ""
    signer: str = ""

    @property
    def note(self) -> str:
        """The warning the preview shows for a signature that does not verify, or ""."""
        return tr("exchange.import.pdf_invalid", signer=self.signer or "?") if self.state == INVALID else ""

    @property
    def line(self) -> str:
        """What the preview's line says of a verified document, or ""."""
        return tr("exchange.import.pdf_signed", signer=self.signer) if self.state == OK else ""


def check_document(package: VerifiedPackage) -> DocumentSignatures:
    """The PAdES signatures of the package's document.pdf (none: an unsigned or absent document)."""
    from cchc_desktop.signatures.pdf_verify import list_pdf_signatures

    pdf = package.read_document()
    if pdf is None or b"/ByteRange" not in pdf:  # no signature dictionary: skip pyHanko entirely
        return DocumentSignatures()
    try:
        infos = list_pdf_signatures(pdf)
    except CchcError:
        return DocumentSignatures(INVALID)
    if not infos:
        return DocumentSignatures()
    first = infos[0].signer
    signer = first.common_name if first else ""
    return DocumentSignatures(OK if all(info.ok for info in infos) else INVALID, signer)
