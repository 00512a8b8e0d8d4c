"""Báo cáo định kỳ: pick a period, report on every task and indicator of the plan, submit.

``subject_changed(entity, row_id)`` tells an evidence panel which row is current
(``task_progress`` or ``indicator_actual``); the panel from ``ui.widgets.evidence_panel`` is
shown beside the grids when that module is part of the build.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.kernel.errors import CchcError
from cchc_desktop.kernel.i18n import format_date, format_datetime, tr
from cchc_desktop.kernel.problems import Problem
from cchc_desktop.reports.calendar import PeriodState
from cchc_desktop.reports.model import NARRATIVE_FIELDS, ReportActions, ReportAggregate, ReportPeriod
from cchc_desktop.reports.view import YearOverview
from ui.errors import show_error
from ui.screens.report_empty import EmptyReportPage
from ui.screens.report_evidence import evidence_panel
from ui.screens.report_tabs import DocumentPage, IndicatorsPage, NarrativePage, TasksPage
from ui.session import Session
from ui.widgets.document_actions import DocumentActions, DocumentTarget
from ui.widgets.problems_panel import ProblemsPanel
from ui.widgets.two_states import empty_or_editor

TASKS, INDICATORS, NARRATIVE, DOCUMENT = range(4)
_BADGE = {"overdue": "#fde7e9", "late": "#fde7e9", "due": "#fff4ce", "on_time": "#dff6dd"}


def _scrolling(page: QWidget) -> QWidget:
    from PySide6.QtWidgets import QFrame, QScrollArea

    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(page)
    return area


class ReportScreen(QWidget):
    subject_changed = Signal(str, int)

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.year = 0
        self.period: ReportPeriod | None = None
        self.overview = YearOverview(0, [], {}, {}, None)
        self.report_id: int | None = None
        self.agg: ReportAggregate | None = None
        self.evidence: QWidget | None = None
        self.empty = EmptyReportPage(self)
        self.editor = self._build_editor()
        self.stack = empty_or_editor(self.empty, self.editor)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_header())
        layout.addWidget(self.stack, 1)
        session.changed.connect(self._on_changed)

    # Building ###########################################################

    def _build_header(self) -> QVBoxLayout:
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.period_box = QComboBox()
        self.period_box.setMinimumWidth(340)
        self.period_box.activated.connect(lambda i: self.show_period(self.period_box.itemData(i)))
        picker = QLabel(tr("ui.report.period"))
        picker.setBuddy(self.period_box)
        self.window_label = QLabel()
        self.badge = QLabel()
        self.calendar_button = QPushButton(tr("ui.report.calendar"))
        self.calendar_button.clicked.connect(self.edit_calendar)
        row = QHBoxLayout()
        for widget in (self.heading, picker, self.period_box):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.calendar_button)
        details = QHBoxLayout()
        details.addWidget(self.window_label)
        details.addWidget(self.badge)
        details.addStretch(1)
        header = QVBoxLayout()
        header.addLayout(row)
        header.addLayout(details)
        return header

    def _build_editor(self) -> QWidget:
        widget = QWidget()
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #e8f1fb; border: 1px solid #9cc3e6; padding: 6px;")
        self.tabs = QTabWidget()
        s = self.session
        self.pages = [TasksPage(s), IndicatorsPage(s), NarrativePage(s), DocumentPage(s)]
        for key, page in zip(("tasks", "indicators", "narrative", "document"), self.pages, strict=True):
            # Long forms scroll inside their tab, so the grids and the problems list stay in view.
            holder = _scrolling(page) if key in ("narrative", "document") else page
            self.tabs.addTab(holder, tr(f"ui.report.tab.{key}"))
        self.problems = ProblemsPanel()
        self.problems.activated.connect(self.go_to_problem)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._with_evidence(self.tabs))
        splitter.addWidget(self.problems)
        splitter.setSizes([520, 140])
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._build_actions())
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        self._track_current_rows()
        return widget

    def _build_actions(self) -> QHBoxLayout:
        self.buttons = {}
        actions = (
            ("keep_copied", self.keep_copied),
            ("submit", self.submit_report),
            ("reopen", self.reopen_report),
            ("follow_plan", self.follow_plan),
            ("delete", self.delete_draft),
        )
        bar = QHBoxLayout()
        bar.addStretch(1)
        self.documents = DocumentActions(self.session, self, "report", self._document_target)
        self.documents.add_to(bar)
        for key, slot in actions:
            self.buttons[key] = QPushButton(tr(f"ui.report.{key}"))
            self.buttons[key].clicked.connect(slot)
            bar.addWidget(self.buttons[key])
        return bar

    def _document_target(self) -> DocumentTarget | None:
        """The report on screen, for printing and export."""
        if self.report_id is None or self.period is None:
            return None
        return DocumentTarget(self.year, self.period.code)

    def _with_evidence(self, tabs: QWidget) -> QWidget:
        """Place the evidence panel beside the grids."""
        panel = self.evidence = evidence_panel(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(tabs)
        splitter.addWidget(panel)
        splitter.setSizes([900, 280])
        return splitter

    def _track_current_rows(self) -> None:
        for page in self.pages[:2]:
            editor = page.editors()[0]
            editor.view.selectionModel().currentRowChanged.connect(lambda *_, e=editor: self._announce(e))
        self.tabs.currentChanged.connect(lambda _: self._announce())

    def _announce(self, editor=None) -> None:
        """Tell the evidence panel which row is current (-1: none), e.g. after a tab or report change."""
        editor = editor or next((p.editors()[0] for p in self.pages[:2] if p is self.tabs.currentWidget()), None)
        index = editor.view.currentIndex() if editor is not None else None
        if index is None or not index.isValid():
            self.subject_changed.emit(editor.entity if editor else "", -1)
            return
        self.subject_changed.emit(editor.entity, editor.model.record(editor.view.source_row(index)).id)

    # Loading ############################################################

    def set_year(self, year: int) -> None:
        self.year = year
        self.heading.setText(tr("ui.report.heading", year=year))
        self.overview = self.session.ws.reports.overview(year)
        periods = self.overview.periods
        keep = self.period.id if self.period is not None and self.period.year == year else None
        self._fill_periods()
        if not periods:
            self.period, self.report_id = None, None
            self.empty.show_no_calendar(year)
            self.stack.setCurrentWidget(self.empty)
            return
        default = self.overview.default
        self.show_period(keep if keep in self.overview.states else default.id if default else None)

    def _fill_periods(self) -> None:
        self.period_box.clear()
        for period in self.overview.periods:
            self.period_box.addItem(f"{period.label} — {self.overview.states[period.id].text}", period.id)

    def show_period(self, period_id: int | None) -> None:
        if period_id is None:
            return
        if period_id not in self.overview.states:  # a period added since the year was read
            self.overview = self.session.ws.reports.overview(self.year)
            self._fill_periods()
        self.period = next(p for p in self.overview.periods if p.id == period_id)
        self.period_box.setCurrentIndex(self.period_box.findData(period_id))
        self._show_state(self.overview.states[period_id])
        report = self.overview.reports.get(period_id)
        self.report_id = report.id if report else None
        if report is None:
            has_previous = any(pid != period_id for pid in self.overview.reports)
            has_plan = self.session.ws.plans.in_force(self.year) is not None
            self.empty.show_period(self.period, has_plan, has_previous)
            self.stack.setCurrentWidget(self.empty)
            return
        self.stack.setCurrentWidget(self.editor)
        self.reload()

    def _show_state(self, state: PeriodState) -> None:
        self.window_label.setText(self.session.ws.reports.due_text(self.period))
        self.badge.setText(state.text)
        color = _BADGE.get(state.kind, "#edebe9")
        self.badge.setStyleSheet(f"background: {color}; border-radius: 3px; padding: 2px 8px;")

    def reload(self) -> None:
        if self.report_id is None:
            return
        view = self.session.ws.reports.view(self.report_id)
        self.agg = view.agg
        locked = self.agg.report.locked
        for page in self.pages:
            page.load(self.agg, view.figures, locked)
        self._show_actions(view.actions, view.state)
        self._show_problems(view.problems)
        self._announce()
        self.documents.refresh()

    def _show_actions(self, actions: ReportActions, state: PeriodState) -> None:
        self.buttons["submit"].setVisible(actions.may_submit)
        self.buttons["delete"].setVisible(actions.may_delete)
        self.buttons["reopen"].setVisible(actions.may_reopen)
        self.buttons["follow_plan"].setVisible(actions.may_follow_plan)
        self.buttons["keep_copied"].setVisible(actions.may_keep_copied)
        text = self._banner_text(not actions.editable, state)
        self.banner.setVisible(bool(text))
        self.banner.setText(text)

    def _banner_text(self, locked: bool, state: PeriodState) -> str:
        report = self.agg.report
        if locked:
            return tr(
                "ui.report.banner.submitted",
                when=format_datetime(report.submitted_at),
                who=report.submitted_by or "—",
                state=state.text,
            )
        reopened = [e for e in self.agg.events if e.action == "reopen"]
        if reopened:
            last = reopened[-1]
            return tr("ui.report.banner.reopened", when=format_datetime(last.at), who=last.actor, reason=last.reason)
        return ""

    def _refresh_problems(self) -> None:
        self._show_problems(self.session.ws.reports.problems(self.report_id) if self.report_id else [])

    def _show_problems(self, problems: list[Problem]) -> None:
        self.problems.set_problems(problems)
        for page in self.pages:
            for editor in page.editors():
                editor.model.set_problems(problems)

    def _on_changed(self, changes) -> None:
        if self.report_id is None or not self.isVisible():
            return
        if changes is None or any(c.action != "update" or c.entity == "report_period" for c in changes.changes):
            self.set_year(self.year)
            return
        self.agg = self.session.ws.reports.aggregate(self.report_id)
        if any(c.entity == "report" for c in changes.changes):
            self.pages[NARRATIVE].refresh(self.agg.report)
            self.pages[DOCUMENT].refresh(self.agg.report)
        self._refresh_rows(changes)
        self.pages[INDICATORS].refresh_figures(self.session.ws.reports.figures(self.report_id, self.agg))
        self._refresh_problems()

    def _refresh_rows(self, changes) -> None:
        """Re-read the rows a change touched (an undo changes rows the grid has not seen)."""
        editors = [e for page in self.pages for e in page.editors()]
        for change in changes.changes:
            for editor in editors:
                row = editor.model.row_of(change.row_id) if editor.entity == change.entity else -1
                if row >= 0:
                    editor.model.refresh_row(row)

    # Navigation #########################################################

    def go_to_problem(self, problem: Problem) -> None:
        page_index = {"task_progress": TASKS, "indicator_actual": INDICATORS, "report_recipient": DOCUMENT}.get(
            problem.entity, NARRATIVE if problem.field in NARRATIVE_FIELDS else DOCUMENT
        )
        self.tabs.setCurrentIndex(page_index)
        page = self.pages[page_index]
        for editor in page.editors():
            if editor.entity == problem.entity and problem.row_id is not None:
                editor.view.select_record(problem.row_id, problem.field)
                editor.view.setFocus()
                return
        fields = getattr(page, "fields", None) or getattr(page, "texts", {})
        if problem.field in fields:
            fields[problem.field].setFocus()

    # Actions ############################################################

    def create_report(self) -> None:
        if self.period is None:
            return
        code = self.period.code
        report = self.session.call(self, lambda: self.session.ws.reports.create(self.year, code), structural=True)
        if report is not None:
            self.set_year(self.year)  # the period stays chosen and now shows its report

    def create_calendar(self) -> None:
        year = self.year
        if self.session.call(self, lambda: self.session.ws.reports.create_calendar(year)) is not None:
            self.set_year(year)

    def submit_report(self) -> None:
        from ui.screens.report_dialogs import SubmitDialog

        if self.report_id is None or not self._submittable():
            return
        late = self.session.ws.reports.late_reason_days(self.report_id)
        dialog = SubmitDialog(self.period.label, late, format_date(self.period.due_date), self)
        if not dialog.exec():
            return
        report_id, reason = self.report_id, dialog.reason
        self.session.call(self, lambda: self.session.ws.reports.submit(report_id, late_reason=reason), structural=True)

    def _submittable(self) -> bool:
        """Say at once what stops the report from being submitted, before asking to confirm."""
        try:
            self.session.ws.reports.check_submittable(self.report_id)
        except CchcError as exc:
            show_error(self, exc)
            return False
        return True

    def reopen_report(self) -> None:
        from ui.screens.report_dialogs import ReopenDialog

        if self.report_id is None:
            return
        dialog = ReopenDialog(self.period.label, self)
        if not dialog.exec():
            return
        report_id, reason = self.report_id, dialog.reason
        self.session.call(self, lambda: self.session.ws.reports.reopen(report_id, reason), structural=True)

    def keep_copied(self) -> None:
        if (report_id := self.report_id) is not None:
            self.session.call(self, lambda: self.session.ws.reports.keep_copied(report_id), structural=True)

    def follow_plan(self) -> None:
        report_id = self.report_id
        if report_id is not None:
            self.session.call(self, lambda: self.session.ws.reports.follow_plan(report_id), structural=True)

    def delete_draft(self) -> None:
        if self.report_id is None or not self._confirm(tr("ui.report.delete.confirm", period=self.period.label)):
            return
        report_id = self.report_id
        self.session.call(self, lambda: self.session.ws.reports.delete_draft(report_id), structural=True)

    def edit_calendar(self) -> None:
        from ui.screens.report_calendar import CalendarDialog

        CalendarDialog(self.session, self.year, self).exec()
        self.set_year(self.year)

    def _confirm(self, text: str) -> bool:
        return QMessageBox.question(self, tr("app.name"), text) == QMessageBox.StandardButton.Yes
