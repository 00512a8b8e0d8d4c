"""Two copies of the app on one file: the second is told who has it open rather than both writing; a
lock left by a killed process is taken over."""

from __future__ import annotations

import json
import os
import signal
import socket
import stat
import subprocess
import sys

import pytest

from cchc_desktop.kernel.lock import lock_path
from cchc_desktop.kernel.workspace_errors import WorkspaceInUseError
from cchc_desktop.workspace import Workspace
from tests.support.faults import cli
from tests.support.paths import ROOT

HOLD = """
import sys, time
from cchc_desktop.workspace import Workspace
ws = Workspace.open(sys.argv[1], lock="open")
print("held", flush=True)
time.sleep(60)
"""


def test_the_second_copy_is_told_who_has_the_file_open(demo_path):
    first = Workspace.open(demo_path, lock="open")
    try:
        holder = json.loads(lock_path(demo_path).read_text(encoding="utf-8"))
        assert holder["actor"] == "Nguyễn Thị Minh Huyền" and holder["pid"] == os.getpid()
        assert stat.S_IMODE(lock_path(demo_path).stat().st_mode) == 0o600
        with pytest.raises(WorkspaceInUseError) as info:
            Workspace.open(demo_path, lock="open")
        message = str(info.value)
        assert message.startswith(
            f"Tệp «demo.sqlite» đang được mở bởi Nguyễn Thị Minh Huyền trên máy {socket.gethostname()} (từ "
        )
        assert "mở tệp chỉ để xem" in message
        with Workspace.open(demo_path, read_only=True) as viewer:  # looking is always possible
            assert viewer.plans.current(2026) is not None
        first.set_actor("Trần Thị Lan")
        with pytest.raises(WorkspaceInUseError) as info:
            Workspace.open(demo_path, lock="open")
        assert "bởi Trần Thị Lan" in str(info.value)
    finally:
        first.close()
    assert not lock_path(demo_path).exists()  # nothing left beside the file
    Workspace.open(demo_path, lock="open").close()


def test_a_command_that_only_reads_works_beside_the_window_and_one_that_writes_is_refused(demo_path, tmp_path):
    with Workspace.open(demo_path, lock="open"):
        shown = cli("plan", "show", "--db", str(demo_path), "--year", "2026", prefix=[])
        assert shown.returncode == 0, shown.stderr
        passphrase = tmp_path / "mat-khau.txt"
        passphrase.write_text("một mật khẩu đủ dài 2026\n")
        refused = cli("keys", "init", "--db", str(demo_path), "--passphrase-file", str(passphrase), prefix=[])
        assert refused.returncode == 2 and "đang được mở bởi Nguyễn Thị Minh Huyền" in refused.stderr
    with Workspace.open(demo_path) as ws:
        assert ws.exchange.key_info() is None  # nothing was written


def test_a_lock_left_by_a_killed_process_is_taken_over(demo_path):
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(demo_path)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout.readline().strip() == "held"
    with pytest.raises(WorkspaceInUseError):
        Workspace.open(demo_path, lock="open")
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stdout.close()
    stale = json.loads(lock_path(demo_path).read_text(encoding="utf-8"))
    assert stale["pid"] == process.pid  # the crash left its lock file behind
    with Workspace.open(demo_path, lock="open") as ws:
        assert json.loads(lock_path(demo_path).read_text(encoding="utf-8"))["pid"] == os.getpid()
        ws.set_actor("Nguyễn Thị Minh Huyền")
    assert not lock_path(demo_path).exists()


def test_a_command_takes_the_lock_only_when_it_writes(demo_path):
    with Workspace.open(demo_path, lock="write") as reader:
        reader.plans.current(2026)
        assert not reader.lock.held and not lock_path(demo_path).exists()
        with Workspace.open(demo_path, lock="open") as window:
            with pytest.raises(WorkspaceInUseError):
                reader.set_actor("Trần Thị Lan")
            assert window.actor == "Nguyễn Thị Minh Huyền"
        reader.set_actor("Trần Thị Lan")
        assert reader.lock.held
