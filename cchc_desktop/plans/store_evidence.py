"""Tài liệu kiểm chứng on plan rows: tasks and indicators, listed under the plan's year.

Files attached to a task or an indicator stay with it through amendments; the rows a user may
attach to are those of the year's plan in force (or its newest draft).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from cchc_desktop.evidence import store as evidence_store
from cchc_desktop.plans.store import INDICATOR, TASK


def _plan_year(table: str) -> Callable[[sqlite3.Connection, int], int]:
    def year_of(conn: sqlite3.Connection, row_id: int) -> int:
        return int(
            conn.execute(
                f"SELECT p.year FROM {table} t JOIN plans p ON p.id = t.plan_id WHERE t.id = ?", [row_id]
            ).fetchone()[0]
        )

    return year_of


def _plan_rows(table: str, label: str) -> Callable[[sqlite3.Connection, int], list[tuple[int, str]]]:
    def targets(conn: sqlite3.Connection, year: int) -> list[tuple[int, str]]:
        plan = conn.execute(
            "SELECT id FROM plans WHERE year = ? AND status != 'superseded' ORDER BY version DESC LIMIT 1", [year]
        ).fetchone()
        if plan is None:
            return []
        rows = conn.execute(f"SELECT id, {label} FROM {table} WHERE plan_id = ? ORDER BY position", [plan[0]])
        return [(row[0], row[1]) for row in rows]

    return targets


evidence_store.register_owner(
    TASK.name, evidence_store.EvidenceOwner(_plan_year("tasks"), None, _plan_rows("tasks", "content"))
)
evidence_store.register_owner(
    INDICATOR.name, evidence_store.EvidenceOwner(_plan_year("indicators"), None, _plan_rows("indicators", "text"))
)
