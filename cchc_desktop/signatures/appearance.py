"""Hình ảnh chữ ký, con dấu và dòng số/thời gian: drawn as one-page PDFs with ReportLab, then used
as appearance streams by pyHanko. ReportLab embeds the Vietnamese TTF and keeps PNG transparency.
"""

from __future__ import annotations

import io
import os
import uuid
from functools import lru_cache
from pathlib import Path

from pyhanko.pdf_utils import content, layout
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.stamp import StaticStampStyle

from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.paths import resource_path
from cchc_desktop.signatures import errors as e

TEXT_FONT = "CchcSignatureSerif"
TEXT_SIZE = 10.0
LINE_HEIGHT = 12.0


def font_file() -> Path:
    """Times New Roman (the font Decree 30 names) when Windows has it, else the bundled Liberation
    Serif, which has the same metrics."""
    if os.name == "nt":
        times = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts" / "times.ttf"
        if times.is_file():
            return times
    return resource_path("fonts", "LiberationSerif-Regular.ttf")


@lru_cache(maxsize=1)
def _font() -> str:
    """The serif font registered with ReportLab for the 10 pt số/thời gian text."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(TEXT_FONT, str(font_file())))
    return TEXT_FONT


def image_size(png: bytes, what_key: str) -> tuple[int, int]:
    """Pixel size of an image; PdfSigningError naming chữ ký or con dấu when it is not one."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(png)) as image:
            image.load()
            return image.size
    except (UnidentifiedImageError, OSError, ValueError):
        raise e.PdfSigningError("signatures.pdf.image", what=tr(what_key)) from None


def image_pdf(png: bytes, width: float, height: float) -> bytes:
    """A page exactly ``width`` × ``height`` points filled by the image, transparency kept."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=(width, height))
    page.drawImage(ImageReader(io.BytesIO(png)), 0, 0, width, height, mask="auto")
    page.showPage()
    page.save()
    return buffer.getvalue()


def text_size(lines: list[str]) -> tuple[float, float]:
    """Width and height (points) of right-aligned lines in the 10 pt serif."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    width = max(stringWidth(line, _font(), TEXT_SIZE) for line in lines)
    return width + 1.0, LINE_HEIGHT * len(lines) + 2.0


def text_pdf(lines: list[str], width: float, height: float) -> bytes:
    """Right-aligned black lines in Times-like 10 pt, upright, on a transparent page."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=(width, height))
    page.setFont(_font(), TEXT_SIZE)
    page.setFillColorRGB(0, 0, 0)
    baseline = height - TEXT_SIZE
    for line in lines:
        page.drawRightString(width, baseline, line)
        baseline -= LINE_HEIGHT
    page.showPage()
    page.save()
    return buffer.getvalue()


class ImportedPage(content.PdfContent):
    """The first page of an in-memory PDF as pyHanko content (pyHanko's own class reads a file)."""

    def __init__(self, pdf: bytes) -> None:
        super().__init__()
        self._pdf = pdf

    def render(self) -> bytes:
        writer = self._ensure_writer
        xobject = writer.import_page_as_xobject(PdfFileReader(io.BytesIO(self._pdf)), page_ix=0)
        name = "/Import" + uuid.uuid4().hex
        self.resources.xobject[name] = xobject
        x0, y0, x1, y1 = xobject.get_object()["/BBox"]
        self.box = layout.BoxConstraints(width=abs(x1 - x0), height=abs(y1 - y0))
        return name.encode("ascii") + b" Do"


def page_style(pdf: bytes) -> StaticStampStyle:
    """A stamp style showing the page at its own size, no border, no margin, fully opaque."""
    rule = layout.SimpleBoxLayoutRule(
        x_align=layout.AxisAlignment.ALIGN_MID,
        y_align=layout.AxisAlignment.ALIGN_MID,
        margins=layout.Margins.uniform(0),
    )
    return StaticStampStyle(background=ImportedPage(pdf), border_width=0, background_layout=rule)
