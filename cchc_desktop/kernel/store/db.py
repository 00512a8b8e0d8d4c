"""Open a workspace file: pragmas, refuse empty, foreign or newer files, back up, then migrate; read only
when it cannot be written."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from cchc_desktop.kernel.errors import SchemaTooNewError, WorkspaceError
from cchc_desktop.kernel.files import display_name
from cchc_desktop.kernel.store import backups, faults
from cchc_desktop.kernel.store.schema import STEP_NAMES
from cchc_desktop.kernel.workspace_errors import EmptyWorkspaceError

MIGRATION_SET = "cchc"
MIGRATIONS_TABLE = "_sqlite_migrations"


class WorkspaceConnection(sqlite3.Connection):
    """A connection to a workspace file. ``read_only`` says why it cannot be written ("file",
    "folder", "medium", "full", "asked"), or None when it can."""

    read_only: str | None = None


def connect(path: Path, *, read_only: bool = False) -> WorkspaceConnection:
    """A connection in autocommit mode (transactions are explicit), WAL, durable commits.

    A file that cannot be written (read-only file, folder or disk; a full disk) is opened to read
    only, so it can still be looked at; writing to it then says why it cannot be done.
    """
    reason = "asked" if read_only else faults.unwritable_reason(path)
    if reason in (None, "full"):
        try:
            return _open_writable(path)
        except sqlite3.DatabaseError as exc:
            reason = faults.unwritable_reason(path) if faults.may_read_only(exc) else None
            if reason is None:
                raise _refusal(exc, path) from None
    conn = _open_read_only(path)
    conn.read_only = reason
    return conn


def _new_connection(target: str, *, uri: bool = False) -> WorkspaceConnection:
    conn = sqlite3.connect(target, uri=uri, isolation_level=None, check_same_thread=False, factory=WorkspaceConnection)
    conn.row_factory = sqlite3.Row
    return conn


def _open_writable(path: Path) -> WorkspaceConnection:
    conn = _new_connection(str(path))
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a committed edit survives a power cut, not only an application crash.
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def _open_read_only(path: Path) -> WorkspaceConnection:
    """Read only; without write access to the folder SQLite cannot make its -shm file, and then the
    file is read as it is on disk (``immutable``), which is exact when no -wal file holds edits."""
    uri = path.resolve().as_uri()
    try:
        return _checked(_new_connection(f"{uri}?mode=ro", uri=True))
    except sqlite3.DatabaseError as exc:
        wal = path.with_name(path.name + "-wal")
        if faults.is_damage(exc) or (wal.is_file() and wal.stat().st_size > 0):
            raise _refusal(exc, path) from None
    try:
        return _checked(_new_connection(f"{uri}?immutable=1", uri=True))
    except sqlite3.DatabaseError as exc:
        raise _refusal(exc, path) from None


def _checked(conn: WorkspaceConnection) -> WorkspaceConnection:
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


SQLITE_HEADER = b"SQLite format 3\x00"


def _refusal(exc: sqlite3.DatabaseError, path: Path) -> WorkspaceError:
    """Why the file cannot be opened: not a database at all, a damaged one, or a fault of the disk."""
    if faults.primary_code(exc) == sqlite3.SQLITE_NOTADB and not _has_sqlite_header(path):
        if backups.latest(path) is not None:  # a file of this app (it has backups) whose first page is lost
            return faults.damaged(path)
        return WorkspaceError("error.workspace.not_sqlite", path=str(path))
    return faults.explain(exc, path)


def _has_sqlite_header(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any error; inside a transaction already, just joins it."""
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        _roll_back(conn)
        raise


def _roll_back(conn: sqlite3.Connection) -> None:
    """Roll back what is left of a failed transaction, keeping the error that failed it."""
    if not conn.in_transaction:  # SQLite ends it itself after some errors (a full disk)
        return
    with suppress(sqlite3.Error):  # the first error is the one to report
        conn.execute("ROLLBACK")


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


def open_database(
    path: str | Path, *, read_only: bool = False, new: bool = False, before_write: Callable[[], None] | None = None
) -> tuple[WorkspaceConnection, list[str]]:
    """Open the workspace at ``path`` and bring its schema up to date (``new``: the empty file was
    just made for a new workspace, see ``creation.creating``; ``before_write`` runs before an upgrade
    writes to the file: the lock is taken there).

    Returns the connection and the names of steps applied now. A file holding steps this
    build does not know is refused, so an older app never damages a newer file.
    """
    db_path = Path(path)
    if not db_path.exists():
        raise WorkspaceError("error.workspace.missing", path=str(db_path))
    if db_path.is_dir():
        raise WorkspaceError("error.workspace.is_dir", path=str(db_path))
    if db_path.stat().st_size == 0 and not new:
        raise EmptyWorkspaceError(file=display_name(db_path), path=str(db_path))
    conn = connect(db_path, read_only=read_only)
    try:
        applied = migrate(conn, db_path, before_write)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise faults.explain(exc, db_path) from None
    except BaseException:
        conn.close()
        raise
    return conn, applied


def migrate(conn: sqlite3.Connection, db_path: Path, before_write: Callable[[], None] | None = None) -> list[str]:
    done = applied_steps(conn)
    unknown = [name for name in done if name not in STEP_NAMES]
    if unknown:
        raise SchemaTooNewError(path=str(db_path), steps=", ".join(unknown))
    pending = [name for name in STEP_NAMES if name not in done]
    if not pending:
        return []
    if not done and user_tables(conn):
        raise WorkspaceError("error.workspace.foreign", path=str(db_path))
    reason = getattr(conn, "read_only", None)
    if reason:
        raise faults.read_only_error(db_path, reason, upgrade=True)
    if before_write is not None:
        before_write()
    if done:
        backups.make(conn, db_path, "migration")
    from cchc_desktop.kernel.store.migrations import apply_pending

    return apply_pending(conn)
