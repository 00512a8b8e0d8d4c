"""The ``unit_profile`` table: one row holding the profile as JSON."""

from __future__ import annotations

import dataclasses
import json
import sqlite3

from cchc_desktop.kernel.store.records import AuditEntry, append_audit, now_iso
from cchc_desktop.profile.model import UnitProfile


def exists(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM unit_profile WHERE id = 1").fetchone() is not None


def load(conn: sqlite3.Connection) -> UnitProfile | None:
    row = conn.execute("SELECT data FROM unit_profile WHERE id = 1").fetchone()
    return UnitProfile.from_dict(json.loads(row[0])) if row else None


def save(conn: sqlite3.Connection, profile: UnitProfile, actor: str) -> None:
    """Store ``profile`` and audit each field that changed (one entry per field)."""
    old = load(conn)
    data = json.dumps(dataclasses.asdict(profile), ensure_ascii=False, sort_keys=True)
    conn.execute(
        "INSERT INTO unit_profile (id, data, updated_at) VALUES (1, ?, ?)"
        " ON CONFLICT(id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
        [data, now_iso()],
    )
    before = dataclasses.asdict(old) if old else {}
    for key, value in dataclasses.asdict(profile).items():
        if before.get(key) != value:
            old_text = json.dumps(before.get(key), ensure_ascii=False) if key in before else None
            append_audit(
                conn,
                AuditEntry(
                    actor or profile.focal_name,
                    "profile",
                    "unit_profile",
                    1,
                    "unit",
                    profile.short_name,
                    key,
                    old_text,
                    json.dumps(value, ensure_ascii=False),
                ),
            )
