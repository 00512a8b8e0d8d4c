"""Kế hoạch năm: create, edit, check and issue the year's plan."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
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

from cchc_desktop.kernel.i18n import format_date, tr
from cchc_desktop.kernel.problems import Problem
from cchc_desktop.plans.model import PlanAggregate
from ui.screens.plan_areas import AreasPage
from ui.screens.plan_structure import StructurePage
from ui.screens.plan_tabs import (
    GridPage,
    MetaPage,
    TextsPage,
    actor_columns,
    indicator_columns,
    recipient_columns,
    task_columns,
)
from ui.session import Session
from ui.widgets.document_actions import DocumentActions, DocumentTarget
from ui.widgets.problems_panel import ProblemsPanel
from ui.widgets.two_states import empty_or_editor

#: Which page shows which entity's problems (page index in the tab widget).
_PAGE_OF_ENTITY = {
    "plan": 0,
    "plan_basis": 0,
    "indicator": 2,
    "plan_area": 3,
    "task": 4,
    "plan_actor": 6,
    "plan_recipient": 7,
    "plan_section": 8,
}


class EmptyPlanPage(QWidget):
    """No plan for the year yet: the three ways to start one."""

    def __init__(self, screen: PlanScreen) -> None:
        super().__init__(screen)
        self.title = QLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setStyleSheet("font-size: 15pt;")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        self.buttons = {}
        for source in ("framework", "copy", "blank"):
            button = QPushButton()
            button.setMinimumHeight(36)
            button.clicked.connect(lambda _=False, s=source: screen.create_plan(s))
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
            self.buttons[source] = button
        layout.addStretch(2)

    def show_year(self, year: int, has_previous: bool) -> None:
        self.title.setText(tr("ui.plan.empty", year=year))
        self.buttons["framework"].setText(tr("ui.plan.create.framework"))
        self.buttons["copy"].setText(tr("ui.plan.create.copy", year=year - 1))
        self.buttons["copy"].setEnabled(has_previous)
        self.buttons["blank"].setText(tr("ui.plan.create.blank"))


class PlanScreen(QWidget):
    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.year = 0
        self.plan_id: int | None = None
        self.agg: PlanAggregate | None = None
        self.empty = EmptyPlanPage(self)
        self.editor = self._build_editor()
        self.stack = empty_or_editor(self.empty, self.editor)
        QVBoxLayout(self).addWidget(self.stack)
        session.changed.connect(self._on_changed)

    # Building ###########################################################

    def _build_editor(self) -> QWidget:
        widget = QWidget()
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.versions = QComboBox()
        self.versions.activated.connect(self._pick_version)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #e8f1fb; border: 1px solid #9cc3e6; padding: 6px;")
        self.issue_button = QPushButton(tr("ui.plan.issue"))
        self.issue_button.clicked.connect(self.issue_plan)
        self.amend_button = QPushButton(tr("ui.plan.amend"))
        self.amend_button.clicked.connect(self.amend_plan)
        self.delete_button = QPushButton(tr("ui.plan.delete_draft"))
        self.delete_button.clicked.connect(self.delete_draft)
        self.years_button = QPushButton()
        self.years_button.setToolTip(tr("ui.plan.update_years.tip"))
        self.years_button.clicked.connect(self.update_years)
        top = QHBoxLayout()
        for item in (self.heading, self.versions):
            top.addWidget(item)
        top.addStretch(1)
        self.documents = DocumentActions(self.session, self, "plan", self._document_target)
        self.documents.add_to(top)
        for button in (self.years_button, self.issue_button, self.amend_button, self.delete_button):
            top.addWidget(button)
        self.tabs = QTabWidget()
        self.factories = self._page_factories()
        self.pages: list[QWidget | None] = [None] * len(self.factories)
        for key, _ in self.factories:
            self.tabs.addTab(QWidget(), tr(key))
        self.tabs.currentChanged.connect(self._page_shown)
        self.problems = ProblemsPanel()
        self.problems.activated.connect(self.go_to_problem)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.problems)
        splitter.setSizes([520, 140])
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        return widget

    def _document_target(self) -> DocumentTarget | None:
        """The plan version on screen, for printing and export."""
        return DocumentTarget(self.year, plan_id=self.plan_id) if self.plan_id is not None else None

    def _page_factories(self) -> list[tuple[str, Callable[[], QWidget]]]:
        """Pages are built when first shown, so opening the app stays quick."""
        s = self.session
        paste_task = lambda pid, text, pos: self._paste(pid, "task", text, pos)  # noqa: E731
        paste_indicator = lambda pid, text, pos: self._paste(pid, "indicator", text, pos)  # noqa: E731
        return [
            ("plan.section.meta", lambda: MetaPage(s)),
            ("plan.section.purpose", lambda: TextsPage(s, ["purpose_text", "requirement_text"])),
            (
                "plan.section.indicators",
                lambda: GridPage(
                    s,
                    "indicator",
                    lambda agg: indicator_columns(agg, s),
                    paste=paste_indicator,
                    note_key="ui.plan.indicators.note",
                ),
            ),
            ("plan.section.area_tasks", lambda: AreasPage(s)),
            (
                "plan.section.tasks",
                lambda: GridPage(
                    s, "task", task_columns, filterable=True, paste=paste_task, note_key="ui.plan.tasks.note"
                ),
            ),
            ("plan.section.budget", lambda: TextsPage(s, ["budget_text"])),
            ("plan.section.actors", lambda: GridPage(s, "plan_actor", actor_columns)),
            ("plan.section.recipients", lambda: GridPage(s, "plan_recipient", recipient_columns)),
            ("plan.section.structure", lambda: StructurePage(s)),
        ]

    def page(self, index: int) -> QWidget:
        """The page at ``index``, built (and loaded) on first use."""
        page = self.pages[index]
        if page is None:
            page = self.factories[index][1]()
            self.pages[index] = page
            current = self.tabs.currentIndex()
            self.tabs.blockSignals(True)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, page, tr(self.factories[index][0]))
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
            if self.plan_id is not None:
                self.agg = self.session.ws.plans.aggregate(self.plan_id)
                page.load(self.agg, not self.agg.plan.editable_now)
                self._show_problems_in(page)
        return page

    def built_pages(self) -> list[QWidget]:
        return [p for p in self.pages if p is not None]

    def _page_shown(self, index: int) -> None:
        if index >= 0:
            self.page(index)

    def _paste(self, plan_id: int, entity: str, text: str, position: int | None):
        changes, notes = self.session.ws.plans.paste(plan_id, entity, text, position)
        if notes:
            from ui.errors import _message_bar

            bar = _message_bar(self)
            if bar is not None:
                bar.show_message("\n".join(notes))
        return changes

    # Loading ############################################################

    def set_year(self, year: int, plan_id: int | None = None) -> None:
        self.year = year
        plans = self.session.ws.plans
        if plan_id is None:
            current = plans.current(year)
            plan_id = current.id if current else None
        self.plan_id = plan_id
        if plan_id is None:
            self.empty.show_year(year, plans.current(year - 1) is not None)
            self.stack.setCurrentWidget(self.empty)
            return
        self.stack.setCurrentWidget(self.editor)
        self.reload()

    def reload(self) -> None:
        if self.plan_id is None:
            return
        ws = self.session.ws
        self.agg = ws.plans.aggregate(self.plan_id)
        plan = self.agg.plan
        read_only = not plan.editable_now
        self._show_header(plan)
        self.page(self.tabs.currentIndex())
        for page in self.built_pages():
            page.load(self.agg, read_only)
        self._refresh_problems()
        self.documents.refresh()

    def _show_header(self, plan) -> None:
        self.heading.setText(tr("ui.plan.heading", year=plan.year))
        self.versions.clear()
        for version in self.session.ws.plans.versions(plan.year):
            self.versions.addItem(
                tr("ui.plan.version", version=version.version, status=tr(f"plan.status.{version.status}")), version.id
            )
        self.versions.setCurrentIndex(self.versions.findData(plan.id))
        actions = self.session.ws.plans.actions(plan.id)
        self.issue_button.setVisible(actions.may_issue)
        self.delete_button.setVisible(actions.may_delete)
        self.amend_button.setVisible(actions.may_amend)
        self.banner.setVisible(not actions.editable)
        if not actions.editable:
            key = "ui.plan.banner.issued" if plan.status == "issued" else "ui.plan.banner.superseded"
            self.banner.setText(tr(key, number=plan.number_text, date=format_date(plan.issue_date)))

    def _refresh_problems(self) -> None:
        plans = self.session.ws.plans
        problems = plans.problems(self.plan_id) if self.plan_id else []
        self.problems.set_problems(problems)
        stale = plans.actions(self.plan_id, problems).stale_years if self.plan_id else 0
        self.years_button.setVisible(bool(stale))
        if self.agg is not None:
            self.years_button.setText(tr("ui.plan.update_years", count=stale, year=self.agg.plan.year))
        for page in self.built_pages():
            self._show_problems_in(page)

    def _show_problems_in(self, page: QWidget) -> None:
        for editor in page.editors():
            editor.model.set_problems(self.problems.problems)

    def _on_changed(self, changes) -> None:
        if self.plan_id is None:
            return
        structural = changes is None or any(c.action != "update" or c.entity == "plan_area" for c in changes.changes)
        if structural and not self.session.typing_now:  # a save while typing never rebuilds what is typed in
            self.reload()
            return
        editors = [e for page in self.built_pages() for e in page.editors()]
        for change in changes.changes:
            for editor in editors:
                row = editor.model.row_of(change.row_id) if editor.entity == change.entity else -1
                if row >= 0:
                    editor.model.refresh_row(row)
        if any(c.entity == "plan" for c in changes.changes):
            self._plan_fields_changed()
        else:
            self._refresh_problems()

    def _plan_fields_changed(self) -> None:
        """A field of the plan itself (a text paused in, the number, the signer): the header and the
        form pages show it; the grids do not, so they are left alone (reloading them on every pause
        in typing made the window hitch)."""
        self.agg = self.session.ws.plans.aggregate(self.plan_id)
        read_only = not self.agg.plan.editable_now
        self._show_header(self.agg.plan)
        for page in self.built_pages():
            if isinstance(page, (MetaPage, TextsPage, StructurePage)):
                page.load(self.agg, read_only)
        self._refresh_problems()

    def _pick_version(self, index: int) -> None:
        self.set_year(self.year, self.versions.itemData(index))

    # Navigation #########################################################

    def go_to_problem(self, problem: Problem) -> None:
        page_index = _PAGE_OF_ENTITY.get(problem.entity, 0)
        self.tabs.setCurrentIndex(page_index)
        page = self.page(page_index)
        for editor in page.editors():
            if editor.entity == problem.entity and problem.row_id is not None:
                editor.view.select_record(problem.row_id, problem.field)
                editor.view.setFocus()

    # Actions ############################################################

    def create_plan(self, source: str) -> None:
        plan = self.session.call(self, lambda: self.session.ws.plans.create(self.year, source), structural=True)
        if plan is not None:
            self.set_year(self.year, plan.id)

    def issue_plan(self) -> None:
        if self.plan_id is None:
            return
        blocking = [p for p in self.session.ws.plans.problems(self.plan_id) if p.blocking]
        if blocking:
            self.problems.set_problems(self.session.ws.plans.problems(self.plan_id))
        if not self._confirm(tr("ui.plan.issue.confirm")):
            return
        plan = self.session.call(self, lambda: self.session.ws.plans.issue(self.plan_id), structural=True)
        if plan is not None:
            self.set_year(self.year, plan.id)

    def amend_plan(self) -> None:
        from ui.dialogs.amend_plan import AmendPlanDialog

        if self.plan_id is None:
            return
        dialog = AmendPlanDialog(self)
        if not dialog.exec():
            return
        plan = self.session.call(
            self,
            lambda: self.session.ws.plans.amend(
                self.plan_id, effective_date=dialog.effective_date, reason=dialog.reason
            ),
            structural=True,
        )
        if plan is not None:
            self.set_year(self.year, plan.id)

    def update_years(self) -> None:
        if self.plan_id is not None:
            plan_id = self.plan_id
            self.session.call(self, lambda: self.session.ws.plans.update_years(plan_id))

    def delete_draft(self) -> None:
        if self.plan_id is None or not self._confirm(tr("ui.plan.delete_draft.confirm")):
            return
        plan_id = self.plan_id
        if self.session.call(self, lambda: self.session.ws.plans.delete_draft(plan_id), structural=True) is not None:
            self.set_year(self.year)

    def _confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, tr("app.name"), text)
        return answer == QMessageBox.StandardButton.Yes
