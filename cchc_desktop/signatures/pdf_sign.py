"""Ký số văn bản PDF (PAdES) theo Nghị định 30/2020: the signer first, then the agency, each as its
own incremental revision; attachments in separate files get the agency's signature only.

1. ``sign_as_signer``: the competent person's signature (ô 7c), visible: the blue signature image
   fitted in the box the caller gives (between the chức vụ lines and the họ tên line). It also adds
   the empty read-only field that will show the số/ký hiệu and signing time at the top right.
2. ``sign_as_agency``: the văn thư signs with the organisation's certificate (ô 8): the red seal at
   its real size covering the left third of the signature image; the number and ISO 8601 signing
   time fill the top-right field in Times-like 10 pt.
3. ``sign_attachment``: a separate attachment file: an invisible agency signature, the number and
   signing time at the top right of page 1 (no image).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.stamp import BaseStampStyle

from cchc_desktop.kernel.i18n import tr
from cchc_desktop.signatures import errors as e
from cchc_desktop.signatures.appearance import image_pdf, image_size, page_style, text_pdf, text_size
from cchc_desktop.signatures.clock import in_vietnam, iso_vietnam
from cchc_desktop.signatures.layout import PageBox, fit_image, number_box, seal_box
from cchc_desktop.signatures.number_field import NUMBER_FIELD, add_number_field, fill_number_field
from cchc_desktop.signatures.pdf_pages import (
    check_page,
    find_field,
    has_signatures,
    open_writer,
    page_size,
    widget_box,
)
from cchc_desktop.signatures.signer import CertSigner, token_errors

SIGNER_FIELD = "ChuKyNguoiCoThamQuyen"
AGENCY_FIELD = "ChuKyCoQuan"
ATTACHMENT_FIELD = "ChuKyCoQuanVanBanKemTheo"
DEFAULT_SEAL_MM = 36.0


def sign_as_signer(
    pdf: bytes,
    signer: CertSigner,
    signature_image: bytes,
    box: PageBox,
    *,
    signing_time: dt.datetime | None = None,
    location: str = "",
    number_field: bool = True,
) -> bytes:
    """The PDF with the signer's visible signature added (a new revision).

    ``box``: page index and rectangle in points between the "TM./KT./CHỦ TỊCH" lines and the name;
    the image keeps its proportions, centred in it. ``number_field`` adds the empty top-right field
    the agency fills (set False for a document the agency will not sign).
    """
    writer = open_writer(pdf)
    check_page(writer, box.page)
    placed = fit_image(box, image_size(signature_image, "signatures.what.signature_image"))
    if number_field:
        add_number_field(writer)
    style = page_style(image_pdf(signature_image, placed.width, placed.height))
    return _sign(writer, signer, SIGNER_FIELD, placed, style, tr("signatures.reason.signer"), signing_time, location)


def sign_as_agency(
    pdf: bytes,
    signer: CertSigner,
    seal_image: bytes,
    *,
    document_number: str,
    seal_diameter_mm: float = DEFAULT_SEAL_MM,
    signing_time: dt.datetime | None = None,
    signature_box: PageBox | None = None,
    location: str = "",
) -> bytes:
    """The PDF with the agency's signature added over the signer's (a new revision).

    The seal goes over the left third of the signer's signature image, found from the signer's
    field; ``signature_box`` gives that rectangle for a PDF signed by another program.
    ``document_number`` ("12/KH-UBND") and the signing time fill the top-right field.
    """
    moment = in_vietnam(signing_time)
    writer = open_writer(pdf)
    anchor = signature_box or _signer_box(writer)
    check_page(writer, anchor.page)
    image_size(seal_image, "signatures.what.seal_image")
    placed = seal_box(anchor, seal_diameter_mm, page_size(writer, anchor.page))
    _stamp_number(writer, [document_number, iso_vietnam(moment)])
    style = page_style(image_pdf(seal_image, placed.width, placed.height))
    return _sign(writer, signer, AGENCY_FIELD, placed, style, tr("signatures.reason.agency"), moment, location)


def sign_attachment(
    pdf: bytes, signer: CertSigner, *, document_number: str, signing_time: dt.datetime | None = None, location: str = ""
) -> bytes:
    """A separate attachment (văn bản kèm theo khác tệp) signed by the agency: invisible signature, the
    number and ISO 8601 signing time drawn at the top right of page 1 in the same revision."""
    moment = in_vietnam(signing_time)
    writer = open_writer(pdf)
    lines = [document_number, iso_vietnam(moment)]
    width, height = text_size(lines)
    box = number_box(0, page_size(writer, 0), width, height)
    stamp = page_style(text_pdf(lines, width, height)).create_stamp(writer, _constraints(box), {})
    stamp.apply(0, round(box.x0), round(box.y0))  # whole points: pyHanko's stamp position
    return _sign(writer, signer, ATTACHMENT_FIELD, None, None, tr("signatures.reason.attachment"), moment, location)


def _signer_box(writer: IncrementalPdfFileWriter) -> PageBox:
    ref = find_field(writer, SIGNER_FIELD)
    if ref is None:
        raise e.PdfSigningError("signatures.pdf.no_signer_field", field=SIGNER_FIELD)
    return widget_box(writer, ref)


def _stamp_number(writer: IncrementalPdfFileWriter, lines: list[str]) -> None:
    ref = find_field(writer, NUMBER_FIELD)
    if ref is None and not has_signatures(writer):
        ref = add_number_field(writer)
    if ref is None:
        raise e.PdfSigningError("signatures.pdf.no_number_field", field=NUMBER_FIELD)
    fill_number_field(writer, ref, lines)


def _constraints(box: PageBox) -> Any:
    from pyhanko.pdf_utils.layout import BoxConstraints

    return BoxConstraints(width=box.width, height=box.height)


def _sign(
    writer: IncrementalPdfFileWriter,
    signer: CertSigner,
    field_name: str,
    box: PageBox | None,
    style: BaseStampStyle | None,
    reason: str,
    signing_time: dt.datetime | None,
    location: str,
) -> bytes:
    if find_field(writer, field_name) is not None:
        raise e.PdfSigningError("signatures.pdf.field_exists", field=field_name)
    rect = tuple(round(v, 2) for v in box.rect) if box else None
    # pyHanko writes the rectangle as PDF numbers and takes fractions of a point; its hint says int.
    spec = fields.SigFieldSpec(field_name, on_page=box.page if box else 0, box=rect)  # type: ignore[arg-type]
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        location=location or None,
        md_algorithm="sha256",
    )
    pdf_signer = _TimedPdfSigner(
        meta, signer.signer, stamp_style=style, new_field_spec=spec, signing_time=in_vietnam(signing_time)
    )
    output = io.BytesIO()
    with token_errors(signer.token_label), _pyhanko_errors():
        pdf_signer.sign_pdf(writer, output=output)
    return output.getvalue()


@contextmanager
def _pyhanko_errors() -> Iterator[None]:
    """pyHanko's refusals (a damaged PDF, a field it cannot fill) as PdfSigningError."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign.general import SigningError

    try:
        yield
    except (SigningError, PdfError) as exc:
        raise e.PdfSigningError(detail=str(exc)[:200]) from None


class _TimedPdfSigner(signers.PdfSigner):
    """A PdfSigner whose signing time is the one shown on the page, not a second later."""

    def __init__(self, *args: Any, signing_time: dt.datetime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._signing_time = signing_time

    def init_signing_session(self, pdf_out: Any, existing_fields_only: bool = False) -> Any:
        session = super().init_signing_session(pdf_out, existing_fields_only)
        session.system_time = self._signing_time
        return session
