"""Sao lưu của một tệp: the rotating set of backups beside an open unit file, and restoring from it.

Making, listing and pruning backups is :mod:`cchc_desktop.kernel.store.backups`; this is what the open
file offers on top: a backup before a change that touches much, the day's backup, the number kept,
and *Khôi phục*: the file's content replaced by a backup's, after the state before was itself backed
up (so a restore can be undone by restoring that one), the schema brought up to date and the restore
written to the audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_desktop.kernel.errors import SchemaTooNewError, WorkspaceError
from cchc_desktop.kernel.files import display_name
from cchc_desktop.kernel.i18n import format_datetime
from cchc_desktop.kernel.store import backups, probe, records
from cchc_desktop.kernel.store import db as store_db
from cchc_desktop.kernel.store.backups import Backup
from cchc_desktop.kernel.store.schema import STEP_NAMES

if TYPE_CHECKING:
    from cchc_desktop.kernel.unit_file import UnitFile

__all__ = ["Backup", "BackupSet", "Restored"]


@dataclass(frozen=True)
class Restored:
    """What a restore did: the backup restored, the backup of the state before it, upgrades applied."""

    source: Path
    before: Path
    migrated: list[str]


class BackupSet:
    def __init__(self, unit: UnitFile) -> None:
        self.unit = unit

    def before(self, reason: str, *, prune: bool = True) -> Path:
        """A backup into the set before a change that touches much ("import", "rollback", "restore"…).
        ``prune=False``: the oldest are removed only by ``prune`` later (an import that may still be
        refused takes its backup back, and must not have cost an older one)."""
        self.unit.before_write()
        made = backups.make(self.unit.conn, self.unit.path, reason, keep=None if prune else backups.KEEP_MAX)
        return made.path

    def prune(self) -> None:
        """Remove the oldest backups beyond the number kept."""
        backups.prune(self.unit.path, self.keep)

    @property
    def folder(self) -> Path:
        return backups.folder_of(self.unit.path)

    def daily(self) -> Path | None:
        """The backup of the day's first use (None when the set already holds one from today)."""
        backup = backups.daily(self.unit.conn, self.unit.path)
        return backup.path if backup else None

    @staticmethod
    def daily_of(path: Path) -> Path | None:
        """The same from another thread: it opens its own connection to the file at ``path``."""
        backup = backups.daily_of(path)
        return backup.path if backup else None

    def list(self) -> list[Backup]:
        """The backups of this file, newest first."""
        return backups.list_backups(self.unit.path)

    def latest(self) -> Backup | None:
        return backups.latest(self.unit.path)

    @property
    def keep(self) -> int:
        """How many backups the set keeps."""
        return backups.keep_count(self.unit.conn)

    def set_keep(self, keep: int) -> int:
        """Số bản sao lưu giữ lại: saved in the file; the oldest beyond it are removed now."""
        keep = backups.checked_keep(keep)
        with self.unit.transaction():
            self.unit.put_setting(backups.KEEP_SETTING, str(keep))
        backups.prune(self.unit.path, keep)
        return keep

    @staticmethod
    def facts(path: Path) -> probe.BackupFacts:
        """What a backup holds as far as the kernel knows: intact or not, schema steps, last change."""
        conn = probe.open_read_only(path)
        try:
            return probe.facts(conn)
        finally:
            conn.close()

    @staticmethod
    def check(path: Path) -> probe.BackupFacts:
        """The facts of a backup that may be restored; a damaged, foreign or newer one is refused."""
        if not path.is_file():
            raise WorkspaceError("backup.missing", file=display_name(path))
        facts = BackupSet.facts(path)
        if not facts.intact:
            raise WorkspaceError("backup.damaged", file=display_name(path))
        if not facts.steps:
            raise WorkspaceError("backup.foreign", file=display_name(path))
        unknown = [step for step in facts.steps if step not in STEP_NAMES]
        if unknown:
            raise SchemaTooNewError(path=str(path), steps=", ".join(unknown))
        return facts

    def restore(self, source: str | Path) -> Restored:
        """Khôi phục từ bản sao lưu: the whole file becomes the backup at ``source``; undo history is
        cleared (it described edits of the content replaced)."""
        path = Path(source)
        self.check(path)
        unit = self.unit
        unit.before_write()
        before = backups.make(unit.conn, unit.path, "restore", protect=[path]).path
        reader = probe.open_read_only(path)
        try:
            reader.backup(unit.conn)
        finally:
            reader.close()
        unit.history.clear()
        migrated = store_db.migrate(unit.conn, unit.path)
        made = next((b.made_at for b in self.list() if b.path == path), None)
        when = format_datetime(made.replace(microsecond=0).isoformat()) if made else ""
        entry = records.AuditEntry(unit.actor, "restore", "workspace", None, "", path.name, "", None, when)
        with unit.transaction() as conn:
            records.append_audit(conn, entry)
        return Restored(path, before, migrated)
