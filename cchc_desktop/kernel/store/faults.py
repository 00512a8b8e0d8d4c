"""SQLite's errors on the workspace file, explained: what is really wrong and how to fix it.

SQLite says "attempt to write a readonly database", "database or disk is full", "disk I/O error" or
"database disk image is malformed"; a user needs to know whether the file is read-only, the disk is
full, a USB stick was pulled, or the file is damaged (then, which backup to restore). The reason an
unwritable file cannot be written is looked up on the file system itself.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import sqlite3
from pathlib import Path

from cchc_desktop.kernel.errors import CchcError, WorkspaceError
from cchc_desktop.kernel.files import display_name
from cchc_desktop.kernel.i18n import format_datetime, tr
from cchc_desktop.kernel.store import backups
from cchc_desktop.kernel.workspace_errors import (
    DamagedWorkspaceError,
    DiskError,
    DiskFullError,
    ReadOnlyWorkspaceError,
    WorkspaceBusyError,
)

#: Below this much free space a disk counts as full: SQLite needs room for its -wal and -shm files.
FULL_BELOW = 256 * 1024
_DAMAGE = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_UNWRITABLE = {sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_IOERR}
_NOT_UTF8 = "Could not decode to UTF-8"
_FAULTS = _DAMAGE | _UNWRITABLE | {sqlite3.SQLITE_FULL, sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}


def primary_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def is_damage(exc: sqlite3.Error) -> bool:
    """Damage SQLite sees (a malformed page), or text that is no UTF-8: the app only ever writes UTF-8,
    so such bytes were changed on the disk (the structure may still pass SQLite's checks)."""
    return primary_code(exc) in _DAMAGE or str(exc).startswith(_NOT_UTF8)


def is_fault(exc: sqlite3.Error) -> bool:
    """A fault of the file or the disk (not of the program): damage, no write access, no space, busy."""
    return primary_code(exc) in _FAULTS or is_damage(exc)


def may_read_only(exc: sqlite3.Error) -> bool:
    """An error opening for writing after which opening to read only may still work."""
    return primary_code(exc) in _UNWRITABLE | {sqlite3.SQLITE_FULL}


def free_bytes(path: Path) -> int | None:
    try:
        return shutil.disk_usage(path.parent).free
    except OSError:
        return None


def _medium_read_only(folder: Path) -> bool:
    statvfs = getattr(os, "statvfs", None)
    if statvfs is None:
        return False
    try:
        return bool(statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def unwritable_reason(path: Path) -> str | None:
    """Why the file at ``path`` cannot be written: "medium", "file", "folder" or "full"; None if it can."""
    folder = path.parent
    if _medium_read_only(folder):
        return "medium"
    if path.exists() and not os.access(path, os.W_OK):
        return "file"
    if not os.access(folder, os.W_OK):
        return "folder"
    free = free_bytes(path)
    if free is not None and free < FULL_BELOW:
        return "full"
    return None


def _size(free: int | None) -> str:
    return "?" if free is None else f"{max(free, 0) // 1024} KB"


def read_only_error(path: Path, reason: str, *, upgrade: bool = False) -> WorkspaceError:
    """The error a write meets on a file that cannot be written, for ``reason`` (``upgrade``: the
    write was the upgrade of an older file, without which it cannot be opened)."""
    if reason == "full" and not upgrade:
        return DiskFullError(file=display_name(path), free=_size(free_bytes(path)))
    key = "error.workspace.read_only.upgrade" if upgrade else "error.workspace.read_only"
    return ReadOnlyWorkspaceError(key, file=display_name(path), cause=cause_text(path, reason), fix=fix_text(reason))


def cause_text(path: Path, reason: str) -> str:
    return tr(f"error.workspace.cause.{reason}", folder=str(path.parent), free=_size(free_bytes(path)))


def fix_text(reason: str) -> str:
    return tr(f"error.workspace.fix.{reason}")


def damaged(path: Path) -> DamagedWorkspaceError:
    """The file is damaged: name it and the newest backup to restore."""
    latest = backups.latest(path)
    if latest is None:
        return DamagedWorkspaceError(
            "error.workspace.damaged.no_backup", file=display_name(path), folder=str(backups.folder_of(path))
        )
    return DamagedWorkspaceError(
        file=display_name(path),
        backup=latest.path.name,
        when=format_datetime(latest.made_at.replace(microsecond=0).isoformat()),
        folder=str(latest.path.parent),
    )


def explain(exc: sqlite3.Error, path: Path) -> WorkspaceError:
    """A typed, Vietnamese error for a SQLite error on the workspace file at ``path``."""
    code = primary_code(exc)
    if is_damage(exc):
        return damaged(path)
    if code == sqlite3.SQLITE_FULL:
        return DiskFullError(file=display_name(path), free=_size(free_bytes(path)))
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return WorkspaceBusyError(file=display_name(path))
    if code in _UNWRITABLE:
        reason = unwritable_reason(path)
        if reason is not None:
            return read_only_error(path, reason)
        if code == sqlite3.SQLITE_IOERR:
            return DiskError(file=display_name(path))
    return WorkspaceError("error.workspace.sqlite", file=display_name(path), detail=code if code is not None else "?")


def explain_os_error(exc: OSError, path: Path) -> WorkspaceError | None:
    """A disk that is full or read-only, met while writing beside the file (a backup, a lock)."""
    if exc.errno == errno.ENOSPC:
        return DiskFullError(file=display_name(path), free=_size(free_bytes(path)))
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return read_only_error(path, unwritable_reason(path) or ("medium" if exc.errno == errno.EROFS else "folder"))
    return None


def _about(exc: OSError, path: Path) -> bool:
    """Whether an operating-system error concerns the data file or what lies beside it (its backups,
    its lock), rather than another file a command names (a package, an output folder)."""
    if exc.filename is None:
        return True
    where = Path(os.fsdecode(exc.filename)).resolve()
    folder = path.resolve().parent
    return where.parent == folder or folder in where.parents and where.parent.name == backups.FOLDER


def quick_check(path: Path) -> bool:
    """Whether the file passes SQLite's quick check (read only; False when it cannot even be read)."""
    uri = path.resolve().as_uri()
    for mode in ("mode=ro", "immutable=1"):
        try:
            conn = sqlite3.connect(f"{uri}?{mode}", uri=True)
        except sqlite3.Error:
            continue
        try:
            return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        except sqlite3.DatabaseError as exc:
            if not is_damage(exc) and mode == "mode=ro":
                continue  # could not read the -shm (read-only folder): look at the file itself
            return False
        finally:
            conn.close()
    return False


def explain_unexpected(exc: BaseException, path: Path) -> CchcError | None:
    """For an error no code expected while working on ``path``: the typed error a user should see,
    or None when the file and the disk are fine (then it is a fault of the program, not of the data)."""
    if isinstance(exc, CchcError):
        return exc
    if isinstance(exc, sqlite3.Error) and is_fault(exc):
        return explain(exc, path)
    if isinstance(exc, OSError) and _about(exc, path):
        explained = explain_os_error(exc, path)
        if explained is not None:
            return explained
    if path.is_file() and (_undecodable_stored_data(exc) or not quick_check(path)):
        return damaged(path)  # garbage read from a damaged page made the code fail further on
    return None


_STORE_MODULE = re.compile(r"cchc_desktop\.(?:[a-z_]+\.)*store(?:_[a-z_]+)?(?:\.[a-z_]+)?")


def _undecodable_stored_data(exc: BaseException) -> bool:
    """JSON or text the app wrote itself that a store module can no longer decode: the bytes changed
    on the disk (a page damaged in a way SQLite's own checks do not see)."""
    if not isinstance(exc, (json.JSONDecodeError, UnicodeDecodeError)):
        return False
    frame = exc.__traceback__
    while frame is not None:
        if _STORE_MODULE.fullmatch(frame.tb_frame.f_globals.get("__name__", "")):
            return True
        frame = frame.tb_next
    return False
