"""What a report shows beyond what was typed: rates, year-to-date sums, attainment, late tasks.

Measures (``Indicator.measure``):

* ``snapshot``: the state on the as-of date; nothing is summed; judged on the period figure.
* ``flow``: what happened in the period window; the year so far is the sum of windows.
* ``cumulative``: accumulates from the start of the year; the year-to-date rate is the
  summed numerators over the summed denominators of non-overlapping windows.

An ad-hoc period whose window the calendar cannot tile from the start of the year (say
01/5 – 31/5) is judged on its own figures.

6 tháng already contains Quý I and Năm contains everything, so their year-to-date is
their own figure; Quý III does not, so its 9-month view is 6 tháng + Quý III.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from cchc_desktop.kernel.problems import Problem
from cchc_desktop.plans.model import Indicator, Task
from cchc_desktop.reports import calendar as cal
from cchc_desktop.reports.calc import Amount, attainment, figure, total
from cchc_desktop.reports.model import (
    PER_PERIOD_KINDS,
    IndicatorActual,
    Report,
    ReportActions,
    ReportAggregate,
    ReportPeriod,
    TaskProgress,
    has_fraction,
)

#: Amount of one indicator in one period's report (None: no report or no figures).
AmountLookup = Callable[[ReportPeriod], Amount | None]


@dataclass(frozen=True)
class IndicatorFigures:
    """Figures of one ``indicator_actual`` row, computed."""

    actual_id: int
    indicator: Indicator
    fraction: bool
    period_amount: Amount
    period_figure: float | None
    ytd_amount: Amount | None
    ytd_figure: float | None
    ytd_codes: tuple[str, ...]
    ytd_missing: tuple[str, ...]
    basis: str
    assessed: float | None
    attainment: str


def amount_of(actual: IndicatorActual) -> Amount:
    return Amount(actual.numerator, actual.denominator, actual.value)


def indicator_figures(
    indicator: Indicator,
    actual: IndicatorActual,
    period: ReportPeriod,
    calendar: Sequence[ReportPeriod],
    lookup: AmountLookup,
) -> IndicatorFigures:
    """Period figure, year-to-date figure and attainment of one indicator in one report."""
    fraction, percent = has_fraction(indicator), indicator.is_percent or has_fraction(indicator)
    own = amount_of(actual)
    amounts = lambda p: own if p.id == period.id else lookup(p)  # noqa: E731
    period_figure = figure(own, fraction, percent)
    shape = cal.ytd_chain(period, calendar) if indicator.measure != "snapshot" else None
    summable = shape is not None
    ytd, codes, missing = (
        _year_to_date(period, calendar, shape, amounts, fraction) if shape is not None else (None, (), ())
    )
    ytd_figure = figure(ytd, fraction, percent)
    basis = "year_to_date" if summable else "period"
    assessed = period_figure if basis == "period" else ytd_figure
    rising = not fraction and basis == "year_to_date" and not cal.reaches_year_end(period, calendar)
    state = attainment(assessed, indicator.comparator, indicator.target, indicator.target_max, may_still_rise=rising)
    judged = own if basis == "period" else ytd
    if state == "no_data" and fraction and judged is not None and judged.complete(True) and judged.denominator == 0:
        state = "undefined"  # 0/0: nothing happened to measure (e.g. no late files to apologise for)
    if state == "no_target" and indicator.target_text.strip():
        state = "in_words"  # "duy trì", "tăng so với năm trước": the report quotes the target, people judge
    return IndicatorFigures(
        actual.id, indicator, fraction, own, period_figure, ytd, ytd_figure, codes, missing, basis, assessed, state
    )


def _year_to_date(
    period: ReportPeriod,
    calendar: Sequence[ReportPeriod],
    shape: Sequence[ReportPeriod],
    amounts: AmountLookup,
    fraction: bool,
) -> tuple[Amount | None, tuple[str, ...], tuple[str, ...]]:
    """(sum, codes summed, labels of windows still missing), for a period the calendar can tile;
    ``shape`` is that tiling, whatever reports are in."""
    filled = lambda p: (a := amounts(p)) is not None and a.complete(fraction)  # noqa: E731
    chain = cal.ytd_chain(period, calendar, filled)
    if chain is not None:
        found = [a for p in chain if (a := amounts(p)) is not None]  # all of them: each window is filled
        return total(found, fraction), tuple(p.code for p in chain), ()
    return None, tuple(p.code for p in shape), tuple(p.label for p in shape if not filled(p))


# Tasks #################################################################


def is_per_period(task: Task) -> bool:
    """Recurring and continuous tasks are assessed afresh in each period."""
    return task.deadline_kind in PER_PERIOD_KINDS


def is_behind(task: Task, progress: TaskProgress, period: ReportPeriod) -> bool:
    """Chậm tiến độ: the deadline passed by the end of the period and the task is not done."""
    if is_per_period(task) or not task.deadline_due:
        return False
    if progress.status not in ("not_started", "in_progress"):
        return False
    return dt.date.fromisoformat(task.deadline_due) <= period.window.end


def counts_by_status(rows: Sequence[TaskProgress]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.status] = counts.get(row.status, 0) + 1
    return counts


@dataclass(frozen=True)
class YearOverview:
    """A year's reporting at a glance: its periods, where each stands, its reports, where to open."""

    year: int
    periods: list[ReportPeriod]
    states: dict[int, cal.PeriodState]  # by period id
    reports: dict[int, Report]  # by period id
    default: ReportPeriod | None


@dataclass(frozen=True)
class ReportView:
    """One report with everything its screen shows, read once."""

    agg: ReportAggregate
    figures: dict[int, IndicatorFigures]
    problems: list[Problem]
    actions: ReportActions
    state: cal.PeriodState
