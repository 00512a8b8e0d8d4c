"""Open a workspace file: pragmas, refuse foreign or newer files, back up, then migrate."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cchc_desktop.kernel.errors import SchemaTooNewError, WorkspaceError
from cchc_desktop.kernel.store import backups
from cchc_desktop.kernel.store.schema import STEP_NAMES

MIGRATION_SET = "cchc"
MIGRATIONS_TABLE = "_sqlite_migrations"


def connect(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), WAL, durable commits."""
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a committed edit survives a power cut, not only an application crash.
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise WorkspaceError("error.workspace.not_sqlite", path=str(path)) from exc
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any error; inside a transaction already, just joins it."""
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def batch_commits(conn: sqlite3.Connection, batching: bool) -> None:
    """Many small commits made durable together: while ``batching``, commits skip their own fsync; the
    first commit after it is fully synced, which makes them all durable (WAL: they precede it in the file)."""
    conn.execute(f"PRAGMA synchronous = {'NORMAL' if batching else 'FULL'}")


def applied_steps(conn: sqlite3.Connection) -> list[str]:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [MIGRATIONS_TABLE]
    ).fetchone()
    if not exists:
        return []
    rows = conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY id", [MIGRATION_SET])
    return [row[0] for row in rows]


def user_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    return [row[0] for row in rows]


def open_database(path: str | Path, *, create: bool = False) -> tuple[sqlite3.Connection, list[str]]:
    """Open (or create) the workspace at ``path`` and bring its schema up to date.

    Returns the connection and the names of steps applied now. A file holding steps this
    build does not know is refused, so an older app never damages a newer file.
    """
    db_path = Path(path)
    if not db_path.exists() and not create:
        raise WorkspaceError("error.workspace.missing", path=str(db_path))
    if db_path.is_dir():
        raise WorkspaceError("error.workspace.is_dir", path=str(db_path))
    db_path.parent.mkdir(parents=True, exist_ok=True)
    conn = connect(db_path)
    try:
        applied = migrate(conn, db_path)
    except BaseException:
        conn.close()
        raise
    return conn, applied


def migrate(conn: sqlite3.Connection, db_path: Path) -> list[str]:
    done = applied_steps(conn)
    unknown = [name for name in done if name not in STEP_NAMES]
    if unknown:
        raise SchemaTooNewError(path=str(db_path), steps=", ".join(unknown))
    pending = [name for name in STEP_NAMES if name not in done]
    if not pending:
        return []
    if not done and user_tables(conn):
        raise WorkspaceError("error.workspace.foreign", path=str(db_path))
    if done:
        backups.make(conn, db_path, "migration")
    from cchc_desktop.kernel.store.migrations import apply_pending

    return apply_pending(conn)
