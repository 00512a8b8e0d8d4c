"""Kiểm tra báo cáo: named Vietnamese problems, each attached to the row it is about.

Errors block submitting; warnings never block anything.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from cchc_desktop.kernel.documents.glyphs import editable_texts, text_problems
from cchc_desktop.kernel.i18n import format_date, format_number, tr
from cchc_desktop.kernel.problems import Problem, RowRef, error, warning
from cchc_desktop.plans.model import Indicator
from cchc_desktop.reports import calendar as cal
from cchc_desktop.reports.model import DONE_STATUSES, REASON_STATUSES, IndicatorActual, ReportAggregate, has_fraction
from cchc_desktop.reports.view import IndicatorFigures, is_behind


@dataclass(frozen=True)
class ReportContext:
    """What the checks need besides the report itself."""

    used_numbers: Mapping[int, str] = field(default_factory=dict)
    plan_in_force_version: int | None = None
    figures: Mapping[int, IndicatorFigures] = field(default_factory=dict)


class _ProgressRef(RowRef):
    """A task's progress row, with its number in the report (a message parameter)."""

    row: int


class _ActualRef(RowRef):
    """An indicator's figures row, with the indicator's code (a message parameter)."""

    name: str


def check_report(agg: ReportAggregate, context: ReportContext) -> list[Problem]:
    """All problems of a report, in reading order."""
    problems = _metadata(agg, context)
    problems += list(_copied(agg))
    problems += list(_tasks(agg))
    problems += list(_indicators(agg, context))
    problems += text_problems(editable_texts(_records(agg)))
    return problems


def _records(agg: ReportAggregate) -> Iterator[tuple[str, object]]:
    """(entity, record) of every row of the report a user types into."""
    yield "report", agg.report
    yield from (("task_progress", row) for row in agg.progress)
    yield from (("indicator_actual", row) for row in agg.actuals)
    yield from (("report_recipient", row) for row in agg.recipients)


def _metadata(agg: ReportAggregate, context: ReportContext) -> list[Problem]:
    report, found = agg.report, []
    ref: RowRef = {"entity": "report", "row_id": report.id}
    if report.doc_number is None:
        found.append(error("problem.report.no_number", field="doc_number", **ref))
    elif report.doc_number in context.used_numbers:
        found.append(
            error(
                "problem.report.duplicate_number",
                field="doc_number",
                number=report.number_text,
                year=_numbering_year(agg),
                other=context.used_numbers[report.doc_number],
                **ref,
            )
        )
    if not report.report_date:
        found.append(error("problem.report.no_date", field="report_date", **ref))
    if not report.signer_name:
        found.append(warning("problem.report.no_signer", field="signer_name", **ref))
    if context.plan_in_force_version not in (None, agg.plan.version):
        found.append(
            warning(
                "problem.report.plan_changed",
                field="title",
                version=agg.plan.version,
                current=context.plan_in_force_version,
                **ref,
            )
        )
    return found


def _copied(agg: ReportAggregate) -> Iterator[Problem]:
    """Texts still as copied from the previous report: each is named until it is rewritten or kept."""
    report = agg.report
    source = report.carried_from or "—"
    for name in report.to_review:
        yield error(
            "problem.report.copied_text",
            "report",
            report.id,
            name,
            label=tr(f"report.field.{name}"),
            source=source,
        )
    for row, progress in enumerate(agg.progress, start=1):
        if progress.result_review:
            yield error(
                "problem.task_progress.copied_result", "task_progress", progress.id, "result", row=row, source=source
            )


def _numbering_year(agg: ReportAggregate) -> int:
    return int(agg.report.report_date[:4]) if agg.report.report_date else agg.report.year


# Tasks #################################################################


def _tasks(agg: ReportAggregate) -> Iterator[Problem]:
    for row, progress in enumerate(agg.progress, start=1):
        task = agg.tasks[progress.task_id]
        ref: _ProgressRef = {"entity": "task_progress", "row_id": progress.id, "row": row}
        behind = is_behind(task, progress, agg.period)
        if not progress.reason and (progress.status in REASON_STATUSES or behind):
            status = "behind" if behind else progress.status
            yield error(
                f"problem.task_progress.{status}_no_reason",
                field="reason",
                deadline=format_date(task.deadline_due),
                **ref,
            )
        if progress.progress is not None and not 0 <= progress.progress <= 100:
            yield error(
                "problem.task_progress.progress_range", field="progress", value=format_number(progress.progress), **ref
            )
        yield from _completion_date(task, progress, ref)


def _completion_date(task, progress, ref: _ProgressRef) -> Iterator[Problem]:
    if progress.status not in DONE_STATUSES or not progress.completed_on or not task.deadline_due:
        return
    late = progress.completed_on > task.deadline_due
    if late and progress.status == "done_on_time":
        yield warning(
            "problem.task_progress.done_after_deadline",
            field="status",
            date=format_date(progress.completed_on),
            deadline=format_date(task.deadline_due),
            **ref,
        )


# Indicators ############################################################


def _indicators(agg: ReportAggregate, context: ReportContext) -> Iterator[Problem]:
    for actual in agg.actuals:
        indicator = agg.indicators[actual.indicator_id]
        ref: _ActualRef = {"entity": "indicator_actual", "row_id": actual.id, "name": _name(indicator, actual)}
        yield from _figures(indicator, actual, agg.period.figures_required, ref)
        yield from _dates(actual, agg, ref)
        figures = context.figures.get(actual.id)
        if figures is not None and figures.ytd_missing and figures.period_amount.complete(figures.fraction):
            yield warning(
                "problem.indicator_actual.ytd_incomplete",
                field="numerator" if figures.fraction else "value",
                periods=", ".join(figures.ytd_missing),
                **ref,
            )


def _name(indicator: Indicator, actual: IndicatorActual) -> str:
    return indicator.code or str(actual.position + 1)


def _figures(indicator: Indicator, actual: IndicatorActual, required: bool, ref: _ActualRef) -> Iterator[Problem]:
    numbers = {"numerator": actual.numerator, "denominator": actual.denominator, "value": actual.value}
    for name, number in numbers.items():
        if number is not None and number < 0:
            yield error("problem.indicator_actual.negative", field=name, value=format_number(number), **ref)
    if has_fraction(indicator):
        yield from _fraction(indicator, actual, required, ref)
    elif required and actual.value is None:
        yield warning("problem.indicator_actual.missing", field="value", **ref)


def _fraction(indicator: Indicator, actual: IndicatorActual, required: bool, ref: _ActualRef) -> Iterator[Problem]:
    num, den = actual.numerator, actual.denominator
    if num is None or den is None:
        if required:
            field_name = "numerator" if num is None else "denominator"
            key = "missing" if num is None and den is None else f"no_{field_name}"
            yield warning(f"problem.indicator_actual.{key}", field=field_name, **ref)
        return
    if num > den and not may_exceed_whole(indicator):
        yield error(
            "problem.indicator_actual.numerator_over_denominator",
            field="numerator",
            numerator=format_number(num),
            denominator=format_number(den),
            **ref,
        )
    elif den == 0:
        yield warning("problem.indicator_actual.zero_denominator", field="denominator", **ref)


def may_exceed_whole(indicator: Indicator) -> bool:
    """ "Đạt và vượt dự toán" (≥ 100%) may legitimately pass 100%; a share of a whole may not."""
    if indicator.comparator in (">=", ">") and indicator.target is not None:
        return indicator.target >= 100
    return indicator.comparator == "range" and (indicator.target_max or 0) > 100


def _dates(actual: IndicatorActual, agg: ReportAggregate, ref: _ActualRef) -> Iterator[Problem]:
    if actual.carried_from:
        yield warning("problem.indicator_actual.carried", field="as_of", period=actual.carried_from, **ref)
    as_of = cal.as_date(actual.as_of)
    if as_of is not None and not agg.period.window.contains(as_of):
        yield warning(
            "problem.indicator_actual.as_of_outside",
            field="as_of",
            date=format_date(actual.as_of),
            window=agg.period.window.text,
            **ref,
        )
