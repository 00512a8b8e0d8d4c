"""cchc-desktop: open the GUI, or run a command (``python main.py --help``)."""

import multiprocessing
import sys

from cchc_desktop.cli.entry import wants_gui

if __name__ == "__main__":
    multiprocessing.freeze_support()  # large imports verify packages in worker processes (Windows build)
    if wants_gui(sys.argv[1:]):
        from ui.app import run_gui

        raise SystemExit(run_gui(sys.argv[1:]))
    from cchc_desktop.cli.main import run

    raise SystemExit(run(sys.argv[1:]))
