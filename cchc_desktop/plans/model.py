"""Kế hoạch CCHC năm: the annual plan and its parts, as plain records.

Field names are the database column names. Editable fields carry their Vietnamese
label key and input kind (see :mod:`cchc_desktop.kernel.fields`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from cchc_desktop.kernel.fields import editable

PLAN_STATUSES = ("draft", "issued", "superseded")
ISSUE_MODES = ("KH", "QD")
SIGNER_MODES = ("TM", "KT", "Q", "CT", "KTCT")
COMPARATORS = (">=", ">", "=", "<=", "<", "~", "range")
MEASURES = ("snapshot", "flow", "cumulative")
DEFAULT_SYMBOL = {"KH": "KH-UBND", "QD": "QĐ-UBND"}
#: How section "nhiệm vụ, giải pháp" is laid out: chỉ tiêu in their own section then tasks by area
#: ("separate"), or each area with its own objectives and tasks ("by_area", "1.1. Mục tiêu / 1.2. Nhiệm vụ").
AREA_LAYOUTS = ("separate", "by_area")
#: Kinds of section of a plan's body; "custom" is a section of the commune's own, with free text.
SECTION_KINDS = ("purpose", "indicators", "solutions", "tasks", "budget", "actors", "custom")
#: Optional columns of the task table: the plan field that shows each, and the task field it prints.
OPTIONAL_TASK_COLUMNS = {
    "show_task_objective": "objective",
    "show_task_implementing": "implementing_units",
    "show_task_schedule": "schedule_text",
}


@dataclass
class Plan:
    """Kế hoạch CCHC năm (one version of it)."""

    id: int
    uid: str
    year: int
    version: int = 1
    status: str = "draft"
    amends_plan_id: int | None = None
    effective_date: str | None = editable("date", "plan.field.effective_date")
    amendment_reason: str = editable("text", "plan.field.amendment_reason", multiline=True)
    source: str = "blank"
    framework_id: str | None = None
    framework_hash: str | None = None
    doc_number: int | None = editable("int", "plan.field.doc_number")
    doc_symbol: str = editable("text", "plan.field.doc_symbol", default="KH-UBND")
    issue_place: str = editable("text", "plan.field.issue_place")
    issue_date: str | None = editable("date", "plan.field.issue_date")
    issue_mode: str = editable("choice", "plan.field.issue_mode", choices=ISSUE_MODES, default="KH")
    title: str = editable("text", "plan.field.title", multiline=True)
    purpose_text: str = editable("text", "plan.field.purpose_text", multiline=True)
    requirement_text: str = editable("text", "plan.field.requirement_text", multiline=True)
    budget_text: str = editable("text", "plan.field.budget_text", multiline=True)
    closing_text: str = editable("text", "plan.field.closing_text", multiline=True)
    signer_mode: str = editable("choice", "plan.field.signer_mode", choices=SIGNER_MODES, default="TM")
    signer_title: str = editable("text", "plan.field.signer_title", default="CHỦ TỊCH")
    signer_name: str = editable("text", "plan.field.signer_name")
    area_layout: str = editable("choice", "plan.field.area_layout", choices=AREA_LAYOUTS, default="separate")
    show_task_objective: bool = editable("bool", "plan.field.show_task_objective")
    show_task_implementing: bool = editable("bool", "plan.field.show_task_implementing")
    show_task_schedule: bool = editable("bool", "plan.field.show_task_schedule")
    created_at: str = ""
    issued_at: str | None = None

    @property
    def editable_now(self) -> bool:
        return self.status == "draft"

    @property
    def number_text(self) -> str:
        """ "05/KH-UBND"; an unnumbered draft shows "    /KH-UBND" for hand numbering."""
        if self.doc_number is None:
            return f"    /{self.doc_symbol}"
        return f"{self.doc_number:02d}/{self.doc_symbol}"


@dataclass
class PlanBasis:
    """Căn cứ: one legal basis line."""

    id: int
    plan_id: int
    position: int
    text: str = editable("text", "plan.basis.col.text", required=True, multiline=True)


@dataclass
class PlanArea:
    """Lĩnh vực in this plan: display name, order and section III text."""

    id: int
    plan_id: int
    position: int
    code: str
    display_name: str = editable("text", "plan.area.col.display_name", required=True)
    tasks_text: str = editable("text", "plan.area.col.tasks_text", multiline=True)
    objective_text: str = editable("text", "plan.area.col.objective_text", multiline=True)


@dataclass
class PlanSection:
    """Một phần (mục La Mã) of the plan's body: its heading, sub-headings, printed or not, its place.

    ``kind`` says what the section holds (mục đích yêu cầu, chỉ tiêu, nhiệm vụ giải pháp…); a
    "custom" section holds ``body``, free text of the commune's own. ``parts`` are the sub-headings
    of the sections that have them, one per line ("Mục đích" / "Yêu cầu"; per area "Mục tiêu" /
    "Nhiệm vụ"); a blank line prints no sub-heading.
    """

    id: int
    plan_id: int
    position: int
    kind: str = "custom"
    title: str = editable("text", "plan.section.col.title", required=True)
    parts: str = editable("text", "plan.section.col.parts", multiline=True)
    shown: bool = editable("bool", "plan.section.col.shown", default=True)
    body: str = editable("text", "plan.section.col.body", multiline=True)

    def part(self, index: int) -> str:
        """Sub-heading ``index`` (0-based), or "" when there is none."""
        lines = self.parts.split("\n")
        return lines[index].strip() if index < len(lines) else ""


@dataclass
class Indicator:
    """Chỉ tiêu (section II): target with comparator, unit and fraction labels."""

    id: int
    uid: str
    plan_id: int
    position: int
    code: str = editable("text", "plan.indicator.col.code")
    text: str = editable("text", "plan.indicator.col.text", required=True, multiline=True)
    area_code: str = editable("text", "plan.indicator.col.area_code")
    comparator: str = editable("choice", "plan.indicator.col.comparator", choices=COMPARATORS, default=">=")
    target: float | None = editable("number", "plan.indicator.col.target")
    target_text: str = editable("text", "plan.indicator.col.target_text")
    target_max: float | None = editable("number", "plan.indicator.col.target_max")
    unit: str = editable("text", "plan.indicator.col.unit")
    numerator_label: str = editable("text", "plan.indicator.col.numerator_label")
    denominator_label: str = editable("text", "plan.indicator.col.denominator_label")
    baseline_year: int | None = editable("int", "plan.indicator.col.baseline_year")
    baseline_value: float | None = editable("number", "plan.indicator.col.baseline_value")
    aspirational: bool = editable("bool", "plan.indicator.col.aspirational")
    measure: str = editable("choice", "plan.indicator.col.measure", choices=MEASURES, default="snapshot")
    source_ref: str = editable("text", "plan.indicator.col.source_ref")
    framework_ref: str = ""

    @property
    def is_percent(self) -> bool:
        return self.unit.strip() == "%"


@dataclass
class Task:
    """Nhiệm vụ cụ thể (section IV, the task table)."""

    id: int
    uid: str
    plan_id: int
    position: int
    area_code: str = editable("text", "plan.task.col.area_code")
    content: str = editable("text", "plan.task.col.content", required=True, multiline=True)
    objective: str = editable("text", "plan.task.col.objective", multiline=True)
    product: str = editable("text", "plan.task.col.product", multiline=True)
    lead_unit: str = editable("text", "plan.task.col.lead_unit")
    implementing_units: str = editable("text", "plan.task.col.implementing_units", multiline=True)
    coordinating_units: str = editable("text", "plan.task.col.coordinating_units", multiline=True)
    responsible: str = editable("text", "plan.task.col.responsible")
    schedule_text: str = editable("text", "plan.task.col.schedule_text")
    deadline_text: str = editable("text", "plan.task.col.deadline_text")
    budget: float | None = editable("number", "plan.task.col.budget")
    carried_over_from: int | None = editable("int", "plan.task.col.carried_over_from")
    not_applicable: bool = editable("bool", "plan.task.col.not_applicable")
    na_reason: str = editable("text", "plan.task.col.na_reason", multiline=True)
    framework_ref: str = ""
    deadline_kind: str = "empty"
    deadline_due: str | None = None
    deadline_start: str | None = None
    recurrence: str | None = None


@dataclass
class PlanActor:
    """Tổ chức thực hiện (section VI): one actor and their duties."""

    id: int
    plan_id: int
    position: int
    actor: str = editable("text", "plan.actor.col.actor", required=True)
    duties: str = editable("text", "plan.actor.col.duties", multiline=True)


@dataclass
class PlanRecipient:
    """Nơi nhận: one recipient line with its purpose ("để báo cáo", "thực hiện")."""

    id: int
    plan_id: int
    position: int
    recipient: str = editable("text", "plan.recipient.col.recipient", required=True)
    purpose: str = editable("text", "plan.recipient.col.purpose")


@dataclass
class PlanAggregate:
    """A whole plan as read for display, validation, rendering and export."""

    plan: Plan
    bases: list[PlanBasis] = field(default_factory=list)
    sections: list[PlanSection] = field(default_factory=list)
    areas: list[PlanArea] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    actors: list[PlanActor] = field(default_factory=list)
    recipients: list[PlanRecipient] = field(default_factory=list)

    def area_name(self, code: str) -> str:
        for area in self.areas:
            if area.code == code:
                return area.display_name
        return code

    def to_dict(self) -> dict:
        return asdict(self)


def signature_lines(mode: str, title: str) -> list[str]:
    """Quyền hạn, chức vụ lines above the signer's name (Decree 30, ô 7a).

    TM: collective ("TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH"); KT: a deputy signs for the chairman;
    Q: acting chairman; CT / KTCT: the chairman's own authority (a Quyết định).
    """
    title = (title or "CHỦ TỊCH").upper()
    if mode == "KT":
        return ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", title if title != "CHỦ TỊCH" else "PHÓ CHỦ TỊCH"]
    if mode == "Q":
        return ["TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH"]
    if mode == "CT":
        return ["CHỦ TỊCH"]
    if mode == "KTCT":
        return ["KT. CHỦ TỊCH", title if title != "CHỦ TỊCH" else "PHÓ CHỦ TỊCH"]
    return ["TM. ỦY BAN NHÂN DÂN", title]


@dataclass(frozen=True)
class PlanActions:
    """What may be done with one version of the plan now (the screen shows these buttons only)."""

    editable: bool
    may_issue: bool
    may_amend: bool
    may_delete: bool
    stale_years: int  # texts and deadlines still naming last year, fixed in one action
