"""The window's menus: open another file, create a new one, back up, quit, about."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from cchc_desktop import __version__
from cchc_desktop.kernel.i18n import tr

if TYPE_CHECKING:
    from ui.main_window import MainWindow

_FILTER_KEY = "ui.open.filter"


def build_menus(window: MainWindow) -> None:
    file_menu = window.menuBar().addMenu(tr("ui.menu.file"))
    for key, shortcut, slot in (
        ("ui.menu.open", "Ctrl+O", lambda: open_other(window)),
        ("ui.menu.new", "", lambda: create_new(window)),
        ("ui.menu.save", "Ctrl+S", window.save_now),
        ("ui.menu.backup", "", lambda: backup(window)),
        (None, "", None),
        ("ui.menu.quit", "Ctrl+Q", window.close),
    ):
        if key is None:
            file_menu.addSeparator()
            continue
        action = QAction(tr(key), window)
        if shortcut:
            action.setShortcuts([QKeySequence(shortcut)])
        action.triggered.connect(slot)
        file_menu.addAction(action)
    edit_menu = window.menuBar().addMenu(tr("ui.menu.edit"))
    edit_menu.addAction(window.undo_action)
    edit_menu.addAction(window.redo_action)
    help_menu = window.menuBar().addMenu(tr("ui.menu.help"))
    about = QAction(tr("ui.menu.about"), window)
    about.triggered.connect(lambda: QMessageBox.about(window, tr("app.name"), tr("ui.about", version=__version__)))
    help_menu.addAction(about)


def _folder(window: MainWindow) -> str:
    return str(window.session.ws.path.parent) if window.session else str(Path.home())


def open_other(window: MainWindow) -> None:
    chosen, _ = QFileDialog.getOpenFileName(window, tr("ui.open.title"), _folder(window), tr(_FILTER_KEY))
    if chosen:
        window.switch_workspace(Path(chosen))


def create_new(window: MainWindow) -> None:
    chosen, _ = QFileDialog.getSaveFileName(window, tr("ui.new.title"), _folder(window), tr(_FILTER_KEY))
    if not chosen:
        return
    path = Path(chosen if chosen.endswith((".sqlite", ".db")) else chosen + ".sqlite")
    if path.exists():
        window.session.call(window, lambda: _refuse_existing(path))
        return
    window.switch_workspace(path)


def _refuse_existing(path: Path) -> None:
    from cchc_desktop.kernel.errors import WorkspaceError

    raise WorkspaceError("ui.new.exists", path=str(path))


def backup(window: MainWindow) -> None:
    if window.session is None:
        return
    ws = window.session.ws
    default = Path(_folder(window)) / f"{ws.path.stem}-sao-luu-{dt.date.today():%Y%m%d}.sqlite"
    chosen, _ = QFileDialog.getSaveFileName(window, tr("ui.backup.title"), str(default), tr(_FILTER_KEY))
    if chosen:
        saved = window.session.call(window, lambda: ws.backup_to(chosen))
        if saved is not None:
            window.statusBar().showMessage(tr("ui.backup.done", path=str(saved)), 8000)
