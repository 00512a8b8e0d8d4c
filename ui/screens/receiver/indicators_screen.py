"""Tổng hợp chỉ tiêu: a period's indicators across units (from summed figures), each unit's figure
against its own target, and the tasks behind in the units' reports."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QTabWidget, QVBoxLayout, QWidget

from cchc_desktop.kernel.i18n import format_number, format_percent, tr
from cchc_desktop.receiver.index import LaggingTask
from cchc_desktop.receiver.indicators import Consolidated, UnitFigure
from cchc_desktop.reports.calc import attainment_text
from ui.models.rows_table import PAYLOAD_ROLE, RowsModel, TableCell
from ui.screens.receiver.table_screen import COLOURS, table_view
from ui.session import Session
from ui.widgets.document_actions import DocumentActions, DocumentTarget

SUMMARY = ("code", "text", "reporting", "numerator", "denominator", "result", "met", "not_met")
UNITS = ("unit", "figure", "target", "attainment")
TASKS = ("content", "deadline", "count", "units")
ATTAINMENT_COLOURS = {"met": COLOURS["met"], "not_met": COLOURS["not_met"], "pending": COLOURS["late"]}


def _headers(prefix: str, keys: tuple[str, ...]) -> list[str]:
    return [tr(f"ui.receiver.indicators.{prefix}.{k}") for k in keys]


class IndicatorsScreen(QWidget):
    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.year = 0
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.period = QComboBox()
        self.period.activated.connect(lambda _: self.load_period())
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(tr("ui.grid.filter.placeholder"))
        self.summary = RowsModel(_headers("col", SUMMARY), self)
        self.units = RowsModel(_headers("unit", UNITS), self)
        self.tasks = RowsModel(_headers("task", TASKS), self)
        self.summary_view, self.summary_proxy = table_view(self.summary, self)
        self.units_view, self.units_proxy = table_view(self.units, self)
        self.tasks_view, self.tasks_proxy = table_view(self.tasks, self)
        for proxy in (self.summary_proxy, self.tasks_proxy):
            self.filter_box.textChanged.connect(proxy.set_text)
        self.summary_view.selectionModel().currentRowChanged.connect(lambda current, _: self._show_units(current))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.documents = DocumentActions(session, self, "consolidated", self._target, self._prepare)
        self._layout()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(QLabel(tr("ui.receiver.indicators.period")))
        top.addWidget(self.period)
        self.documents.add_to(top)
        figures = QWidget()
        box = QVBoxLayout(figures)
        box.addWidget(self.summary_view, 3)
        box.addWidget(QLabel(tr("ui.receiver.indicators.units_of")))
        box.addWidget(self.units_view, 2)
        self.tabs = QTabWidget()
        self.tabs.addTab(figures, tr("ui.receiver.indicators.tab.figures"))
        self.tabs.addTab(self.tasks_view, tr("ui.receiver.indicators.tab.tasks"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.note)
        for column, width in enumerate((70, 360, 125, 110, 110, 115, 90)):
            self.summary_view.setColumnWidth(column, width)
        for column, width in enumerate((240, 110, 160)):
            self.units_view.setColumnWidth(column, width)
        self.tasks_view.setColumnWidth(0, 420)

    def set_year(self, year: int) -> None:
        self.year = year
        self.heading.setText(tr("ui.receiver.indicators.heading", year=year))
        current = self.period.currentData()
        self.period.clear()
        for period in self.session.ws.reports.calendar(year):
            self.period.addItem(period.label, period.code)
        default = self.session.ws.receiver.latest_due_period(year)
        wanted = current or (default.code if default else None)
        self.period.setCurrentIndex(max(0, self.period.findData(wanted)))
        self.load_period()

    def load_period(self) -> None:
        code = self.period.currentData()
        receiver = self.session.ws.receiver
        rows = receiver.indicators(self.year, code) if code else []
        self.summary.set_rows([self._summary_cells(c) for c in rows], rows)
        lagging = receiver.lagging_tasks(self.year, code) if code else []
        self.tasks.set_rows([self._task_cells(t) for t in lagging], lagging)
        self.units.set_rows([])
        if rows:  # the per-unit table shows the first indicator rather than staying blank
            self.summary_view.selectRow(0)
            self._show_units(self.summary_view.model().index(0, 0))
        self.note.setText(
            tr("ui.receiver.indicators.note") if code else tr("ui.receiver.calendar.missing", year=self.year)
        )

    def _target(self) -> DocumentTarget | None:
        code = self.period.currentData()
        return DocumentTarget(self.year, code) if code else None

    def _prepare(self, fmt: str):
        code = self.period.currentData()
        return self.session.ws.letters.prepare_consolidated(self.year, code, fmt) if code else None

    @staticmethod
    def _summary_cells(item: Consolidated) -> list[TableCell]:
        return [
            TableCell(item.code),
            TableCell(item.text),
            TableCell(str(item.reporting), item.reporting, align_right=True),
            TableCell(format_number(item.numerator) if item.is_rate else "", item.numerator, align_right=True),
            TableCell(format_number(item.denominator) if item.is_rate else "", item.denominator, align_right=True),
            TableCell(item.combined_text(), item.combined or 0, align_right=True),
            TableCell(str(item.count("met")), item.count("met"), align_right=True),
            TableCell(str(item.count("not_met")), item.count("not_met"), align_right=True),
        ]

    def _show_units(self, index) -> None:
        item: Consolidated | None = index.data(PAYLOAD_ROLE) if index.isValid() else None
        figures = item.units if item is not None else []
        self.units.set_rows([self._unit_cells(f) for f in figures], figures)

    @staticmethod
    def _unit_cells(figure: UnitFigure) -> list[TableCell]:
        shown = format_percent(figure.figure) if figure.is_rate else format_number(figure.figure)
        target = format_number(figure.target) if figure.target is not None else ""
        state = figure.attainment or "no_data"
        return [
            TableCell(figure.unit_name),
            TableCell(shown, figure.figure or 0, align_right=True),
            TableCell(f"{figure.comparator} {target}".strip()),
            TableCell(attainment_text(state), state, ATTAINMENT_COLOURS.get(state, "")),
        ]

    @staticmethod
    def _task_cells(task: LaggingTask) -> list[TableCell]:
        return [
            TableCell(task.content),
            TableCell(task.deadline_text),
            TableCell(str(len(task.units)), len(task.units), align_right=True),
            TableCell(", ".join(task.units)),
        ]
