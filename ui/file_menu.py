"""The window's menus: open another file, create a new one, back up, quit, about."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu

from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.paths import data_dir
from cchc_desktop.workspace import Workspace
from ui import preferences

if TYPE_CHECKING:
    from ui.main_window import MainWindow

_FILTER_KEY = "ui.open.filter"


def build_menus(window: MainWindow) -> None:
    file_menu = window.menuBar().addMenu(tr("ui.menu.file"))
    _add(window, file_menu, "ui.menu.open", lambda: open_other(window), "Ctrl+O")
    _add(window, file_menu, "ui.menu.new", lambda: create_new(window))
    _add(window, file_menu, "ui.menu.save", window.save_now, "Ctrl+S")
    recent = file_menu.addMenu(tr("ui.menu.recent"))
    recent.aboutToShow.connect(lambda: fill_recent(window, recent))
    file_menu.addSeparator()
    _add(window, file_menu, "ui.menu.backup", lambda: backup(window))
    _add(window, file_menu, "ui.menu.restore", lambda: restore(window))
    transfer = file_menu.addMenu(tr("ui.menu.transfer"))
    _add(window, transfer, "ui.menu.transfer.export", lambda: _transfer(window, "export_all"))
    _add(window, transfer, "ui.menu.transfer.import", lambda: _transfer(window, "import_all"))
    _add(window, file_menu, "ui.menu.data_folder", lambda: open_data_folder(window))
    file_menu.addSeparator()
    _add(window, file_menu, "ui.menu.quit", window.close, "Ctrl+Q")
    edit_menu = window.menuBar().addMenu(tr("ui.menu.edit"))
    edit_menu.addAction(window.undo_action)
    edit_menu.addAction(window.redo_action)
    help_menu = window.menuBar().addMenu(tr("ui.menu.help"))
    _add(window, help_menu, "ui.menu.about", lambda: about(window))


def _add(window: MainWindow, menu: QMenu, key: str, slot, shortcut: str = "") -> QAction:
    action = QAction(tr(key), window)
    if shortcut:
        action.setShortcuts([QKeySequence(shortcut)])
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def fill_recent(window: MainWindow, menu: QMenu) -> None:
    """Tệp gần đây: the files opened last, newest first; choosing one opens it."""
    menu.clear()
    files = preferences.recent_files()
    for number, path in enumerate(files, 1):
        action = menu.addAction(tr("ui.recent.item", number=number, file=path.name, folder=str(path.parent)))
        action.triggered.connect(lambda checked=False, chosen=path: window.switch_workspace(chosen))
    if not files:
        menu.addAction(tr("ui.recent.none")).setEnabled(False)


def about(window: MainWindow) -> None:
    from ui.dialogs.about_dialog import AboutDialog

    folder = window.session.ws.path.parent if window.session else data_dir()
    AboutDialog(str(folder), window).exec()


def _transfer(window: MainWindow, action: str) -> None:
    # Imported on use: moving a workspace loads the package store, which the window does not need at start.
    from ui import transfer_actions

    getattr(transfer_actions, action)(window)


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
    if not Workspace.is_free(path):  # an empty file may be used: it holds nothing
        window.session.call(window, lambda: _refuse_existing(path))
        return
    window.switch_workspace(path, new=True)


def _refuse_existing(path: Path) -> None:
    from cchc_desktop.kernel.errors import WorkspaceError

    raise WorkspaceError("ui.new.exists", path=str(path))


def backup(window: MainWindow) -> None:
    if window.session is None:
        return
    ws = window.session.ws
    folder = preferences.last_folder("backup", Path(_folder(window)))
    default = folder / f"{ws.path.stem}-sao-luu-{dt.date.today():%Y%m%d}.sqlite"
    chosen, _ = QFileDialog.getSaveFileName(window, tr("ui.backup.title"), str(default), tr(_FILTER_KEY))
    if chosen:
        preferences.remember_folder("backup", chosen)
        saved = window.session.call(window, lambda: ws.backup_to(chosen))
        if saved is not None:
            window.statusBar().showMessage(tr("ui.backup.done", path=str(saved)), 8000)


def restore(window: MainWindow) -> None:
    if window.session is None:
        return
    from ui.dialogs.restore_dialog import RestoreDialog

    RestoreDialog(window).exec()


def open_data_folder(window: MainWindow) -> None:
    """Mở thư mục dữ liệu: the folder of the open file (its backups beside it), in the file manager."""
    from PySide6.QtCore import QUrl

    from ui.widgets import asking

    folder = window.session.ws.path.parent if window.session else data_dir()
    asking.open_url(QUrl.fromLocalFile(str(folder)))
