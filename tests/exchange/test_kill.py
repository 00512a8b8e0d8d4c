"""Killing the importing process at random moments never damages the receiver file, and each package is
either wholly applied or not at all; importing again afterwards completes the batch."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from cchc_desktop.exchange.format import generate_private_key
from cchc_desktop.exchange.format.pubfile import UnitIdentity, parse_pub_file, pub_file_text
from cchc_desktop.exchange.store import stored_data_json
from cchc_desktop.workspace import create_receiver
from tests.exchange.craft import build, plan_data, report_data
from tests.support.paths import ROOT

TRIALS = 20
PARALLEL = 5
RESUMED = 4
SERIES = 18


@pytest.fixture(scope="module")
def setting(tmp_path_factory):
    """A receiver with the key enrolled, and a folder of small packages (some series sent twice)."""
    base = tmp_path_factory.mktemp("kill")
    key = generate_private_key()
    template = base / "template" / "so.sqlite"
    ws = create_receiver(template, "Sở Nội vụ tỉnh Hà Tĩnh", "42")
    pub = parse_pub_file(pub_file_text(key.public_key(), UnitIdentity("42", "18544", "Kỳ Phong"), "k", "now"))
    ws.exchange.enrol(pub, pub.fingerprint)
    ws.close()
    folder = base / "packages"
    for index in range(SERIES):
        year = 2001 + index
        data = report_data(year, "Q1", tasks=6, indicators=4) if index % 2 else plan_data(year, tasks=6, indicators=4)
        kind, period = ("report", "Q1") if index % 2 else ("plan", None)
        _, first_id = build(folder, key, kind, year, data, period=period)
        if index % 3 == 0:
            build(folder, key, kind, year, data, period=period, revision=2, supersedes=first_id)
    return template, folder


def _command(db: Path, folder: Path) -> list[str]:
    return [sys.executable, str(ROOT / "main.py"), "package", "import", "--db", str(db), str(folder)]


def _fresh_copy(template: Path, where: Path) -> Path:
    where.mkdir(parents=True)
    db = where / "so.sqlite"
    shutil.copy(template, db)
    return db


def _import_seconds(template: Path, folder: Path, where: Path) -> float:
    """How long the import itself runs: from its first result line to the end."""
    db = _fresh_copy(template, where)
    process = subprocess.Popen(_command(db, folder), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    process.stdout.readline()
    start = time.perf_counter()
    process.communicate()
    return time.perf_counter() - start


def _kill_later(process: subprocess.Popen, delay: float) -> None:
    """Wait for the first result line (the import is under way), then SIGKILL after ``delay``."""
    process.stdout.readline()
    time.sleep(delay)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.communicate()


def _check_intact(db: Path, folder: Path) -> int:
    """Integrity, and every package either complete or absent; returns how many were applied."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        rows = conn.execute("SELECT * FROM received_packages").fetchall()
        for row in rows:
            _check_package(conn, row)
        logged = {r[0] for r in conn.execute("SELECT package_row_id FROM import_log")}
        assert logged == {row["id"] for row in rows}
        store = db.parent / "so-goi-da-nhan"
        assert all((store / row["stored_file"]).is_file() for row in rows)
        return len(rows)
    finally:
        conn.close()


def _debris(db: Path) -> list[str]:
    """Private copies left behind, and kept files no package row names (no import here is rolled back)."""
    store = db.parent / "so-goi-da-nhan"
    conn = sqlite3.connect(db)
    try:
        named = {row[0] for row in conn.execute("SELECT stored_file FROM received_packages")}
    finally:
        conn.close()
    left = [p.name for p in store.glob(".incoming-*")]
    return left + [p.name for p in store.glob("*.cchc") if p.name not in named]


def _check_package(conn: sqlite3.Connection, row: sqlite3.Row) -> None:
    counts = [
        conn.execute(f"SELECT count(*) FROM {t} WHERE package_row_id = ?", [row["id"]]).fetchone()[0]
        for t in ("received_tasks", "received_indicators")
    ]
    if row["state"] == "superseded":
        assert counts == [0, 0]
        return
    data = json.loads(stored_data_json(row))
    body = data["plan"] if row["kind"] == "plan" else data["report"]
    assert counts == [len(body["tasks"]), len(body["indicators"])]


def test_sigkill_at_random_moments_leaves_the_file_whole(setting, tmp_path):
    template, folder = setting
    total = len(list(folder.glob("*.cchc")))
    span = _import_seconds(template, folder, tmp_path / "full")
    rng = random.Random(20260403)
    applied = []
    for first in range(0, TRIALS, PARALLEL):
        running = []
        for trial in range(first, first + PARALLEL):
            db = _fresh_copy(template, tmp_path / f"trial{trial}")
            process = subprocess.Popen(
                _command(db, folder), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
            )
            killer = threading.Thread(target=_kill_later, args=(process, rng.uniform(0.0, span * 1.5)))
            killer.start()
            running.append((killer, db))
        for killer, db in running:
            killer.join()
            applied.append(_check_intact(db, folder))
    assert any(0 < n < total for n in applied), f"no kill landed inside the import: {applied}"
    resumed = [tmp_path / f"trial{trial}" / "so.sqlite" for trial in range(0, TRIALS, TRIALS // RESUMED)]
    for process in [subprocess.Popen(_command(db, folder), cwd=ROOT, stdout=subprocess.DEVNULL) for db in resumed]:
        assert process.wait() == 0
    assert [_check_intact(db, folder) for db in resumed] == [total] * len(resumed)
    assert [_debris(db) for db in resumed] == [[]] * len(resumed), "the next import cleans what a kill left"
