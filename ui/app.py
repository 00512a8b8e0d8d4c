"""Start the GUI: fonts, Vietnamese Qt words, open the workspace, first-run wizard, main window."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.paths import data_dir, default_workspace_path
from ui.errors import show_error
from ui.fonts import install_ui_font
from ui.qt_vi import VietnameseQtTranslator

if TYPE_CHECKING:
    from cchc_desktop.workspace import Workspace


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName("cchc")
    app.setApplicationDisplayName(tr("app.name"))
    translator = VietnameseQtTranslator(app)
    app.installTranslator(translator)
    install_ui_font(app)
    return app


def open_workspace_gui(path: Path) -> Workspace | None:
    """Open ``path`` (creating it when new); on failure explain and let the user pick another file."""
    from cchc_desktop.workspace import Workspace

    while True:
        try:
            return Workspace.open(path, create=not path.exists())
        except Exception as exc:
            show_error(None, exc)
            from PySide6.QtWidgets import QFileDialog

            chosen, _ = QFileDialog.getOpenFileName(None, tr("ui.open.title"), str(path.parent), tr("ui.open.filter"))
            if not chosen:
                return None
            path = Path(chosen)


def ensure_profile(session) -> bool:
    """First run: the setup wizard. Returns False when the user gives up."""
    ws = session.ws
    if ws.profile.exists():
        return True
    from ui.dialogs.setup_wizard import SetupWizard

    wizard = SetupWizard()
    while wizard.exec():
        saved = session.call(wizard, lambda: ws.profile.save(wizard.result_profile()), structural=True)
        if saved is not None:
            ws.set_actor(saved.focal_name)
            return True
    return False


def build_main_window(ws: Workspace):
    from ui.main_window import MainWindow
    from ui.session import Session

    session = Session(ws)
    if not ensure_profile(session):
        return None
    window = MainWindow(session)
    return window


def attach_workspace(window, path: Path) -> Workspace | None:
    """Second stage of start-up, run once the window is on screen: open the file, then fill it."""
    ws = open_workspace_gui(path)
    if ws is None:
        return None
    from ui.session import Session

    session = Session(ws, window)
    if not ensure_profile(session):
        ws.close()
        return None
    window.attach(session)
    if ws.profile.get().mode == "receiver":
        ws.exchange.clean_debris()  # what an import killed last time left behind
    return ws


def open_package(window, path: Path) -> None:
    """A package given on the command line (a double-click on a .cchc file): the exchange screen and the
    import preview of that file, nothing imported before the user accepts. A receiver takes its communes'
    packages, a commune what its superior sends down; the preview says why any other is refused."""
    keys = [key for key, _ in window.mode_screens]
    window.nav.setCurrentRow(keys.index("exchange"))
    window.screens["exchange"].panel().import_paths([path])


def run_gui(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--db")
    parser.add_argument("package", nargs="?")  # a .cchc file to open (main.opens_package)
    args, _ = parser.parse_known_args(argv)
    logging.basicConfig(filename=str(data_dir() / "cchc.log"), level=logging.WARNING)
    app = create_application()
    from ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    opened: list[Workspace] = []

    def second_stage() -> None:
        ws = attach_workspace(window, Path(args.db) if args.db else default_workspace_path())
        if ws is None:
            app.exit(1)
            return
        opened.append(ws)
        if args.package:
            open_package(window, Path(args.package))

    QTimer.singleShot(0, second_stage)
    code = app.exec()
    for ws in opened:
        ws.close()
    return code
