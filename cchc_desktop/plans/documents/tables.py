"""Tables of a plan: Phụ lục I (nhiệm vụ cụ thể, grouped by area) and Phụ lục II (chỉ tiêu).

The rows are shared by the PDF appendices and the Excel export.
"""

from __future__ import annotations

from cchc_desktop.kernel.documents.model import Appendix, Column, Row, Table
from cchc_desktop.kernel.i18n import roman, tr
from cchc_desktop.kernel.text import clean
from cchc_desktop.plans.documents.indicator_words import baseline_words, target_words
from cchc_desktop.plans.model import Indicator, PlanAggregate, Task


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


def task_columns() -> list[Column]:
    return [
        Column(tr("doc.col.stt"), 0.5, "center"),
        Column(tr("doc.col.task_content"), 3.3),
        Column(tr("doc.col.product"), 1.45),
        Column(tr("doc.col.lead"), 1.5),
        Column(tr("doc.col.coordinating"), 1.6),
        Column(tr("doc.col.deadline"), 1.2, "center"),
        Column(tr("doc.col.budget"), 1.25, "right", kind="money"),
        Column(tr("doc.col.note"), 1.4),
    ]


def task_rows(aggregate: PlanAggregate) -> list[Row]:
    """Roman numerals for area rows, Arabic numerals restarting within each area."""
    rows: list[Row] = []
    for group_number, (area_name, tasks) in enumerate(grouped_tasks(aggregate), start=1):
        rows.append(Row([roman(group_number), area_name], group=True))
        for number, task in enumerate(tasks, start=1):
            rows.append(
                Row(
                    [
                        str(number),
                        task.content,
                        task.product,
                        task.lead_unit,
                        task.coordinating_units,
                        task.deadline_text,
                        task.budget,
                        task_note(task),
                    ]
                )
            )
    return rows


def task_table(aggregate: PlanAggregate) -> Table:
    return Table(task_columns(), task_rows(aggregate), font_size=12)


def indicator_columns() -> list[Column]:
    return [
        Column(tr("doc.col.stt"), 0.7, "center"),
        Column(tr("doc.col.indicator"), 3.5),
        Column(tr("doc.col.target"), 1.5, "center"),
        Column(tr("doc.col.unit"), 1.0, "center"),
        Column(tr("doc.col.baseline"), 1.2, "center"),
        Column(tr("doc.col.source"), 1.5),
    ]


def indicator_row(number: int, indicator: Indicator) -> Row:
    return Row(
        [
            str(number),
            clean(indicator.text),
            target_words(indicator),
            clean(indicator.unit),
            baseline_words(indicator),
            clean(indicator.source_ref),
        ]
    )


def indicator_table(aggregate: PlanAggregate) -> Table:
    indicators = sorted(aggregate.indicators, key=lambda i: i.position)
    rows = [indicator_row(n, ind) for n, ind in enumerate(indicators, start=1)]
    return Table(indicator_columns(), rows, font_size=12)


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
