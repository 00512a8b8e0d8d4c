"""Plan tables: entity registration (guards, derived columns) and queries."""

from __future__ import annotations

import sqlite3

from cchc_desktop.kernel.errors import LockedError, NotFoundError, ValidationError
from cchc_desktop.kernel.store import numbering, records
from cchc_desktop.kernel.store.records import Entity, inserted_id, register
from cchc_desktop.plans.deadlines import parse_deadline
from cchc_desktop.plans.model import (
    Indicator,
    Plan,
    PlanActor,
    PlanAggregate,
    PlanArea,
    PlanBasis,
    PlanRecipient,
    PlanSection,
    Task,
)


def plan_row(conn: sqlite3.Connection, plan_id: int) -> dict:
    row = conn.execute("SELECT * FROM plans WHERE id = ?", [plan_id]).fetchone()
    if row is None:
        raise NotFoundError("error.row_missing", what="kế hoạch", id=plan_id)
    return dict(row)


def ensure_plan_editable(conn: sqlite3.Connection, plan_id: int) -> dict:
    """Raise LockedError, naming the plan and the way out, unless the plan is a draft."""
    plan = plan_row(conn, plan_id)
    if plan["status"] == "draft":
        return plan
    number = Plan(**plan).number_text if plan["doc_number"] is not None else "—"
    key = "plan.locked" if plan["status"] == "issued" else "plan.locked.superseded"
    raise LockedError(key, year=plan["year"], version=plan["version"], number=number)


def _guard_child(conn: sqlite3.Connection, row: dict) -> None:
    ensure_plan_editable(conn, row["plan_id"])


def _guard_plan(conn: sqlite3.Connection, row: dict) -> None:
    ensure_plan_editable(conn, row["id"])


def _only_custom_sections(conn: sqlite3.Connection, row: dict) -> None:
    """A section the plan is built on is hidden (``shown``), never deleted; the commune's own may go."""
    if row.get("kind") != "custom":
        raise ValidationError("plan.section.builtin", title=row.get("title", ""))


def _derive_task(conn: sqlite3.Connection, row: dict) -> dict:
    """Keep the parsed deadline in step with its text (used for sorting and overdue checks)."""
    year = conn.execute("SELECT year FROM plans WHERE id = ?", [row["plan_id"]]).fetchone()[0]
    parsed = parse_deadline(row.get("deadline_text", ""), year)
    return {
        "deadline_kind": parsed.kind,
        "deadline_due": parsed.due.isoformat() if parsed.due else None,
        "deadline_start": parsed.start.isoformat() if parsed.start else None,
        "recurrence": parsed.recurrence,
    }


def _derive_plan(conn: sqlite3.Connection, row: dict) -> dict:
    """Switching between KH and QĐ changes the default ký hiệu along with it."""
    from cchc_desktop.plans.model import DEFAULT_SYMBOL

    symbol = row.get("doc_symbol")
    if symbol in DEFAULT_SYMBOL.values() and row.get("issue_mode") in DEFAULT_SYMBOL:
        return {"doc_symbol": DEFAULT_SYMBOL[row["issue_mode"]]}
    return {}


PLAN = register(
    Entity("plan", "plans", Plan, None, "title", "entity.plan", ordered=False, guard=_guard_plan, derive=_derive_plan)
)
BASIS = register(
    Entity("plan_basis", "plan_bases", PlanBasis, "plan_id", "text", "entity.plan_basis", guard=_guard_child)
)
SECTION = register(
    Entity(
        "plan_section",
        "plan_sections",
        PlanSection,
        "plan_id",
        "title",
        "entity.plan_section",
        guard=_guard_child,
        guard_delete=_only_custom_sections,
    )
)
AREA = register(
    Entity("plan_area", "plan_areas", PlanArea, "plan_id", "display_name", "entity.plan_area", guard=_guard_child)
)
INDICATOR = register(
    Entity("indicator", "indicators", Indicator, "plan_id", "text", "entity.indicator", guard=_guard_child)
)
TASK = register(
    Entity("task", "tasks", Task, "plan_id", "content", "entity.task", guard=_guard_child, derive=_derive_task)
)
ACTOR = register(
    Entity("plan_actor", "plan_actors", PlanActor, "plan_id", "actor", "entity.plan_actor", guard=_guard_child)
)
RECIPIENT = register(
    Entity(
        "plan_recipient",
        "plan_recipients",
        PlanRecipient,
        "plan_id",
        "recipient",
        "entity.plan_recipient",
        guard=_guard_child,
    )
)

CHILD_ENTITIES = (BASIS, SECTION, AREA, INDICATOR, TASK, ACTOR, RECIPIENT)


def load_plan(conn: sqlite3.Connection, plan_id: int) -> Plan:
    return records.get(conn, "plan", plan_id)


def load_aggregate(conn: sqlite3.Connection, plan_id: int) -> PlanAggregate:
    return PlanAggregate(
        plan=load_plan(conn, plan_id),
        bases=records.children(conn, "plan_basis", plan_id),
        sections=records.children(conn, "plan_section", plan_id),
        areas=records.children(conn, "plan_area", plan_id),
        indicators=records.children(conn, "indicator", plan_id),
        tasks=records.children(conn, "task", plan_id),
        actors=records.children(conn, "plan_actor", plan_id),
        recipients=records.children(conn, "plan_recipient", plan_id),
    )


def plans_for_year(conn: sqlite3.Connection, year: int) -> list[Plan]:
    rows = conn.execute("SELECT id FROM plans WHERE year = ? ORDER BY version", [year])
    return [load_plan(conn, row[0]) for row in rows]


def first_issue_date(conn: sqlite3.Connection, year: int) -> str | None:
    """The earliest issue date of the year's plan versions (set or planned), or None."""
    return conn.execute("SELECT min(issue_date) FROM plans WHERE year = ?", [year]).fetchone()[0]


def years(conn: sqlite3.Connection) -> list[int]:
    return [row[0] for row in conn.execute("SELECT DISTINCT year FROM plans ORDER BY year")]


def rows_in_area(conn: sqlite3.Connection, plan_id: int, area_code: str) -> int:
    """How many tasks and indicators of the plan belong to the area."""
    return conn.execute(
        "SELECT (SELECT count(*) FROM tasks WHERE plan_id = ? AND area_code = ?)"
        " + (SELECT count(*) FROM indicators WHERE plan_id = ? AND area_code = ?)",
        [plan_id, area_code, plan_id, area_code],
    ).fetchone()[0]


numbering.register_numbered("plans", "issue_date")


# Bulk copy (create from framework / last year / amendment) ##############


def insert_plan(conn: sqlite3.Connection, values: dict) -> int:
    columns = list(values)
    cursor = conn.execute(
        f"INSERT INTO plans ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
        [values[c] for c in columns],
    )
    return inserted_id(cursor)


def insert_children(conn: sqlite3.Connection, entity: Entity, plan_id: int, rows: list[dict]) -> None:
    """Insert prepared rows (already clean, positions in list order) under ``plan_id``."""
    for position, row in enumerate(rows):
        values = dict(row, plan_id=plan_id, position=position)
        if entity.has_uid:
            values.setdefault("uid", records.new_uid())
        values.pop("id", None)
        if entity is TASK:
            values.update(_derive_task(conn, values))
        columns = list(values)
        conn.execute(
            f"INSERT INTO {entity.table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
            [values[c] for c in columns],
        )
