"""How much typing a kill -9 loses: the app types into the plan's title (one line) and its purpose
(several lines) at a steady rhythm, is killed at a random moment, and the file is read back.

Outside the test suite (it takes a while). Each round: copy a workspace, start the app offscreen on it
typing one field, kill -9 after 1.5-5 s, compare what was typed by then with what the file holds.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/kill_typing.py --rounds 20
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXT = "Triển khai đồng bộ các nhiệm vụ cải cách hành chính năm 2026 trên địa bàn xã " * 3
CHARS_PER_SECOND = 8


def child(db: Path, field: str, log: Path) -> None:
    """Open the window on ``db`` and type TEXT into ``field`` key by key, noting each key in ``log``."""
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QTimer

    from cchc_desktop.workspace import Workspace
    from tests.ui.keyboard import type_text
    from ui.app import create_application
    from ui.main_window import MainWindow
    from ui.session import Session

    app = create_application()
    ws = Workspace.open(db)
    window = MainWindow(Session(ws))
    window.show()
    window.set_year(2026)
    screen = window.screens["plan"]
    page_index = 0 if field == "title" else 1
    screen.tabs.setCurrentIndex(page_index)
    page = screen.page(page_index)
    widget = page.fields["title"] if field == "title" else page.texts[0]
    widget.setFocus()
    widget.selectAll()
    widget.clear() if field == "title" else widget.setPlainText("")
    out = log.open("w", buffering=1)
    state = {"typed": 0}

    def key() -> None:
        if state["typed"] >= len(TEXT):
            return
        type_text(widget, TEXT[state["typed"]])
        state["typed"] += 1
        out.write(f"{time.monotonic()} {state['typed']}\n")

    timer = QTimer()
    timer.timeout.connect(key)
    timer.start(1000 // CHARS_PER_SECOND)
    app.exec()


def saved_text(db: Path, field: str) -> str:
    sys.path.insert(0, str(ROOT))
    from cchc_desktop.workspace import Workspace

    with Workspace.open(db) as ws:
        plan = ws.plans.current(2026)
        return getattr(plan, "title" if field == "title" else "purpose_text")


def one_round(template: Path, field: str, folder: Path) -> tuple[int, int, float]:
    db = folder / "ws.sqlite"
    for stale in folder.glob("ws.sqlite*"):
        stale.unlink()
    shutil.copy(template, db)
    log = folder / "typed.log"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen([sys.executable, __file__, "--child", str(db), field, str(log)], env=env)
    time.sleep(random.uniform(4.0, 7.5))  # start-up (about 2.5 s) then 1.5-5 s of typing
    killed_at = time.monotonic()
    process.send_signal(signal.SIGKILL)
    process.wait()
    lines = [line.split() for line in log.read_text().splitlines() if line.strip()]
    typed = int(lines[-1][1]) if lines else 0
    first = float(lines[0][0]) if lines else killed_at
    saved = saved_text(db, field).rstrip()
    assert TEXT.startswith(saved), f"the file holds text that was never typed: {saved!r}"
    return typed, len(saved), killed_at - first


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), args.child[1], Path(args.child[2]))
        return
    sys.path.insert(0, str(ROOT))
    from cchc_desktop.demo import create_demo
    from cchc_desktop.workspace import Workspace

    folder = Path(tempfile.mkdtemp(prefix="kill-typing-"))
    template = folder / "demo.sqlite"
    create_demo(template, year=2026).close()
    ws_dir = folder / "run"
    ws_dir.mkdir()
    # A draft plan to type into: the demo's 2026 plan is issued, so an amendment is drafted from it.
    with Workspace.open(template) as ws:
        plan = ws.plans.current(2026)
        ws.plans.amend(plan.id, reason="Đo lượng chữ mất khi máy tắt đột ngột")
    for field in ("title", "purpose"):
        losses = []
        for _ in range(args.rounds):
            typed, saved, seconds = one_round(template, field, ws_dir)
            losses.append(typed - saved)
            print(f"{field}: typed {typed} in {seconds:.1f} s, saved {saved}, lost {typed - saved}", flush=True)
        print(
            f"{field}: {args.rounds} kills, lost per kill: mean {sum(losses) / len(losses):.1f}, max {max(losses)} "
            f"characters (typing {CHARS_PER_SECOND}/s, so at most {max(losses) / CHARS_PER_SECOND:.2f} s)"
        )
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
