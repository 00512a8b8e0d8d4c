"""Khôi phục từ bản sao lưu: the whole file becomes the backup's content, the state before is backed up
first, the restore is audited; damaged, foreign or newer backups are refused."""

from __future__ import annotations

import sqlite3

import pytest

from cchc_desktop.kernel.errors import SchemaTooNewError, WorkspaceError
from cchc_desktop.workspace import Workspace
from tests.support.faults import zero_page_of


def _title(ws) -> str:
    return ws.plans.get(ws.plans.current(2026).id).title


def test_restore_brings_back_the_backup_and_keeps_the_state_before(ws, small_framework):
    plan = ws.plans.create(2026, "framework", small_framework)
    ws.edit("plan", plan.id, "title", "Bản buổi sáng")
    morning = ws.backups.before("manual")
    ws.edit("plan", plan.id, "title", "Bản buổi chiều")
    restored = ws.backups.restore(morning)
    assert _title(ws) == "Bản buổi sáng" and not ws.history.can_undo
    assert restored.before.name.endswith("-truoc-khoi-phuc.sqlite") and restored.migrated == []
    entry = ws.audit.page()[0]
    assert (entry.action_text, entry.object_text) == ("Khôi phục từ bản sao lưu", f"Tệp dữ liệu: {morning.name}")
    ws.backups.restore(restored.before)  # a restore is undone by restoring the backup made before it
    assert _title(ws) == "Bản buổi chiều"


def test_the_backup_being_restored_is_never_pruned_by_the_backup_before_it(ws):
    ws.backups.set_keep(1)
    only = ws.backups.before("manual")
    restored = ws.backups.restore(only)
    assert only.exists() and restored.before.exists()


def test_damaged_foreign_and_newer_backups_are_refused_untouched(ws, tmp_path):
    before = ws.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    damaged = ws.backups.before("manual")
    zero_page_of(damaged, "audit_log")
    with pytest.raises(WorkspaceError) as info:
        ws.backups.restore(damaged)
    assert str(info.value).startswith(f"Bản sao lưu «{damaged.name}» bị hỏng, không khôi phục được.")
    foreign = tmp_path / "khac.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(WorkspaceError, match="không phải bản sao lưu"):
        ws.backups.restore(foreign)
    newer = ws.backups.before("manual")
    conn = sqlite3.connect(newer)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('cchc', 'm999_x', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(SchemaTooNewError):
        ws.backups.restore(newer)
    assert ws.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == before
    assert not any(b.reason == "restore" for b in ws.backups.list())  # refusals made no backup


def test_a_backup_from_before_an_upgrade_is_upgraded_when_restored(ws_path):
    from cchc_desktop.kernel.store import db as store_db
    from cchc_desktop.kernel.store.migrations import apply_pending
    from cchc_desktop.kernel.store.schema import STEP_NAMES

    conn = store_db.connect(ws_path)
    apply_pending(conn, stop_before=STEP_NAMES[-1])
    conn.close()
    with Workspace.open(ws_path) as ws:
        [old] = ws.backups.list()
        restored = ws.backups.restore(old.path)
        assert restored.migrated == [STEP_NAMES[-1]]
