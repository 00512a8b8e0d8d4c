"""Excel renderer: tables (the same Column/Row model as the PDF) written with openpyxl.

Each sheet gets title rows, a bold filled header row with borders and wrapping, column
widths, frozen panes under the header, the header repeated on printed pages, A4 landscape
fitted to the page width (how it prints: :mod:`xlsx_print`). Numbers stay numbers, dates stay
dates (dd/mm/yyyy). Text is always stored as text: a cell typed "=1+1", "+SUM(A1)", "-2" or "@x" is
never a formula (formula injection), and text cells are marked as text ("quotePrefix") so that
editing one in a spreadsheet program does not turn it into one either. The workbook's own font is
Times New Roman 12, the documents' font, so column widths mean the same in Excel and LibreOffice.
Very long tables stream through a write-only workbook. openpyxl is imported lazily.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
from collections.abc import Callable, Iterable, Sized
from dataclasses import dataclass, field
from functools import lru_cache

from cchc_desktop.kernel.documents.model import CellValue, Column, Row
from cchc_desktop.kernel.documents.xlsx_print import fit_widths, print_setup, row_height
from cchc_desktop.kernel.errors import JobCancelled
from cchc_desktop.kernel.text import nfc

#: Above this many rows in all, the workbook is written in streaming (write-only) mode:
#: memory stays flat, but it is slower than a normal workbook (scripts/bench_documents.py).
STREAM_THRESHOLD = 20000
MAX_CELL_TEXT = 32767
FONT_NAME = "Times New Roman"
NUMBER_FORMATS = {"integer": "0", "money": "#,##0", "number": "General", "percent": '0.##"%"', "date": "DD/MM/YYYY"}
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_CHECK_EVERY = 500


@dataclass
class Sheet:
    """One worksheet: name (≤ 31 characters), title lines above the table, the table itself."""

    name: str
    columns: list[Column]
    rows: Iterable[Row]
    title_lines: list[str] = field(default_factory=list)
    landscape: bool = True
    #: How many leading columns are printed (None: all); the others are for filtering and sorting.
    print_columns: int | None = None


def safe_sheet_name(name: str) -> str:
    """Excel refuses []:*?/\\ in sheet names and more than 31 characters."""
    cleaned = re.sub(r"\s+", " ", re.sub(r"[\[\]:*?/\\]", " ", nfc(name))).strip()
    return cleaned[:31].strip() or "Sheet"


@lru_cache(maxsize=65536)  # the same names and words recur in every sheet of a workbook
def _text(value: str) -> str:
    """Cell text: NFC, line breaks as a single line feed (a spreadsheet's own form; a bare CR would be
    written as "&#13;" by some XML writers), no characters a workbook cannot hold, at most 32,767."""
    lines = nfc(value).replace("\r\n", "\n").replace("\r", "\n")
    return _ILLEGAL.sub("", lines)[:MAX_CELL_TEXT]


def number_format(value: CellValue, column: Column | None) -> str | None:
    """The Excel number format for a typed value in ``column`` (None for text and blanks)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, dt.date)):
        return None
    if isinstance(value, dt.date):
        return NUMBER_FORMATS["date"]
    return NUMBER_FORMATS.get(column.kind if column else "number", "General")


def make_cell(sheet, value: CellValue, column: Column | None = None):
    """A cell holding ``value`` typed for Excel; strings are forced to text, never formulas."""
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, str):
        value = _text(value) or None
    elif isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str):
        cell = WriteOnlyCell(sheet)
        cell.value = value
        cell.data_type = "s"  # "=1+1" would otherwise be bound as a formula
        return cell
    cell = WriteOnlyCell(sheet, value=value)
    fmt = number_format(value, column)
    if fmt is not None:
        cell.number_format = fmt
    return cell


class _Styles:
    """Shared style objects (openpyxl de-duplicates them; sharing keeps it fast)."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        thin = Side(style="thin", color="000000")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.title_font = Font(name=FONT_NAME, size=13, bold=True)
        self.head_font = Font(name=FONT_NAME, size=12, bold=True)
        self.body_font = Font(name=FONT_NAME, size=12)
        self.group_font = Font(name=FONT_NAME, size=12, bold=True)
        self.head_fill = PatternFill("solid", fgColor="D9E1F2")
        self.centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.aligned = {a: Alignment(horizontal=a, vertical="top", wrap_text=True) for a in ("left", "center", "right")}
        self._arrays: dict[tuple, object] = {}

    def body_array(self, sheet, group: bool, align: str, fmt: str | None, text: bool = False):
        """The style of a body cell, built once per combination (a new cell copies it): assigning
        font, border and alignment cell by cell hashes them every time (slow)."""
        key = (group, align, fmt, text)
        if key not in self._arrays:
            from openpyxl.cell import WriteOnlyCell

            proto = WriteOnlyCell(sheet)
            proto.font = self.group_font if group else self.body_font
            proto.border = self.border
            proto.alignment = self.aligned.get(align, self.aligned["left"])
            proto.quotePrefix = text
            if fmt is not None:
                proto.number_format = fmt
            self._arrays[key] = proto._style
        return self._arrays[key]


def _title_rows(sheet, lines: list[str], widths: list[float], styles: _Styles) -> None:
    """Title lines centred over the printed columns (a merged cell, its height from its wrapped text)."""
    width = len(widths)
    for row, line in enumerate(lines, start=1):
        cell = make_cell(sheet, line)
        cell.font, cell.alignment = styles.title_font, styles.centre
        _set_height(sheet, row, row_height([line], [sum(widths)], bold=True))
        sheet.append([cell])
        if hasattr(sheet, "merge_cells") and width > 1:
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    if lines:
        sheet.append([])


def _set_height(sheet, row: int, height: float | None) -> None:
    if height is not None:
        sheet.row_dimensions[row].height = height


def _header_row(sheet, row: int, columns: list[Column], widths: list[float], styles: _Styles) -> None:
    cells = []
    for column in columns:
        cell = make_cell(sheet, column.title)
        cell.font, cell.fill = styles.head_font, styles.head_fill
        cell.border, cell.alignment = styles.border, styles.centre
        cells.append(cell)
    _set_height(sheet, row, row_height([c.title for c in columns], widths, bold=True))
    sheet.append(cells)


def _data_row(sheet, row: Row, columns: list[Column], styles: _Styles) -> list:
    from openpyxl.cell import Cell

    values = list(row.cells) + [None] * (len(columns) - len(row.cells))
    bold = row.group or row.bold
    cells = []
    for value, column in zip(values, columns, strict=False):
        value, data_type = _typed(value)
        style = styles.body_array(sheet, bold, column.align, number_format(value, column), data_type == "s")
        # The cell is filled directly: the value setter would guess the type again (and take "=…"
        # for a formula) for each of the tens of thousands of cells of a province's workbook.
        cell = Cell(sheet, 1, 1, style_array=style)
        cell._value, cell.data_type = value, data_type
        cells.append(cell)
    return cells


def _typed(value: CellValue) -> tuple[CellValue, str]:
    """The value as the cell stores it and its Excel type: s(tring), n(umber), b(oolean), d(ate)."""
    if isinstance(value, str):
        text = _text(value)
        return (text, "s") if text else (None, "n")
    if isinstance(value, bool):
        return value, "b"
    if isinstance(value, dt.datetime):
        return value.date(), "d"
    if isinstance(value, dt.date):
        return value, "d"
    return value, "n"


#: The narrowest a column of each kind may print: a date's ten digits, a sum in millions.
_MIN_WIDTHS = {"date": 11.0, "money": 12.0, "number": 7.0, "percent": 7.0, "integer": 5.0}


def column_widths(columns: list[Column], printed: int, landscape: bool) -> list[float]:
    """Each column's width; the printed ones narrowed, if need be, to print at 9 pt or more."""
    widths = [column.excel_width or max(6.0, min(60.0, column.width * 14)) for column in columns]
    minimums = [_MIN_WIDTHS.get(column.kind, 6.0) for column in columns[:printed]]
    return fit_widths(widths[:printed], landscape, minimums) + widths[printed:]


def _apply_widths(sheet, widths: list[float]) -> None:
    from openpyxl.utils import get_column_letter

    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def write_table(
    sheet,
    columns: list[Column],
    rows: Iterable[Row],
    *,
    title_lines: Iterable[str] = (),
    landscape: bool = True,
    print_columns: int | None = None,
    on_row: Callable[[int], None] | None = None,
) -> int:
    """Write title lines, a styled header row and ``rows`` to ``sheet`` (normal or write-only).

    Returns the header row number. ``on_row(count)`` is called every few hundred rows
    (progress and cancellation hooks). Each row is as tall as its wrapped text.
    """
    styles = _Styles()
    lines = [line for line in title_lines if line]
    header_row = len(lines) + (1 if lines else 0) + 1
    printed = min(print_columns or len(columns), len(columns))
    widths = column_widths(columns, printed, landscape)
    _apply_widths(sheet, widths)
    last_row = header_row + len(rows) if isinstance(rows, Sized) else None
    print_setup(sheet, header_row, landscape, printed, last_row)
    _title_rows(sheet, lines, widths[:printed], styles)
    _header_row(sheet, header_row, columns, widths, styles)
    for count, row in enumerate(rows, start=1):
        _set_height(sheet, header_row + count, row_height(row.cells, widths, bold=row.group or row.bold))
        sheet.append(_data_row(sheet, row, columns, styles))
        if on_row is not None and count % _CHECK_EVERY == 0:
            on_row(count)
    return header_row


def _row_total(sheets: list[Sheet]) -> int | None:
    """How many rows the sheets hold; None when one of them has its rows as a stream of unknown length."""
    total = 0
    for sheet in sheets:
        if not isinstance(sheet.rows, Sized):
            return None
        total += len(sheet.rows)
    return total


def _write_sheets(workbook, sheets: list[Sheet], total: int | None, progress, cancelled) -> None:
    done = 0
    for spec in sheets:
        sheet = workbook.create_sheet(safe_sheet_name(spec.name))

        def on_row(count: int, base: int = done) -> None:
            if cancelled is not None and cancelled():
                raise JobCancelled()
            if progress is not None and total:
                progress(min(base + count, total), total)

        write_table(
            sheet,
            spec.columns,
            spec.rows,
            title_lines=spec.title_lines,
            landscape=spec.landscape,
            print_columns=spec.print_columns,
            on_row=on_row,
        )
        done += len(spec.rows) if total is not None else 0  # type: ignore[arg-type]
    if progress is not None and total is not None:
        progress(total, total)


def _discard(workbook) -> None:
    """Close the temporary files of a streaming workbook abandoned half-way (cancel, error)."""
    for sheet in workbook.worksheets:
        close = getattr(sheet, "close", None)
        if close is not None and not getattr(sheet, "closed", True):
            with contextlib.suppress(Exception):  # already broken; nothing more to release
                close()


def _documents_font(workbook) -> None:
    """Make Times New Roman 12 the workbook's default font (Excel's default is Calibri 11, which
    LibreOffice replaces by another font of other widths): column widths are counted in its digits."""
    from openpyxl.styles import Font
    from openpyxl.utils.indexed_list import IndexedList

    workbook._fonts = IndexedList([Font(name=FONT_NAME, size=12)])


def render_xlsx(
    sheets: list[Sheet],
    *,
    streaming: bool | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """Write ``sheets`` to an .xlsx workbook and return its bytes.

    ``streaming`` None chooses write-only mode for long (or unsized) tables.
    ``progress(done_rows, total_rows)``; ``cancelled()`` True raises JobCancelled.
    """
    from openpyxl import Workbook

    total = _row_total(sheets)
    if streaming is None:
        streaming = total is None or total > STREAM_THRESHOLD
    workbook = Workbook(write_only=streaming)
    _documents_font(workbook)
    if not streaming:
        workbook.remove(workbook.active)
    try:
        _write_sheets(workbook, sheets, total, progress, cancelled)
    except BaseException:
        _discard(workbook)
        raise
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
