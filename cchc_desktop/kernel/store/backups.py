"""Sao lưu tự động: one rotating, bounded set of backups beside the workspace file.

Every backup is a whole copy made with SQLite's backup API (consistent, committed edits only) into
``backups/<tên tệp>-<YYYYmmdd-HHMMSS-ffffff>-<lý do>.sqlite``. One is made on the first use of a day,
before every schema upgrade, before every import or rollback of packages, before a restore, and on
request. After each, only the newest ``backup.keep`` (a setting of the file, 10 unless changed) are
kept. A backup is written to a hidden temporary name and renamed when complete, so a crash never
leaves a half copy under a backup's name; temporary leftovers of a crash are removed later.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.kernel.private import create_private_file, private_folder
from cchc_desktop.kernel.store import settings

FOLDER = "backups"
#: Why a backup was made → the word in its file name (no diacritics: any file system takes it).
REASON_TAGS = {
    "daily": "tu-dong",
    "migration": "truoc-nang-cap",
    "import": "truoc-nhap-goi",
    "rollback": "truoc-hoan-tac",
    "restore": "truoc-khoi-phuc",
    "manual": "thu-cong",
}
_REASONS = {tag: reason for reason, tag in REASON_TAGS.items()}
KEEP_SETTING = "backup.keep"
DEFAULT_KEEP = 10
KEEP_MIN, KEEP_MAX = 1, 100
_STAMP = "%Y%m%d-%H%M%S-%f"
_TEMP_SUFFIX = ".part"
_STALE_TEMP_SECONDS = 3600


@dataclass(frozen=True)
class Backup:
    """One backup file: where it is, when it was made and why (a key of ``REASON_TAGS``)."""

    path: Path
    made_at: dt.datetime
    reason: str


def folder_of(db_path: Path) -> Path:
    return db_path.parent / FOLDER


def _pattern(stem: str) -> re.Pattern[str]:
    tags = "|".join(re.escape(tag) for tag in _REASONS)
    return re.compile(rf"{re.escape(stem)}-(\d{{8}}-\d{{6}}-\d{{6}})-({tags})\.sqlite")


def _legacy_daily(stem: str) -> re.Pattern[str]:
    """Daily backups of earlier versions: ``<tên tệp>-tu-dong-YYYYMMDD.sqlite``."""
    return re.compile(rf"{re.escape(stem)}-tu-dong-(\d{{8}})\.sqlite")


def _parse(name: str, stem: str) -> tuple[dt.datetime, str] | None:
    match = _pattern(stem).fullmatch(name)
    try:
        if match:
            return dt.datetime.strptime(match[1], _STAMP), _REASONS[match[2]]
        legacy = _legacy_daily(stem).fullmatch(name)
        if legacy:
            return dt.datetime.strptime(legacy[1], "%Y%m%d"), "daily"
    except ValueError:  # digits that are no date (a file the user named like a backup)
        return None
    return None


def list_backups(db_path: Path) -> list[Backup]:
    """The backups of the file at ``db_path``, newest first."""
    folder = folder_of(db_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        parsed = _parse(path.name, db_path.stem)
        if parsed is not None and path.is_file():
            found.append(Backup(path, *parsed))
    return sorted(found, key=lambda b: (b.made_at, b.path.name), reverse=True)


def latest(db_path: Path) -> Backup | None:
    backups = list_backups(db_path)
    return backups[0] if backups else None


def keep_count(conn: sqlite3.Connection) -> int:
    """How many backups the file keeps (its setting; the default for a file without one)."""
    try:
        value = settings.get(conn, KEEP_SETTING)
    except sqlite3.OperationalError:  # a file older than the settings table: nothing chosen yet
        return DEFAULT_KEEP
    try:
        return min(max(int(value), KEEP_MIN), KEEP_MAX) if value else DEFAULT_KEEP
    except ValueError:
        return DEFAULT_KEEP


def checked_keep(value: int) -> int:
    if not KEEP_MIN <= value <= KEEP_MAX:
        raise ValidationError("backup.keep.range", field="keep", low=KEEP_MIN, high=KEEP_MAX, value=value)
    return value


def copy_database(conn: sqlite3.Connection, destination: Path) -> Path:
    """A consistent copy of the open database at ``destination`` (private, written whole or not at all)."""
    private_folder(destination.parent)
    temporary = destination.with_name(f".{destination.name}.{secrets.token_hex(4)}{_TEMP_SUFFIX}")
    create_private_file(temporary)
    try:
        target = sqlite3.connect(str(temporary))
        try:
            conn.backup(target)
        finally:
            target.close()
        temporary.replace(destination)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return destination


def make(
    conn: sqlite3.Connection, db_path: Path, reason: str, *, keep: int | None = None, protect: Iterable[Path] = ()
) -> Backup:
    """A new backup of the open file, then the set pruned to ``keep`` (``protect``: never removed now)."""
    made_at = dt.datetime.now()
    name = f"{db_path.stem}-{made_at.strftime(_STAMP)}-{REASON_TAGS[reason]}.sqlite"
    backup = Backup(copy_database(conn, folder_of(db_path) / name), made_at, reason)
    prune(db_path, keep if keep is not None else keep_count(conn), [backup.path, *protect])
    return backup


def made_today(db_path: Path, today: dt.date | None = None) -> bool:
    day = today or dt.date.today()
    return any(b.made_at.date() == day for b in list_backups(db_path))


def daily(conn: sqlite3.Connection, db_path: Path) -> Backup | None:
    """The backup of the day's first use: made unless the set already holds one made today."""
    if made_today(db_path):
        return None
    return make(conn, db_path, "daily")


def daily_of(db_path: Path) -> Backup | None:
    """The same through a connection of its own (safe from a worker thread)."""
    conn = sqlite3.connect(str(db_path))
    try:
        return daily(conn, db_path)
    finally:
        conn.close()


def prune(db_path: Path, keep: int, protect: Iterable[Path] = ()) -> list[Path]:
    """Remove the oldest backups beyond ``keep`` and leftovers of interrupted ones; what was removed."""
    kept = {path.resolve() for path in protect}
    removed = []
    for backup in list_backups(db_path)[keep:]:
        if backup.path.resolve() not in kept:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    folder = folder_of(db_path)
    stale = time.time() - _STALE_TEMP_SECONDS
    for leftover in folder.glob(f".{db_path.stem}-*{_TEMP_SUFFIX}"):
        try:
            if leftover.stat().st_mtime < stale:  # older than any backup still being written
                leftover.unlink()
                removed.append(leftover)
        except OSError:
            continue
    return removed
