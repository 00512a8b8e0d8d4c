"""What a workspace file or a backup holds, read without changing it: integrity, schema steps, the
last change in its audit trail."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from cchc_desktop.kernel.store.db import applied_steps


@dataclass(frozen=True)
class LastChange:
    """The newest entry of a file's audit trail: when, who, what."""

    at: str
    actor: str
    action: str
    entity: str
    label: str


@dataclass(frozen=True)
class BackupFacts:
    """What the kernel can tell of a backup without knowing any feature."""

    intact: bool
    steps: tuple[str, ...]
    last_change: LastChange | None


def open_read_only(path: Path) -> sqlite3.Connection:
    """A backup, opened to read only: it is never written after its rename, so no lock and no -wal
    file is needed (``immutable``), and nothing appears beside it."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    return conn


def facts(conn: sqlite3.Connection) -> BackupFacts:
    """Integrity (``quick_check``), the schema steps applied and the last change of an open backup."""
    try:
        intact = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError:
        return BackupFacts(False, (), None)
    try:
        steps = tuple(applied_steps(conn))
    except sqlite3.DatabaseError:
        return BackupFacts(False, (), None)
    if not steps:  # not a workspace of this app: no trail to read
        return BackupFacts(intact, steps, None)
    try:
        row = conn.execute("SELECT at, actor, action, entity, label FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    except sqlite3.DatabaseError:
        return BackupFacts(False, steps, None)
    last = LastChange(row["at"], row["actor"], row["action"], row["entity"], row["label"]) if row else None
    return BackupFacts(intact, steps, last)
