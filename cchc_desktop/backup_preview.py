"""Xem trước bản sao lưu: what each backup of a file holds before it is restored.

For every backup in the set: when and why it was made, whether it is intact, the unit it belongs to,
the years it holds (plans at a commune, received packages at a receiver) and its last change. The
backup is only read (opened immutable, never upgraded); a backup made before an upgrade that the
present code cannot read shows what the kernel can tell (intact, last change) and nothing more.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from cchc_desktop.audit.labels import action_label, entity_label
from cchc_desktop.kernel.backup_set import Backup, BackupSet
from cchc_desktop.kernel.i18n import format_datetime, format_number, tr
from cchc_desktop.kernel.store import probe
from cchc_desktop.kernel.store.probe import LastChange
from cchc_desktop.kernel.store.schema import STEP_NAMES
from cchc_desktop.workspace import Workspace


@dataclass(frozen=True)
class BackupPreview:
    """One backup as a person chooses it."""

    path: Path
    made_at: dt.datetime
    reason: str
    size: int
    intact: bool
    newer: bool = False
    unit: str = ""
    years: list[int] = field(default_factory=list)
    last_change: LastChange | None = None

    @property
    def restorable(self) -> bool:
        return self.intact and not self.newer

    @property
    def when(self) -> str:
        return format_datetime(self.made_at.replace(microsecond=0).isoformat())

    @property
    def reason_text(self) -> str:
        return tr(f"backup.reason.{self.reason}")

    @property
    def years_text(self) -> str:
        return ", ".join(str(year) for year in self.years) or tr("backup.preview.no_years")

    @property
    def unit_text(self) -> str:
        if not self.intact:
            return tr("backup.preview.damaged")
        if self.newer:
            return tr("backup.preview.newer")
        return self.unit or tr("backup.preview.unknown")

    @property
    def last_change_text(self) -> str:
        change = self.last_change
        if change is None:
            return tr("backup.preview.no_change")
        what = entity_label(change.entity) + (f" «{change.label}»" if change.label else "")
        return tr(
            "backup.preview.change",
            action=action_label(change.action),
            what=what,
            actor=change.actor or tr("backup.preview.unknown"),
            when=format_datetime(change.at),
        )

    @property
    def size_text(self) -> str:
        if self.size >= 1024 * 1024:
            return f"{format_number(round(self.size / (1024 * 1024), 1))} MB"
        return f"{max(self.size // 1024, 1)} KB"


def preview(backup: Backup) -> BackupPreview:
    """What ``backup`` holds, read without changing it."""
    size = backup.path.stat().st_size
    facts = BackupSet.facts(backup.path)
    made = (backup.path, backup.made_at, backup.reason, size)
    if not facts.intact:
        return BackupPreview(*made, False, last_change=facts.last_change)
    if any(step not in STEP_NAMES for step in facts.steps):
        return BackupPreview(*made, True, True, last_change=facts.last_change)
    unit, years = _unit_and_years(backup.path)
    return BackupPreview(*made, True, False, unit, years, facts.last_change)


def _unit_and_years(path: Path) -> tuple[str, list[int]]:
    conn = probe.open_read_only(path)
    try:
        reader = Workspace(path, conn, [])  # a look only: never upgraded, never written
        profile = reader.profile.get()
        if profile.mode == "receiver":
            years = sorted({row["year"] for row in reader.exchange.received(current_only=True)})
        else:
            years = reader.plans.years()
        return profile.full_name, years
    except sqlite3.Error:  # a backup from before an upgrade the present code reads differently
        return "", []
    finally:
        conn.close()


def previews(ws: Workspace) -> list[BackupPreview]:
    """Every backup of the open file, newest first."""
    return [preview(backup) for backup in ws.backups.list()]
