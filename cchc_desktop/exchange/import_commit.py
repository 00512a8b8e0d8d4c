"""Writing one checked package into the receiver file so that a failure leaves nothing behind.

Every check that can refuse a package runs before this step. What is left can still fail — a full
disk, a read-only file or folder, a kill — and then: the transaction rolls back, the kept copy made for
it is removed, and when nothing of the batch was applied yet, the backup taken before it (and the
``backups`` folder, when the backup made it) is removed too. A refused package therefore leaves the
file and the folders exactly as they were. A kill leaves what ``PackageStore.clean_debris`` removes.
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_desktop.exchange.format.verify import VerifiedPackage
from cchc_desktop.exchange.import_errors import ImportWriteError
from cchc_desktop.kernel.errors import WorkspaceError
from cchc_desktop.kernel.files import describe_os_error, describe_sqlite_error

if TYPE_CHECKING:
    from cchc_desktop.exchange.import_apply import Applier

Write = Callable[[sqlite3.Connection, str], None]


def describe_store_error(exc: sqlite3.Error | OSError) -> str:
    """The cause of a failed write, in Vietnamese (never SQLite's or the system's English text)."""
    return describe_os_error(exc) if isinstance(exc, OSError) else describe_sqlite_error(exc)


class BackupGuard:
    """What the batch's backup added to the ``backups`` folder, to take it back when nothing was applied."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.folder_existed = self.folder.exists()
        self.before = set(self.folder.iterdir()) if self.folder_existed else set()

    def undo(self) -> None:
        if not self.folder.exists():
            return
        for path in set(self.folder.iterdir()) - self.before:
            path.unlink(missing_ok=True) if not path.is_dir() else shutil.rmtree(path, ignore_errors=True)
        if not self.folder_existed:
            with contextlib.suppress(OSError):
                self.folder.rmdir()


def commit_package(applier: Applier, package: VerifiedPackage, incoming: Path, file: str, write: Write) -> None:
    """Back up (once per batch), keep the package file and run ``write(conn, kept_name)`` in one
    transaction; on any failure undo the kept file and an unused backup, and raise a typed refusal."""
    guard = BackupGuard(applier.ws.backups.folder) if applier.applied == 0 else None
    kept: str | None = None
    try:
        applier.ensure_backup()
        with applier.ws.transaction() as conn:
            name, made = applier.store.keep(incoming, hashlib.sha256(package.manifest_bytes).hexdigest())
            kept = name if made else None
            write(conn, name)
    except BaseException as exc:
        if kept is not None:
            applier.store.forget(kept)
        if guard is not None:
            guard.undo()
            applier.backup_file = None
        cause = exc.__cause__ if isinstance(exc, WorkspaceError) else exc  # the workspace names SQLite's faults
        if isinstance(cause, (sqlite3.Error, OSError)):
            raise ImportWriteError(file, detail=describe_store_error(cause)) from None
        raise
    if applier.applied == 0:
        applier.ws.backups.prune()  # the batch's backup stays: the oldest beyond the number kept go
    applier.applied += 1
