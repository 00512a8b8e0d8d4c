"""Báo cáo tổng hợp của các huyện (at a province): pick a district's report; its indicators as sums of
numerators and denominators, its communes' states per period, their self-scores; its PDF opens."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.kernel.i18n import format_date, format_number, tr

TEXT_WIDTH = 460


def _table(headers: list[str], rows: list[list[str]], numeric_from: int = 99) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c >= numeric_from:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    for column in range(len(headers)):  # a long indicator text must not push the figures out of sight
        table.setColumnWidth(column, min(table.columnWidth(column), TEXT_WIDTH))
    table.setWordWrap(True)
    table.resizeRowsToContents()
    return table


def _number(value: float | None) -> str:
    return format_number(value) if value is not None else ""


class RollupView(QDialog):
    def __init__(self, session, open_document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("rollup.view.title"))
        self.reports = session.ws.rollup.received()
        self.open_document = open_document
        self.picker = QComboBox()
        for report in self.reports:
            self.picker.addItem(report.label, report.package_row_id)
        self.picker.currentIndexChanged.connect(self.show_report)
        self.pdf = QPushButton(tr("rollup.view.open_pdf"))
        self.pdf.clicked.connect(lambda: self.open_document(self.current()))
        self.note = QLabel(tr("rollup.view.none"))
        self.note.setWordWrap(True)
        self.tabs = QTabWidget()
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("rollup.view.pick")))
        top.addWidget(self.picker, 1)
        top.addWidget(self.pdf)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.tabs, 1)
        self.pdf.setEnabled(bool(self.reports))
        self.resize(1000, 600)
        self.show_report()

    def current(self):
        index = self.picker.currentIndex()
        return self.reports[index] if 0 <= index < len(self.reports) else None

    def show_report(self) -> None:
        self.tabs.clear()
        report = self.current()
        if report is None:
            return
        self.note.setText(tr("rollup.view.as_of", date=format_date(report.as_of), units=len(report.communes)))
        col = lambda key: tr(f"rollup.view.col.{key}")  # noqa: E731
        indicators = [
            [i.code, i.text, _number(i.numerator), _number(i.denominator), i.figure_text, str(i.reporting)]
            for i in report.indicators
        ]
        headers = [col(k) for k in ("code", "text", "numerator", "denominator", "figure", "reporting")]
        self.tabs.addTab(_table(headers, indicators, 2), tr("rollup.view.tab.indicators"))
        states = [[c.name, *c.cells] for c in report.communes]
        self.tabs.addTab(_table([col("unit"), *report.columns], states), tr("rollup.view.tab.completeness"))
        scores = [[s.name, _number(s.total), _number(s.max_total)] for s in report.scores]
        headers = [col("unit"), col("total"), col("max")]
        self.tabs.addTab(_table(headers, scores, 1), tr("rollup.view.tab.index"))
