"""Số, ký hiệu và thời gian ký of an electronic document: a read-only text field at the top right
of page 1, made empty when the signer signs and filled by the văn thư's signature.

Filling a form field is a change a signature allows (form filling), so the signer's signature stays
valid without reservation when the agency adds the number and its signing time.
"""

from __future__ import annotations

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.generic import pdf_name, pdf_string
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from cchc_desktop.signatures.appearance import page_style, text_pdf
from cchc_desktop.signatures.layout import PageBox, mm, number_box
from cchc_desktop.signatures.pdf_pages import find_field, page_size

NUMBER_FIELD = "SoKyHieuThoiGianKy"
FIELD_WIDTH_MM = 90.0
FIELD_HEIGHT = 28.0
_READ_ONLY = 1
_PRINT = 4


def field_box(writer: IncrementalPdfFileWriter, page: int = 0) -> PageBox:
    return number_box(page, page_size(writer, page), mm(FIELD_WIDTH_MM), FIELD_HEIGHT)


def add_number_field(writer: IncrementalPdfFileWriter, page: int = 0) -> generic.IndirectObject:
    """Create the empty read-only field (once); return its reference."""
    existing = find_field(writer, NUMBER_FIELD)
    if existing is not None:
        return existing
    box = field_box(writer, page)
    page_ref = writer.find_page_for_modification(page)[0]
    field = generic.DictionaryObject(
        {
            pdf_name("/FT"): pdf_name("/Tx"),
            pdf_name("/T"): pdf_string(NUMBER_FIELD),
            pdf_name("/Ff"): generic.NumberObject(_READ_ONLY),
            pdf_name("/Type"): pdf_name("/Annot"),
            pdf_name("/Subtype"): pdf_name("/Widget"),
            pdf_name("/F"): generic.NumberObject(_PRINT),
            pdf_name("/Rect"): generic.ArrayObject(generic.FloatObject(round(v, 2)) for v in box.rect),
            pdf_name("/P"): page_ref,
            pdf_name("/DA"): pdf_string("/Helv 10 Tf 0 g"),
            pdf_name("/Q"): generic.NumberObject(2),
        }
    )
    ref = writer.add_object(field)
    _append_to_form(writer, ref)
    _append_to_page(writer, page_ref, ref)
    return ref


def fill_number_field(writer: IncrementalPdfFileWriter, field_ref: generic.IndirectObject, lines: list[str]) -> None:
    """Set the field's value and its appearance: the lines right-aligned in 10 pt serif."""
    from pyhanko.pdf_utils.layout import BoxConstraints

    field = field_ref.get_object()
    x0, y0, x1, y1 = (float(v) for v in field["/Rect"])
    width, height = abs(x1 - x0), abs(y1 - y0)
    stamp = page_style(text_pdf(lines, width, height)).create_stamp(
        writer, BoxConstraints(width=width, height=height), {}
    )
    field[pdf_name("/V")] = pdf_string("\n".join(lines))
    field[pdf_name("/AP")] = generic.DictionaryObject({pdf_name("/N"): stamp.register()})
    writer.update_container(field)


def _append_to_form(writer: IncrementalPdfFileWriter, ref: generic.IndirectObject) -> None:
    root = writer.root
    if "/AcroForm" not in root:
        root[pdf_name("/AcroForm")] = writer.add_object(
            generic.DictionaryObject({pdf_name("/Fields"): generic.ArrayObject()})
        )
        writer.update_root()
    form = root["/AcroForm"]
    if "/Fields" not in form:
        form[pdf_name("/Fields")] = generic.ArrayObject()
    form["/Fields"].append(ref)
    writer.update_container(form["/Fields"])
    writer.update_container(form)


def _append_to_page(
    writer: IncrementalPdfFileWriter, page_ref: generic.IndirectObject, ref: generic.IndirectObject
) -> None:
    page = page_ref.get_object()
    if "/Annots" not in page:
        page[pdf_name("/Annots")] = generic.ArrayObject()
    page["/Annots"].append(ref)
    writer.update_container(page["/Annots"])
    writer.update_container(page)
