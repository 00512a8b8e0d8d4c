"""cchc-desktop: open the GUI, or run a command (``python main.py --help``)."""

import os
import sys

from cchc_desktop.cli.entry import wants_gui

#: The extension of an exchange package; the installer associates it with the app.
PACKAGE_SUFFIX = ".cchc"


def utf8_streams() -> None:
    """Write UTF-8 to stdout and stderr, whatever the console or redirection.

    On Windows, output redirected to a file or a pipe is otherwise encoded with the ANSI code page;
    cp1258 (Vietnamese Windows) cannot encode precomposed letters such as ệ, ủ, ầ, so a command
    would crash half-way. The Windows build also sets UTF-8 mode in the exe; this holds for a run
    from source too. A windowed exe started from cmd has no streams at all (None): printing then
    goes nowhere instead of crashing (cchc-cli.exe is the console twin that shows it).
    """
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the process
        elif hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")


def opens_package(argv: list[str]) -> bool:
    """A single .cchc path (a double-click on a package): open the GUI on it."""
    return len(argv) == 1 and argv[0].lower().endswith(PACKAGE_SUFFIX) and not argv[0].startswith("-")


if __name__ == "__main__":
    utf8_streams()
    argv = sys.argv[1:]
    if wants_gui(argv) or opens_package(argv):
        from ui.app import run_gui

        raise SystemExit(run_gui(argv))
    from cchc_desktop.cli.main import main

    raise SystemExit(main(argv))
