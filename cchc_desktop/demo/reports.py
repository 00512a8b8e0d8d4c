"""Báo cáo định kỳ mẫu: the demo commune's Quý I and 6 tháng reports (submitted), Quý III (draft).

The story and the figures live in ``resources/demo/demo-commune.json`` (key ``"reports"``):
digitisation rising from 48% in Quý I to 57% at mid-year, a dialogue held in May, two
tasks finished late with their reasons, the 6-month report sent a day late. Tasks the file
does not name get a plain status from their deadline (done when due, under way otherwise).
Everything is written in one transaction so building the demo stays fast.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from cchc_desktop.demo.data import load_demo_data, match_task
from cchc_desktop.framework.model import fill, placeholders
from cchc_desktop.plans.model import Task
from cchc_desktop.reports import store as report_store
from cchc_desktop.reports.model import DONE_STATUSES, ReportAggregate, has_fraction
from cchc_desktop.reports.view import is_per_period
from cchc_desktop.workspace import Workspace


def build(ws: Workspace, year: int) -> None:
    """Add the year's demo reports; called after the year's plan was issued."""
    spec = load_demo_data().get("reports")
    if not spec or ws.plans.in_force(year) is None:
        return
    items = fill(spec["periods"], placeholders(ws.profile.get(), year))
    ws.reports.create_calendar(year)
    with ws.transaction():
        for item in items:
            _build_one(ws, year, item, spec["defaults"])
    ws.history.clear()


def _build_one(ws: Workspace, year: int, item: dict, defaults: dict) -> None:
    report = ws.reports.create(year, item["code"])
    agg = ws.reports.aggregate(report.id)
    _backdate(ws, agg)
    ws.edit_cells("report", _meta_cells(report.id, item, year))
    ws.edit_cells("task_progress", _task_cells(agg, item, defaults))
    ws.edit_cells("indicator_actual", _indicator_cells(agg, item["indicators"], year))
    if item.get("submitted_at"):
        ws.reports.keep_copied(report.id)  # the official has read what was carried over before sending
        when = dt.datetime.fromisoformat(f"{year}-{item['submitted_at']}")
        ws.reports.submit(report.id, late_reason=item.get("late_reason", ""), at=when)


def _backdate(ws: Workspace, agg: ReportAggregate) -> None:
    """A report is drafted a few days before its data window closes, not on the day the demo is built."""
    created = dt.datetime.combine(agg.period.window.end - dt.timedelta(days=5), dt.time(8, 0)).isoformat()
    with ws.transaction() as conn:
        report_store.set_created_at(conn, agg.report.id, created)


def _meta_cells(report_id: int, item: dict, year: int) -> list[tuple[int, str, Any]]:
    cells = [(report_id, name, text) for name, text in item.get("narrative", {}).items()]
    for name in ("doc_number", "signer_mode", "signer_title", "signer_name"):
        if name in item:
            cells.append((report_id, name, item[name]))
    if "report_date" in item:
        cells.append((report_id, "report_date", dt.date.fromisoformat(f"{year}-{item['report_date']}")))
    return cells


# Tasks #################################################################


def _task_cells(agg: ReportAggregate, item: dict, defaults: dict) -> list[tuple[int, str, Any]]:
    tasks = [agg.tasks[row.task_id] for row in agg.progress]
    explicit = {match_task(tasks, entry["match"]).id: entry for entry in item.get("tasks", [])}
    cells = []
    for row in agg.progress:
        task = agg.tasks[row.task_id]
        entry = explicit.get(task.id)
        if entry is None and item.get("fill_remaining") and row.status not in DONE_STATUSES:
            entry = _default_entry(task, agg, defaults)
        cells += _entry_cells(row.id, entry or {}, agg.report.year)
    return cells


def _default_entry(task: Task, agg: ReportAggregate, defaults: dict) -> dict:
    end = agg.period.window.end
    product = f"{defaults['product_label']}: {task.product}." if task.product else ""
    if is_per_period(task):
        return {"status": "in_progress", "result": f"{defaults['per_period']}. {product}".strip()}
    if not task.deadline_due or task.deadline_kind == "period":
        return {"status": "in_progress", "result": defaults["roadmap"]}
    due = dt.date.fromisoformat(task.deadline_due)
    if due <= end:
        return {"status": "done_on_time", "result": f"{defaults['done']}. {product}".strip()}
    if task.deadline_start and dt.date.fromisoformat(task.deadline_start) > end:
        return {"status": "not_started", "result": defaults["upcoming"]}
    return {"status": "in_progress", "progress": _elapsed(agg, due), "result": defaults["ongoing"]}


def _elapsed(agg: ReportAggregate, due: dt.date) -> int:
    """A believable progress figure: the share of the time to the deadline already gone, in tens."""
    start = dt.date(agg.report.year, 1, 1)
    share = (agg.period.window.end - start).days / max((due - start).days, 1)
    return max(10, min(90, round(share * 10) * 10))


def _entry_cells(row_id: int, entry: dict, year: int) -> list[tuple[int, str, Any]]:
    cells = [(row_id, "status", entry["status"])] if "status" in entry else []
    for name in ("progress", "result", "reason"):
        if name in entry:
            cells.append((row_id, name, entry[name]))
    if "completed_on" in entry:
        cells.append((row_id, "completed_on", dt.date.fromisoformat(f"{year}-{entry['completed_on']}")))
    return cells


# Indicators ############################################################


def _indicator_cells(agg: ReportAggregate, figures: dict, year: int) -> list[tuple[int, str, Any]]:
    cells = []
    for actual in agg.actuals:
        indicator = agg.indicators[actual.indicator_id]
        entry = figures.get(indicator.code)
        if entry is None:
            continue
        if has_fraction(indicator):
            cells += [(actual.id, "numerator", entry["n"]), (actual.id, "denominator", entry["d"])]
        else:
            cells.append((actual.id, "value", entry["v"]))
        cells.append((actual.id, "source", entry["source"]))
        cells.append((actual.id, "as_of", dt.date.fromisoformat(f"{year}-{entry['as_of']}")))
    return cells
