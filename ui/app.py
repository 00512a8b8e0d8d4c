"""Start the GUI: fonts, Vietnamese Qt words, open the workspace, first-run wizard, main window."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.paths import data_dir, default_workspace_path
from cchc_desktop.kernel.workspace_errors import WorkspaceInUseError
from ui import collector, preferences
from ui.errors import show_error
from ui.fonts import install_ui_font
from ui.icons import app_icon
from ui.qt_vi import VietnameseQtTranslator

if TYPE_CHECKING:
    from cchc_desktop.workspace import Workspace


def create_application(argv: list[str] | None = None) -> QApplication:
    _skip_feature_scan()
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName("cchc")
    app.setApplicationDisplayName(tr("app.name"))
    app.setWindowIcon(app_icon())
    translator = VietnameseQtTranslator(app)
    app.installTranslator(translator)
    install_ui_font(app)
    collector.install(app)
    return app


def _skip_feature_scan() -> None:
    """PySide6 reads the source of every module imported after it, looking for ``from __feature__``;
    it does so in worker threads too (a job's first PDF imports ReportLab's modules there), where the
    scan has been seen to corrupt memory and crash the app later in the main thread. The app uses no
    ``__feature__`` (snake_case, true_property), so every module is one that ignores them."""
    try:
        import shibokensupport.feature as feature  # type: ignore[import-not-found]
    except ImportError:  # a PySide6 without the feature switch: nothing scans
        return
    feature._mod_uses_pyside = lambda module: False


def open_workspace_gui(path: Path, *, new: bool = False) -> Workspace | None:
    """Open ``path``; a new file (none there yet, or ``new``: the user asked for one, which may take
    the place of an empty file) is made once the setup wizard is filled in, and cancelling it leaves
    no file. On failure explain and let the user pick another file; None when the user gives up."""
    from cchc_desktop.workspace import Workspace

    while True:
        try:
            if new or not path.exists():
                return create_with_wizard(path)
            return Workspace.open(path, lock="open")
        except WorkspaceInUseError as exc:
            choice = ask_in_use(str(exc))
            if choice == "view":
                return _open_to_view(path)
            if choice == "close":
                return None
        except Exception as exc:
            show_error(None, exc)
        new = False
        chosen = _choose_file(path.parent)
        if chosen is None:
            return None
        path = chosen


def _open_to_view(path: Path) -> Workspace | None:
    from cchc_desktop.workspace import Workspace

    try:
        return Workspace.open(path, read_only=True)
    except Exception as exc:
        show_error(None, exc)
        return None


def _choose_file(folder: Path) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    chosen, _ = QFileDialog.getOpenFileName(None, tr("ui.open.title"), str(folder), tr("ui.open.filter"))
    return Path(chosen) if chosen else None


def _ask_in_use(message: str) -> str:
    """The file is open in another copy of the app: "view" it only, choose an "other" file, or "close"."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, tr("ui.in_use.title"), message)
    view = box.addButton(tr("ui.in_use.view"), QMessageBox.ButtonRole.AcceptRole)
    other = box.addButton(tr("ui.in_use.other"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(tr("ui.close"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    return "view" if clicked is view else "other" if clicked is other else "close"


#: How the choice is asked; tests replace it.
ask_in_use: Callable[[str], str] = _ask_in_use


def create_with_wizard(path: Path, parent=None) -> Workspace | None:
    """A new file: the setup wizard first, then the file is made with the unit profile in one go (it
    exists only once complete). None when the user cancels: nothing is left behind."""
    from cchc_desktop.workspace import Workspace, create_receiver
    from ui.dialogs.setup_wizard import SetupWizard

    wizard = SetupWizard(parent=parent)
    while wizard.exec():
        profile = wizard.result_profile()
        try:
            if wizard.is_receiver:
                return create_receiver(
                    path, profile.name, profile.province_code, profile.receiver_level, roster=True, lock="open"
                )
            return Workspace.create(path, lambda ws, chosen=profile: _first_profile(ws, chosen), lock="open")
        except Exception as exc:
            show_error(wizard, exc)
    return None


def _first_profile(ws: Workspace, profile) -> None:
    saved = ws.profile.save(profile)
    ws.set_actor(saved.focal_name)


def ensure_profile(session) -> bool:
    """A file without a unit profile (made by hand or by an older version): the setup wizard.
    Returns False when the user gives up."""
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


def start_path(db: str | None) -> Path:
    """The file the window opens: the one named, else the usual data file in the per-user data folder
    (also when another file was open last time: a double-clicked package is received there; the other
    files are a click away in Tệp → Tệp gần đây)."""
    return Path(db) if db else default_workspace_path()


def run_gui(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--db")
    parser.add_argument("package", nargs="?")  # a .cchc file to open (main.opens_package)
    args, _ = parser.parse_known_args(argv)
    logging.basicConfig(filename=str(data_dir() / "cchc.log"), level=logging.WARNING)
    app = create_application()
    from ui.main_window import MainWindow

    window = MainWindow()
    preferences.restore_window(window)  # where it was last time (the default size on a first run)
    window.show()
    opened: list[Workspace] = []

    def second_stage() -> None:
        ws = attach_workspace(window, start_path(args.db))
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
