"""Kill the app's core with SIGKILL at random moments, hundreds of times, and check nothing is lost.

Three kinds of work are killed, on real files, each kill in a process of its own:
- edits: a process opens a commune's file as the window does (its lock, the day's backup), then saves
  edits, inserts rows and makes backups, printing each after its commit; it is killed at a random
  moment (while starting, opening, saving or backing up) and the next one takes the stale lock over;
- imports: ``main.py package import`` into a copy of a receiver's file, killed part-way;
- creations: ``main.py receiver init``, killed while the file is being made.
After every kill: PRAGMA integrity_check on the file and on every backup; every edit printed before
the kill is in the file (the one in flight may be too); every package reported imported is there
whole; a killed creation left either nothing or a complete file under its name. Every tenth killed
import is run again to the end and must then hold every package.

Not part of the test suite (it runs for minutes):
    .venv/bin/python scripts/kill_edits.py                 # 300 kills
    .venv/bin/python scripts/kill_edits.py --kills 60 --seed 7
"""

from __future__ import annotations

import argparse
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
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# ruff: noqa: E402 - the repository root goes on sys.path before the project's imports

from cchc_desktop.exchange.format import generate_private_key
from cchc_desktop.exchange.format.pubfile import UnitIdentity, parse_pub_file, pub_file_text
from cchc_desktop.kernel.store import backups as backup_files
from cchc_desktop.profile.model import UnitProfile
from cchc_desktop.workspace import Workspace, create_receiver
from tests.exchange.craft import build, plan_data, report_data

KEEP = 5
PROFILE = {
    "unit_type": "xa",
    "name": "Kỳ Phong",
    "province_code": "42",
    "commune_code": "18544",
    "place_name": "Kỳ Phong",
    "receiver_name": "Sở Nội vụ tỉnh Hà Tĩnh",
    "focal_name": "Lê Thị Mai",
}


# The process that edits (run by this script as its own child) ###########


def edit_worker(db: Path, start: int) -> None:
    ws = Workspace.open(db, lock="open")  # as the window: a lock left by the killed one is taken over
    ws.backups.daily()
    plan = ws.plans.current(2026)
    print("ready", flush=True)
    step = start
    while True:
        value = f"sửa {step}"
        if step % 10 == 0:
            change = ws.insert("task", plan.id, {"content": f"mới {step}"})
            print(f"insert {step} {change.changes[0].row_id} mới {step}", flush=True)
        elif step % 25 == 1:
            made = ws.backups.before("manual")
            print(f"backup {step} {made.name}", flush=True)
        else:
            ids = [row.id for row in ws.children("task", plan.id)]
            target = ids[step % len(ids)]
            ws.edit("task", target, "content", value)
            print(f"edit {step} {target} {value}", flush=True)
        step += 1


# Set-up #################################################################


def make_commune(path: Path) -> None:
    def fill(ws: Workspace) -> None:
        ws.profile.save(UnitProfile.from_dict(PROFILE))
        ws.set_actor("Lê Thị Mai")
        ws.plans.create(2026, "framework")
        ws.backups.set_keep(KEEP)

    Workspace.create(path, fill).close()


def make_receiver(base: Path) -> tuple[Path, Path, int]:
    key = generate_private_key()
    template = base / "receiver" / "so.sqlite"
    template.parent.mkdir(parents=True)
    ws = create_receiver(template, "Sở Nội vụ tỉnh Hà Tĩnh", "42")
    pub = parse_pub_file(pub_file_text(key.public_key(), UnitIdentity("42", "18544", "Kỳ Phong"), "k", "now"))
    ws.exchange.enrol(pub, pub.fingerprint)
    ws.close()
    folder = base / "packages"
    for index in range(18):
        year = 2001 + index
        if index % 2:
            _, first = build(folder, key, "report", year, report_data(year, "Q1", tasks=6, indicators=4), period="Q1")
        else:
            data = plan_data(year, tasks=6, indicators=4)
            _, first = build(folder, key, "plan", year, data)
            if index % 3 == 0:
                build(folder, key, "plan", year, data, revision=2, supersedes=first)
    return template, folder, len(list(folder.glob("*.cchc")))


# Checks #################################################################


def integrity(path: Path) -> bool:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


@dataclass
class Tally:
    kills: dict[str, int] = field(default_factory=lambda: {"edits": 0, "imports": 0, "creations": 0})
    survived: int = 0
    failures: list[str] = field(default_factory=list)
    acknowledged_edits: int = 0
    in_flight_found: int = 0
    acknowledged_imports: int = 0
    resumed: int = 0
    backups_checked: int = 0
    stale_locks: int = 0
    debris: dict[str, int] = field(default_factory=lambda: {"backup .part": 0, ".incoming-*": 0, "creation .part": 0})

    def fail(self, what: str) -> None:
        self.failures.append(what)
        print("FAILED:", what, flush=True)


def check_backups(db: Path, tally: Tally) -> list[str]:
    problems = []
    listed = backup_files.list_backups(db)
    if len(listed) > KEEP + 1:  # one more only while a kill fell between a backup and the pruning
        problems.append(f"{len(listed)} backups kept, more than {KEEP}")
    for backup in listed:
        tally.backups_checked += 1
        if not integrity(backup.path):
            problems.append(f"backup {backup.path.name} damaged")
    return problems


# Rounds #################################################################


def _run_and_kill(command: list[str], delay: float, lines: list[str], after: Path | None = None) -> bool:
    """Run ``command``, SIGKILL it ``delay`` seconds after its start (or after a file matching the
    pattern ``after`` appears); whether it was killed (False: it had ended by itself)."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    reader = threading.Thread(target=lambda: lines.extend(line.rstrip("\n") for line in process.stdout))
    reader.start()
    deadline = time.monotonic() + 20
    while after is not None and not list(after.parent.glob(after.name)) and process.poll() is None:
        if time.monotonic() > deadline:
            break
        time.sleep(0.002)
    time.sleep(delay)
    killed = process.poll() is None
    if killed:
        process.send_signal(signal.SIGKILL)
    process.wait()
    reader.join()
    return killed


@dataclass
class EditState:
    db: Path
    next_step: int = 1
    acknowledged: dict[int, str] = field(default_factory=dict)


def round_edits(state: EditState, rng: random.Random, tally: Tally) -> None:
    lines: list[str] = []
    command = [sys.executable, __file__, "--edit-worker", str(state.db), "--start", str(state.next_step)]
    stale_lock = (state.db.parent / (state.db.name + ".lock")).exists()
    killed = _run_and_kill(command, rng.uniform(0.1, 2.5), lines)
    tally.kills["edits"] += 1
    if not killed:  # the worker edits until killed: ending by itself means it could not open the file
        _record(tally, "edits", ["the editing process ended by itself (file in use? damaged?)"])
        return
    tally.stale_locks += stale_lock and "ready" in lines
    last = state.next_step - 1
    for line in lines:
        kind, step, *rest = line.split(" ", 2) if line != "ready" else ("ready", "0")
        if kind in ("edit", "insert"):
            row, value = rest[0].split(" ", 1)
            state.acknowledged[int(row)] = value
            tally.acknowledged_edits += 1
        last = max(last, int(step))
    in_flight = {f"sửa {last + 1}", f"mới {last + 1}"}
    problems = [] if integrity(state.db) else ["file damaged"]
    conn = sqlite3.connect(state.db)
    stored = dict(conn.execute("SELECT id, content FROM tasks").fetchall())
    conn.close()
    for row, value in state.acknowledged.items():
        if stored.get(row) == value:
            continue
        if stored.get(row) in in_flight:  # committed, killed before it could say so
            state.acknowledged[row] = stored[row]
            tally.in_flight_found += 1
            continue
        problems.append(f"row {row}: {value!r} acknowledged, {stored.get(row)!r} stored")
    for row, value in stored.items():
        if value in in_flight and row not in state.acknowledged:
            state.acknowledged[row] = value  # an insert in flight that committed
            tally.in_flight_found += 1
    problems += check_backups(state.db, tally)
    tally.debris["backup .part"] = len(list((state.db.parent / "backups").glob(".*.part")))
    state.next_step = last + 2  # the step in flight may have committed: never reuse its value
    _record(tally, "edits", problems)


def round_import(template: Path, folder: Path, total: int, span: float, where: Path, resume: bool, rng, tally) -> None:
    where.mkdir(parents=True)
    db = where / "so.sqlite"
    shutil.copy(template, db)
    lines: list[str] = []
    command = [sys.executable, "main.py", "package", "import", "--db", str(db), str(folder)]
    _run_and_kill(command, rng.uniform(0.0, span), lines)
    tally.kills["imports"] += 1
    acknowledged = sum(line.startswith(("Đã nhận:", "Đã thay lần gửi")) for line in lines)
    tally.acknowledged_imports += acknowledged
    problems = [] if integrity(db) else ["file damaged"]
    conn = sqlite3.connect(db)
    applied = conn.execute("SELECT count(*) FROM import_log").fetchone()[0]
    half = conn.execute(
        "SELECT count(*) FROM received_packages p WHERE state = 'current' AND NOT EXISTS"
        " (SELECT 1 FROM received_tasks t WHERE t.package_row_id = p.id)"
    ).fetchone()[0]
    conn.close()
    if applied < acknowledged:
        problems.append(f"{acknowledged} imports reported, {applied} in the file")
    if half:
        problems.append(f"{half} packages without their rows")
    problems += check_backups(db, tally)
    store = where / "so-goi-da-nhan"
    tally.debris[".incoming-*"] += len(list(store.glob(".incoming-*"))) if store.is_dir() else 0
    if resume and not problems:
        subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        conn = sqlite3.connect(db)
        held = conn.execute("SELECT count(*) FROM import_log WHERE rolled_back_at IS NULL").fetchone()[0]
        conn.close()
        tally.resumed += 1
        if held != total:
            problems.append(f"resumed import holds {held} of {total} packages")
    _record(tally, "imports", problems)


def round_create(where: Path, rng: random.Random, tally: Tally) -> None:
    where.mkdir(parents=True)
    target = where / "so-moi.sqlite"
    command = [
        sys.executable,
        "main.py",
        "receiver",
        "init",
        "--db",
        str(target),
        "--name",
        "Sở Nội vụ",
        "--province",
        "42",
    ]
    if rng.random() < 0.7:  # mostly while the file is being made, otherwise at any moment
        _run_and_kill(command, rng.uniform(0.0, 0.15), [], after=where / ".so-moi.sqlite.*.part")
    else:
        _run_and_kill(command, rng.uniform(0.2, 1.2), [])
    tally.kills["creations"] += 1
    problems = []
    if target.exists():
        if not integrity(target):
            problems.append("created file damaged")
        with Workspace.open(target, read_only=True) as ws:
            if ws.profile.get().mode != "receiver":
                problems.append("a file under the name without its profile")
    tally.debris["creation .part"] += len(list(where.glob(".*.part*")))
    _record(tally, "creations", problems)


def _record(tally: Tally, kind: str, problems: list[str]) -> None:
    if problems:
        tally.fail(f"{kind} kill {tally.kills[kind]}: " + "; ".join(problems))
    else:
        tally.survived += 1


# Main ###################################################################


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=300)
    parser.add_argument("--seed", type=int, default=20261204)
    parser.add_argument("--keep", metavar="FOLDER", help="work in this folder and leave it (default: a temporary one)")
    parser.add_argument("--edit-worker", metavar="DB", help=argparse.SUPPRESS)
    parser.add_argument("--start", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.edit_worker:
        edit_worker(Path(args.edit_worker), args.start)
        return 0
    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="cchc-kill-"))
    base.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    tally = Tally()
    started = time.perf_counter()
    state = EditState(base / "commune" / "xa.sqlite")
    make_commune(state.db)
    template, folder, total = make_receiver(base)
    timing = base / "timing"
    timing.mkdir()
    shutil.copy(template, timing / "so.sqlite")
    begin = time.perf_counter()
    subprocess.run(
        [sys.executable, "main.py", "package", "import", "--db", str(timing / "so.sqlite"), str(folder)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        check=True,
    )
    span = (time.perf_counter() - begin) * 1.2
    plan = ["edits"] * (args.kills // 2) + ["imports"] * (args.kills * 2 // 5)
    plan += ["creations"] * (args.kills - len(plan))
    rng.shuffle(plan)
    for index, kind in enumerate(plan, 1):
        if kind == "edits":
            round_edits(state, rng, tally)
        elif kind == "imports":
            resume = tally.kills["imports"] % 10 == 0
            round_import(template, folder, total, span, base / "imports" / str(index), resume, rng, tally)
        else:
            round_create(base / "creations" / str(index), rng, tally)
        if index % 25 == 0:
            print(f"{index} kills, {tally.survived} survived, {len(tally.failures)} failed", flush=True)
    report(tally, time.perf_counter() - started, total)
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)
    return 1 if tally.failures else 0


def report(tally: Tally, seconds: float, total: int) -> None:
    kills = sum(tally.kills.values())
    print(
        f"\nKills: {kills} (edits {tally.kills['edits']}, imports {tally.kills['imports']},"
        f" creations {tally.kills['creations']}) in {seconds:.0f} s"
    )
    print(f"Survived: {tally.survived} of {kills}: file intact (PRAGMA integrity_check), nothing acknowledged lost")
    print(
        f"Edits acknowledged before their kill: {tally.acknowledged_edits}; committed in flight and found:"
        f" {tally.in_flight_found}"
    )
    print(
        f"Imports acknowledged before their kill: {tally.acknowledged_imports}; killed imports run again to the"
        f" end: {tally.resumed}, each then holding all {total} packages"
    )
    print(
        f"Backups checked intact: {tally.backups_checked}; locks left by a killed process and taken over by the"
        f" next: {tally.stale_locks}"
    )
    print("Left behind by kills: " + ", ".join(f"{name}: {count}" for name, count in tally.debris.items()))
    for failure in tally.failures:
        print("FAILED:", failure)


if __name__ == "__main__":
    raise SystemExit(main())
