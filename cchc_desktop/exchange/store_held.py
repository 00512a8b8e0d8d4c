"""Packages held until their unit's key is enrolled (``held_packages``). Plain SQL; callers hold the
transaction. A held package's file is in the package store under ``stored_file``, like a kept one."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from typing import Any

from cchc_desktop.kernel.store.records import inserted_id

Unit = tuple[str, str]

_ORDER = "ORDER BY province_code, unit_code, kind, year, period, revision, id"


def held_packages(conn: sqlite3.Connection, units: Collection[Unit] | None = None) -> list[sqlite3.Row]:
    """Held packages (of ``units`` only, when given), each series in revision order."""
    rows = conn.execute(f"SELECT * FROM held_packages {_ORDER}").fetchall()
    if units is None:
        return rows
    wanted = set(units)
    return [row for row in rows if (row["province_code"], row["unit_code"]) in wanted]


def held_by_ids(conn: sqlite3.Connection, ids: Collection[int]) -> list[sqlite3.Row]:
    marks = ", ".join("?" * len(ids))
    return conn.execute(f"SELECT * FROM held_packages WHERE id IN ({marks}) {_ORDER}", list(ids)).fetchall()


def held_by_digest(conn: sqlite3.Connection, manifest_sha256: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM held_packages WHERE manifest_sha256 = ?", [manifest_sha256]).fetchone()


def held_counts(conn: sqlite3.Connection) -> dict[Unit, int]:
    rows = conn.execute("SELECT province_code, unit_code, count(*) FROM held_packages GROUP BY 1, 2")
    return {(row[0], row[1]): row[2] for row in rows}


def insert_held(conn: sqlite3.Connection, values: dict[str, Any]) -> int:
    columns = list(values)
    cursor = conn.execute(
        f"INSERT INTO held_packages ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        [values[c] for c in columns],
    )
    return inserted_id(cursor)


def delete_held(conn: sqlite3.Connection, held_id: int) -> None:
    conn.execute("DELETE FROM held_packages WHERE id = ?", [held_id])


def release(conn: sqlite3.Connection, manifest_sha256: str) -> None:
    """The package is imported now: it is no longer held."""
    conn.execute("DELETE FROM held_packages WHERE manifest_sha256 = ?", [manifest_sha256])


def held_files(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT stored_file FROM held_packages")}


def file_in_use(conn: sqlite3.Connection, name: str) -> bool:
    """Whether an imported package or a held one still names the kept file ``name``."""
    found = conn.execute(
        "SELECT 1 FROM received_packages WHERE stored_file = ? UNION ALL SELECT 1 FROM held_packages"
        " WHERE stored_file = ? LIMIT 1",
        [name, name],
    ).fetchone()
    return found is not None
