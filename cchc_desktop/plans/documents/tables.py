"""Tables of a plan: Phụ lục I (nhiệm vụ cụ thể, grouped by area) and Phụ lục II (chỉ tiêu).

The task table prints the columns every plan has and the optional ones the plan shows (Mục
tiêu/Kết quả, Cơ quan thực hiện, Thời gian thực hiện), with a total of the budgets. What the app
keeps about where a default came from is never printed. The rows are shared by the PDF
appendices and the Excel export.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cchc_desktop.kernel.documents.model import Appendix, CellValue, Column, Row, Table
from cchc_desktop.kernel.i18n import roman, tr
from cchc_desktop.kernel.text import clean
from cchc_desktop.plans.documents.indicator_words import baseline_words, target_words
from cchc_desktop.plans.model import Indicator, Plan, PlanAggregate, Task


def grouped_tasks(aggregate: PlanAggregate) -> list[tuple[str, list[Task]]]:
    """(area display name, its tasks) in plan order; tasks of an unknown area come last."""
    tasks = sorted(aggregate.tasks, key=lambda t: t.position)
    groups: list[tuple[str, list[Task]]] = []
    known = set()
    for area in sorted(aggregate.areas, key=lambda a: a.position):
        known.add(area.code)
        members = [t for t in tasks if t.area_code == area.code]
        if members:
            groups.append((area.display_name, members))
    others = [t for t in tasks if t.area_code not in known]
    if others:
        groups.append((tr("doc.plan.other_area"), others))
    return groups


def task_note(task: Task) -> str:
    """Ghi chú: carried over from an earlier year and/or not applicable with its reason."""
    notes = []
    if task.carried_over_from:
        notes.append(tr("doc.task.carried_over", year=task.carried_over_from))
    if task.not_applicable:
        reason = clean(task.na_reason)
        notes.append(tr("doc.task.not_applicable_reason", reason=reason) if reason else tr("doc.task.not_applicable"))
    return "; ".join(notes)


@dataclass(frozen=True)
class TaskColumn:
    """A column of the task table: its printed form and how a task fills it."""

    column: Column
    value: Callable[[Task], CellValue]
    shown_by: str = ""  # the plan field that shows an optional column


def task_table_columns() -> list[TaskColumn]:
    """Every column the task table may print, in order; optional ones name the plan field showing them."""
    return [
        TaskColumn(Column(tr("doc.col.task_content"), 3.3), lambda t: t.content),
        TaskColumn(Column(tr("doc.col.objective"), 2.0), lambda t: t.objective, "show_task_objective"),
        TaskColumn(Column(tr("doc.col.product"), 1.45), lambda t: t.product),
        TaskColumn(Column(tr("doc.col.lead"), 1.5), lambda t: t.lead_unit),
        TaskColumn(Column(tr("doc.col.implementing"), 1.5), lambda t: t.implementing_units, "show_task_implementing"),
        TaskColumn(Column(tr("doc.col.coordinating"), 1.6), lambda t: t.coordinating_units),
        TaskColumn(Column(tr("doc.col.schedule"), 1.2, "center"), lambda t: t.schedule_text, "show_task_schedule"),
        TaskColumn(Column(tr("doc.col.deadline"), 1.2, "center"), lambda t: t.deadline_text),
        TaskColumn(Column(tr("doc.col.budget"), 1.25, "right", kind="money"), lambda t: t.budget),
        TaskColumn(Column(tr("doc.col.note"), 1.4), task_note),
    ]


def shown_task_columns(plan: Plan) -> list[TaskColumn]:
    """The columns this plan prints: the fixed ones and the optional ones it shows."""
    return [c for c in task_table_columns() if not c.shown_by or getattr(plan, c.shown_by)]


def task_columns(plan: Plan) -> list[Column]:
    return [Column(tr("doc.col.stt"), 0.5, "center"), *(c.column for c in shown_task_columns(plan))]


def budget_total(aggregate: PlanAggregate) -> float | None:
    """The sum of the tasks' budgets, or None when no task has one."""
    budgets = [t.budget for t in aggregate.tasks if t.budget is not None and not t.not_applicable]
    return sum(budgets) if budgets else None


def task_rows(aggregate: PlanAggregate) -> list[Row]:
    """Roman numerals for area rows, Arabic numerals restarting within each area, a total of the
    budgets last."""
    shown = shown_task_columns(aggregate.plan)
    rows: list[Row] = []
    for group_number, (area_name, tasks) in enumerate(grouped_tasks(aggregate), start=1):
        rows.append(Row([roman(group_number), area_name], group=True))
        for number, task in enumerate(tasks, start=1):
            rows.append(Row([str(number), *(c.value(task) for c in shown)]))
    total = budget_total(aggregate)
    if total is not None:
        cells: list[CellValue] = ["", tr("doc.col.total")] + [None] * (len(shown) - 1)
        cells[1 + next(i for i, c in enumerate(shown) if c.column.kind == "money")] = total
        rows.append(Row(cells, bold=True))
    return rows


def task_table(aggregate: PlanAggregate) -> Table:
    columns = task_columns(aggregate.plan)
    return Table(columns, task_rows(aggregate), font_size=12 if len(columns) <= 9 else 11)


def _with_sources(aggregate: PlanAggregate) -> bool:
    """The "Nguồn số liệu" column prints only when the commune wrote a data source for some target."""
    return any(clean(i.source_ref) for i in aggregate.indicators)


def indicator_columns(with_sources: bool = False) -> list[Column]:
    columns = [
        Column(tr("doc.col.stt"), 0.7, "center"),
        Column(tr("doc.col.indicator"), 3.5),
        Column(tr("doc.col.target"), 1.5, "center"),
        Column(tr("doc.col.unit"), 1.0, "center"),
        Column(tr("doc.col.baseline"), 1.2, "center"),
    ]
    return columns + ([Column(tr("doc.col.source"), 1.5)] if with_sources else [])


def indicator_row(number: int, indicator: Indicator, with_sources: bool = False) -> Row:
    cells: list[CellValue] = [
        str(number),
        clean(indicator.text),
        target_words(indicator),
        clean(indicator.unit),
        baseline_words(indicator),
    ]
    return Row(cells + ([clean(indicator.source_ref)] if with_sources else []))


def indicator_table(aggregate: PlanAggregate) -> Table:
    indicators = sorted(aggregate.indicators, key=lambda i: i.position)
    sources = _with_sources(aggregate)
    rows = [indicator_row(n, ind, sources) for n, ind in enumerate(indicators, start=1)]
    return Table(indicator_columns(sources), rows, font_size=12)


def plan_appendices(aggregate: PlanAggregate, reference: str) -> list[Appendix]:
    """Phụ lục I (landscape task table) and, when there are indicators, Phụ lục II."""
    appendices = [
        Appendix(
            tr("doc.appendix.label", number=roman(1)),
            tr("doc.plan.appendix.tasks"),
            reference,
            [task_table(aggregate)],
            landscape=True,
        )
    ]
    if aggregate.indicators:
        appendices.append(
            Appendix(
                tr("doc.appendix.label", number=roman(2)),
                tr("doc.plan.appendix.indicators"),
                reference,
                [indicator_table(aggregate)],
                landscape=False,
            )
        )
    return appendices
