"""Measure the receiver's consolidation on a whole province (no assertions; numbers for the report).

Usage: .venv/bin/python scripts/bench_receiver.py [--province 38] [--units 166] [--runs 5] [--data DIR]

The data is the receiver's demo built for a large province (Thanh Hóa: 166 communes on the official
list): every unit signs and sends its plan, Quý I, 6-month and Quý III reports and its self-assessment
(five packages a unit, a few missing, late or drafts), and the office imports them all. Building it
takes minutes, so it is kept in ``--data`` (default: a folder in the system's temp directory) and
reused by later runs.

Measured, median of ``--runs``:

* dashboard: open the file, build the main window (offscreen) and show «Tình hình nộp báo cáo» with
  every unit × period cell filled; then the same for «Tổng hợp chỉ tiêu» (Quý III) and «Chấm điểm,
  xếp hạng»; and the core queries alone.
* workbook: the consolidated workbook of Quý III (summary, completeness, indicators, per-unit figures,
  ranking) from the file to bytes; the same workbook's rendering alone; and raw openpyxl writing the
  very same cell values into the same sheets without any styling (the floor).

Targets: dashboard < 1.5 s; workbook < 1.5 s and ≤ 1.3 × raw openpyxl.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# ruff: noqa: E402 - the repository root goes on sys.path before the project's imports

import openpyxl

from cchc_desktop.demo.receiver import create_receiver_demo
from cchc_desktop.workspace import Workspace

YEAR = 2026
PERIOD = "Q3"


def _data(folder: Path, province: str, units: int) -> Path:
    path = folder / f"so-{province}-{units}-{YEAR}.sqlite"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        print(f"Building the data ({units} units of province {province}) into {path} …", flush=True)
        started = time.perf_counter()
        create_receiver_demo(path, year=YEAR, count=units, province=province).close()
        print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)
    return path


def _timed(runs: int, work: Callable[[], object]) -> tuple[float, float]:
    """Median wall time and median CPU time of this process (all its threads): on a machine shared
    with other work the CPU time is the figure that does not depend on the load."""
    walls, cpus = [], []
    for _ in range(runs):
        started, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def _screens(path: Path) -> dict[str, Callable[[], object]]:
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow
    from ui.screen_list import RECEIVER_SCREENS
    from ui.session import Session

    app = QApplication.instance() or QApplication([])
    keys = [key for key, _ in RECEIVER_SCREENS]

    def show(key: str) -> Callable[[], object]:
        def work() -> None:
            window = MainWindow(Session(Workspace.open(path)))
            window.resize(1366, 768)
            window.show()
            window.set_year(YEAR)
            window.nav.setCurrentRow(keys.index(key))
            screen = window.screens[key]
            if key == "indicators" and screen.period.currentData() != PERIOD:
                screen.period.setCurrentIndex(screen.period.findData(PERIOD))
                screen.load_period()
            app.processEvents()
            window.session.ws.close()
            window.deleteLater()
            app.processEvents()

        return work

    return {f"window + «{key}»": show(key) for key in ("completeness", "indicators", "index")}


def _core(path: Path) -> dict[str, Callable[[], object]]:
    def query(name: str) -> Callable[[], object]:
        def work() -> None:
            with Workspace.open(path) as ws:
                if name == "completeness":
                    ws.receiver.completeness(YEAR)
                elif name == "indicators":
                    ws.receiver.indicators(YEAR, PERIOD)
                else:
                    ws.receiver.index(YEAR)

        return work

    return {f"open + {name}": query(name) for name in ("completeness", "indicators", "index")}


def _workbook(path: Path) -> bytes:
    with Workspace.open(path) as ws:
        return ws.letters.prepare_consolidated(YEAR, PERIOD, "xlsx").render(None, None)


def _render_only(path: Path) -> Callable[[], object]:
    with Workspace.open(path) as ws:
        prepared = ws.letters.prepare_consolidated(YEAR, PERIOD, "xlsx")
    return lambda: prepared.render(None, None)


def _raw(workbook: bytes) -> Callable[[], object]:
    """The same cell values, sheet by sheet, written by openpyxl with no style, width or print setup."""
    source = openpyxl.load_workbook(io.BytesIO(workbook), read_only=True)
    sheets = [(ws.title, [list(row) for row in ws.iter_rows(values_only=True)]) for ws in source.worksheets]

    def work() -> bytes:
        book = openpyxl.Workbook()
        book.remove(book.active)
        for title, rows in sheets:
            sheet = book.create_sheet(title)
            for row in rows:
                sheet.append(row)
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()

    return work


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--province", default="38")
    parser.add_argument("--units", type=int, default=166)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "cchc-bench-receiver")
    args = parser.parse_args()
    path = _data(args.data, args.province, args.units)
    with Workspace.open(path) as ws:
        matrix = ws.receiver.completeness(YEAR)
        received = len(ws.exchange.received())
    print(f"{len(matrix.rows)} units × {len(matrix.columns)} columns, {received} packages received")

    results = {**_core(path), **_screens(path)}
    print(f"{'':<34} {'wall':>8}    {'CPU':>8}")
    for name, work in results.items():
        wall, cpu = _timed(args.runs, work)
        print(f"{name:<34} {wall * 1000:8.0f} ms {cpu * 1000:8.0f} ms")

    workbook = _workbook(path)
    cells = sum(
        1 for s in openpyxl.load_workbook(io.BytesIO(workbook), read_only=True).worksheets for r in s.iter_rows()
    )
    whole = _timed(args.runs, lambda: _workbook(path))
    render = _timed(args.runs, _render_only(path))
    raw = _timed(args.runs, _raw(workbook))
    print(f"workbook: {len(workbook) // 1024} KB, {cells} rows")
    for name, (wall, cpu) in (
        ("workbook, file to bytes", whole),
        ("workbook, rendering only", render),
        ("raw openpyxl, same cells", raw),
    ):
        print(f"{name:<34} {wall * 1000:8.0f} ms {cpu * 1000:8.0f} ms")
    print(f"ratio rendering / raw: wall {render[0] / raw[0]:.2f}, CPU {render[1] / raw[1]:.2f}")
    print(f"ratio whole / raw: wall {whole[0] / raw[0]:.2f}, CPU {whole[1] / raw[1]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
