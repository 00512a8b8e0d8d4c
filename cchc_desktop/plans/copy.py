"""Building a plan's content: from the framework, from another plan, or blank.

Content is a plain dict (plan fields + child rows) written by :func:`write` in the caller's
transaction.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from cchc_desktop.framework.areas import AreaDef
from cchc_desktop.framework.model import Framework, fill
from cchc_desktop.kernel.fields import coerce, field_specs
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.store.records import new_uid, now_iso
from cchc_desktop.plans import store
from cchc_desktop.plans.model import OPTIONAL_TASK_COLUMNS, Indicator, PlanAggregate, Task
from cchc_desktop.plans.shape import default_sections, sections_from_framework
from cchc_desktop.profile.model import UnitProfile

_PLAN_TEXTS = ("title", "purpose_text", "requirement_text", "budget_text", "closing_text")
#: The plan's shape: kept when it is copied (next year's plan keeps this year's layout).
_PLAN_SHAPE = ("area_layout", *OPTIONAL_TASK_COLUMNS)
_PLAN_META = ("doc_symbol", "issue_place", "issue_mode", "signer_mode", "signer_title", "signer_name")
_SECTION_FIELDS = ("kind", "title", "parts", "shown", "body")
_AREA_FIELDS = ("code", "display_name", "tasks_text", "objective_text")


def _clean_row(record_type: type, values: dict[str, Any]) -> dict[str, Any]:
    """Keep the record's editable fields and coerce them like user input."""
    specs = field_specs(record_type)
    return {name: coerce(spec, values.get(name)) for name, spec in specs.items() if name in values}


def from_framework(fw: Framework, fill_values: dict[str, str]) -> dict:
    plan = fill(fw.plan, fill_values)
    area_texts = plan.get("area_texts", {})
    objectives = plan.get("area_objectives", {})
    return {
        "plan": {key: plan[key] for key in (*_PLAN_TEXTS, *_PLAN_SHAPE) if key in plan},
        "framework": (fw.id, fw.hash),
        "bases": [{"text": text} for text in plan.get("bases", [])],
        "sections": sections_from_framework(plan.get("sections")),
        "areas": [
            {
                "code": a["code"],
                "display_name": a["name"],
                "tasks_text": area_texts.get(a["code"], ""),
                "objective_text": objectives.get(a["code"], ""),
            }
            for a in fill(fw.areas, fill_values)
        ],
        "indicators": [
            dict(_clean_row(Indicator, row), framework_ref=row.get("framework_ref", ""))
            for row in fill(fw.indicators, fill_values)
        ],
        "tasks": [
            dict(_clean_row(Task, row), framework_ref=row.get("framework_ref", ""))
            for row in fill(fw.tasks, fill_values)
        ],
        "actors": plan.get("actors", []),
        "recipients": plan.get("recipients", []),
    }


def from_aggregate(agg: PlanAggregate, keep_metadata: bool = False) -> dict:
    """Copy a plan's content (for next year's plan, or for an amendment)."""
    plan = agg.plan
    fields = _PLAN_TEXTS + _PLAN_SHAPE + (_PLAN_META if keep_metadata else ())
    return {
        "plan": {key: getattr(plan, key) for key in fields},
        "framework": (plan.framework_id, plan.framework_hash),
        "bases": [{"text": b.text} for b in agg.bases],
        "sections": [{name: getattr(s, name) for name in _SECTION_FIELDS} for s in agg.sections] or default_sections(),
        "areas": [{name: getattr(a, name) for name in _AREA_FIELDS} for a in agg.areas],
        "indicators": [dict(_editable(ind), framework_ref=ind.framework_ref) for ind in agg.indicators],
        "tasks": [dict(_editable(t), framework_ref=t.framework_ref) for t in agg.tasks],
        "actors": [{"actor": a.actor, "duties": a.duties} for a in agg.actors],
        "recipients": [{"recipient": r.recipient, "purpose": r.purpose} for r in agg.recipients],
    }


def _editable(record: Any) -> dict[str, Any]:
    specs = field_specs(type(record))
    return {name: getattr(record, name) for name in specs}


def blank(areas: tuple[AreaDef, ...]) -> dict:
    return {
        "plan": {},
        "framework": (None, None),
        "bases": [],
        "sections": default_sections(),
        "indicators": [],
        "tasks": [],
        "areas": [{"code": a.code, "display_name": a.name, "tasks_text": ""} for a in areas],
        "actors": [],
        "recipients": [],
    }


def write(
    conn: sqlite3.Connection,
    content: dict,
    *,
    year: int,
    profile: UnitProfile,
    source: str,
    version: int = 1,
    amends: int | None = None,
) -> int:
    """Insert the plan and all its rows; returns the new plan id."""
    values = {
        "uid": new_uid(),
        "year": year,
        "version": version,
        "status": "draft",
        "amends_plan_id": amends,
        "source": source,
        "framework_id": content["framework"][0],
        "framework_hash": content["framework"][1],
        "issue_place": profile.place_name,
        "signer_name": profile.chairman_name,
        "created_at": now_iso(),
        "title": tr("doc.plan.default_title", unit=profile.short_name, year=year),
    }
    values.update({k: v for k, v in content["plan"].items() if v not in (None, "")})
    plan_id = store.insert_plan(conn, values)
    store.insert_children(conn, store.BASIS, plan_id, content["bases"])
    store.insert_children(conn, store.SECTION, plan_id, content["sections"])
    store.insert_children(conn, store.AREA, plan_id, content["areas"])
    store.insert_children(conn, store.INDICATOR, plan_id, content["indicators"])
    store.insert_children(conn, store.TASK, plan_id, content["tasks"])
    store.insert_children(conn, store.ACTOR, plan_id, content["actors"])
    store.insert_children(conn, store.RECIPIENT, plan_id, content["recipients"])
    return plan_id
