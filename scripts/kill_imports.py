"""Kill -9 the app in the middle of imports, edits and exports, and count what survives and what is left.

Usage: .venv/bin/python scripts/kill_imports.py [--imports 60] [--edits 60] [--exports 30] [--parallel 4]

Outside the test suite (it runs for minutes). Each trial starts a real process on a fresh copy of a file
and sends it SIGKILL at a random moment; then it checks:

* imports (``main.py package import`` of a folder of 24 packages, some series sent twice): the receiver
  file passes ``PRAGMA integrity_check``, every package is wholly there or absent, and what the kill left
  (``.incoming-*`` folders, kept files no package names, partial backups) is counted; then the next import
  runs (the "next start") and must leave no debris and every package imported;
* edits (a process committing numbered edits to task contents, printing each after its commit): the file
  is whole and the last edit reported as committed is in it (a committed edit is never lost);
* exports (a process exporting the plan again and again into a folder): every package file on the "stick"
  has its revision in the outbox, and the next export takes a revision no file has.

Prints one summary line per kind: trials, kills that landed while work was under way, files intact, and
debris found after the kill and after the next start.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# ruff: noqa: E402 - the repository root goes on sys.path before the project's imports

from cchc_desktop.exchange.format import generate_private_key
from cchc_desktop.exchange.format.pubfile import UnitIdentity, parse_pub_file, pub_file_text
from cchc_desktop.exchange.store import stored_data_json
from cchc_desktop.workspace import Workspace, create_receiver
from tests.exchange.craft import build, plan_data, report_data

PASSPHRASE = "mật khẩu của xã 2026"
SERIES = 16


@dataclass
class Tally:
    trials: int = 0
    landed: int = 0  # the kill came while the work was under way (some but not all of it done)
    intact: int = 0
    debris_after_kill: int = 0
    debris_after_restart: int = 0
    lost: int = 0
    notes: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def line(self, kind: str) -> str:
        return (
            f"{kind:<8} trials {self.trials:4d}  kills during work {self.landed:4d}  file intact {self.intact:4d}"
            f"  debris after kill {self.debris_after_kill:4d}  after next start {self.debris_after_restart:3d}"
            f"  lost {self.lost}"
        )


def _kill_after(process: subprocess.Popen, delay: float, first_line: bool = False) -> None:
    """SIGKILL after ``delay`` seconds (counted from the first line printed, when ``first_line``)."""
    if first_line and process.stdout is not None:
        process.stdout.readline()
    time.sleep(delay)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)


def _intact(db: Path) -> bool:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


# Imports #################################################################


def _receiver_setting(base: Path) -> tuple[Path, Path, int]:
    key = generate_private_key()
    template = base / "template" / "so.sqlite"
    ws = create_receiver(template, "Sở Nội vụ tỉnh Hà Tĩnh", "42")
    pub = parse_pub_file(pub_file_text(key.public_key(), UnitIdentity("42", "18544", "Kỳ Phong"), "k", "now"))
    ws.exchange.enrol(pub, pub.fingerprint)
    ws.close()
    folder = base / "packages"
    for index in range(SERIES):
        year = 2001 + index
        kind, period = ("report", "Q1") if index % 2 else ("plan", None)
        data = report_data(year, "Q1", tasks=20, indicators=8) if period else plan_data(year, tasks=20, indicators=8)
        _, first = build(folder, key, kind, year, data, period=period)
        if index % 2 == 0:
            build(folder, key, kind, year, data, period=period, revision=2, supersedes=first)
    return template, folder, len(list(folder.glob("*.cchc")))


def _import_command(db: Path, folder: Path) -> list[str]:
    return [sys.executable, str(ROOT / "main.py"), "package", "import", "--db", str(db), str(folder)]


def _applied(db: Path) -> int:
    """How many packages are recorded, after checking each is complete (its rows all there, or none)."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        rows = conn.execute("SELECT * FROM received_packages").fetchall()
        for row in rows:
            counts = [
                conn.execute(f"SELECT count(*) FROM {t} WHERE package_row_id = ?", [row["id"]]).fetchone()[0]
                for t in ("received_tasks", "received_indicators")
            ]
            if row["state"] == "current":
                data = json.loads(stored_data_json(row))
                body = data["plan"] if row["kind"] == "plan" else data["report"]
                assert counts == [len(body["tasks"]), len(body["indicators"])], row["package_id"]
            else:
                assert counts == [0, 0]
        return len(rows)
    finally:
        conn.close()


def _import_debris(db: Path) -> list[str]:
    store = db.parent / f"{db.stem}-goi-da-nhan"
    conn = sqlite3.connect(db)
    try:
        named = {row[0] for row in conn.execute("SELECT stored_file FROM received_packages")}
    finally:
        conn.close()
    left = [p.name for p in store.glob(".incoming-*")] if store.exists() else []
    left += [p.name for p in store.glob("*.cchc") if p.name not in named] if store.exists() else []
    backups = db.parent / "backups"
    left += [p.name for p in backups.iterdir() if not p.name.endswith(".sqlite")] if backups.exists() else []
    return left


def import_trial(template: Path, folder: Path, total: int, where: Path, delay: float, tally: Tally) -> None:
    where.mkdir(parents=True)
    db = where / "so.sqlite"
    shutil.copy(template, db)
    process = subprocess.Popen(_import_command(db, folder), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    _kill_after(process, delay, first_line=True)
    process.communicate()
    intact = _intact(db)
    applied = _applied(db) if intact else -1
    debris = _import_debris(db)
    done = subprocess.run(_import_command(db, folder), capture_output=True)
    after = _import_debris(db)
    complete = _applied(db) == total and done.returncode == 0
    with tally.lock:
        tally.trials += 1
        tally.landed += 0 < applied < total
        tally.intact += intact
        tally.debris_after_kill += len(debris)
        tally.debris_after_restart += len(after)
        tally.lost += not complete
        if after or not complete:
            refused = [line for line in done.stdout.decode().splitlines() if line.startswith("Không nhận")]
            tally.notes.append(f"import {where.name}: after next start {after}, complete {complete} {refused[:2]}")


# Edits ###################################################################

_EDITOR = """
import sys
from cchc_desktop.workspace import Workspace
ws = Workspace.open(sys.argv[1])
plan = ws.plans.current(2026)  # the amendment draft: its tasks can be edited
tasks = [t.id for t in ws.plans.aggregate(plan.id).tasks][:5]
n = 0
while True:
    n += 1
    ws.edit("task", tasks[n % len(tasks)], "content", f"Nội dung sửa lần {n}")
    print(n, tasks[n % len(tasks)], flush=True)
"""


def _editable_copy(demo: Path, where: Path) -> Path:
    """A copy of the demo commune (its 2026 plan has an amendment draft whose tasks can be edited)."""
    where.mkdir(parents=True)
    db = where / "xa.sqlite"
    shutil.copy(demo, db)
    return db


def edit_trial(template: Path, where: Path, delay: float, tally: Tally) -> None:
    db = _editable_copy(template, where)
    process = subprocess.Popen(
        [sys.executable, "-c", _EDITOR, str(db)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    _kill_after(process, delay)
    out = process.communicate()[0].decode().split()
    committed = [(int(out[i]), int(out[i + 1])) for i in range(0, len(out) - 1, 2)]
    intact = _intact(db)
    kept = True
    if intact and committed:
        number, task = committed[-1]
        conn = sqlite3.connect(db)
        try:
            content = conn.execute("SELECT content FROM tasks WHERE id = ?", [task]).fetchone()[0]
        finally:
            conn.close()
        kept = content.startswith("Nội dung sửa lần ") and int(content.rsplit(" ", 1)[1]) >= number
    with tally.lock:
        tally.trials += 1
        tally.landed += bool(committed)
        tally.intact += intact
        tally.lost += not kept
        if not kept:
            tally.notes.append(f"edit {where.name}: last committed edit {committed[-1]} not found")


# Exports #################################################################

_EXPORTER = """
import sys
from cchc_desktop.workspace import Workspace
ws = Workspace.open(sys.argv[1])
while True:
    result = ws.exchange.export("plan", 2026, None, sys.argv[2], sys.argv[3])
    print(result.manifest.revision, flush=True)
"""


def export_trial(template: Path, where: Path, delay: float, tally: Tally) -> None:
    where.mkdir(parents=True)
    db = where / "xa.sqlite"
    shutil.copy(template, db)
    usb = where / "usb"
    usb.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-c", _EXPORTER, str(db), str(usb), PASSPHRASE],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    _kill_after(process, delay)
    printed = process.communicate()[0].split()
    intact = _intact(db)
    ws = Workspace.open(db)
    try:
        recorded = {row["package_id"]: row["revision"] for row in ws.exchange.outbox()}
        files = []
        for path in usb.glob("*.cchc"):
            with zipfile.ZipFile(path) as archive:
                files.append(json.loads(archive.read("manifest.json")))
        orphans = [m["revision"] for m in files if recorded.get(m["package_id"]) != m["revision"]]
        parts = [p.name for p in usb.iterdir() if not p.name.endswith(".cchc")]
        nxt = ws.exchange.export("plan", 2026, None, usb, PASSPHRASE).manifest.revision
        reused = any(m["revision"] >= nxt for m in files)
    finally:
        ws.close()
    with tally.lock:
        tally.trials += 1
        tally.landed += bool(printed)
        tally.intact += intact
        tally.debris_after_kill += len(parts)
        tally.lost += bool(orphans) or reused
        if orphans or reused or parts:
            tally.notes.append(f"export {where.name}: unrecorded {orphans}, reused {reused}, temporary {parts}")


def _commune(base: Path) -> Path:
    from cchc_desktop.demo import create_demo

    path = base / "demo" / "xa.sqlite"
    path.parent.mkdir()
    ws = create_demo(path, year=2026)
    ws.exchange.create_key(PASSPHRASE, PASSPHRASE)
    ws.plans.amend(ws.plans.in_force(2026).id, reason="Điều chỉnh để thử")  # a draft to edit; the issued plan exports
    ws.close()
    return path


def _span(command: list[str]) -> float:
    """How long an import runs from its first result line to its end."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert process.stdout is not None
    process.stdout.readline()
    start = time.perf_counter()
    process.communicate()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--imports", type=int, default=60)
    parser.add_argument("--edits", type=int, default=60)
    parser.add_argument("--exports", type=int, default=30)
    parser.add_argument("--parallel", type=int, default=4)
    parser.add_argument("--seed", type=int, default=20260413)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    base = Path(tempfile.mkdtemp(prefix="kill-"))
    try:
        template, folder, total = _receiver_setting(base)
        probe = base / "probe" / "so.sqlite"
        probe.parent.mkdir()
        shutil.copy(template, probe)
        span = _span(_import_command(probe, folder))
        commune = _commune(base)
        tallies = {"imports": Tally(), "edits": Tally(), "exports": Tally()}
        with ThreadPoolExecutor(args.parallel) as pool:
            jobs = [
                pool.submit(
                    import_trial,
                    template,
                    folder,
                    total,
                    base / f"i{n}",
                    rng.uniform(0, span * 1.3),
                    tallies["imports"],
                )
                for n in range(args.imports)
            ]
            jobs += [
                pool.submit(edit_trial, commune, base / f"e{n}", rng.uniform(0.4, 2.5), tallies["edits"])
                for n in range(args.edits)
            ]
            jobs += [
                pool.submit(export_trial, commune, base / f"x{n}", rng.uniform(1.0, 8.0), tallies["exports"])
                for n in range(args.exports)
            ]
            for job in jobs:
                job.result()
        print(f"import of {total} packages takes {span:.2f} s uninterrupted")
        for kind, tally in tallies.items():
            print(tally.line(kind))
            for note in tally.notes[:10]:
                print("   ", note)
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
