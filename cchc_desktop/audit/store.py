"""Reading ``audit_log`` (written only by :func:`cchc_desktop.kernel.store.records.append_audit`)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

from cchc_desktop.audit.model import AuditEntry, AuditFilter, search_fold

MATCH_FUNCTION = "cchc_contains_all"


def install_search(conn: sqlite3.Connection) -> None:
    """The SQL function the text filter uses: every word, diacritics ignored."""
    conn.create_function(MATCH_FUNCTION, 2, _contains_all, deterministic=True)


def page(conn: sqlite3.Connection, filters: AuditFilter, before_id: int | None, limit: int) -> list[AuditEntry]:
    where, params = _where(filters)
    if before_id is not None:
        where.append("id < ?")
        params.append(before_id)
    sql = f"SELECT * FROM audit_log {_clause(where)} ORDER BY id DESC LIMIT ?"
    return [_entry(row) for row in conn.execute(sql, [*params, limit])]


def count(conn: sqlite3.Connection, filters: AuditFilter) -> int:
    where, params = _where(filters)
    return conn.execute(f"SELECT count(*) FROM audit_log {_clause(where)}", params).fetchone()[0]


def for_row(conn: sqlite3.Connection, entity: str, row_id: int, limit: int) -> list[AuditEntry]:
    rows = conn.execute(
        "SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT ?", [entity, row_id, limit]
    )
    return [_entry(row) for row in rows]


def actors(conn: sqlite3.Connection) -> list[str]:
    return [row[0] for row in conn.execute("SELECT DISTINCT actor FROM audit_log WHERE actor != '' ORDER BY actor")]


def entities(conn: sqlite3.Connection) -> list[str]:
    return [row[0] for row in conn.execute("SELECT DISTINCT entity FROM audit_log")]


def _contains_all(words: str, haystack: str | None) -> bool:
    folded = search_fold(haystack)
    return all(word in folded for word in words.split())


def _entry(row: sqlite3.Row) -> AuditEntry:
    return AuditEntry(
        row["id"],
        row["at"],
        row["actor"],
        row["action"],
        row["entity"],
        row["entity_id"],
        row["label"],
        row["field"],
        row["old_value"],
        row["new_value"],
    )


def _clause(where: list[str]) -> str:
    return f"WHERE {' AND '.join(where)}" if where else ""


def _where(filters: AuditFilter) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if filters.date_from:
        where.append("at >= ?")
        params.append(filters.date_from.isoformat())
    if filters.date_to:
        where.append("at < ?")
        params.append((filters.date_to + dt.timedelta(days=1)).isoformat())
    if filters.actor:
        where.append("actor = ?")
        params.append(filters.actor)
    if filters.entity:
        where.append("entity = ?")
        params.append(filters.entity)
    words = search_fold(filters.text)
    if words.strip():
        # Diacritic-insensitive: "duc" finds "Đức"; every word must occur somewhere in the row.
        where.append(
            f"{MATCH_FUNCTION}(?, label || ' ' || field || ' ' || actor || ' '"
            " || COALESCE(old_value, '') || ' ' || COALESCE(new_value, ''))"
        )
        params.append(words)
    return where, params
