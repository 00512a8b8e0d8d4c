"""The receiver's import log: one row per package imported (or refused), what a rollback undoes.
Plain SQL; callers hold the transaction."""

from __future__ import annotations

import sqlite3
from typing import Any

from cchc_desktop.exchange.store import insert_row
from cchc_desktop.kernel.store.records import now_iso

# Import log (receiver) ##################################################


def insert_log(conn: sqlite3.Connection, values: dict[str, Any]) -> int:
    return insert_row(conn, "import_log", values)


def import_log(conn: sqlite3.Connection, limit: int = 500) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM import_log ORDER BY id DESC LIMIT ?", [limit]).fetchall()


def log_entry_by_name(conn: sqlite3.Connection, name: str) -> sqlite3.Row | None:
    """The newest import still in effect under ``name`` (a name, an id "#12" or a package id)."""
    text = name.strip()
    if text.lstrip("#").isdigit():
        number = int(text.lstrip("#")) if len(text) <= 19 else 0  # larger than any row id: none
        return conn.execute("SELECT * FROM import_log WHERE id = ? AND rolled_back_at IS NULL", [number]).fetchone()
    stem = text[:-5] if text.lower().endswith(".cchc") else text
    return conn.execute(
        "SELECT * FROM import_log WHERE (name = ? OR package_id = ? OR source_file = ?)"
        " AND rolled_back_at IS NULL ORDER BY id DESC LIMIT 1",
        [stem, text, text],
    ).fetchone()


def later_in_series(conn: sqlite3.Connection, entry: sqlite3.Row) -> sqlite3.Row | None:
    return conn.execute(
        "SELECT * FROM import_log WHERE id > ? AND rolled_back_at IS NULL AND province_code = ?"
        " AND unit_code = ? AND kind = ? AND year = ? AND period = ? ORDER BY id LIMIT 1",
        [entry["id"], entry["province_code"], entry["unit_code"], entry["kind"], entry["year"], entry["period"]],
    ).fetchone()


def later_signed_with(conn: sqlite3.Connection, entry_id: int, key_id: int) -> sqlite3.Row | None:
    return conn.execute(
        "SELECT l.* FROM import_log l JOIN received_packages p ON p.id = l.package_row_id"
        " WHERE l.id > ? AND l.rolled_back_at IS NULL AND p.key_id = ? ORDER BY l.id LIMIT 1",
        [entry_id, key_id],
    ).fetchone()


def mark_rolled_back(conn: sqlite3.Connection, entry_id: int, actor: str) -> None:
    conn.execute(
        "UPDATE import_log SET rolled_back_at = ?, rolled_back_by = ? WHERE id = ?", [now_iso(), actor, entry_id]
    )
