"""Tình hình nộp báo cáo: units × (plan, periods, self-assessment), each cell on time, late, missing…"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox

from cchc_desktop.kernel.i18n import format_date, format_percent, tr
from cchc_desktop.receiver.completeness import Cell, ColumnRates, CompletenessMatrix, UnitRow
from ui.models.rows_table import TableCell
from ui.screens.receiver.table_screen import COLOURS, TableScreen
from ui.session import Session

SORT_ORDER = {"missing": 0, "late": 1, "draft": 2, "pending": 3, "on_time": 4, "not_applicable": 5}


def cell_text(cell: Cell) -> str:
    text = tr(f"receiver.cell.{cell.state}", days=cell.days_late)
    if cell.resent:
        text += f" ({tr('receiver.cell.resent', revision=cell.revisions)})"
    return text


def rates_text(label: str, rates: ColumnRates) -> str:
    def percent(value: float | None) -> str:
        return format_percent(100 * value) if value is not None else "—"

    return f"{label}: " + tr(
        "receiver.rates",
        received=rates.received,
        expected=rates.expected,
        reporting=percent(rates.reporting_rate),
        on_time=rates.on_time,
        on_time_rate=percent(rates.on_time_rate),
    )


class CompletenessScreen(TableScreen):
    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(session, [], parent)
        self.matrix: CompletenessMatrix | None = None
        self.calendar_button = self.button("ui.receiver.calendar.create", self.create_calendar)
        self.only_lagging = QCheckBox(tr("ui.receiver.completeness.only_lagging"))
        self.only_lagging.toggled.connect(self._filter)
        self.tools.addWidget(self.only_lagging)

    def load(self) -> None:
        receiver = self.session.ws.receiver
        self.matrix = matrix = receiver.completeness(self.year)
        self.heading.setText(tr("ui.receiver.completeness.heading", year=self.year))
        has_calendar = any(c.kind == "report" for c in matrix.columns)
        self.calendar_button.setVisible(not has_calendar)
        headers = [tr("ui.receiver.roster.col.no"), tr("ui.receiver.roster.col.name"), tr("ui.receiver.roster.col.key")]
        headers += [self._header(c.label, c.due) for c in matrix.columns]
        rows = [self._cells(i, r) for i, r in enumerate(matrix.rows, 1)]
        self.model.set_rows(rows, matrix.rows, headers)
        self.widths(45, 200, 105, *([122] * len(matrix.columns)))
        notes = " · ".join(rates_text(c.label, matrix.rates[c.key]) for c in matrix.columns)
        missing = "" if has_calendar else tr("ui.receiver.calendar.missing", year=self.year) + "\n"
        self.note.setText(missing + tr("ui.receiver.completeness.rates", rates=notes))

    @staticmethod
    def _header(label: str, due) -> str:
        return f"{label}\n{tr('ui.receiver.completeness.due', date=format_date(due))}" if due else label

    def _cells(self, number: int, row: UnitRow) -> list[TableCell]:
        name = row.name if row.in_roster else tr("receiver.unit.not_in_roster", name=row.name)
        cells = [
            TableCell(str(number), number, align_right=True),
            TableCell(name),
            TableCell(tr(f"receiver.roster.key.{row.key_state}")),
        ]
        for column in self.matrix.columns if self.matrix else []:
            cell = row.cells[column.key]
            tip = tr("ui.receiver.completeness.sent", date=format_date(cell.sent)) if cell.sent else ""
            cells.append(
                TableCell(cell_text(cell), (SORT_ORDER[cell.state], -cell.days_late), COLOURS.get(cell.state, ""), tip)
            )
        return cells

    def _filter(self, only: bool) -> None:
        lagging = {id(r) for r in self.matrix.lagging()} if self.matrix and only else None
        self.proxy.set_test((lambda row: id(row) in lagging) if lagging is not None else None)

    def create_calendar(self) -> None:
        year = self.year
        self.session.call(self, lambda: self.session.ws.reports.create_calendar(year))
