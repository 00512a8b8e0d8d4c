"""Ai đang mở tệp: a lock file beside the workspace, so a second copy of the app is told who has the
file open, on which computer and since when, instead of both writing to it.

``<tên tệp>.lock`` holds who took it (the official chosen in the app, the system user, the computer,
the process, the time). What counts is the system's lock on that file (``flock`` on POSIX, a locked
byte range on Windows): the system releases it when the process ends, however it ends, so a lock
left by a crash or a power cut is stale by itself and the next copy of the app simply takes it over.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import socket
import sys
from contextlib import suppress
from pathlib import Path
from typing import Any

if sys.platform == "win32":
    import msvcrt
else:
    import fcntl

from cchc_desktop import __version__
from cchc_desktop.kernel.files import display_name
from cchc_desktop.kernel.i18n import format_datetime, tr
from cchc_desktop.kernel.workspace_errors import WorkspaceInUseError

SUFFIX = ".lock"
#: Windows locks a byte range; this one lies beyond the text, so the text stays readable by others.
_WINDOWS_LOCK_OFFSET = 1 << 20


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SUFFIX)


def _system_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name (a service, a container)
        return ""


def _try_lock(descriptor: int) -> bool:
    try:
        if sys.platform == "win32":
            os.lseek(descriptor, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        else:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _still_there(descriptor: int, path: Path) -> bool:
    """The lock taken is on the file now at ``path`` (a holder releasing it removes the file)."""
    if sys.platform == "win32":
        return True  # Windows does not remove a file another process has open
    try:
        return os.path.samestat(os.fstat(descriptor), os.stat(path))
    except OSError:
        return False


def read_holder(db_path: Path) -> dict[str, Any]:
    """What the lock file says of who took it ({} when it is missing, being written or unreadable)."""
    try:
        with lock_path(db_path).open("r", encoding="utf-8") as handle:
            data = json.loads(handle.read(64 * 1024) or "{}")
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def in_use_error(db_path: Path, holder: dict[str, Any]) -> WorkspaceInUseError:
    unknown = tr("lock.unknown")
    who = str(holder.get("actor") or holder.get("user") or unknown)
    since = holder.get("since")
    try:
        when = format_datetime(str(since)) if since else unknown
    except ValueError:
        when = unknown
    return WorkspaceInUseError(file=display_name(db_path), who=who, host=str(holder.get("host") or unknown), since=when)


class FileLock:
    """The lock of one workspace file, held by this process until ``release``."""

    def __init__(self, db_path: Path, descriptor: int) -> None:
        self.db_path = db_path
        self.path = lock_path(db_path)
        self._descriptor: int | None = descriptor

    @classmethod
    def acquire(cls, db_path: Path, actor: str = "") -> FileLock:
        """Take the lock of the file at ``db_path``, or raise WorkspaceInUseError naming its holder."""
        path = lock_path(db_path)
        for _ in range(5):
            descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
            if not _try_lock(descriptor):
                os.close(descriptor)
                raise in_use_error(db_path, read_holder(db_path))
            if _still_there(descriptor, path):
                held = cls(db_path, descriptor)
                held.describe(actor)
                return held
            os.close(descriptor)  # taken on a file its holder was removing: try the new one
        raise in_use_error(db_path, read_holder(db_path))

    def describe(self, actor: str) -> None:
        """Write who holds the lock (again when the official at the keyboard changes)."""
        if self._descriptor is None:
            return
        text = json.dumps(
            {
                "actor": actor,
                "user": _system_user(),
                "host": socket.gethostname(),
                "pid": os.getpid(),
                "since": dt.datetime.now().replace(microsecond=0).isoformat(),
                "app": f"cchc-desktop {__version__}",
            },
            ensure_ascii=False,
        ).encode("utf-8")
        os.lseek(self._descriptor, 0, os.SEEK_SET)
        os.ftruncate(self._descriptor, 0)
        os.write(self._descriptor, text)

    @property
    def held(self) -> bool:
        return self._descriptor is not None

    def release(self) -> None:
        """Give the lock up and remove the lock file (nothing is left beside the workspace)."""
        descriptor, self._descriptor = self._descriptor, None
        if descriptor is None:
            return
        if sys.platform != "win32":
            self.path.unlink(missing_ok=True)  # while still held: nobody takes a lock on a removed file
            os.close(descriptor)
            return
        os.close(descriptor)  # Windows releases the byte range with the handle
        with suppress(OSError):  # another copy of the app is reading it; the next holder overwrites it
            self.path.unlink()


class WorkspaceLock:
    """When an open workspace takes its lock: ``mode`` "open" (at once: the window, which may write
    at any moment), "write" (before its first write: a command that may only read takes none), or
    None (a second connection of the same app: a worker thread, a test)."""

    def __init__(self, db_path: Path, mode: str | None) -> None:
        self.db_path = db_path
        self.mode = mode
        self._held: FileLock | None = None

    def take(self, actor: str = "") -> None:
        """Take the lock unless held already or not wanted; WorkspaceInUseError when another has it.
        Where no lock file can be made (a read-only folder), nothing can be written either: no lock."""
        if self.mode is None or self._held is not None:
            return
        try:
            self._held = FileLock.acquire(self.db_path, actor)
        except OSError:
            return

    def describe(self, actor: str) -> None:
        if self._held is not None:
            self._held.describe(actor)

    @property
    def held(self) -> bool:
        return self._held is not None

    def release(self) -> None:
        held, self._held = self._held, None
        if held is not None:
            held.release()
