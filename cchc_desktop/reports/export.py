"""A period and its report as plain data (``report show --json``) and as a short text."""

from __future__ import annotations

from typing import Any

from cchc_desktop.kernel.i18n import format_date, format_datetime, format_number, format_percent, tr
from cchc_desktop.kernel.problems import Problem
from cchc_desktop.plans.model import signature_lines
from cchc_desktop.plans.targets import describe_target
from cchc_desktop.reports.calc import Amount, attainment_text
from cchc_desktop.reports.calendar import PeriodState
from cchc_desktop.reports.model import NARRATIVE_FIELDS, ReportAggregate, ReportPeriod
from cchc_desktop.reports.view import IndicatorFigures, counts_by_status, is_behind, is_per_period


def period_to_dict(period: ReportPeriod, state: PeriodState) -> dict[str, Any]:
    return {
        "year": period.year,
        "code": period.code,
        "label": period.label,
        "title": period.title,
        "window": {"start": period.start_date, "end": period.end_date, "text": period.window.text},
        "due_date": period.due_date,
        "due_date_text": format_date(period.due_date),
        "cumulative_label": period.cumulative_label,
        "adhoc": bool(period.adhoc),
        "figures_required": period.figures_required,
        "state": {"kind": state.kind, "days": state.days, "text": state.text},
    }


def report_to_dict(
    agg: ReportAggregate, figures: dict[int, IndicatorFigures], problems: list[Problem]
) -> dict[str, Any]:
    """A report as plain data, with its figures and current checks."""
    return _report(agg, figures, problems)


def _report(agg: ReportAggregate, figures: dict[int, IndicatorFigures], problems: list) -> dict[str, Any]:
    report = agg.report
    return {
        "status": report.status,
        "status_label": tr(f"report.status.{report.status}"),
        "plan": {"version": agg.plan.version, "number_text": agg.plan.number_text},
        "submission": _submission(agg),
        "document": _document(agg),
        "narrative": {name.removesuffix("_text"): getattr(report, name) for name in NARRATIVE_FIELDS},
        "tasks": [_task(agg, row) for row in agg.progress],
        "task_counts": counts_by_status(agg.progress),
        "indicators": [_indicator(agg, actual, figures[actual.id]) for actual in agg.actuals],
        "events": [_event(e) for e in agg.events],
        "problems": [p.to_dict() for p in problems],
    }


def _event(event) -> dict[str, Any]:
    return {
        "at": event.at,
        "actor": event.actor,
        "action": event.action,
        "reason": event.reason,
        "action_label": tr(f"report.event.action.{event.action}"),
        "detail": event.detail,
    }


def _submission(agg: ReportAggregate) -> dict[str, Any]:
    report = agg.report
    return {
        "submitted_at": report.submitted_at,
        "first_submitted_at": report.first_submitted_at,
        "submitted_by": report.submitted_by,
        "due_date": agg.period.due_date,
        "late_days": report.late_days,
        "late_reason": report.late_reason,
    }


def _document(agg: ReportAggregate) -> dict[str, Any]:
    report = agg.report
    return {
        "number": report.doc_number,
        "symbol": report.doc_symbol,
        "number_text": report.number_text,
        "place": report.issue_place,
        "date": report.report_date,
        "date_text": format_date(report.report_date),
        "title": report.title,
        "addressee": report.addressee,
        "signer": {
            "mode": report.signer_mode,
            "lines": signature_lines(report.signer_mode, report.signer_title),
            "name": report.signer_name,
        },
        "recipients": [{"recipient": r.recipient, "purpose": r.purpose} for r in agg.recipients],
    }


def _task(agg: ReportAggregate, row) -> dict[str, Any]:
    task = agg.tasks[row.task_id]
    return {
        "id": row.id,
        "task_uid": task.uid,
        "order": row.position + 1,
        "area_code": task.area_code,
        "content": task.content,
        "deadline": task.deadline_text,
        "deadline_due": task.deadline_due,
        "per_period": is_per_period(task),
        "behind": is_behind(task, row, agg.period),
        "status": row.status,
        "status_label": tr(f"report.task_status.{row.status}"),
        "progress": row.progress,
        "result": row.result,
        "reason": row.reason,
        "completed_on": row.completed_on,
    }


def _amount(amount: Amount | None, value: float | None, percent: bool) -> dict[str, Any] | None:
    if amount is None:
        return None
    text = format_percent(value) if percent else format_number(value)
    return {
        "numerator": amount.numerator,
        "denominator": amount.denominator,
        "value": amount.value,
        "figure": value,
        "figure_text": text if value is not None else "",
    }


def _indicator(agg: ReportAggregate, actual, figures: IndicatorFigures) -> dict[str, Any]:
    ind = figures.indicator
    percent = figures.fraction or ind.is_percent
    return {
        "id": actual.id,
        "indicator_uid": ind.uid,
        "code": ind.code,
        "text": ind.text,
        "unit": ind.unit,
        "measure": ind.measure,
        "comparator": ind.comparator,
        "target": ind.target,
        "target_max": ind.target_max,
        "target_text": describe_target(ind.comparator, ind.target, ind.target_max, ind.unit, ind.aspirational),
        "aspirational": ind.aspirational,
        "fraction": figures.fraction,
        "source": actual.source,
        "as_of": actual.as_of,
        "note": actual.note,
        "carried_from": actual.carried_from,
        "period": _amount(figures.period_amount, figures.period_figure, percent),
        "year_to_date": _ytd(figures, percent),
        "attainment": {
            "state": figures.attainment,
            "basis": figures.basis,
            "text": attainment_text(figures.attainment, ind.aspirational),
        },
    }


def _ytd(figures: IndicatorFigures, percent: bool) -> dict[str, Any] | None:
    if figures.indicator.measure == "snapshot":
        return None
    data = _amount(figures.ytd_amount, figures.ytd_figure, percent) or {"figure": None, "figure_text": ""}
    return dict(data, periods=list(figures.ytd_codes), missing=list(figures.ytd_missing))


# Text ##################################################################


def report_to_text(data: dict[str, Any]) -> str:
    period = data["period"]
    lines = [
        tr("cli.report.heading", period=period["label"], unit=data["unit"]),
        tr("report.period.window", window=period["window"]["text"], due=period["due_date_text"]),
    ]
    report = data["report"]
    if report is None:
        return "\n".join(lines + [tr("cli.report.none", state=period["state"]["text"])])
    lines.append(_status_line(report, period))
    lines.append(_task_line(report))
    lines.append(_indicator_line(report))
    lines += [f"- [{p['severity']}] {p['message']}" for p in report["problems"]]
    return "\n".join(lines)


def _status_line(report: dict, period: dict) -> str:
    sub = report["submission"]
    key = "cli.report.status.submitted" if sub["first_submitted_at"] else "cli.report.status.unsent"
    return tr(
        key,
        number=report["document"]["number_text"],
        status=report["status_label"],
        state=period["state"]["text"],
        when=format_datetime(sub["first_submitted_at"]),
    )


def _task_line(report: dict) -> str:
    counts = report["task_counts"]
    parts = ", ".join(f"{tr(f'report.task_status.{k}').lower()} {v}" for k, v in counts.items())
    behind = sum(1 for t in report["tasks"] if t["behind"])
    return tr("cli.report.tasks", count=len(report["tasks"]), parts=parts, behind=behind)


def _indicator_line(report: dict) -> str:
    states: dict[str, int] = {}
    for ind in report["indicators"]:
        states[ind["attainment"]["state"]] = states.get(ind["attainment"]["state"], 0) + 1
    parts = ", ".join(f"{tr(f'report.attainment.{k}').lower()} {v}" for k, v in states.items())
    return tr("cli.report.indicators", count=len(report["indicators"]), parts=parts)
