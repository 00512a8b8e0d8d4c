"""Start-up benchmark: time to an interactive main window, as a ratio to a bare PySide6 window.

Each sample is a fresh process (Python start-up included), timed from launch by the parent:

* bare   — QApplication + QMainWindow with one label, shown, one event-loop turn;
* window — the app's main window on screen and answering input (the workspace is opened,
           and the first screen built, in the event-loop turn right after);
* ready  — the same process, once the plan of the year is loaded and painted.

The kinds are measured alternately in the same run. Usage:

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/bench_startup.py [runs]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("Kế hoạch cải cách hành chính"))
window.resize(1280, 760)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
print("shown", flush=True)
"""

# The same two stages as ui.app.run_gui: show the window, then attach the workspace.
APP = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from ui.app import attach_workspace, create_application
from ui.main_window import MainWindow
app = create_application()
window = MainWindow()
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
print("shown", flush=True)
ws = attach_workspace(window, Path(sys.argv[1]))
QTimer.singleShot(0, app.quit)
app.exec()
print("ready", flush=True)
ws.close()
"""


#: As installed (and as a PyInstaller build ships it), the app's modules are compiled to bytecode once;
#: a shell with PYTHONDONTWRITEBYTECODE set would otherwise recompile every module on every start.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def sample(code: str, *args: str) -> dict[str, float]:
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=ENV,
    )
    marks = {}
    for line in process.stdout:
        marks[line.strip()] = time.perf_counter() - started
    process.wait()
    return marks


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.sqlite"
        subprocess.run([sys.executable, "main.py", "demo", "--db", str(db)], cwd=ROOT, check=True, capture_output=True)
        subprocess.run([sys.executable, "-m", "compileall", "-q", "cchc_desktop", "ui"], cwd=ROOT, check=True, env=ENV)
        sample(BARE), sample(APP, str(db))  # warm the page cache for both
        bare, window, ready = [], [], []
        for _ in range(runs):
            bare.append(sample(BARE)["shown"])
            marks = sample(APP, str(db))
            window.append(marks["shown"])
            ready.append(marks["ready"])
    b = statistics.median(bare)
    for name, values in (("bare PySide6 window", bare), ("cchc window shown", window), ("cchc plan painted", ready)):
        m = statistics.median(values)
        print(
            f"{name:20}: median {m * 1000:4.0f} ms (min {min(values) * 1000:4.0f}, max {max(values) * 1000:4.0f})"
            f"  ratio {m / b:.2f}x"
        )
    print(f"{runs} runs each, alternating; target for the window: <= 1.30x")


if __name__ == "__main__":
    main()
