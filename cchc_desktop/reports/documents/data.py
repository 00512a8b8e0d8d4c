"""What a period report is printed from: the report, its computed figures and the plan's areas.

``ReportData`` is read once from the workspace (``services.rendering``) and is plain data
afterwards, so the document can be built and rendered on any thread. The helpers here group
its rows by lĩnh vực in plan order, for the body, the appendices and the Excel export alike.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cchc_desktop.kernel.i18n import tr
from cchc_desktop.plans.model import PlanArea, Task
from cchc_desktop.profile.model import UnitProfile
from cchc_desktop.reports.model import (
    DONE_STATUSES,
    IndicatorActual,
    Report,
    ReportAggregate,
    ReportPeriod,
    TaskProgress,
)
from cchc_desktop.reports.view import IndicatorFigures, is_behind

#: The area whose results make up section I (công tác chỉ đạo, điều hành).
DIRECTION_AREA = "CDDH"


@dataclass
class ReportData:
    """Một báo cáo kỳ as printed: the aggregate, figures by ``indicator_actual`` id, plan areas."""

    profile: UnitProfile
    aggregate: ReportAggregate
    figures: dict[int, IndicatorFigures]
    areas: list[PlanArea] = field(default_factory=list)
    #: The first day of the reporting year and whether this report's data run to its end (the
    #: annual report): the words of the report follow from them ("lũy kế 9 tháng từ ngày …", "năm tới").
    year_start: dt.date | None = None
    annual: bool = False

    @property
    def report(self) -> Report:
        return self.aggregate.report

    @property
    def period(self) -> ReportPeriod:
        return self.aggregate.period


@dataclass(frozen=True)
class TaskLine:
    """One task of the plan with its progress in this report."""

    progress: TaskProgress
    task: Task
    behind: bool

    @property
    def done(self) -> bool:
        return self.progress.status in DONE_STATUSES

    @property
    def percent(self) -> float | None:
        """Tiến độ (%): as entered; a finished task without a figure counts as 100."""
        if self.progress.progress is not None:
            return self.progress.progress
        return 100.0 if self.done else None


@dataclass(frozen=True)
class IndicatorLine:
    """One indicator's figures in this report."""

    actual: IndicatorActual
    figures: IndicatorFigures


@dataclass
class AreaSection:
    """Một lĩnh vực: its tasks and indicators, in plan order."""

    code: str
    name: str
    tasks: list[TaskLine] = field(default_factory=list)
    indicators: list[IndicatorLine] = field(default_factory=list)


def task_lines(data: ReportData) -> list[TaskLine]:
    agg = data.aggregate
    rows = sorted(agg.progress, key=lambda r: (r.position, r.id))
    return [
        TaskLine(row, agg.tasks[row.task_id], is_behind(agg.tasks[row.task_id], row, agg.period))
        for row in rows
        if row.task_id in agg.tasks
    ]


def indicator_lines(data: ReportData) -> list[IndicatorLine]:
    rows = sorted(data.aggregate.actuals, key=lambda a: (a.position, a.id))
    return [IndicatorLine(row, data.figures[row.id]) for row in rows if row.id in data.figures]


def area_sections(data: ReportData) -> list[AreaSection]:
    """Sections in plan area order; rows of an area the plan does not list come last."""
    sections = {a.code: AreaSection(a.code, a.display_name) for a in sorted(data.areas, key=lambda a: a.position)}
    other = AreaSection("", tr("doc.plan.other_area"))
    for task_line in task_lines(data):
        sections.get(task_line.task.area_code, other).tasks.append(task_line)
    for indicator_line in indicator_lines(data):
        sections.get(indicator_line.figures.indicator.area_code, other).indicators.append(indicator_line)
    return [s for s in [*sections.values(), other] if s.tasks or s.indicators]


def status_counts(lines: list[TaskLine]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for line in lines:
        counts[line.progress.status] = counts.get(line.progress.status, 0) + 1
    return counts
