"""Building a new period report: its rows from the plan in force, prefilled from the last report.

What carries over from the previous report of the year (the latest one whose data window
ends earlier):

* dated tasks keep their status, progress, result and reason (they continue);
* recurring and continuous tasks are assessed afresh: only last period's result text is
  kept as a starting point;
* indicators keep their source; snapshot figures are copied but marked "carried" until
  the user updates or confirms them (a warning says so);
* shortcomings, causes, next-period tasks and proposals start from last period's text;
  the signer and the recipients too.

Every text copied this way is marked (``review_fields``, ``result_review``) until the user writes
over it or keeps it as it is: the checks name each one, so nothing stale is sent unseen.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from cchc_desktop.framework.model import Framework, fill, placeholders
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.store.records import new_uid, now_iso
from cchc_desktop.plans.model import Indicator, PlanAggregate, Task
from cchc_desktop.profile.model import UnitProfile
from cchc_desktop.reports import store
from cchc_desktop.reports.model import (
    DEFAULT_SYMBOL,
    DONE_STATUSES,
    IndicatorActual,
    ReportAggregate,
    ReportPeriod,
    TaskProgress,
    indicator_key,
    task_key,
)
from cchc_desktop.reports.view import is_per_period

CARRIED_NARRATIVE = ("shortcomings_text", "causes_text", "next_tasks_text", "proposals_text")
_CONTINUING = ("status", "progress", "result", "reason", "completed_on")


def previous_report(conn: sqlite3.Connection, period: ReportPeriod) -> ReportAggregate | None:
    """The year's latest report whose window ends before ``period``'s (regular periods first)."""
    report_id = store.previous_report_id(conn, period)
    return store.load_aggregate(conn, report_id) if report_id is not None else None


# Rows ##################################################################


def _progress_index(agg: ReportAggregate | None) -> tuple[dict[int, TaskProgress], dict[str, TaskProgress]]:
    if agg is None:
        return {}, {}
    by_id = {p.task_id: p for p in agg.progress}
    by_text = {task_key(agg.tasks[p.task_id]): p for p in agg.progress}
    return by_id, by_text


def progress_rows(tasks: list[Task], previous: ReportAggregate | None) -> list[dict[str, Any]]:
    """One row per applicable task of the plan, prefilled from the previous report."""
    by_id, by_text = _progress_index(previous)
    rows = []
    for task in tasks:
        if task.not_applicable:
            continue
        before = by_id.get(task.id) or by_text.get(task_key(task))
        rows.append(_progress_row(task, before))
    return rows


def _progress_row(task: Task, before: TaskProgress | None) -> dict[str, Any]:
    row: dict[str, Any] = {"task_id": task.id, "status": "not_started"}
    if before is None:
        return row
    if is_per_period(task):
        row["result"] = before.result
    else:
        row.update({name: getattr(before, name) for name in _CONTINUING})
    # A task finished earlier keeps its result as history; any other copied result speaks of last period.
    finished = not is_per_period(task) and before.status in DONE_STATUSES
    return dict(row, result_review=bool(before.result.strip()) and not finished)


def _actual_index(agg: ReportAggregate | None) -> dict[Any, IndicatorActual]:
    if agg is None:
        return {}
    index: dict[Any, IndicatorActual] = {a.indicator_id: a for a in agg.actuals}
    index.update({indicator_key(agg.indicators[a.indicator_id]): a for a in agg.actuals})
    return index


def actual_rows(indicators: list[Indicator], previous: ReportAggregate | None) -> list[dict[str, Any]]:
    """One row per indicator; sources kept, snapshot figures carried for confirmation."""
    index = _actual_index(previous)
    rows = []
    for indicator in indicators:
        before = index.get(indicator.id) or index.get(indicator_key(indicator))
        rows.append(_actual_row(indicator, before, previous))
    return rows


def _actual_row(indicator: Indicator, before: IndicatorActual | None, previous: ReportAggregate | None) -> dict:
    row: dict[str, Any] = {"indicator_id": indicator.id}
    if before is None or previous is None:
        return row
    row["source"] = before.source
    figures = (before.numerator, before.denominator, before.value)
    if indicator.measure == "snapshot" and any(f is not None for f in figures):
        row.update(numerator=figures[0], denominator=figures[1], value=figures[2], carried_from=previous.period.label)
    return row


# The report row and its recipients #####################################


def report_values(
    period: ReportPeriod, plan: PlanAggregate, profile: UnitProfile, previous: ReportAggregate | None
) -> dict[str, Any]:
    values: dict[str, Any] = {
        "uid": new_uid(),
        "year": period.year,
        "period_id": period.id,
        "plan_id": plan.plan.id,
        "status": "draft",
        "doc_symbol": DEFAULT_SYMBOL,
        "issue_place": profile.place_name,
        "title": tr("report.default_title", period=period.title or period.label),
        "addressee": profile.receiver_salutation or profile.receiver_name,
        "created_at": now_iso(),
    }
    signer = previous.report if previous else plan.plan
    values.update({name: getattr(signer, name) for name in ("signer_mode", "signer_title", "signer_name")})
    if previous is not None:
        values.update({name: getattr(previous.report, name) for name in CARRIED_NARRATIVE})
        values["carried_from"] = previous.period.label
        values["review_fields"] = " ".join(n for n in CARRIED_NARRATIVE if getattr(previous.report, n).strip())
    return values


def recipient_rows(
    previous: ReportAggregate | None, framework: Framework, profile: UnitProfile, year: int
) -> list[dict[str, str]]:
    if previous is not None and previous.recipients:
        return [{"recipient": r.recipient, "purpose": r.purpose} for r in previous.recipients]
    section = framework.extra.get("periods")
    defaults = section.get("recipients", []) if isinstance(section, dict) else []
    return [
        {"recipient": r["recipient"], "purpose": r.get("purpose", "")}
        for r in fill(defaults, placeholders(profile, year))
    ]


def write_report(
    conn: sqlite3.Connection, values: dict, progress: list[dict], actuals: list[dict], recipients: list[dict]
) -> int:
    report_id = store.insert_row(conn, "reports", values)
    store.insert_children(conn, store.TASK_PROGRESS, report_id, progress)
    store.insert_children(conn, store.INDICATOR_ACTUAL, report_id, actuals)
    store.insert_children(conn, store.RECIPIENT, report_id, recipients)
    return report_id
