"""Body blocks (headings, paragraphs, bullets, tables, page breaks) as ReportLab flowables.

Tables use Paragraph cells so long text wraps inside its column, repeat their header row
on every page, and may split inside a tall row so no row is ever too big for a page.
Imported only by the PDF renderer at render time.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable
from reportlab.platypus import TableStyle

from cchc_desktop.kernel.documents import pdf_styles as S
from cchc_desktop.kernel.documents.model import (
    Block,
    Bullet,
    CellValue,
    Column,
    Heading,
    PageBreak,
    Paragraph,
    Row,
    Table,
)
from cchc_desktop.kernel.documents.pdf_markup import bold, markup
from cchc_desktop.kernel.i18n import format_date, format_number

#: Smallest piece (pt) of a row split across pages: about two lines of table text.
MIN_ROW_SPLIT = 30
CELL_PADDING = 3
#: A group row is kept with the next row only when that row is shorter than this (pt):
#: a third of a landscape page, so the pair can always move to a fresh page together.
KEEP_WITH_GROUP_MAX = 160


def heading(block: Heading, keep_with_next: bool = True) -> RLParagraph:
    """Level 1 "I. …" bold, level 2 "1. …" bold, level 3 "a) …" italic; kept with what follows."""
    style = S.body_style(bold=block.level <= 2, italic=block.level >= 3, keep_with_next=keep_with_next)
    # The last two words go together: a heading never ends on a line of one word ("… HÀNH" / "CHÍNH").
    head, _, last = block.text.rstrip().rpartition(" ")
    text = f"{head}\u00a0{last}" if head and " " in head else block.text
    return RLParagraph(markup(text), style)


def paragraph(block: Paragraph) -> RLParagraph:
    style = S.body_style(
        bold=block.bold, italic=block.italic, align=block.align, indent=block.indent and block.align == "justify"
    )
    text = markup(block.text)
    if block.lead:
        text = f"{bold(block.lead)} {text}"
    return RLParagraph(text, style)


def bullet(block: Bullet) -> RLParagraph:
    return RLParagraph(markup(f"{block.marker} {block.text}"), S.body_style())


def cell_text(value: CellValue, column: Column) -> str:
    """A cell value as printed: numbers with decimal comma and dot thousands, dates dd/mm/yyyy."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return markup(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return format_date(value)
    if isinstance(value, (int, float)):
        decimals = 0 if column.kind in ("integer", "money") else None
        suffix = "%" if column.kind == "percent" else ""
        return format_number(value, decimals) + suffix
    return markup(value)


def _row_cells(row: Row, columns: list[Column], styles: list) -> tuple[list, bool]:
    if row.group:
        first = row.cells[0] if row.cells else ""
        label = row.cells[1] if len(row.cells) > 1 else ""
        group_style = S.style(styles[0].fontSize, bold=True, align="left")
        cells = [RLParagraph(bold(first), styles[0]), RLParagraph(markup(label), group_style)]
        return cells + [""] * (len(columns) - 2), True
    values = list(row.cells) + [None] * (len(columns) - len(row.cells))
    if row.bold:
        styles = [S.style(s.fontSize, bold=True, align=c.align) for s, c in zip(styles, columns, strict=False)]
    return [RLParagraph(cell_text(v, c), s) for v, c, s in zip(values, columns, styles, strict=False)], False


def _column_styles(columns: list[Column], size: float) -> list:
    return [S.style(size, align=c.align) for c in columns]


def _estimated_height(row: Row, widths: list[float], size: float) -> float:
    """A rough height of a row (Times averages about half an em per character)."""
    lines = 1
    for value, width in zip(row.cells, widths, strict=False):
        text = "" if value is None else str(value)
        per_line = max(1.0, (width - 2 * CELL_PADDING) / (0.5 * size))
        lines = max(lines, sum(int(len(part) / per_line) + 1 for part in text.split("\n")))
    return lines * size * S.LEADING_FACTOR + 6


def _group_commands(index: int, rows: list[Row], widths: list[float], size: float) -> list[tuple]:
    """A group row spans the columns after STT and is kept with the row under it, unless that
    row is too tall to move whole (it must then be free to split across pages)."""
    commands: list[tuple] = []
    if len(widths) > 2:
        commands.append(("SPAN", (1, index + 1), (-1, index + 1)))
    following = rows[index + 1] if index + 1 < len(rows) else None
    if following is not None and _estimated_height(following, widths, size) < KEEP_WITH_GROUP_MAX:
        commands.append(("NOSPLIT", (0, index + 1), (-1, index + 2)))
    return commands


@lru_cache(maxsize=4)
def _table_class(frame_height: float) -> type:
    """A platypus Table that splits between rows, and inside a row only when that row (with
    the header and anything kept with it) cannot fit even on a fresh page.

    ReportLab's own in-row splitting also cuts ordinary rows at a page end, and then starts the
    rest of the table, header repeated, lower on the same page.
    """

    class DocumentTable(RLTable):
        def split(self, avail_width: float, avail_height: float) -> list:
            self._calc(avail_width, avail_height)
            first_left_out = self._getFirstPossibleSplitRowPosition(avail_height)
            if self._height_from(first_left_out) > frame_height:
                parts = self._splitRows(avail_height, doInRowSplit=True)
                if parts:
                    return parts
            return self._splitRows(avail_height, doInRowSplit=False)

        def _height_from(self, row: int) -> float:
            """Header plus ``row`` plus the rows kept with it: what a fresh page must hold."""
            if row >= len(self._rowHeights):
                return 0.0
            last = row
            for _name, (_sc, start), (_ec, end), *_rest in self._nosplitCmds:
                if start <= row <= end:
                    last = max(last, end)
            return sum(self._rowHeights[: self.repeatRows]) + sum(self._rowHeights[row : last + 1])

    return DocumentTable


def _needed_width(column: Column, rows: list[Row], index: int, size: float) -> float:
    """The narrowest a column may be: its longest header word (bold) and, for numbers, its longest
    value, never broken inside ("ST/T", "15.000.00/0")."""
    fonts = S.fonts()
    needed = max((stringWidth(word, fonts.bold, size) for word in column.title.split()), default=0.0)
    if column.kind in ("integer", "number", "money", "percent", "date"):
        for row in rows:
            if not row.group and index < len(row.cells):
                text = cell_text(row.cells[index], column)
                needed = max(needed, stringWidth(text, fonts.bold if row.bold else fonts.regular, size))
    return needed + 2 * CELL_PADDING + 1


def column_widths(columns: list[Column], rows: list[Row], width: float, size: float) -> list[float]:
    """Widths in proportion to the columns' weights, each at least what it needs (a quarter of the
    table at most); the others give way in proportion."""
    total = sum(c.width for c in columns) or 1
    widths = [width * c.width / total for c in columns]
    needed = [min(_needed_width(c, rows, i, size), width / 4) for i, c in enumerate(columns)]
    fixed = {i for i, (w, n) in enumerate(zip(widths, needed, strict=True)) if n > w}
    while fixed:
        room = width - sum(needed[i] for i in fixed)
        free = sum(columns[i].width for i in range(len(columns)) if i not in fixed) or 1
        widths = [needed[i] if i in fixed else room * columns[i].width / free for i in range(len(columns))]
        more = {i for i in range(len(columns)) if i not in fixed and needed[i] > widths[i]}
        if not more:
            break
        fixed |= more
    return widths


def table(block: Table, width: float, frame_height: float | None = None) -> RLTable:
    """A grid table with a bold, centred header row repeated on each page."""
    columns, rows = block.columns, list(block.rows)
    widths = column_widths(columns, rows, width, block.font_size)
    head_style = S.style(block.font_size, bold=True, align="center")
    data: list[list] = [[RLParagraph(markup(c.title), head_style) for c in columns]]
    styles = _column_styles(columns, block.font_size)
    commands = [
        ("FONT", (0, 0), (-1, -1), S.fonts().regular, block.font_size),
        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    for index, row in enumerate(rows):
        cells, grouped = _row_cells(row, columns, styles)
        if grouped:
            commands += _group_commands(index, rows, widths, block.font_size)
        data.append(cells)
    if len(rows) > 1 and rows[-1].bold:  # a total is never alone at the top of a page
        commands.append(("NOSPLIT", (0, len(rows) - 1), (-1, len(rows))))
    table_class = _table_class(round(frame_height or S.text_height(), 1))
    return table_class(
        data,
        colWidths=widths,
        repeatRows=1,
        splitByRow=1,
        splitInRow=MIN_ROW_SPLIT,
        style=TableStyle(commands),
        hAlign="CENTER",
    )


def block_flowables(block: Block, width: float, frame_height: float | None = None) -> list:
    """The flowables for one body block."""
    if isinstance(block, Heading):
        return [heading(block)]
    if isinstance(block, Paragraph):
        return [paragraph(block)]
    if isinstance(block, Bullet):
        return [bullet(block)]
    if isinstance(block, Table):
        return [table(block, width, frame_height)]
    if isinstance(block, PageBreak):
        return [RLPageBreak()]
    raise TypeError(f"unknown document block {type(block).__name__}")
