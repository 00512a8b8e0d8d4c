"""Tài liệu kiểm chứng on report rows: listed under the report's year, locked with the report.

Evidence files may be attached to ``task_progress`` and ``indicator_actual`` rows (and so to
one task's or one indicator's result in one period). Attaching or removing a file is refused
while the report is submitted, like any other edit of it.
"""

from __future__ import annotations

import sqlite3

from cchc_desktop.evidence import store as store_evidence
from cchc_desktop.kernel.errors import NotFoundError
from cchc_desktop.reports.store import INDICATOR_ACTUAL, TASK_PROGRESS, ensure_report_editable

_ROWS = {
    TASK_PROGRESS.name: ("report_task_progress", "tasks", "task_id", "'Nhiệm vụ ' || (x.position + 1)", "t.content"),
    INDICATOR_ACTUAL.name: (
        "report_indicator_actuals",
        "indicators",
        "indicator_id",
        "'Chỉ tiêu ' || COALESCE(NULLIF(t.code, ''), x.position + 1)",
        "t.text",
    ),
}


def _report_of(conn: sqlite3.Connection, table: str, row_id: int) -> sqlite3.Row:
    row = conn.execute(
        f"SELECT r.id, r.year FROM {table} x JOIN reports r ON r.id = x.report_id WHERE x.id = ?", [row_id]
    ).fetchone()
    if row is None:
        raise NotFoundError("error.row_missing", what="báo cáo", id=row_id)
    return row


def _owner(entity: str) -> store_evidence.EvidenceOwner:
    table, target_table, column, name, text = _ROWS[entity]

    def year_of(conn: sqlite3.Connection, row_id: int) -> int:
        return int(_report_of(conn, table, row_id)["year"])

    def guard(conn: sqlite3.Connection, row_id: int) -> None:
        ensure_report_editable(conn, _report_of(conn, table, row_id)["id"])

    def targets(conn: sqlite3.Connection, year: int) -> list[tuple[int, str]]:
        rows = conn.execute(
            f"SELECT x.id, p.name, p.cumulative_label, {name} AS what, {text} AS content FROM {table} x"
            f" JOIN reports r ON r.id = x.report_id JOIN report_periods p ON p.id = r.period_id"
            f" JOIN {target_table} t ON t.id = x.{column} WHERE r.year = ? ORDER BY p.end_date, p.id, x.position",
            [year],
        )
        return [(row["id"], f"{_period(row)} — {row['what']}: {row['content']}") for row in rows]

    return store_evidence.EvidenceOwner(year_of, guard, targets)


def _period(row: sqlite3.Row) -> str:
    return f"{row['name']} ({row['cumulative_label']})" if row["cumulative_label"] else row["name"]


for _entity in _ROWS:
    store_evidence.register_owner(_entity, _owner(_entity))
