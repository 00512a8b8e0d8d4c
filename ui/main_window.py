"""The main window: navigation by the work a user does, a year selector, a status bar.

It is only a shell; each screen lives in ``ui/screens`` and is built when first shown. The
window can be shown before the workspace is open (``MainWindow()`` then ``attach(session)``),
so the user sees it at once while the file is opened and the first screen is built.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTime
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.kernel.i18n import tr
from ui import errors as ui_errors
from ui import preferences
from ui.screen_list import SCREENS, screens_for
from ui.widgets.message_bar import MessageBar

if TYPE_CHECKING:
    from ui.session import Session


class _PageLayout(QVBoxLayout):
    """Holds a screen inside the scroll area. It reports no height-for-width, so the area sizes
    the screen by its minimum size: wrapped labels would otherwise make Qt sum preferred heights
    and scroll a screen that fits."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt naming)
        return False


def _scrollable(screen: QWidget) -> QWidget:
    """A screen in a frameless scroll area: on a small display it scrolls instead of pushing the
    window beyond the screen; when it fits, nothing changes."""
    from PySide6.QtWidgets import QFrame, QScrollArea

    page = QWidget()
    layout = _PageLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(screen)
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(page)
    return area


def _holder(screen: QWidget) -> QWidget:
    """The scroll area a screen sits in (screen → page → viewport → area)."""
    return screen.parentWidget().parentWidget().parentWidget()


class MainWindow(QMainWindow):
    def __init__(self, session: Session | None = None) -> None:
        super().__init__()
        self.session: Session | None = None
        self.screens: dict[str, QWidget] = {}
        self.year = dt.date.today().year
        self.setWindowTitle(tr("app.name"))
        self.resize(1280, 760)
        self._build_central()
        self._build_toolbar()
        self._build_status()
        if session is not None:
            self.attach(session)

    def attach(self, session: Session) -> None:
        """Connect the open workspace and show the first screen."""
        if self.menuBar().actions() == []:
            from ui.file_menu import build_menus

            build_menus(self)
        self.session = session
        self.mode_screens = screens_for(session.ws.profile.get().mode)
        self._fill_nav()
        self.year = self._initial_year()
        self._fill_years()
        session.saved.connect(self._saved)
        session.history_changed.connect(self._update_undo)
        session.changed.connect(lambda _: self._show_unit())
        session.notice.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.nav.currentRowChanged.connect(self.show_screen)
        self._show_unit()
        self._update_undo()
        self.nav.setEnabled(True)
        row = self._initial_row()
        self.nav.setCurrentRow(row)
        self.show_screen(row)
        ui_errors.workspace_path = session.ws.path
        preferences.remember_file(session.ws.path)
        read_only = session.ws.read_only_message()
        if read_only is not None:
            self.message_bar.show_message(read_only)
        else:
            self._daily_backup(session.ws.path)

    def _daily_backup(self, path) -> None:
        """On the first use of a day, a backup into the set beside the file, made quietly in the background."""
        from cchc_desktop.kernel.backup_set import BackupSet
        from ui.jobs import run_quiet

        run_quiet(lambda progress, cancelled: BackupSet.daily_of(path))

    def _fill_nav(self) -> None:
        self.nav.clear()
        for key, _ in self.mode_screens:
            label = (
                f"ui.nav.{key}.receiver" if self.mode_screens is not SCREENS and key == "exchange" else f"ui.nav.{key}"
            )
            self.nav.addItem(tr(label))

    def switch_workspace(self, path, *, new: bool = False) -> None:
        """Open another file (Tệp → Mở tệp dữ liệu khác…), or make a new one (``new``); the current
        one stays open if that fails or is cancelled."""
        from ui.app import ensure_profile, open_workspace_gui
        from ui.session import Session

        self._commit_focused()
        if self.session is not None and not new and Path(path).resolve() == self.session.ws.path.resolve():
            return  # already open here
        ws = open_workspace_gui(path, new=new)
        if ws is None:
            return
        session = Session(ws, self)
        if not ensure_profile(session):
            ws.close()
            return
        old = self.session
        self.detach()
        self.attach(session)
        if old is not None:
            old.ws.close()
            old.deleteLater()

    def reload_workspace(self) -> None:
        """Build the screens again on the same file (its content was replaced by a restore)."""
        session = self.session
        if session is None:
            return
        self.detach()
        self.attach(session)

    def detach(self) -> None:
        """Drop the screens built on the current workspace."""
        if self.session is None:
            return
        for signal in (self.session.saved, self.session.history_changed, self.session.changed, self.session.notice):
            signal.disconnect()
        self.nav.currentRowChanged.disconnect(self.show_screen)
        for screen in self.screens.values():
            holder = _holder(screen)
            self.stack.removeWidget(holder)
            holder.deleteLater()
        self.screens.clear()
        self.session = None

    def _initial_year(self) -> int:
        """The year chosen last time, when this file offers it; otherwise the file's own choice."""
        remembered = preferences.last_choice("year")
        plans = self.session.ws.plans
        if remembered.isdigit() and int(remembered) in plans.selectable_years():
            return int(remembered)
        return plans.initial_year()

    def _initial_row(self) -> int:
        """The screen shown last time, when this file has it."""
        keys = [key for key, _ in self.mode_screens]
        remembered = preferences.last_choice("screen")
        return keys.index(remembered) if remembered in keys else 0

    # Building ###########################################################

    def _build_central(self) -> None:
        self.nav = QListWidget()
        self.nav.setFixedWidth(210)
        self.mode_screens = SCREENS
        self._fill_nav()
        self.nav.setEnabled(False)
        self.stack = QStackedWidget()
        self.message_bar = MessageBar()
        right = QVBoxLayout()
        right.addWidget(self.message_bar)
        right.addWidget(self.stack, 1)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addLayout(right, 1)
        self.setCentralWidget(central)

    def _build_toolbar(self) -> None:
        bar = QToolBar(tr("ui.toolbar"))
        bar.setObjectName("toolbar")  # its place is remembered with the window's (preferences.save_window)
        bar.setMovable(False)
        self.addToolBar(bar)
        bar.addWidget(QLabel(tr("ui.year") + " "))
        self.year_box = QComboBox()
        self.year_box.activated.connect(lambda i: self.set_year(self.year_box.itemData(i)))
        bar.addWidget(self.year_box)
        bar.addSeparator()
        # setShortcuts with key strings: the single-shortcut and enum overloads load the whole Qt
        # namespace (~40 ms) before the window can show.
        self.undo_action = QAction(tr("ui.undo"), self)
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.undo_action.triggered.connect(lambda: self.session and self.session.undo(self))
        self.redo_action = QAction(tr("ui.redo"), self)
        self.redo_action.triggered.connect(lambda: self.session and self.session.redo(self))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        for action in (self.undo_action, self.redo_action):
            bar.addAction(action)
            action.setEnabled(False)

    def _fill_years(self) -> None:
        years = sorted(set(self.session.ws.plans.selectable_years()) | {self.year})
        self.year_box.clear()
        for year in years:
            self.year_box.addItem(str(year), year)
        self.year_box.setCurrentIndex(self.year_box.findData(self.year))

    def _build_status(self) -> None:
        self.unit_label = QLabel()
        from ui.widgets.actor_button import ActorButton

        self.actor_label = ActorButton()
        self.saved_label = QLabel()
        status = self.statusBar()
        status.addWidget(self.unit_label)
        status.addWidget(self.actor_label)
        status.addPermanentWidget(self.saved_label)
        self.unit_label.setText(tr("ui.opening"))

    # Behaviour ##########################################################

    def show_screen(self, row: int) -> None:
        if self.session is None or row < 0:
            return
        key, factory = self.mode_screens[row]
        screen = self.screens.get(key)
        if screen is None:
            screen = factory(self.session, self)
            self.screens[key] = screen
            self.stack.addWidget(_scrollable(screen))
        self._load(screen)
        self.stack.setCurrentWidget(_holder(screen))
        preferences.remember_choice("screen", key)

    def _load(self, screen: QWidget) -> None:
        if hasattr(screen, "set_year"):
            screen.set_year(self.year)
        elif hasattr(screen, "load"):
            screen.load()

    def current_screen(self) -> QWidget | None:
        holder = self.stack.currentWidget()
        return next((s for s in self.screens.values() if _holder(s) is holder), None)

    def set_year(self, year: int) -> None:
        self.year = year
        preferences.remember_choice("year", year)
        current = self.current_screen()
        if current is not None and self.session is not None:
            self._load(current)

    def _saved(self) -> None:
        self.saved_label.setText(tr("ui.saved_at", time=QTime.currentTime().toString("HH:mm:ss")))
        self.message_bar.hide()
        self._fill_years()

    def _update_undo(self) -> None:
        history = self.session.ws.history
        self.undo_action.setEnabled(history.can_undo)
        self.redo_action.setEnabled(history.can_redo)
        self.undo_action.setToolTip(tr("ui.undo.tip", what=history.undo_label) if history.can_undo else tr("ui.undo"))
        self.redo_action.setToolTip(tr("ui.redo.tip", what=history.redo_label) if history.can_redo else tr("ui.redo"))

    def _show_unit(self) -> None:
        profile = self.session.ws.profile.get()
        self.unit_label.setText(profile.full_name)
        if self.actor_label.session is not self.session:
            self.actor_label.attach(self.session)
        self.actor_label.refresh()

    def save_now(self) -> None:
        """Ctrl+S: nothing to save by hand; what is being typed is committed and the user is told so."""
        self._commit_focused()
        self.statusBar().showMessage(tr("ui.saved_automatically"), 6000)

    def _commit_focused(self) -> None:
        focused = self.focusWidget()
        if focused is not None and hasattr(focused, "commit"):
            focused.commit()

    def closeEvent(self, event) -> None:  # noqa: N802
        self._commit_focused()
        preferences.save_window(self)
        super().closeEvent(event)
