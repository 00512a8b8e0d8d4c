"""Gửi / nhận gói: at a commune, the key and sending packages; at a receiver (profile mode "receiver"),
enrolling senders and receiving packages. Files and folders dropped on the screen are received (at a
commune: what its superior sends down)."""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from ui.session import Session


class ExchangeScreen(QWidget):
    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.year = 0
        self.commune = None
        self.receiver = None
        self.stack = QStackedWidget()
        QVBoxLayout(self).addWidget(self.stack)
        self.setAcceptDrops(True)
        session.changed.connect(self._changed)

    @property
    def is_receiver(self) -> bool:
        return self.session.ws.exchange.is_receiver

    def panel(self) -> QWidget:
        """The panel for the file's mode, built on first use."""
        if self.is_receiver:
            if self.receiver is None:
                from ui.screens.exchange_receiver import ReceiverPanel

                self.receiver = ReceiverPanel(self.session, self)
                self.stack.addWidget(self.receiver)
            return self.receiver
        if self.commune is None:
            from ui.screens.exchange_commune import CommunePanel

            self.commune = CommunePanel(self.session, self)
            self.stack.addWidget(self.commune)
        return self.commune

    def set_year(self, year: int) -> None:
        self.year = year
        self.reload()

    def reload(self) -> None:
        if not self.year:
            return
        panel = self.panel()
        self.stack.setCurrentWidget(panel)
        panel.load(self.year)

    def _changed(self, _changes) -> None:
        # Edits elsewhere (a plan cell…) need no work here until the screen is shown again (set_year).
        if self.isVisible():
            self.reload()

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        # A receiver takes its communes' packages; a commune what its superior sends down.
        self.panel().dropEvent(event)
