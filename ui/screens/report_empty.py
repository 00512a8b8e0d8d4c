"""Báo cáo định kỳ, before there is one: no reporting calendar for the year yet, no issued plan to
report on, or no report for the period yet; each says why and offers the one step that fixes it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from cchc_desktop.kernel.i18n import tr
from cchc_desktop.reports.model import ReportPeriod

if TYPE_CHECKING:
    from ui.screens.report_screen import ReportScreen


class EmptyReportPage(QWidget):
    """No report for the period yet (or no issued plan to report on)."""

    def __init__(self, screen: ReportScreen) -> None:
        super().__init__(screen)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setStyleSheet("font-size: 14pt;")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.create_button = QPushButton()
        self.create_button.setMinimumHeight(36)
        self.create_button.clicked.connect(screen.create_report)
        self.calendar_button = QPushButton()
        self.calendar_button.setMinimumHeight(36)
        self.calendar_button.clicked.connect(screen.create_calendar)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.title, self.note):
            layout.addWidget(widget)
        layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.calendar_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def show_no_calendar(self, year: int) -> None:
        self.title.setText(tr("ui.report.no_calendar", year=year))
        self.note.setText(tr("ui.report.no_calendar.note"))
        self.calendar_button.setText(tr("ui.report.create_calendar", year=year))
        self.calendar_button.setVisible(True)
        self.create_button.setVisible(False)

    def show_period(self, period: ReportPeriod, has_plan: bool, has_previous: bool) -> None:
        if not has_plan:
            self.title.setText(tr("ui.report.no_plan", year=period.year))
            self.note.setText(tr("ui.report.no_plan.note"))
        else:
            self.title.setText(tr("ui.report.empty", period=period.label))
            self.note.setText(tr("ui.report.empty.prefill" if has_previous else "ui.report.empty.fresh"))
        self.create_button.setText(tr("ui.report.create", period=period.label))
        self.create_button.setVisible(has_plan)
        self.calendar_button.setVisible(False)
