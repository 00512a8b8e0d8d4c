"""Tự đánh giá chỉ số CCHC: score the year's criteria, explain, attach evidence, submit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.assessment.model import AssessmentView, overall
from cchc_desktop.kernel.i18n import format_date, format_number, tr
from cchc_desktop.kernel.problems import Problem
from ui.screens.assessment_details import CriterionDetails
from ui.screens.assessment_table import SCORE, CriteriaModel, CriteriaView
from ui.session import Session
from ui.widgets import asking
from ui.widgets.document_actions import DocumentActions, DocumentTarget
from ui.widgets.problems_panel import ProblemsPanel
from ui.widgets.two_states import empty_or_editor

if TYPE_CHECKING:
    from cchc_desktop.exchange.appraisal_received import ReceivedAppraisal

_BANNER = "background: {bg}; border: 1px solid {border}; padding: 6px;"
_LOCAL_ENTITIES = {SCORE, "evidence"}


class StartPage(QWidget):
    """No assessment for the year yet: which catalogue will be used, start or import first."""

    def __init__(self, screen: AssessmentScreen) -> None:
        super().__init__(screen)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15pt;")
        self.catalogue = QLabel()
        self.catalogue.setWordWrap(True)
        self.start = QPushButton(tr("ui.assessment.start"))
        self.start.setMinimumHeight(36)
        self.start.clicked.connect(screen.start)
        self.load = QPushButton(tr("ui.assessment.import"))
        self.load.clicked.connect(screen.import_catalogue)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.title, self.catalogue, self.start, self.load):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def show_year(self, year: int, catalogue) -> None:
        self.title.setText(tr("ui.assessment.empty", year=year))
        if catalogue is None or catalogue.illustrative:
            self.catalogue.setText(tr("ui.assessment.empty.illustrative"))
        else:
            self.catalogue.setText(tr("ui.assessment.empty.catalogue", title=catalogue.title))


class AssessmentScreen(QWidget):
    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        session.ws.assessment  # noqa: B018 - registers the assessment records the fields below edit
        self.year = 0
        self.view_data: AssessmentView | None = None
        self.values: dict[str, float] = {}
        self.empty = StartPage(self)
        self.model = CriteriaModel(session, self)
        self.table = CriteriaView()
        self.table.setModel(self.model)
        self.model.view_widget = self.table
        self.details = CriterionDetails(session)
        self.problems = ProblemsPanel()
        self.editor = self._build_editor()
        self.stack = empty_or_editor(self.empty, self.editor)
        QVBoxLayout(self).addWidget(self.stack)
        self._connect()

    def _build_editor(self) -> QWidget:
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.buttons = {}
        # The heading on its own line and the buttons under it: one line does not fit 1366 px.
        top = QVBoxLayout()
        top.addWidget(self.heading)
        actions = QHBoxLayout()
        actions.addStretch(1)
        top.addLayout(actions)
        self.documents = DocumentActions(
            self.session, self, "assessment", lambda: DocumentTarget(self.year) if self.view_data is not None else None
        )
        self.documents.add_to(actions)
        for key, slot in (("import", self.import_catalogue), ("submit", self.submit), ("reopen", self.reopen)):
            self.buttons[key] = QPushButton(tr(f"ui.assessment.{key}"))
            self.buttons[key].clicked.connect(slot)
            actions.addWidget(self.buttons[key])
        self.catalogue = QLabel()
        self.catalogue.setWordWrap(True)
        self.illustrative = self._banner(tr("assessment.catalogue.illustrative"), "#fff4ce", "#e0b400")
        self.locked = self._banner("", "#e8f1fb", "#9cc3e6")
        self.appraised = self._banner("", "#fff4ce", "#e0b400")
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.hide()
        hint = QLabel(tr("ui.assessment.hint"))
        hint.setWordWrap(True)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.totals.setStyleSheet("font-weight: bold; padding: 4px;")
        return self._arrange(top, hint)

    def _arrange(self, top: QVBoxLayout, hint: QLabel) -> QWidget:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.totals)
        across = QSplitter(Qt.Orientation.Horizontal)
        across.addWidget(left)
        across.addWidget(self.details)
        across.setSizes([900, 360])
        down = QSplitter(Qt.Orientation.Vertical)
        down.addWidget(across)
        down.addWidget(self.problems)
        down.setSizes([560, 110])
        widget = QWidget()
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        for item in (self.catalogue, self.illustrative, self.locked, self.appraised, self.notice, hint):
            layout.addWidget(item)
        layout.addWidget(down, 1)
        return widget

    @staticmethod
    def _banner(text: str, background: str, border: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet(_BANNER.format(bg=background, border=border))
        return label

    def _connect(self) -> None:
        self.session.changed.connect(self._on_changed)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        self.table.clear_requested.connect(
            lambda score_id, field: self.session.edit(self.table, SCORE, score_id, field, "")
        )
        self.model.tentative_changed.connect(self._show_totals)
        self.details.accept_requested.connect(self.accept_proposal)
        self.problems.activated.connect(self.go_to_problem)

    # Loading ############################################################

    def set_year(self, year: int) -> None:
        self.year = year
        self.notice.clear()
        self.notice.hide()
        self.values = self.session.ws.assessment.indicator_values(year)
        self.reload()

    def reload(self, changed_scores: set[int] | None = None) -> None:
        """Read the year again; ``changed_scores`` limits re-measuring row heights to those rows."""
        assessment = self.session.ws.assessment
        if assessment.get(self.year) is None:
            self.view_data = None
            self.empty.show_year(self.year, assessment.catalogue_for(self.year))
            self.stack.setCurrentWidget(self.empty)
            return
        self.view_data = assessment.view(self.year, self.values)
        self.stack.setCurrentWidget(self.editor)
        self._show_header(self.view_data)
        self._show_appraisal(self.session.ws.exchange.received_appraisal(self.year))
        reset = self.model.set_lines(self.view_data.lines, self.read_only, self.view_data.problems)
        self._fit_rows(None if reset else changed_scores)
        self.problems.set_problems(self.view_data.problems)
        self._show_totals()
        self._show_details()
        self.documents.refresh()

    def _fit_rows(self, changed_scores: set[int] | None) -> None:
        if changed_scores is None:
            self.table.resizeRowsToContents()
            return
        for score_id in changed_scores:
            row = self.model.row_of_score(score_id)
            if row >= 0:
                self.table.resizeRowToContents(row)

    @property
    def read_only(self) -> bool:
        return self.view_data is None or not self.view_data.assessment.editable_now

    def _show_header(self, view: AssessmentView) -> None:
        status = view.assessment.status
        editable = view.assessment.editable_now
        self.heading.setText(tr("ui.assessment.heading", year=self.year, status=tr(f"assessment.status.{status}")))
        catalogue = view.catalogue
        self.catalogue.setText(tr("ui.assessment.catalogue", title=catalogue.title, decision=catalogue.decision or "—"))
        self.illustrative.setVisible(catalogue.illustrative)
        self.locked.setVisible(not editable)
        self.locked.setText(tr("ui.assessment.locked", date=format_date(view.assessment.submitted_at)))
        self.buttons["import"].setVisible(editable)
        self.buttons["submit"].setVisible(editable)
        self.buttons["reopen"].setVisible(not editable)

    def _show_appraisal(self, appraisal: ReceivedAppraisal | None) -> None:
        """The superior's appraisal beside the unit's scores: a column, a banner, the answer field."""
        self.model.appraisal = self.details.appraisal = appraisal
        self.table.setColumnHidden(self.model.column_of("appraised"), appraisal is None)
        self.appraised.setVisible(appraisal is not None)
        if appraisal is not None:
            self.appraised.setText(
                tr(
                    "ui.assessment.appraisal.banner",
                    sender=appraisal.sender,
                    round=appraisal.round,
                    date=format_date(appraisal.sent_at),
                    appraised=format_number(appraisal.appraised_total),
                    own=format_number(appraisal.self_total),
                    changed=len(appraisal.changed),
                )
            )

    def _show_totals(self) -> None:
        if self.view_data is None:
            return
        total = overall(self.view_data.roots, self.model.tentative)
        self.totals.setText(
            tr(
                "ui.assessment.totals",
                score=format_number(total.self_score),
                max=format_number(total.self_max),
                survey=format_number(total.survey_max),
                bonus=format_number(total.bonus),
                penalty=format_number(total.penalty),
                total=format_number(total.total),
                scored=total.scored,
                scorable=total.scorable,
            )
        )

    def _show_details(self, *args) -> None:
        index = self.table.currentIndex()
        line = self.model.line(index.row()) if index.isValid() and self.model.lines else None
        self.details.show_line(line, self.read_only, self.year)

    def _on_changed(self, changes) -> None:
        if not self.year or not self.isVisible():
            return  # set_year() refreshes the screen when it is shown again
        if changes is None or not changes.entities <= _LOCAL_ENTITIES:
            self.values = self.session.ws.assessment.indicator_values(self.year)
            self.reload()
            return
        self.reload({change.row_id for change in changes.changes if change.entity == SCORE})

    # Navigation #########################################################

    def go_to_problem(self, problem: Problem) -> None:
        row = self.model.row_of_score(problem.row_id) if problem.row_id is not None else -1
        if row < 0:
            return
        field = problem.field if problem.field in ("self_score", "explanation") else "self_score"
        self.table.setCurrentIndex(self.model.index(row, self.model.column_of(field)))
        self.table.scrollTo(self.table.currentIndex())
        target = self.details.override if problem.field == "override_reason" else self.table
        target.setFocus()

    # Actions ############################################################

    def start(self) -> None:
        if self.session.call(self, lambda: self.session.ws.assessment.start(self.year), structural=True):
            self.reload()
            self.table.setFocus()

    def import_catalogue(self) -> None:
        path = asking.open_file(self, tr("ui.assessment.import.title"), tr("ui.assessment.import.filter"))
        if not path:
            return
        result = self.session.call(self, lambda: self._import(path), structural=True)
        if result is not None:
            self.notice.setText(result.summary())
            self.notice.setVisible(True)
            self.reload()

    def _import(self, path: str):
        from cchc_desktop.assessment.service import CatalogueWouldDropError

        assessment = self.session.ws.assessment
        try:
            return assessment.import_catalogue(path, year=self.year)
        except CatalogueWouldDropError as exc:
            if not asking.confirm(self, f"{exc}\n\n{tr('ui.assessment.import.drop_confirm')}"):
                return None
            return assessment.import_catalogue(path, year=self.year, replace=True)

    def accept_proposal(self, score_id: int) -> None:
        self.session.call(self, lambda: self.session.ws.assessment.accept_proposal(score_id, self.values))

    def submit(self) -> None:
        if self.view_data is None:
            return
        self.details.commit()
        if not asking.confirm(self, tr("ui.assessment.submit.confirm", year=self.year)):
            return
        self.session.call(self, lambda: self.session.ws.assessment.submit(self.year, self.values), structural=True)

    def reopen(self) -> None:
        reason = asking.ask_text(self, tr("ui.assessment.reopen"), tr("ui.assessment.reopen.prompt"))
        if reason is not None:
            self.session.call(self, lambda: self.session.ws.assessment.reopen(self.year, reason), structural=True)
