"""The demo's plan: created from the framework the way a user would, then edited and issued."""

from __future__ import annotations

import datetime as dt
from typing import Any

from cchc_desktop.demo.data import match_task
from cchc_desktop.framework.model import fill, placeholders
from cchc_desktop.profile.model import UnitProfile
from cchc_desktop.workspace import Workspace


def build(ws: Workspace, spec: dict[str, Any], profile: UnitProfile, year: int) -> None:
    """The year's issued plan, and next year's draft when the year is nearly over."""
    _build_plan(ws, spec, profile, year)
    _build_next_year_draft(ws, year)


def _build_plan(ws: Workspace, spec: dict, profile: UnitProfile, year: int) -> None:
    plan = ws.plans.create(year, "framework")
    values = placeholders(profile, year)
    agg = ws.plans.aggregate(plan.id)
    for override in spec.get("task_overrides", []):
        task = match_task(agg.tasks, override["match"])
        for field in ("responsible", "budget", "deadline_text"):
            if field in override:
                ws.edit("task", task.id, field, fill(override[field], values))
    for row in fill(spec.get("extra_tasks", []), values):
        ws.insert("task", plan.id, {k: v for k, v in row.items() if k != "framework_ref"})
    for row in fill(spec.get("extra_indicators", []), values):
        ws.insert("indicator", plan.id, row)
    for area in agg.areas:
        if area.code in spec.get("area_display_names", {}):
            ws.edit("plan_area", area.id, "display_name", spec["area_display_names"][area.code])
    _drop_uncited_bases(ws, plan.id)
    month, day = (int(part) for part in spec.get("issue_date_month_day", "01-08").split("-"))
    ws.edit("plan", plan.id, "doc_number", spec.get("doc_number", 1))
    ws.edit("plan", plan.id, "issue_date", dt.date(year, month, day))
    ws.edit("plan", plan.id, "signer_mode", spec.get("signer_mode", "TM"))
    ws.plans.issue(plan.id)


def _drop_uncited_bases(ws: Workspace, plan_id: int) -> None:
    """The framework leaves the provincial plan's number and date to fill in; a fictional commune
    has no real document to cite, so it drops that căn cứ rather than print a made-up number."""
    flagged = [p.row_id for p in ws.plans.problems(plan_id) if p.key == "problem.basis.incomplete"]
    if flagged:
        ws.delete("plan_basis", [row_id for row_id in flagged if row_id is not None])


def _build_next_year_draft(ws: Workspace, year: int) -> None:
    """In late autumn communes start drafting next year's plan from this year's."""
    if dt.date.today().month >= 10:
        ws.plans.create(year + 1, "copy")
