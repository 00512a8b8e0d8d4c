"""Lĩnh vực of the plan: names and order, each area's objectives and its tasks-and-solutions text.

A plan may keep fewer areas than the framework ("06 nội dung trọng tâm"): removing an area that still
has tasks or targets asks first, then removes them with it as one undoable action.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QInputDialog, QMessageBox, QSplitter, QVBoxLayout

from cchc_desktop.framework.areas import AREA_BY_CODE
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.plans.model import PlanAggregate
from ui.models.record_table import Column
from ui.screens.plan_tabs import PlanPage
from ui.session import Session
from ui.widgets.bound_fields import BoundText
from ui.widgets.table_editor import TableEditor


class AreasPage(PlanPage):
    """Lĩnh vực of this plan (names, order), each area's objectives and tasks-and-solutions text."""

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.areas = TableEditor(
            session,
            "plan_area",
            [Column("code", 110, editable=False, title=tr("plan.area.col.code")), Column("display_name", 300)],
        )
        self.areas.buttons["paste"].hide()
        self.areas.buttons["add"].clicked.disconnect()
        self.areas.buttons["add"].clicked.connect(self._add_area)
        self.areas.buttons["delete"].clicked.disconnect()
        self.areas.buttons["delete"].clicked.connect(self._remove_area)
        self.areas.view.delete_requested.disconnect()
        self.areas.view.delete_requested.connect(lambda ids: self._remove_area())
        self.text = BoundText(session, "plan_area", "tasks_text")
        self.objective = BoundText(session, "plan_area", "objective_text")
        self.text_box = QGroupBox(tr("plan.area.col.tasks_text"))
        texts = QSplitter(Qt.Orientation.Vertical)
        for title, widget in (
            (tr("plan.area.col.tasks_text"), self.text),
            (tr("ui.plan.area.objective"), self.objective),
        ):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(widget)
            texts.addWidget(box)
        texts.setSizes([400, 160])
        QVBoxLayout(self.text_box).addWidget(texts)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.areas)
        splitter.addWidget(self.text_box)
        splitter.setSizes([420, 600])
        QVBoxLayout(self).addWidget(splitter)
        self.areas.view.selectionModel().currentRowChanged.connect(self._show_text)
        self._agg: PlanAggregate | None = None
        self._read_only = True

    def load(self, agg: PlanAggregate, read_only: bool) -> None:
        self._agg, self._read_only = agg, read_only
        self.areas.load(agg.areas, agg.plan.id, read_only)
        if not self.areas.view.currentIndex().isValid() and agg.areas:
            self.areas.view.select_record(agg.areas[0].id)
        self._show_text()

    def _show_text(self, *args) -> None:
        index = self.areas.view.currentIndex()
        if not index.isValid():
            self.text_box.setEnabled(False)
            return
        self.text.commit()
        self.objective.commit()
        area = self.session.ws.get("plan_area", self.areas.model.record(self.areas.view.source_row(index)).id)
        self.text_box.setEnabled(True)
        # A group box is never narrower than its title: a long area name would widen the page past the
        # window and push the buttons out of sight, so the title is cut to the box and shown whole on hover.
        metrics = self.text_box.fontMetrics()
        width = max(200, self.text_box.width() - 40)
        self.text_box.setTitle(metrics.elidedText(area.display_name, Qt.TextElideMode.ElideRight, width))
        self.text_box.setToolTip(area.display_name)
        self.text.load(area, self._read_only)
        self.objective.load(area, self._read_only)

    def _add_area(self) -> None:
        if self._agg is None or self._read_only:
            return
        used = {a.code for a in self._agg.areas}
        missing = [code for code in AREA_BY_CODE if code not in used]
        if not missing:
            return
        labels = [f"{code} — {AREA_BY_CODE[code].name}" for code in missing]
        label, ok = QInputDialog.getItem(self, tr("ui.plan.add_area"), tr("ui.plan.add_area.prompt"), labels, 0, False)
        if ok:
            code = missing[labels.index(label)]
            plan_id = self._agg.plan.id
            self.session.call(self, lambda: self.session.ws.plans.add_area(plan_id, code))

    def _remove_area(self) -> None:
        rows = self.areas.view.selected_source_rows()
        if not rows or self._read_only:
            return
        areas = [self.areas.model.record(row) for row in rows]
        ids = [a.id for a in areas]
        plans = self.session.ws.plans
        count = plans.rows_in_areas(ids)
        names = "; ".join(a.display_name for a in areas)
        if count and not self._confirm(tr("plan.area.confirm_remove", name=names, count=count)):
            return
        self.session.call(self, lambda: plans.remove_areas(ids, with_rows=bool(count)))

    def _confirm(self, text: str) -> bool:
        return QMessageBox.question(self, tr("app.name"), text) == QMessageBox.StandardButton.Yes

    def editors(self) -> list[TableEditor]:
        return [self.areas]
