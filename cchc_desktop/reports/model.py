"""Báo cáo định kỳ: the period report and its rows, as plain records.

Field names are the database column names. Editable fields carry their label key and
input kind, like the plan's records (see :mod:`cchc_desktop.kernel.fields`).

Row entities (for grids, problems and evidence links): ``report``, ``report_period``,
``task_progress`` (one plan task in one report), ``indicator_actual`` (one indicator's
figures in one report), ``report_recipient``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cchc_desktop.kernel.fields import editable
from cchc_desktop.kernel.text import fold
from cchc_desktop.plans.model import SIGNER_MODES, Indicator, Plan, Task
from cchc_desktop.reports import calendar as periods

REPORT_STATUSES = ("draft", "submitted")
TASK_STATUSES = ("not_started", "in_progress", "done_on_time", "done_late", "not_done")
DONE_STATUSES = ("done_on_time", "done_late")
#: Statuses that need a written reason (giải trình).
REASON_STATUSES = ("done_late", "not_done")
#: Deadline kinds assessed afresh each period ("Thường xuyên", "Hằng tháng"…).
PER_PERIOD_KINDS = ("recurring", "continuous")
NARRATIVE_FIELDS = ("achievements_text", "shortcomings_text", "causes_text", "next_tasks_text", "proposals_text")
DEFAULT_SYMBOL = "BC-UBND"


@dataclass
class ReportPeriod:
    """Một kỳ báo cáo của năm: kỳ số liệu (từ … đến …) và hạn nộp."""

    id: int
    year: int
    position: int
    code: str
    name: str = editable("text", "report.period.col.name", required=True)
    title: str = editable("text", "report.period.col.title")
    start_date: str | None = editable("date", "report.period.col.start_date", required=True)
    end_date: str | None = editable("date", "report.period.col.end_date", required=True)
    due_date: str | None = editable("date", "report.period.col.due_date", required=True)
    cumulative_label: str = editable("text", "report.period.col.cumulative_label")
    figures_required: bool = editable("bool", "report.period.col.figures_required", default=True)
    adhoc: bool = False

    @property
    def label(self) -> str:
        return periods.label(self)

    @property
    def window(self) -> periods.Window:
        return periods.window(self)


@dataclass
class Report:
    """Báo cáo kết quả thực hiện CCHC của một kỳ."""

    id: int
    uid: str
    year: int
    period_id: int
    plan_id: int
    status: str = "draft"
    doc_number: int | None = editable("int", "report.field.doc_number")
    doc_symbol: str = editable("text", "report.field.doc_symbol", default=DEFAULT_SYMBOL)
    issue_place: str = editable("text", "report.field.issue_place")
    report_date: str | None = editable("date", "report.field.report_date")
    title: str = editable("text", "report.field.title", multiline=True)
    addressee: str = editable("text", "report.field.addressee")
    signer_mode: str = editable("choice", "report.field.signer_mode", choices=SIGNER_MODES, default="TM")
    signer_title: str = editable("text", "report.field.signer_title", default="CHỦ TỊCH")
    signer_name: str = editable("text", "report.field.signer_name")
    achievements_text: str = editable("text", "report.field.achievements_text", multiline=True)
    shortcomings_text: str = editable("text", "report.field.shortcomings_text", multiline=True)
    causes_text: str = editable("text", "report.field.causes_text", multiline=True)
    next_tasks_text: str = editable("text", "report.field.next_tasks_text", multiline=True)
    proposals_text: str = editable("text", "report.field.proposals_text", multiline=True)
    #: Narrative fields (space-separated) still as copied from the report of ``carried_from``.
    review_fields: str = editable("text", "report.field.review_fields")
    carried_from: str = ""
    created_at: str = ""
    first_submitted_at: str | None = None
    submitted_at: str | None = None
    submitted_by: str = ""
    late_days: int = 0
    late_reason: str = ""

    @property
    def number_text(self) -> str:
        """ "18/BC-UBND"; unnumbered: "    /BC-UBND" for numbering by hand."""
        if self.doc_number is None:
            return f"    /{self.doc_symbol}"
        return f"{self.doc_number:02d}/{self.doc_symbol}"

    @property
    def locked(self) -> bool:
        return self.status == "submitted"

    @property
    def to_review(self) -> list[str]:
        """Narrative fields still as copied from the previous report."""
        return [name for name in self.review_fields.split() if name in NARRATIVE_FIELDS]


@dataclass
class TaskProgress:
    """Tiến độ một nhiệm vụ của kế hoạch trong kỳ báo cáo."""

    id: int
    report_id: int
    position: int
    task_id: int
    status: str = editable("choice", "report.task.col.status", choices=TASK_STATUSES, default="not_started")
    progress: float | None = editable("number", "report.task.col.progress")
    result: str = editable("text", "report.task.col.result", multiline=True)
    reason: str = editable("text", "report.task.col.reason", multiline=True)
    completed_on: str | None = editable("date", "report.task.col.completed_on")
    #: The result was copied from the previous report and nobody has looked at it since.
    result_review: bool = editable("bool", "report.task.col.result_review")


@dataclass
class IndicatorActual:
    """Số liệu thực hiện một chỉ tiêu trong kỳ (tử số/mẫu số, hoặc một giá trị)."""

    id: int
    report_id: int
    position: int
    indicator_id: int
    numerator: float | None = editable("number", "report.actual.col.numerator")
    denominator: float | None = editable("number", "report.actual.col.denominator")
    value: float | None = editable("number", "report.actual.col.value")
    source: str = editable("text", "report.actual.col.source")
    as_of: str | None = editable("date", "report.actual.col.as_of")
    note: str = editable("text", "report.actual.col.note", multiline=True)
    carried_from: str = ""


@dataclass
class ReportRecipient:
    """Nơi nhận của báo cáo."""

    id: int
    report_id: int
    position: int
    recipient: str = editable("text", "report.recipient.col.recipient", required=True)
    purpose: str = editable("text", "report.recipient.col.purpose")


@dataclass(frozen=True)
class ReportEvent:
    """Nộp / mở lại / lập báo cáo: who, when, and why."""

    id: int
    report_id: int
    at: str
    actor: str
    action: str
    reason: str = ""
    detail: str = ""


@dataclass
class ReportAggregate:
    """A whole report as read for display, checks and export."""

    report: Report
    period: ReportPeriod
    plan: Plan
    tasks: dict[int, Task] = field(default_factory=dict)
    indicators: dict[int, Indicator] = field(default_factory=dict)
    progress: list[TaskProgress] = field(default_factory=list)
    actuals: list[IndicatorActual] = field(default_factory=list)
    recipients: list[ReportRecipient] = field(default_factory=list)
    events: list[ReportEvent] = field(default_factory=list)


def has_fraction(indicator: Indicator) -> bool:
    """An indicator with a denominator label is reported as numerator/denominator."""
    return bool(indicator.denominator_label.strip())


def indicator_key(indicator: Indicator) -> str:
    """Matches one indicator across plan versions and reports: its code, else its text."""
    return key_of_indicator(indicator.code, indicator.text)


def key_of_indicator(code: str, text: str) -> str:
    return code.strip() or _folded(text)


def task_key(task: Task) -> str:
    """Matches one task across plan versions: its content, ignoring case, tone marks and spacing."""
    return _folded(task.content)


def _folded(text: str) -> str:
    return " ".join(fold(text).split())


@dataclass(frozen=True)
class ReportActions:
    """What may be done with a report now (the screen shows these buttons only)."""

    editable: bool
    may_submit: bool
    may_reopen: bool
    may_delete: bool
    may_follow_plan: bool  # a draft made under a plan that has since been amended
    may_keep_copied: bool = False  # a draft with texts still as copied from the previous report
