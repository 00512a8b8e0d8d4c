"""How a worksheet prints: the columns on the page, their widths, row heights, margins and page numbers.

A spreadsheet program lays out what the file says. LibreOffice Calc, which many state offices use,
does not recompute row heights when it opens an .xlsx: a wrapped cell without a stored height spills
over the rows below it. And a sheet much wider than the page is shrunk to fit, to 5-7 pt. So:

* every row gets a height from its wrapped text (estimated the way the cell wraps: word by word at the
  column's width in Times New Roman 12, the workbook's own font, so Excel and Calc agree);
* the printed columns come first and the print area holds only them; their widths are narrowed, if
  need be, so that an A4 page prints the 12 pt text at 9 pt or more;
* margins are the documents' (Decree 30: top and bottom 20 mm, left 30 mm, right 15 mm) and each page
  carries "Trang n/m" in its footer.

Widths are in Excel's unit: the width of a digit of the workbook's font (Times New Roman 12: 8 px at
96 dpi, about 2.1 mm), plus 5 px of cell padding per column.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

from cchc_desktop.kernel.documents import pdf_styles as S
from cchc_desktop.kernel.documents.model import CellValue

#: Pixels (96 dpi) per width unit, and the padding a column adds.
UNIT_PX = 8
COLUMN_PADDING_PX = 5
MM_PER_PX = 25.4 / 96
PT_PER_PX = 0.75
#: Pixels a cell keeps free at its sides, and the share of the rest counted on: spreadsheet programs
#: break lines a little earlier than the font's widths say.
CELL_MARGIN_PX = 6
WRAP_SLACK = 0.95
#: Height (pt) of one line of 12 pt text (Excel's; Calc's lines are a little shorter), and what a row
#: adds around it.
LINE_HEIGHT = 15.75
ROW_PADDING = 2.0
#: The smallest printed size of the 12 pt text that is still read comfortably.
MIN_PRINTED_PT = 9.0
BODY_PT = 12.0
MIN_WIDTH = 6.0
FOOTER = "Trang &P/&N"


def printable_px(landscape: bool) -> float:
    """Width (px at 96 dpi) between the margins of an A4 page."""
    page_mm = S.PAGE_HEIGHT_MM if landscape else S.PAGE_WIDTH_MM
    return (page_mm - S.MARGIN_LEFT_MM - S.MARGIN_RIGHT_MM) / MM_PER_PX


def columns_px(widths: Sequence[float]) -> float:
    return sum(w * UNIT_PX + COLUMN_PADDING_PX for w in widths)


def printed_scale(widths: Sequence[float], landscape: bool) -> float:
    """The scale a spreadsheet program prints ``widths`` at when it fits them to the page width."""
    return min(1.0, printable_px(landscape) / columns_px(widths))


def fit_widths(widths: list[float], landscape: bool, minimums: Sequence[float] | None = None) -> list[float]:
    """The widths narrowed in proportion just enough that the page prints 12 pt text at
    ``MIN_PRINTED_PT`` or more; none below its minimum (a date needs its ten digits, else a spreadsheet
    shows "###"), narrow ones kept."""
    # 7 % to spare: Calc measures a width unit a little wider than Excel does.
    budget_px = printable_px(landscape) * BODY_PT / MIN_PRINTED_PT * 0.93
    floors = [min(w, m) for w, m in zip(widths, minimums or [MIN_WIDTH] * len(widths), strict=True)]

    def scaled(factor: float) -> list[float]:
        return [round(max(floor, w * factor), 1) for w, floor in zip(widths, floors, strict=True)]

    if columns_px(widths) <= budget_px:
        return list(widths)
    low, high = 0.0, 1.0
    for _ in range(30):
        middle = (low + high) / 2
        low, high = (middle, high) if columns_px(scaled(middle)) <= budget_px else (low, middle)
    return scaled(low)


@lru_cache(maxsize=65536)
def _word_width(word: str, bold: bool) -> float:
    """Width (pt) of a word in the documents' font at 12 pt (Times New Roman or its metric twin)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    fonts = S.fonts()
    return stringWidth(word, fonts.bold if bold else fonts.regular, BODY_PT)


@lru_cache(maxsize=65536)  # a province's workbook repeats its units' names and states sheet after sheet
def _lines(text: str, width: float, bold: bool = False) -> int:
    """Lines a wrapped cell needs: word by word at the column's text width, measured in the font (a
    word longer than a line breaks inside itself, as a spreadsheet does)."""
    room = max(1.0, (width * UNIT_PX + COLUMN_PADDING_PX - CELL_MARGIN_PX) * PT_PER_PX * WRAP_SLACK)
    space = _word_width(" ", bold)
    total = 0
    for paragraph in text.split("\n"):
        lines, used = 1, 0.0
        for word in paragraph.split():
            size = _word_width(word, bold)
            if used and used + space + size <= room:
                used += space + size
                continue
            if used:
                lines += 1
            extra = math.ceil(size / room) - 1 if size > room else 0
            lines += extra
            used = size - extra * room
        total += lines
    return total


def row_height(values: Sequence[CellValue], widths: Sequence[float], bold: bool = False) -> float | None:
    """The height (pt) of a row whose text wraps, or None when one line is enough."""
    lines = 1
    for value, width in zip(values, widths, strict=False):
        if isinstance(value, str) and value:
            lines = max(lines, _lines(value, width, bold))
    return None if lines == 1 else math.ceil(lines * LINE_HEIGHT + ROW_PADDING)


def print_setup(sheet, header_row: int, landscape: bool, printed: int, last_row: int | None) -> None:
    """Paper, orientation, fit to width, margins, repeated header, page numbers, print area."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.page import PageMargins

    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.paperSize = 9  # A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    inch = 25.4
    sheet.page_margins = PageMargins(
        left=S.MARGIN_LEFT_MM / inch,
        right=S.MARGIN_RIGHT_MM / inch,
        top=S.MARGIN_TOP_MM / inch,
        bottom=S.MARGIN_BOTTOM_MM / inch,
        header=8 / inch,
        footer=8 / inch,
    )
    sheet.oddFooter.center.text = FOOTER
    sheet.oddFooter.center.font = "Times New Roman,Regular"
    sheet.oddFooter.center.size = 11
    last = get_column_letter(printed)
    sheet.print_area = f"A1:{last}{last_row or 1048576}"
