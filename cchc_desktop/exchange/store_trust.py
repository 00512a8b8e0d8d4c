"""Chứng thư số tin cậy (``trusted_certificates``) and the roster units a certificate may name.
Plain SQL; callers hold the transaction."""

from __future__ import annotations

import sqlite3
from typing import Any

from cchc_desktop.kernel.store.records import inserted_id

_ORDER = "ORDER BY CASE kind WHEN 'root' THEN 0 WHEN 'intermediate' THEN 1 ELSE 2 END, subject, id"


def trusted(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Roots, then intermediates, then CRLs, each by subject."""
    return conn.execute(f"SELECT * FROM trusted_certificates {_ORDER}").fetchall()


def trusted_by_id(conn: sqlite3.Connection, row_id: int) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM trusted_certificates WHERE id = ?", [row_id]).fetchone()


def has_digest(conn: sqlite3.Connection, sha256: str) -> bool:
    return conn.execute("SELECT 1 FROM trusted_certificates WHERE sha256 = ?", [sha256]).fetchone() is not None


def insert_trusted(conn: sqlite3.Connection, values: dict[str, Any]) -> int:
    columns = ", ".join(values)
    marks = ", ".join("?" * len(values))
    cursor = conn.execute(f"INSERT INTO trusted_certificates ({columns}) VALUES ({marks})", list(values.values()))
    return inserted_id(cursor)


def delete_trusted(conn: sqlite3.Connection, row_id: int) -> None:
    conn.execute("DELETE FROM trusted_certificates WHERE id = ?", [row_id])


def roster_units(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """The receiver's subordinate units (codes, name, kind), for a certificate's seal to name one."""
    return conn.execute("SELECT id, province_code, unit_code, name, unit_type, valid_to FROM roster_units").fetchall()
