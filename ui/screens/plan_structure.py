"""Bố cục: the plan's own shape — its sections (headings, sub-headings, printed or not, order, the
commune's own sections with free text), the layout of "nhiệm vụ, giải pháp", optional task columns.

Numbering is the document's: it numbers what is printed, so nothing here asks for numbers.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout

from cchc_desktop.kernel.i18n import tr
from cchc_desktop.plans.model import AREA_LAYOUTS, OPTIONAL_TASK_COLUMNS, SECTION_KINDS, PlanAggregate
from ui.models.record_table import Column
from ui.screens.plan_tabs import PlanPage
from ui.session import Session
from ui.widgets.bound_fields import BoundCheck, BoundText
from ui.widgets.table_editor import TableEditor

YES_NO = [(True, tr("common.yes")), (False, tr("common.no"))]


def section_columns() -> list[Column]:
    kinds = [(kind, tr(f"plan.section.kind.{kind}")) for kind in SECTION_KINDS]
    return [
        Column("kind", 200, editable=False, title=tr("plan.section.col.kind"), choices=kinds),
        Column("title", 330),
        Column("shown", 70, choices=YES_NO),
        Column("parts", 240),
    ]


class StructurePage(PlanPage):
    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self._agg: PlanAggregate | None = None
        self._read_only = True
        self.layout_box = QComboBox()
        for key in AREA_LAYOUTS:
            self.layout_box.addItem(tr(f"plan.area_layout.{key}"), key)
        self.layout_box.activated.connect(self._pick_layout)
        self.columns = {name: BoundCheck(session, "plan", name) for name in OPTIONAL_TASK_COLUMNS}
        self.sections = TableEditor(session, "plan_section", section_columns())
        self.sections.buttons["paste"].hide()
        self.sections.buttons["add"].clicked.disconnect()
        self.sections.buttons["add"].clicked.connect(self._add_section)
        self.sections.buttons["add"].setText(tr("ui.plan.structure.add"))
        self.sections.buttons["add"].setToolTip(tr("ui.plan.structure.add.tip"))
        self.body = BoundText(session, "plan_section", "body")
        self.body_box = QGroupBox(tr("plan.section.col.body"))
        QVBoxLayout(self.body_box).addWidget(self.body)
        self._build()
        self.sections.view.selectionModel().currentRowChanged.connect(self._show_body)

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(tr("plan.field.area_layout"), self.layout_box)
        checks = QHBoxLayout()
        for box in self.columns.values():
            box.setText(box.spec.label)
            checks.addWidget(box)
        checks.addStretch(1)
        form.addRow(tr("ui.plan.structure.task_columns"), checks)
        note = QLabel(tr("ui.plan.structure.note"))
        note.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.sections)
        splitter.addWidget(self.body_box)
        splitter.setSizes([320, 160])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(splitter, 1)

    def load(self, agg: PlanAggregate, read_only: bool) -> None:
        self._agg, self._read_only = agg, read_only
        self.layout_box.setCurrentIndex(max(self.layout_box.findData(agg.plan.area_layout), 0))
        self.layout_box.setEnabled(not read_only)
        for box in self.columns.values():
            box.load(agg.plan, read_only)
        self.sections.load(agg.sections, agg.plan.id, read_only)
        self._show_body()

    def editors(self) -> list[TableEditor]:
        return [self.sections]

    def _pick_layout(self) -> None:
        if self._agg is None:
            return
        plan_id, layout = self._agg.plan.id, self.layout_box.currentData()
        self.session.call(self, lambda: self.session.ws.plans.set_area_layout(plan_id, layout))

    def _add_section(self) -> None:
        if self._agg is None or self._read_only:
            return
        rows = self.sections.view.selected_source_rows()
        plan_id, position = self._agg.plan.id, (rows[-1] + 1 if rows else None)
        result = self.session.call(self, lambda: self.session.ws.plans.add_section(plan_id, position))
        if result:
            self.sections.view.select_record(result.changes[0].row_id, "title")

    def _show_body(self, *args) -> None:
        """The free text of the section picked, when it is one of the commune's own."""
        index = self.sections.view.currentIndex()
        record = self.sections.model.record(self.sections.view.source_row(index)) if index.isValid() else None
        self.body.commit()
        if record is None or record.kind != "custom":
            self.body_box.setEnabled(False)
            self.body_box.setTitle(tr("ui.plan.structure.body.none"))
            return
        self.body_box.setEnabled(True)
        self.body_box.setTitle(tr("ui.plan.structure.body", title=record.title))
        self.body.load(self.session.ws.get("plan_section", record.id), self._read_only)
