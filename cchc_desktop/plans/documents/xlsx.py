"""The plan's tables as an Excel workbook: sheet "Nhiệm vụ" (task table) and "Chỉ tiêu".

Unlike the printed Phụ lục, each task row carries its area in a column (so the sheet can be
filtered and sorted), budgets are numbers and parsed deadlines are real dates.
"""

from __future__ import annotations

from collections.abc import Callable

from cchc_desktop.kernel.documents.model import CellValue, Column, Row
from cchc_desktop.kernel.documents.wording import as_date
from cchc_desktop.kernel.documents.xlsx import Sheet, render_xlsx
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.text import clean
from cchc_desktop.plans.documents.document import agency_header, appendix_reference
from cchc_desktop.plans.documents.indicator_words import target_words
from cchc_desktop.plans.documents.tables import grouped_tasks, task_note
from cchc_desktop.plans.model import Plan, PlanAggregate
from cchc_desktop.profile.model import UnitProfile


def _optional(plan: Plan, field: str) -> bool:
    return bool(getattr(plan, field))


def task_sheet_columns(plan: Plan) -> list[Column]:
    columns = [
        (Column(tr("doc.col.stt"), align="center", kind="integer", excel_width=6), ""),
        (Column(tr("doc.col.area"), excel_width=24), ""),
        (Column(tr("doc.col.task_content"), excel_width=50), ""),
        (Column(tr("doc.col.objective"), excel_width=30), "show_task_objective"),
        (Column(tr("doc.col.product"), excel_width=22), ""),
        (Column(tr("doc.col.lead"), excel_width=22), ""),
        (Column(tr("doc.col.implementing"), excel_width=22), "show_task_implementing"),
        (Column(tr("doc.col.coordinating"), excel_width=24), ""),
        (Column(tr("doc.col.responsible"), excel_width=20), ""),
        (Column(tr("doc.col.schedule"), align="center", excel_width=16), "show_task_schedule"),
        (Column(tr("doc.col.deadline"), align="center", excel_width=16), ""),
        (Column(tr("doc.col.due_date"), align="center", kind="date", excel_width=14), ""),
        (Column(tr("doc.col.budget"), align="right", kind="money", excel_width=16), ""),
        (Column(tr("doc.col.note"), excel_width=24), ""),
    ]
    return [column for column, shown_by in columns if not shown_by or _optional(plan, shown_by)]


def task_sheet_rows(aggregate: PlanAggregate) -> list[Row]:
    plan = aggregate.plan
    rows: list[Row] = []
    for area_name, tasks in grouped_tasks(aggregate):
        for task in tasks:
            cells: list[CellValue] = [len(rows) + 1, area_name, task.content]
            cells += [task.objective] if plan.show_task_objective else []
            cells += [task.product, task.lead_unit]
            cells += [task.implementing_units] if plan.show_task_implementing else []
            cells += [task.coordinating_units, task.responsible]
            cells += [task.schedule_text] if plan.show_task_schedule else []
            cells += [task.deadline_text, as_date(task.deadline_due), task.budget, task_note(task)]
            rows.append(Row(cells))
    return rows


def indicator_sheet_columns(with_sources: bool) -> list[Column]:
    columns = [
        Column(tr("doc.col.stt"), align="center", kind="integer", excel_width=6),
        Column(tr("doc.col.indicator"), excel_width=50),
        Column(tr("doc.col.target"), excel_width=22),
        Column(tr("doc.col.target_value"), align="right", kind="number", excel_width=12),
        Column(tr("doc.col.unit"), align="center", excel_width=12),
        Column(tr("plan.indicator.col.baseline_year"), align="center", kind="integer", excel_width=10),
        Column(tr("plan.indicator.col.baseline_value"), align="right", kind="number", excel_width=12),
    ]
    return columns + ([Column(tr("doc.col.source"), excel_width=28)] if with_sources else [])


def indicator_sheet_rows(aggregate: PlanAggregate, with_sources: bool) -> list[Row]:
    indicators = sorted(aggregate.indicators, key=lambda i: i.position)
    rows = []
    for n, i in enumerate(indicators, start=1):
        cells: list[CellValue] = [n, clean(i.text), target_words(i), i.target, clean(i.unit)]
        cells += [i.baseline_year, i.baseline_value] + ([clean(i.source_ref)] if with_sources else [])
        rows.append(Row(cells))
    return rows


def plan_sheets(profile: UnitProfile, aggregate: PlanAggregate) -> list[Sheet]:
    agency = " ".join(agency_header(profile, None, None).agency_lines)
    reference = appendix_reference(profile, aggregate)
    sources = any(clean(i.source_ref) for i in aggregate.indicators)
    return [
        Sheet(
            tr("doc.sheet.tasks"),
            task_sheet_columns(aggregate.plan),
            task_sheet_rows(aggregate),
            [agency, tr("doc.plan.appendix.tasks"), reference],
        ),
        Sheet(
            tr("doc.sheet.indicators"),
            indicator_sheet_columns(sources),
            indicator_sheet_rows(aggregate, sources),
            [agency, tr("doc.plan.appendix.indicators"), reference],
        ),
    ]


def render_plan_xlsx(
    profile: UnitProfile,
    aggregate: PlanAggregate,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """The plan's task and indicator tables as .xlsx bytes."""
    return render_xlsx(plan_sheets(profile, aggregate), progress=progress, cancelled=cancelled)
