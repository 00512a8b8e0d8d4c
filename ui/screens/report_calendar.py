"""Lịch báo cáo của năm: edit the periods' data windows and due dates, add or remove a period."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from cchc_desktop.kernel.i18n import tr
from ui.models.record_table import Column
from ui.screens.report_dialogs import AddPeriodDialog
from ui.screens.report_tabs import fixed_rows
from ui.session import Session
from ui.widgets.table_editor import TableEditor


class CalendarDialog(QDialog):
    """Every edit is committed at once (and can be undone); closing keeps what was typed."""

    def __init__(self, session: Session, year: int, parent=None) -> None:
        super().__init__(parent)
        self.session, self.year = session, year
        self.setWindowTitle(tr("ui.report.calendar.title", year=year))
        self.resize(1000, 360)
        self.editor = fixed_rows(TableEditor(session, "report_period", self._columns()))
        self.add_button = QPushButton(tr("ui.report.calendar.add"))
        self.add_button.clicked.connect(self.add_period)
        self.remove_button = QPushButton(tr("ui.report.calendar.remove"))
        self.remove_button.clicked.connect(self.remove_period)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.accept)
        note = QLabel(tr("ui.report.calendar.note"))
        note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.editor, 1)
        layout.addLayout(row)
        layout.addWidget(close)
        self.reload()

    def _columns(self) -> list[Column]:
        return [
            Column("code", 60, editable=False, title=tr("report.period.col.code")),
            Column("name", 200),
            Column("start_date", 110),
            Column("end_date", 110),
            Column("due_date", 110),
            Column("cumulative_label", 100),
            Column("figures_required", 170),
            Column("title", 240),
        ]

    def reload(self) -> None:
        self.editor.load(self.session.ws.reports.calendar(self.year), self.year, False)

    def add_period(self) -> None:
        reports = self.session.ws.reports
        dialog = AddPeriodDialog(reports.suggest_code(self.year), self)
        if not dialog.exec():
            return
        values = dialog.values
        result = self.session.call(
            self,
            lambda: reports.add_period(
                self.year,
                code=values["code"],
                name=values["name"],
                start=values["start"],
                end=values["end"],
                due=values["due"],
            ),
        )
        if result:
            self.reload()

    def remove_period(self) -> None:
        rows = self.editor.view.selected_source_rows()
        if not rows:
            return
        period_id = self.editor.model.record(rows[0]).id
        if self.session.call(self, lambda: self.session.ws.reports.remove_period(period_id)):
            self.reload()
