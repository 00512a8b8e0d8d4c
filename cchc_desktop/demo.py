"""Tạo dữ liệu mẫu: a fictional commune's workspace for first-time users and tests.

The commune, its officials and its choices come from ``resources/demo/demo-commune.json``;
the plan itself is created from the embedded framework the way a user would.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from cchc_desktop.domain.framework import fill, placeholders
from cchc_desktop.domain.units import UnitProfile
from cchc_desktop.errors import WorkspaceError
from cchc_desktop.paths import resource_path
from cchc_desktop.text import fold
from cchc_desktop.workspace import Workspace

DEMO_FILE = ("demo", "demo-commune.json")


def load_demo_data() -> dict[str, Any]:
    return json.loads(resource_path(*DEMO_FILE).read_text(encoding="utf-8"))


def create_demo(path: str | Path, *, year: int | None = None) -> Workspace:
    """Create the demo workspace at ``path`` (refuses an existing file)."""
    target = Path(path)
    if target.exists():
        raise WorkspaceError("demo.exists", path=str(target))
    year = year or dt.date.today().year
    data = load_demo_data()
    ws = Workspace.open(target, create=True)
    try:
        profile = ws.profile.save(UnitProfile.from_dict(data["profile"]))
        ws.set_actor(profile.focal_name)
        _build_plan(ws, data["plan"], profile, year)
        _build_next_year_draft(ws, year)
        _extend(ws, year)
    except BaseException:
        ws.close()
        raise
    ws.history.clear()
    return ws


def _build_plan(ws: Workspace, spec: dict, profile: UnitProfile, year: int) -> None:
    plan = ws.plans.create(year, "framework")
    values = placeholders(profile, year)
    agg = ws.plans.aggregate(plan.id)
    for override in spec.get("task_overrides", []):
        task = _match_task(agg.tasks, override["match"])
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
    month, day = (int(part) for part in spec.get("issue_date_month_day", "01-08").split("-"))
    ws.edit("plan", plan.id, "doc_number", spec.get("doc_number", 1))
    ws.edit("plan", plan.id, "issue_date", dt.date(year, month, day))
    ws.edit("plan", plan.id, "signer_mode", spec.get("signer_mode", "TM"))
    ws.plans.issue(plan.id)


def _match_task(tasks: list, needle: str) -> Any:
    folded = fold(needle)
    found = [t for t in tasks if folded in fold(t.content)]
    if len(found) != 1:
        raise ValueError(f"demo override must match one task: {needle!r} matched {len(found)}")
    return found[0]


def _build_next_year_draft(ws: Workspace, year: int) -> None:
    """In late autumn communes start drafting next year's plan from this year's."""
    if dt.date.today().month >= 10:
        ws.plans.create(year + 1, "copy")


#: Later parts of the demo, in order; each module has ``build(ws, year)``.
DEMO_PARTS = ("cchc_desktop.demo_reports", "cchc_desktop.demo_assessment")


def _extend(ws: Workspace, year: int) -> None:
    """Add the parts of the demo built on the plan: reports, then the self-assessment."""
    import importlib
    import importlib.util

    for name in DEMO_PARTS:
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name).build(ws, year)
