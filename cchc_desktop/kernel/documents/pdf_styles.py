"""Decree-30 page geometry, font sizes and paragraph styles for the PDF renderer.

Values sit inside the ranges of Nghị định 30/2020, Phụ lục I (checked at import):
A4; margins top/bottom 20-25 mm, left 30-35 mm, right 15-20 mm; sizes from the decree's
sample table (quốc hiệu 12, tiêu ngữ 13, agency 12, số 13, địa danh 13, tên loại and
trích yếu 14, body 14, signature 14, "Nơi nhận" 12, list 11, page numbers 14).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

MM = 72 / 25.4
PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210.0, 297.0

MARGIN_TOP_MM = 20.0
MARGIN_BOTTOM_MM = 20.0
MARGIN_LEFT_MM = 30.0
MARGIN_RIGHT_MM = 15.0

#: Allowed ranges, Decree 30/2020 Phụ lục I §I.
MARGIN_RANGES_MM = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}
MARGINS_MM = {"top": MARGIN_TOP_MM, "bottom": MARGIN_BOTTOM_MM, "left": MARGIN_LEFT_MM, "right": MARGIN_RIGHT_MM}

SIZE_NATIONAL = 12
SIZE_MOTTO = 13
SIZE_AGENCY = 12
SIZE_NUMBER = 13
SIZE_LETTER_SUMMARY = 12
SIZE_PLACE_DATE = 13
SIZE_TYPE = 14
SIZE_SUMMARY = 14
SIZE_BODY = 14
SIZE_SIGNATURE = 14
SIZE_RECIPIENTS_HEADING = 12
SIZE_RECIPIENTS = 11
SIZE_PAGE_NUMBER = 14
SIZE_MARK = 13

#: Line spacing slightly above single (≥ single, ≤ 1.5 lines).
LEADING_FACTOR = 1.2
PARAGRAPH_GAP = 6
FIRST_LINE_INDENT = 10 * MM
HEADER_LEFT_SHARE = 0.38


def _check_margins() -> None:
    for side, value in MARGINS_MM.items():
        low, high = MARGIN_RANGES_MM[side]
        if not low <= value <= high:
            raise ValueError(f"margin {side}={value} mm outside Decree 30 range {low}-{high} mm")


_check_margins()


def text_width(landscape: bool = False) -> float:
    """Width of the text area in points."""
    page = PAGE_HEIGHT_MM if landscape else PAGE_WIDTH_MM
    return (page - MARGIN_LEFT_MM - MARGIN_RIGHT_MM) * MM


def text_height(landscape: bool = False) -> float:
    """Height of the text area in points."""
    page = PAGE_WIDTH_MM if landscape else PAGE_HEIGHT_MM
    return (page - MARGIN_TOP_MM - MARGIN_BOTTOM_MM) * MM


@dataclass(frozen=True)
class Fonts:
    """The four faces of the registered serif family."""

    regular: str
    bold: str
    italic: str
    bold_italic: str

    def pick(self, bold: bool = False, italic: bool = False) -> str:
        if bold and italic:
            return self.bold_italic
        if bold:
            return self.bold
        return self.italic if italic else self.regular


@lru_cache(maxsize=1)
def fonts() -> Fonts:
    from cchc_desktop.kernel.documents.fonts import register_fonts

    family = register_fonts()
    return Fonts(f"{family}-Regular", f"{family}-Bold", f"{family}-Italic", f"{family}-BoldItalic")


_ALIGN = {"left": 0, "center": 1, "right": 2, "justify": 4}


@lru_cache(maxsize=256)
def style(
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    align: str = "center",
    indent: bool = False,
    space_after: float = 0,
    space_before: float = 0,
    keep_with_next: bool = False,
):
    """A cached ParagraphStyle in the document family."""
    from reportlab.lib.styles import ParagraphStyle

    name = f"s{size}{'b' if bold else ''}{'i' if italic else ''}{align}{int(indent)}{space_before}-{space_after}"
    return ParagraphStyle(
        name,
        fontName=fonts().pick(bold, italic),
        fontSize=size,
        leading=round(size * LEADING_FACTOR, 2),
        alignment=_ALIGN[align],
        firstLineIndent=FIRST_LINE_INDENT if indent else 0,
        spaceAfter=space_after,
        spaceBefore=space_before,
        keepWithNext=int(keep_with_next),
        splitLongWords=1,
        allowWidows=0,
        allowOrphans=0,
    )


def body_style(
    *,
    bold: bool = False,
    italic: bool = False,
    align: str = "justify",
    indent: bool = True,
    keep_with_next: bool = False,
):
    """Nội dung: 14 pt, justified, 1 cm first-line indent, 6 pt after each paragraph."""
    return style(
        SIZE_BODY,
        bold=bold,
        italic=italic,
        align=align,
        indent=indent,
        space_after=PARAGRAPH_GAP,
        keep_with_next=keep_with_next,
    )
