"""Real faults of a file or a disk for tests: read-only files and folders, a nearly full disk, damaged
pages. The suite runs as root in CI, and root ignores file modes; commands that must meet a read-only
file run without that power (``setpriv``), and a small disk is a tmpfs mounted in a private namespace."""

from __future__ import annotations

import os
import shlex
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.support.paths import ROOT

#: Drops the capabilities that let root write to a read-only file or folder (a no-op for other users).
NO_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] if os.geteuid() == 0 else []


def cli(*args: str, prefix: list[str] | None = None) -> subprocess.CompletedProcess:
    """``main.py`` with ``args`` in a process of its own, as a user who respects file modes."""
    command = [*(NO_OVERRIDE if prefix is None else prefix), sys.executable, "main.py", *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True)


def on_small_disk(folder: Path, size_kb: int, script: str) -> subprocess.CompletedProcess:
    """Run the shell ``script`` with a ``size_kb`` tmpfs mounted at ``folder``, in a namespace of its own
    (the mount disappears with it). ``$PY`` in the script is this Python, ``$ROOT`` the checkout."""
    folder.mkdir(parents=True, exist_ok=True)
    mount = f"mount -t tmpfs -o size={size_kb}k tmpfs {shlex.quote(str(folder))}"
    env = {**os.environ, "PY": sys.executable, "ROOT": str(ROOT)}
    # root needs no user namespace, and a chroot (a fresh-system check) forbids creating one
    as_root = [] if os.geteuid() == 0 else ["--map-root-user"]
    command = ["unshare", *as_root, "--mount", "sh", "-ec", f'{mount}\ncd "$ROOT"\n{script}']
    return subprocess.run(command, capture_output=True, text=True, env=env)


def fill_disk(folder: Path, leave_kb: int) -> str:
    """Shell lines filling the disk of ``folder`` until ``leave_kb`` KB or less are free."""
    filler = shlex.quote(str(folder / "day-o-dia"))
    return (
        f"free=$(df -k --output=avail {shlex.quote(str(folder))} | tail -1)\n"
        f"dd if=/dev/zero of={filler} bs=1k count=$((free - {leave_kb})) 2>/dev/null || true\n"
    )


def zero_page_of(path: Path, table: str) -> int:
    """Overwrite the root page of ``table`` with zeros (a page lost to a bad sector); its number."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * size)
        handle.write(bytes(size))
    return root


def garble_text(path: Path, text: str) -> None:
    """Flip bits inside a stored text, so it is no longer UTF-8 (the structure stays valid)."""
    data = bytearray(path.read_bytes())
    at = data.find(text.encode("utf-8"))
    assert at >= 0, text
    for offset in range(1, len(text.encode("utf-8")), 3):
        data[at + offset] |= 0x80
        data[at + offset] &= 0xBF  # a continuation byte where a letter was: no longer UTF-8
    path.write_bytes(bytes(data))


def garble_json(path: Path, text: str) -> None:
    """Break the JSON syntax inside a stored text, keeping it UTF-8 (the quotes become apostrophes)."""
    data = bytearray(path.read_bytes())
    at = data.find(text.encode("utf-8"))
    assert at >= 0, text
    end = at + len(text.encode("utf-8"))
    data[at:end] = bytes(data[at:end]).replace(b'"', b"'")
    path.write_bytes(bytes(data))
