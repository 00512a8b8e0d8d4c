"""A new workspace is made whole under a temporary name and renamed: a refusal, an error or a kill
leaves nothing under the chosen name, and trying again works."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import stat
import subprocess
import sys
import time

import pytest

from cchc_desktop.kernel.errors import ValidationError, WorkspaceError
from cchc_desktop.kernel.store import creation
from cchc_desktop.workspace import Workspace, create_receiver
from tests.support.paths import ROOT


def _listing(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_refused_demo_leaves_no_file(tmp_path):
    target = tmp_path / "n.sqlite"
    result = subprocess.run(
        [sys.executable, "main.py", "demo", "--db", str(target), "--year", "99999"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2 and "99999" in result.stderr
    assert _listing(tmp_path) == []


def test_a_receiver_whose_profile_is_refused_leaves_no_file(tmp_path):
    target = tmp_path / "so.sqlite"
    with pytest.raises(ValidationError):
        create_receiver(target, "", "42")
    assert _listing(tmp_path) == []
    create_receiver(target, "Sở Nội vụ tỉnh Hà Tĩnh", "42").close()  # the name is free for the next try
    assert _listing(tmp_path) == ["so.sqlite"]


def test_a_new_file_is_private_and_complete(tmp_path):
    folder = tmp_path / "du-lieu"
    with Workspace.open(folder / "xa.sqlite", create=True) as ws:
        assert ws.migrated_now and ws.path == folder / "xa.sqlite"
    assert stat.S_IMODE((folder / "xa.sqlite").stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert _listing(folder) == ["xa.sqlite"]


def test_a_file_appearing_meanwhile_is_never_replaced(tmp_path):
    target = tmp_path / "xa.sqlite"

    def someone_else_creates_it(ws):
        target.write_bytes(b"data of another program")

    with pytest.raises(WorkspaceError) as info:
        Workspace.create(target, someone_else_creates_it)
    assert "Đã có tệp" in str(info.value)
    assert target.read_bytes() == b"data of another program" and _listing(tmp_path) == ["xa.sqlite"]


def _init(target) -> subprocess.Popen:
    command = ["receiver", "init", "--db", str(target), "--name", "Sở Nội vụ", "--province", "42"]
    return subprocess.Popen([sys.executable, "main.py", *command], cwd=ROOT, stdout=subprocess.DEVNULL)


def _kill_while_made(target, rng: random.Random) -> None:
    """Start a creation, wait until its temporary file appears, kill it a random moment later."""
    process = _init(target)
    deadline = time.monotonic() + 30
    while not creation.temporary_names(target) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    time.sleep(rng.uniform(0, 0.2))
    process.send_signal(signal.SIGKILL)
    process.wait()


def _creations_killed(tmp_path, rounds: int) -> None:
    rng = random.Random(1301)
    for index in range(rounds):
        target = tmp_path / f"so-{index}.sqlite"
        _kill_while_made(target, rng)
        if target.exists():  # finished before the kill: then whole
            conn = sqlite3.connect(target)
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("SELECT json_extract(data, '$.mode') FROM unit_profile").fetchone()[0] == "receiver"
            conn.close()


def test_killed_creations_leave_no_half_made_file_and_their_leftovers_are_removed(tmp_path):
    _creations_killed(tmp_path, 6)
    leftovers = [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert leftovers  # some kills came while a file was being made
    for index in range(6):
        target = tmp_path / f"so-{index}.sqlite"
        if target.exists():
            continue
        old = time.time() - creation.STALE_SECONDS - 1
        for leftover in creation.temporary_names(target):
            os.utime(leftover, (old, old))
        create_receiver(target, "Sở Nội vụ tỉnh Hà Tĩnh", "42").close()  # the name was free
        assert creation.temporary_names(target) == []
    assert all(not p.exists() for p in leftovers)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_leftovers_of_other_names_are_removed_too_and_other_files_are_not(tmp_path):
    old = time.time() - creation.STALE_SECONDS - 1
    killed = [tmp_path / ".cu.sqlite.0a1b2c3d.part", tmp_path / ".cu.sqlite.0a1b2c3d.part-wal"]
    kept = [tmp_path / ".ghi-chu.part", tmp_path / "ban.sqlite.part", tmp_path / ".moi.sqlite.0a1b2c3d.part"]
    for path in killed + kept:
        path.write_bytes(b"x")
        if path.name != ".moi.sqlite.0a1b2c3d.part":  # a creation still under way: recent
            os.utime(path, (old, old))
    create_receiver(tmp_path / "so.sqlite", "Sở Nội vụ tỉnh Hà Tĩnh", "42").close()
    assert not any(p.exists() for p in killed) and all(p.exists() for p in kept)
