"""Does the import's process pool pay off? The same batch imported with worker processes (the
importer's choice for batches of PROCESS_MIN_FILES packages or more) and with the single preparing
thread it uses for small batches (no assertions; numbers for the report).

Usage: .venv/bin/python scripts/bench_import_pool.py [--counts 40,150,400] [--kind report] [--repeat 3]

Packages are generated as by scripts/bench_import.py (reports with 60 tasks, 40 indicators and three
200 KB evidence files each, from 150 communes). Each import runs in a fresh child process on a fresh
copy of the same receiver file; the median of --repeat runs is reported.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import bench_import  # noqa: E402

from cchc_desktop.exchange.format import generate_private_key  # noqa: E402


def child(mode: str, db: Path, folder: Path) -> dict:
    from cchc_desktop.exchange import prefetch

    if mode == "threads":
        prefetch.use_processes = lambda count: False  # the small-batch path, whatever the size
    else:
        prefetch.use_processes = lambda count: (os.cpu_count() or 1) > 1
    return bench_import.child_import(db, folder)


def run_child(mode: str, db: Path, folder: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as installed: bytecode kept
    result = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(db), str(folder)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=env,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--counts", default="40,150,400")
    parser.add_argument("--kind", default="report")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, db, folder = args.child
        print(json.dumps(child(mode, Path(db), Path(folder))))
        return
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", "cchc_desktop"], cwd=ROOT, check=True, env=env)
    print(f"{os.cpu_count()} processors; median of {args.repeat} runs per cell")
    key = generate_private_key()
    work = Path(tempfile.mkdtemp(prefix="bench-pool-"))
    try:
        template = work / "template.sqlite"
        bench_import.make_receiver(template, key)
        for count in (int(c) for c in args.counts.split(",")):
            folder = work / f"{args.kind}-{count}"
            bench_import.generate(folder, args.kind, count, key)
            os.sync()
            line = [f"{count:5d} packages:"]
            for mode in ("processes", "threads"):
                seconds = []
                for run in range(args.repeat):
                    db = work / f"{mode}-{count}-{run}.sqlite"
                    shutil.copy(template, db)
                    start = time.perf_counter()
                    result = run_child(mode, db, folder)
                    wall = time.perf_counter() - start
                    assert result["packages"] == count and result["refused"] == 0, result
                    seconds.append((result["seconds"], wall))
                    db.unlink()
                inner = statistics.median(s for s, _ in seconds)
                wall = statistics.median(w for _, w in seconds)
                line.append(f"{mode} {inner:6.2f} s ({count / inner:6.1f}/s; process wall {wall:5.2f} s)")
            print("  ".join(line), flush=True)
            shutil.rmtree(folder)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
