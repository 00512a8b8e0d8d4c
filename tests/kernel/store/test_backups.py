"""The rotating set of backups: made with the backup API, bounded, daily once, private, never half-written."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
import time

import pytest

from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.kernel.store import backups


def _plan_count(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM plans").fetchone()[0]
    finally:
        conn.close()


def test_a_backup_holds_every_committed_edit_and_is_named_by_time_and_reason(ws, small_framework):
    plan = ws.plans.create(2026, "framework", small_framework)
    ws.edit("plan", plan.id, "title", "Kế hoạch đã sửa")  # committed to the WAL, not yet checkpointed
    path = ws.backups.before("import")
    assert path.parent == ws.path.parent / "backups"
    assert path.name.startswith("xa-") and path.name.endswith("-truoc-nhap-goi.sqlite")
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT title FROM plans").fetchone()[0] == "Kế hoạch đã sửa"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    [listed] = ws.backups.list()
    assert listed.path == path and listed.reason == "import"


def test_the_set_keeps_the_newest_and_removes_the_oldest(ws):
    made = [ws.backups.before("manual") for _ in range(12)]
    assert ws.backups.keep == backups.DEFAULT_KEEP == 10
    assert [b.path for b in ws.backups.list()] == list(reversed(made[2:]))
    ws.backups.set_keep(3)
    assert [b.path for b in ws.backups.list()] == list(reversed(made[-3:]))
    ws.backups.before("import")
    assert len(ws.backups.list()) == 3


def test_keep_is_checked_and_remembered_in_the_file(ws, ws_path):
    with pytest.raises(ValidationError) as info:
        ws.backups.set_keep(0)
    assert str(info.value) == "Số bản sao lưu giữ lại phải từ 1 đến 100, không phải 0."
    ws.backups.set_keep(25)
    ws.close()
    conn = sqlite3.connect(ws_path)
    assert backups.keep_count(conn) == 25
    conn.close()


def test_daily_backup_once_a_day_and_not_when_one_was_made_today(ws):
    first = ws.backups.daily()
    assert first is not None and first.name.endswith("-tu-dong.sqlite")
    assert ws.backups.daily() is None
    assert backups.daily_of(ws.path) is None
    first.unlink()
    ws.backups.before("import")
    assert ws.backups.daily() is None  # the set already holds one of today


def test_earlier_versions_daily_backups_are_listed_and_rotated(ws):
    folder = ws.path.parent / "backups"
    folder.mkdir()
    old = folder / "xa-tu-dong-20250102.sqlite"
    ws.backup_to(old)
    assert [(b.path, b.made_at, b.reason) for b in ws.backups.list()] == [(old, dt.datetime(2025, 1, 2), "daily")]
    ws.backups.set_keep(1)
    ws.backups.before("manual")
    assert not old.exists()


def test_other_files_in_the_folder_are_left_alone(ws):
    folder = ws.path.parent / "backups"
    folder.mkdir()
    mine = folder / "ghi-chu.txt"
    other_workspace = folder / "phuong-20250101-080000-000000-tu-dong.sqlite"
    odd = folder / "xa-20251399-080000-000000-tu-dong.sqlite"  # month 13: not a backup's name
    for path in (mine, other_workspace, odd):
        path.write_text("x")
    ws.backups.set_keep(1)
    for _ in range(3):
        ws.backups.before("manual")
    assert mine.exists() and other_workspace.exists() and odd.exists()
    assert len(ws.backups.list()) == 1


def test_a_failed_backup_leaves_nothing_and_a_killed_ones_leftover_is_cleaned_later(ws):
    folder = ws.path.parent / "backups"
    taken = folder / "ban-sao.sqlite"
    taken.mkdir(parents=True)  # the name is taken by a folder: the copy is made, the rename fails
    with pytest.raises(OSError):
        ws.backup_to(taken)
    assert [p.name for p in folder.iterdir()] == ["ban-sao.sqlite"]
    taken.rmdir()
    leftover = folder / ".xa-20260101-080000-000000-tu-dong.sqlite.1a2b3c4d.part"  # a killed backup
    leftover.write_bytes(b"half")
    fresh = folder / ".xa-20260101-090000-000000-tu-dong.sqlite.5e6f7a8b.part"  # one being written now
    fresh.write_bytes(b"half")
    hour_ago = time.time() - 3700
    os.utime(leftover, (hour_ago, hour_ago))
    ws.backups.before("manual")
    assert not leftover.exists() and fresh.exists()


def test_backups_are_private_files_in_a_private_folder(ws):
    path = ws.backups.before("manual")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    chosen = ws.path.parent / "usb" / "ban-sao.sqlite"
    ws.backup_to(chosen)
    assert stat.S_IMODE(chosen.stat().st_mode) == 0o600


def test_a_backup_is_made_before_a_schema_upgrade_into_the_same_set(ws_path):
    from cchc_desktop.kernel.store import db as store_db
    from cchc_desktop.kernel.store.migrations import apply_pending
    from cchc_desktop.kernel.store.schema import STEP_NAMES
    from cchc_desktop.workspace import Workspace

    conn = store_db.connect(ws_path)
    apply_pending(conn, stop_before=STEP_NAMES[-1])
    conn.close()
    with Workspace.open(ws_path) as ws:
        [backup] = ws.backups.list()
    assert backup.reason == "migration" and _plan_count(backup.path) == 0
