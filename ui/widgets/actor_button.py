"""Người sử dụng: who is at the keyboard, shown in the status bar and changed from there.

Every change is recorded in the audit trail under this name; officials sharing one office PC
pick their own name here (or in «Cài đặt đơn vị»).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu, QToolButton

from cchc_desktop.kernel.i18n import tr

if TYPE_CHECKING:
    from ui.session import Session


class ActorButton(QToolButton):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAutoRaise(True)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolTip(tr("ui.actor.tip"))
        self.setMenu(QMenu(self))
        self.menu().aboutToShow.connect(self._fill)
        self.session: Session | None = None

    def attach(self, session: Session) -> None:
        self.session = session
        self.refresh()

    def refresh(self) -> None:
        name = self.session.ws.actor if self.session else ""
        self.setText(tr("ui.actor", name=name or "—"))

    def people(self) -> list[str]:
        profile = self.session.ws.profile.get()
        names = [profile.focal_name, profile.chairman_name, *profile.deputies]
        return [n for n in dict.fromkeys(names) if n]

    def _fill(self) -> None:
        from PySide6.QtGui import QAction

        menu = self.menu()
        menu.clear()
        if self.session is None:
            return
        for name in self.people():
            action = QAction(name, menu)
            action.setCheckable(True)
            action.setChecked(name == self.session.ws.actor)
            action.triggered.connect(lambda _=False, n=name: self.choose(n))
            menu.addAction(action)
        menu.addSeparator()
        other = QAction(tr("ui.actor.other"), menu)
        other.triggered.connect(self._ask)
        menu.addAction(other)

    def _ask(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getText(self, tr("ui.actor.other"), tr("ui.profile.actor"))
        if ok and name.strip():
            self.choose(name.strip())

    def choose(self, name: str) -> None:
        if self.session is not None and name != self.session.ws.actor:
            self.session.call(self, lambda: self.session.ws.set_actor(name), structural=True)
            self.refresh()
