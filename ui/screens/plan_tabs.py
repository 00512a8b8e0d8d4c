"""The pages of the plan editor: one per part of the plan (Decree-30 sections I–VI)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.kernel.i18n import format_date, format_number, tr
from cchc_desktop.plans.model import COMPARATORS, ISSUE_MODES, MEASURES, SIGNER_MODES, PlanAggregate
from ui.models.record_table import Column
from ui.session import Session
from ui.widgets.bound_fields import BoundChoice, BoundLine, BoundText
from ui.widgets.table_editor import TableEditor


class PlanPage(QWidget):
    """A page shows part of one plan and refreshes from its aggregate."""

    def load(self, agg: PlanAggregate, read_only: bool) -> None:
        raise NotImplementedError

    def editors(self) -> list[TableEditor]:
        return []


class MetaPage(PlanPage):
    """Thông tin văn bản: số, ngày, hình thức ban hành, trích yếu, căn cứ, người ký."""

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.fields = {
            "issue_mode": BoundChoice(
                session, "plan", "issue_mode", [(m, tr(f"plan.issue_mode.{m}")) for m in ISSUE_MODES]
            ),
            "doc_number": BoundLine(session, "plan", "doc_number"),
            "doc_symbol": BoundLine(session, "plan", "doc_symbol"),
            "issue_place": BoundLine(session, "plan", "issue_place"),
            "issue_date": BoundLine(session, "plan", "issue_date"),
            "title": BoundLine(session, "plan", "title"),
            "signer_mode": BoundChoice(
                session, "plan", "signer_mode", [(m, tr(f"plan.signer_mode.{m}")) for m in SIGNER_MODES]
            ),
            "signer_title": BoundLine(session, "plan", "signer_title"),
            "signer_name": BoundLine(session, "plan", "signer_name"),
            "effective_date": BoundLine(session, "plan", "effective_date"),
            "amendment_reason": BoundLine(session, "plan", "amendment_reason"),
        }
        self.fields["issue_date"].setPlaceholderText(tr("ui.date.placeholder"))
        self.fields["effective_date"].setPlaceholderText(tr("ui.date.placeholder"))
        self.next_number = QPushButton(tr("ui.plan.next_number"))
        self.next_number.clicked.connect(self._take_next_number)
        self.bases = TableEditor(session, "plan_basis", [Column("text", 700)])
        self._plan_id: int | None = None
        self._layout()

    def _layout(self) -> None:
        form = QFormLayout()
        number_row = QHBoxLayout()
        number_row.addWidget(self.fields["doc_number"])
        number_row.addWidget(QLabel("/"))
        number_row.addWidget(self.fields["doc_symbol"])
        number_row.addWidget(self.next_number)
        for name in ("issue_mode",):
            form.addRow(self.fields[name].spec.label, self.fields[name])
        form.addRow(tr("plan.field.doc_number"), number_row)
        for name in ("issue_place", "issue_date", "title", "signer_mode", "signer_title", "signer_name"):
            form.addRow(self.fields[name].spec.label, self.fields[name])
        self.amend_box = QGroupBox(tr("ui.plan.amendment"))
        amend_form = QFormLayout(self.amend_box)
        for name in ("effective_date", "amendment_reason"):
            amend_form.addRow(self.fields[name].spec.label, self.fields[name])
        bases_box = QGroupBox(tr("plan.section.bases"))
        QVBoxLayout(bases_box).addWidget(self.bases)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.amend_box)
        layout.addWidget(bases_box, 1)

    def load(self, agg: PlanAggregate, read_only: bool) -> None:
        self._plan_id = agg.plan.id
        for widget in self.fields.values():
            widget.load(agg.plan, read_only)
        self.next_number.setEnabled(not read_only)
        self.amend_box.setVisible(agg.plan.version > 1)
        self.bases.load(agg.bases, agg.plan.id, read_only)

    def editors(self) -> list[TableEditor]:
        return [self.bases]

    def _take_next_number(self) -> None:
        if self._plan_id is None:
            return
        ws = self.session.ws
        year = ws.plans.get(self._plan_id).year
        self.session.edit(self, "plan", self._plan_id, "doc_number", ws.plans.next_number(year))


class TextsPage(PlanPage):
    """Several long texts of the plan, each in its own box."""

    def __init__(self, session: Session, fields: list[str], parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.texts = []
        for name in fields:
            box = QGroupBox(tr(f"plan.field.{name}"))
            text = BoundText(session, "plan", name)
            QVBoxLayout(box).addWidget(text)
            layout.addWidget(box, 1)
            self.texts.append(text)

    def load(self, agg: PlanAggregate, read_only: bool) -> None:
        for text in self.texts:
            text.load(agg.plan, read_only)


def area_choices(agg: PlanAggregate) -> list[tuple[str, str]]:
    return [("", "")] + [(a.code, a.display_name) for a in agg.areas]


class GridPage(PlanPage):
    """One table of the plan (indicators, tasks, actors, recipients)."""

    def __init__(
        self,
        session: Session,
        entity: str,
        columns_for,
        *,
        filterable=False,
        paste=None,
        note_key: str | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.session, self.entity, self.columns_for = session, entity, columns_for
        self.filterable, self.paste = filterable, paste
        self.layout_ = QVBoxLayout(self)
        if note_key:
            note = QLabel(tr(note_key))
            note.setWordWrap(True)
            self.layout_.addWidget(note)
        self.editor: TableEditor | None = None
        self._signature: tuple | None = None

    def load(self, agg: PlanAggregate, read_only: bool) -> None:
        columns = self.columns_for(agg)
        signature = tuple((c.field, tuple(c.choices)) for c in columns)
        if self.editor is None or signature != self._signature:
            self._replace_editor(columns)
            self._signature = signature
        rows = getattr(
            agg,
            {"indicator": "indicators", "task": "tasks", "plan_actor": "actors", "plan_recipient": "recipients"}[
                self.entity
            ],
        )
        self.editor.load(rows, agg.plan.id, read_only)

    def _replace_editor(self, columns: list[Column]) -> None:
        if self.editor is not None:
            self.layout_.removeWidget(self.editor)
            self.editor.deleteLater()
        self.editor = TableEditor(self.session, self.entity, columns, filterable=self.filterable, paste=self.paste)
        self.layout_.addWidget(self.editor, 1)

    def editors(self) -> list[TableEditor]:
        return [self.editor] if self.editor else []


def _target_text(indicator) -> str:
    """A target as shown and edited: its number, or its words when it is not a number."""
    if indicator.target is None:
        return indicator.target_text
    return format_number(indicator.target)


def indicator_columns(agg: PlanAggregate, session: Session | None = None) -> list[Column]:
    set_target = None
    if session is not None:
        plans = session.ws.plans
        set_target = lambda indicator, value: plans.set_target(indicator.id, value)  # noqa: E731
    return [
        Column("code", 70),
        Column("text", 380),
        Column("area_code", 170, choices=area_choices(agg)),
        Column("comparator", 130, choices=[(c, tr(f"plan.comparator.{c}")) for c in COMPARATORS]),
        Column("target", 110, display=_target_text, edit_text=_target_text, setter=set_target),
        Column("target_max", 80),
        Column("unit", 80),
        Column("numerator_label", 200),
        Column("denominator_label", 200),
        Column("baseline_year", 80),
        Column("baseline_value", 90),
        Column("aspirational", 80),
        Column("measure", 140, choices=[(m, tr(f"plan.measure.{m}")) for m in MEASURES]),
        Column("source_ref", 200),
    ]


def _deadline_note(task) -> str:
    """How the deadline text was understood (used for sorting and overdue checks)."""
    if task.deadline_kind == "empty":
        return ""
    label = tr(f"deadline.kind.{task.deadline_kind}")
    return f"{label}: {format_date(task.deadline_due)}" if task.deadline_due else label


def task_columns(agg: PlanAggregate) -> list[Column]:
    """The task grid; the optional columns appear when the plan prints them (tab «Bố cục»)."""
    plan = agg.plan
    deadline_order = lambda t: (t.deadline_due or "9999", t.deadline_kind)  # noqa: E731
    columns = [
        Column("area_code", 170, choices=area_choices(agg)),
        Column("content", 380),
        *([Column("objective", 220)] if plan.show_task_objective else []),
        Column("lead_unit", 180),
        *([Column("implementing_units", 180)] if plan.show_task_implementing else []),
        Column("coordinating_units", 180),
        *([Column("schedule_text", 140)] if plan.show_task_schedule else []),
        Column("deadline_text", 140, sort_key=deadline_order),
        Column(
            "deadline_kind",
            130,
            editable=False,
            title=tr("ui.plan.deadline_parsed"),
            display=_deadline_note,
            sort_key=deadline_order,
        ),
        Column("product", 160),
        Column("responsible", 150),
        Column("budget", 110),
        Column("carried_over_from", 90),
        Column("not_applicable", 90),
        Column("na_reason", 180),
    ]
    return columns


def actor_columns(agg: PlanAggregate) -> list[Column]:
    return [Column("actor", 260), Column("duties", 640)]


def recipient_columns(agg: PlanAggregate) -> list[Column]:
    return [Column("recipient", 380), Column("purpose", 200)]
