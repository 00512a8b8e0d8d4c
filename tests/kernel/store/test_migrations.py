"""Schema: created from empty, upgraded from the previous step with a backup, newer refused."""

from __future__ import annotations

import sqlite3

import pytest

from cchc_desktop.kernel.errors import SchemaTooNewError, WorkspaceError
from cchc_desktop.kernel.store import db as store_db
from cchc_desktop.kernel.store.schema import STEP_NAMES
from cchc_desktop.workspace import Workspace


def _applied(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    finally:
        conn.close()


def test_new_file_gets_every_step_wal_and_foreign_keys(ws_path):
    ws = Workspace.open(ws_path, create=True)
    assert ws.migrated_now == list(STEP_NAMES)
    assert ws.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert ws.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert ws.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    ws.close()
    assert _applied(ws_path) == list(STEP_NAMES)
    assert not (ws_path.parent / "backups").exists()  # nothing to back up in a new file


def test_reopening_applies_nothing(ws_path):
    Workspace.open(ws_path, create=True).close()
    ws = Workspace.open(ws_path)
    assert ws.migrated_now == []
    ws.close()


def test_upgrade_from_previous_step_backs_up_first_and_keeps_data(ws_path):
    from cchc_desktop.kernel.store.migrations import apply_pending

    conn = store_db.connect(ws_path)
    apply_pending(conn, stop_before=STEP_NAMES[-1])
    conn.execute("INSERT INTO settings (key, value) VALUES ('actor', 'Lê Thị Mai')")
    conn.close()
    ws = Workspace.open(ws_path)
    assert ws.migrated_now == [STEP_NAMES[-1]]
    assert ws.get_setting("actor") == "Lê Thị Mai"
    ws.close()
    backups = list((ws_path.parent / "backups").glob("*.sqlite"))
    assert len(backups) == 1
    assert _applied(backups[0]) == list(STEP_NAMES[:-1])


def test_file_from_newer_version_is_refused_untouched(ws_path):
    Workspace.open(ws_path, create=True).close()
    conn = sqlite3.connect(ws_path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('cchc', 'm999_future', 'x')")
    conn.commit()
    conn.close()
    before = ws_path.read_bytes()
    with pytest.raises(SchemaTooNewError) as info:
        Workspace.open(ws_path)
    assert "phiên bản phần mềm mới hơn" in str(info.value)
    assert "m999_future" in str(info.value)
    assert ws_path.read_bytes() == before


def test_foreign_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(WorkspaceError) as info:
        Workspace.open(path)
    assert "phần mềm khác" in str(info.value)


def test_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(WorkspaceError) as info:
        Workspace.open(path)
    assert "không phải tệp dữ liệu" in str(info.value)


def test_missing_file_without_create(tmp_path):
    with pytest.raises(WorkspaceError) as info:
        Workspace.open(tmp_path / "nope.sqlite")
    assert "Không tìm thấy tệp dữ liệu" in str(info.value)


def test_step_list_matches_registered_migrations():
    from cchc_desktop.kernel.store.migrations import migrations

    assert tuple(m.name for m in migrations._migrations) == STEP_NAMES
