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
from cchc_desktop.plans.model import Plan, PlanAggregate, Task
from cchc_desktop.profile.model import UnitProfile


def _task_sheet(plan: Plan) -> list[tuple[Column, Callable[[str, Task], CellValue]]]:
    """The task sheet's columns with how each is filled: the printed ones first (as Phụ lục I, with the
    area as a column), then those kept for filtering and sorting."""
    columns: list[tuple[Column, Callable[[str, Task], CellValue], bool]] = [
        (Column(tr("doc.col.stt"), align="center", kind="integer", excel_width=5), lambda a, t: None, True),
        (Column(tr("doc.col.area"), excel_width=14), lambda a, t: a, True),
        (Column(tr("doc.col.task_content"), excel_width=42), lambda a, t: t.content, True),
        (Column(tr("doc.col.objective"), excel_width=26), lambda a, t: t.objective, plan.show_task_objective),
        (Column(tr("doc.col.product"), excel_width=18), lambda a, t: t.product, True),
        (Column(tr("doc.col.lead"), excel_width=18), lambda a, t: t.lead_unit, True),
        (
            Column(tr("doc.col.implementing"), excel_width=18),
            lambda a, t: t.implementing_units,
            plan.show_task_implementing,
        ),
        (Column(tr("doc.col.coordinating"), excel_width=20), lambda a, t: t.coordinating_units, True),
        (
            Column(tr("doc.col.schedule"), align="center", excel_width=14),
            lambda a, t: t.schedule_text,
            plan.show_task_schedule,
        ),
        (Column(tr("doc.col.deadline"), align="center", excel_width=14), lambda a, t: t.deadline_text, True),
        (Column(tr("doc.col.budget"), align="right", kind="money", excel_width=14), lambda a, t: t.budget, True),
        (Column(tr("doc.col.note"), excel_width=16), lambda a, t: task_note(t), True),
        (Column(tr("doc.col.responsible"), excel_width=20), lambda a, t: t.responsible, True),
        (
            Column(tr("doc.col.due_date"), align="center", kind="date", excel_width=14),
            lambda a, t: as_date(t.deadline_due),
            True,
        ),
    ]
    return [(column, value) for column, value, shown in columns if shown]


#: Columns after the printed ones: the official in charge and the parsed due date.
_UNPRINTED_TASK_COLUMNS = 2


def task_sheet_columns(plan: Plan) -> list[Column]:
    return [column for column, _ in _task_sheet(plan)]


def task_sheet_rows(aggregate: PlanAggregate) -> list[Row]:
    sheet = _task_sheet(aggregate.plan)
    rows: list[Row] = []
    for area_name, tasks in grouped_tasks(aggregate):
        for task in tasks:
            cells = [value(area_name, task) for _, value in sheet]
            cells[0] = len(rows) + 1
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
            print_columns=len(task_sheet_columns(aggregate.plan)) - _UNPRINTED_TASK_COLUMNS,
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
