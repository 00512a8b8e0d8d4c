"""Framework tables: the year's framework (office or received) and the rows the office edits."""

from __future__ import annotations

import sqlite3
from typing import Any

from cchc_desktop.framework.year import (
    FrameworkArea,
    FrameworkCriterion,
    FrameworkIndicator,
    FrameworkPeriod,
    YearFramework,
)
from cchc_desktop.kernel.store import records
from cchc_desktop.kernel.store.records import Entity, inserted_id, register

FRAMEWORK = register(Entity("framework", "frameworks", YearFramework, None, "title", "entity.framework", ordered=False))
AREA = register(
    Entity("framework_area", "framework_areas", FrameworkArea, "framework_row_id", "name", "entity.framework_area")
)
INDICATOR = register(
    Entity(
        "framework_indicator",
        "framework_indicators",
        FrameworkIndicator,
        "framework_row_id",
        "text",
        "entity.framework_indicator",
    )
)
PERIOD = register(
    Entity(
        "framework_period", "framework_periods", FrameworkPeriod, "framework_row_id", "name", "entity.framework_period"
    )
)
CRITERION = register(
    Entity(
        "framework_criterion",
        "framework_criteria",
        FrameworkCriterion,
        "framework_row_id",
        "name",
        "entity.framework_criterion",
    )
)
#: The edited rows, in the order a framework lists them.
ITEM_ENTITIES = (AREA, INDICATOR, PERIOD, CRITERION)


def for_year(conn: sqlite3.Connection, year: int, role: str) -> YearFramework | None:
    row = conn.execute("SELECT * FROM frameworks WHERE year = ? AND role = ?", [year, role]).fetchone()
    return YearFramework(**dict(row)) if row else None


def all_of(conn: sqlite3.Connection, role: str) -> list[YearFramework]:
    rows = conn.execute("SELECT * FROM frameworks WHERE role = ? ORDER BY year", [role])
    return [YearFramework(**dict(row)) for row in rows]


def row_of(conn: sqlite3.Connection, row_id: int) -> dict[str, Any]:
    return records.fetch_row(conn, FRAMEWORK, row_id)


def insert(conn: sqlite3.Connection, values: dict[str, Any]) -> int:
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    return inserted_id(conn.execute(f"INSERT INTO frameworks ({columns}) VALUES ({marks})", list(values.values())))


def delete(conn: sqlite3.Connection, row_id: int) -> None:
    """A received framework replaced by a newer one (its edited rows go with it)."""
    for ent in ITEM_ENTITIES:
        conn.execute(f"DELETE FROM {ent.table} WHERE framework_row_id = ?", [row_id])
    conn.execute("DELETE FROM frameworks WHERE id = ?", [row_id])


def insert_items(conn: sqlite3.Connection, ent: Entity, row_id: int, rows: list[dict[str, Any]]) -> None:
    """The office's editable rows, as the framework it starts from gives them."""
    for position, values in enumerate(rows):
        columns = ["framework_row_id", "position", *values]
        conn.execute(
            f"INSERT INTO {ent.table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
            [row_id, position, *values.values()],
        )


def items(conn: sqlite3.Connection, ent: Entity, row_id: int) -> list[Any]:
    return records.children(conn, ent.name, row_id)


def set_published(conn: sqlite3.Connection, row_id: int, digest: str, at: str) -> None:
    conn.execute("UPDATE frameworks SET published_hash = ?, published_at = ? WHERE id = ?", [digest, at, row_id])
