"""Reading pages and form fields of a PDF being signed (a pyHanko incremental writer)."""

from __future__ import annotations

import io
from typing import Any

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from cchc_desktop.signatures import errors as e
from cchc_desktop.signatures.layout import PageBox


def open_writer(pdf: bytes) -> IncrementalPdfFileWriter:
    """An incremental writer on ``pdf``; PdfSigningError when it is not a PDF or is encrypted."""
    from pyhanko.pdf_utils.misc import PdfError

    if not pdf.lstrip()[:5] == b"%PDF-":
        raise e.PdfSigningError("signatures.pdf.not_pdf")
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    except (PdfError, ValueError, KeyError, IndexError):
        raise e.PdfSigningError("signatures.pdf.not_pdf") from None
    if writer.prev.encrypted:
        raise e.PdfSigningError("signatures.pdf.encrypted")
    return writer


def page_count(writer: IncrementalPdfFileWriter) -> int:
    return int(writer.root["/Pages"]["/Count"])


def check_page(writer: IncrementalPdfFileWriter, page: int) -> None:
    """PdfSigningError when ``page`` (from 0) is not in the document (message counts from 1)."""
    count = page_count(writer)
    if not 0 <= page < count:
        raise e.PdfSigningError("signatures.pdf.page", page=page + 1, pages=count)


def page_size(writer: IncrementalPdfFileWriter, page: int) -> tuple[float, float]:
    """Width and height in points of the page's MediaBox (inherited from the page tree if needed)."""
    node: Any = writer.find_page_for_modification(page)[0].get_object()
    while "/MediaBox" not in node and "/Parent" in node:
        node = node["/Parent"]
    x0, y0, x1, y1 = (float(v) for v in node["/MediaBox"])
    return abs(x1 - x0), abs(y1 - y0)


def page_index(writer: IncrementalPdfFileWriter, page_ref: generic.IndirectObject) -> int:
    """The index (from 0) of the page an annotation's /P points to."""
    for index in range(page_count(writer)):
        if writer.find_page_for_modification(index)[0].reference == page_ref.reference:
            return index
    raise e.PdfSigningError("signatures.pdf.failed", detail="page not found")


def find_field(writer: IncrementalPdfFileWriter, name: str) -> generic.IndirectObject | None:
    """The top-level form field called ``name``, or None."""
    try:
        fields = writer.root["/AcroForm"]["/Fields"]
    except KeyError:
        return None
    for ref in fields:
        if ref.get_object().get("/T") == name:
            return ref
    return None


def widget_box(writer: IncrementalPdfFileWriter, field_ref: generic.IndirectObject) -> PageBox:
    """The page and rectangle of a field's (first) widget."""
    field = field_ref.get_object()
    widget = field["/Kids"][0].get_object() if "/Kids" in field else field
    x0, y0, x1, y1 = (float(v) for v in widget["/Rect"])
    return PageBox(page_index(writer, widget.raw_get("/P")), min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def has_signatures(writer: IncrementalPdfFileWriter) -> bool:
    from pyhanko.sign.fields import enumerate_sig_fields

    return any(True for _ in enumerate_sig_fields(writer.prev, filled_status=True))
