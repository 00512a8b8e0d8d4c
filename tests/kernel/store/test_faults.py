"""Faults of the file or its disk, said as what they are: read-only, full, damaged (with the backup to
restore), empty. Reading works on a file that cannot be written."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from cchc_desktop.cli.main import run
from cchc_desktop.kernel.workspace_errors import DamagedWorkspaceError, EmptyWorkspaceError, ReadOnlyWorkspaceError
from cchc_desktop.workspace import Workspace
from tests.support.faults import cli, fill_disk, garble_json, garble_text, on_small_disk, zero_page_of

PASSPHRASE_FILE_TEXT = "một mật khẩu đủ dài 2026\n"


def _one_line_error(capsys) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 1, err
    return err


def test_a_damaged_page_names_the_file_and_the_latest_backup(demo_path, capsys):
    with Workspace.open(demo_path) as ws:
        backup = ws.backups.before("manual")
    zero_page_of(demo_path, "tasks")
    code = run(["plan", "show", "--db", str(demo_path), "--year", "2026", "--json"])
    err = _one_line_error(capsys)
    assert code == 2
    assert "Tệp dữ liệu «demo.sqlite» bị hỏng" in err
    assert f"Hãy khôi phục bản sao lưu gần nhất «{backup.name}»" in err and "Tệp → Khôi phục từ bản sao lưu…" in err


def test_text_changed_on_the_disk_is_damage_too(demo_path, capsys):
    garble_text(demo_path, "bảo đảm bám sát Kế hoạch của Ủy ban nhân dân tỉnh")
    code = run(["plan", "show", "--db", str(demo_path), "--year", "2026"])
    err = _one_line_error(capsys)
    assert code == 2 and "«demo.sqlite» bị hỏng" in err and "không có bản sao lưu nào" in err


def test_damage_met_through_a_service_is_explained_by_the_workspace(demo_path):
    zero_page_of(demo_path, "tasks")
    with Workspace.open(demo_path) as ws:
        plan = ws.plans.current(2026)
        with pytest.raises(sqlite3.DatabaseError) as info:
            ws.plans.aggregate(plan.id)
        explained = Workspace.explain_fault(info.value, demo_path)
    assert isinstance(explained, DamagedWorkspaceError)


def test_a_program_fault_on_a_sound_file_is_not_called_damage(demo_path):
    assert Workspace.explain_fault(KeyError("x"), demo_path) is None


def test_an_empty_file_is_refused_unless_a_new_file_was_asked_for(tmp_path, capsys):
    empty = tmp_path / "trong.sqlite"
    empty.touch()
    with pytest.raises(EmptyWorkspaceError) as info:
        Workspace.open(empty)
    assert "«trong.sqlite» trống (0 byte)" in str(info.value)
    assert run(["plan", "show", "--db", str(empty), "--year", "2026"]) == 2
    assert "trống (0 byte)" in _one_line_error(capsys)
    assert empty.stat().st_size == 0  # not silently turned into a new workspace
    assert run(["demo", "--db", str(empty), "--year", "2026"]) == 0  # asked for a new file: it is used
    with Workspace.open(empty) as ws:
        assert ws.plans.current(2026) is not None


def test_reading_a_read_only_file_works_and_writing_says_why_not(demo_path, tmp_path):
    demo_path.chmod(0o444)
    shown = cli("plan", "show", "--db", str(demo_path), "--year", "2026")
    assert shown.returncode == 0 and "Cải cách hành chính xã Kỳ Phong năm 2026" in shown.stdout, shown.stderr
    passphrase = tmp_path / "mat-khau.txt"
    passphrase.write_text(PASSPHRASE_FILE_TEXT)
    written = cli("keys", "init", "--db", str(demo_path), "--passphrase-file", str(passphrase))
    assert written.returncode == 2 and "Traceback" not in written.stderr
    assert "Chưa lưu được thay đổi vào tệp «demo.sqlite»: tệp chỉ cho phép đọc" in written.stderr
    assert "bỏ thuộc tính Chỉ đọc" in written.stderr and "hỏng" not in written.stderr


def test_a_read_only_folder_is_read_as_the_file_on_the_disk(demo_path):
    folder = demo_path.parent
    shutil.rmtree(folder / "backups", ignore_errors=True)
    folder.chmod(0o555)
    try:
        shown = cli("plan", "show", "--db", str(demo_path), "--year", "2026", "--json")
        assert shown.returncode == 0 and '"status": "issued"' in shown.stdout, shown.stderr
        assert sorted(p.name for p in folder.iterdir()) == ["demo.sqlite"]  # nothing written beside it
    finally:
        folder.chmod(0o755)


def test_opening_to_look_only_refuses_every_write(demo_path):
    with Workspace.open(demo_path, read_only=True) as ws:
        assert ws.read_only == "asked" and "đang mở chỉ để xem" in ws.read_only_message()
        with pytest.raises(ReadOnlyWorkspaceError) as info:
            ws.set_actor("Người khác")
        assert "tệp đang được mở chỉ để xem" in str(info.value)


def test_a_nearly_full_disk_is_reported_as_full_and_reading_still_works(demo_path, tmp_path):
    disk = tmp_path / "o-nho"
    passphrase = tmp_path / "mat-khau.txt"
    passphrase.write_text(PASSPHRASE_FILE_TEXT)
    script = (
        f'cp "{demo_path}" "{disk}/xa.sqlite"\n'
        + fill_disk(disk, leave_kb=20)
        + f'df -k --output=avail "{disk}" | tail -1\n'
        + f'"$PY" main.py plan show --db "{disk}/xa.sqlite" --year 2026 > "{tmp_path}/ke-hoach.txt"\n'
        + f'head -1 "{tmp_path}/ke-hoach.txt"\n'
        + f'"$PY" main.py keys init --db "{disk}/xa.sqlite" --passphrase-file "{passphrase}" || echo "exit $?"\n'
    )
    result = on_small_disk(disk, 1200, script)
    lines = result.stdout.splitlines()
    assert int(lines[0]) <= 20, result.stdout + result.stderr
    assert lines[1] == "Ủy ban nhân dân xã Kỳ Phong — Cải cách hành chính xã Kỳ Phong năm 2026", result.stderr
    assert lines[2] == "exit 2" and "Traceback" not in result.stderr
    assert "Chưa lưu được vào tệp «xa.sqlite»: ổ đĩa đã đầy" in result.stderr and "hỏng" not in result.stderr


def test_stored_json_that_no_longer_decodes_is_damage(demo_path, capsys):
    conn = sqlite3.connect(demo_path)
    data = conn.execute("SELECT data FROM unit_profile").fetchone()[0]
    conn.close()
    garble_json(demo_path, data[:40])
    assert run(["plan", "show", "--db", str(demo_path), "--year", "2026"]) == 2
    assert "«demo.sqlite» bị hỏng" in _one_line_error(capsys)


def test_a_lost_first_page_of_a_file_with_backups_is_damage_not_another_program(demo_path, capsys):
    with Workspace.open(demo_path) as ws:
        ws.backups.before("daily")
    with demo_path.open("r+b") as handle:
        handle.write(bytes(4096))
    assert run(["plan", "show", "--db", str(demo_path), "--year", "2026"]) == 2
    err = _one_line_error(capsys)
    assert "«demo.sqlite» bị hỏng" in err and "-tu-dong.sqlite»" in err
