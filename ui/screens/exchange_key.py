"""Khóa gửi gói: this unit's key — create it, print its enrolment card, rotate it, replace a lost one.

The same box serves a commune and a receiving unit (whose communes enrol its key to take the receipts,
appraisals and frameworks it sends down). The panel that holds it asks for passphrases (``ask``) and
says what happened (``report``); a rotation writes its package to the panel's folder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QFileDialog, QGroupBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout

from cchc_desktop.kernel.i18n import format_datetime, tr

Ask = Callable[..., object]


class KeyBox(QGroupBox):
    def __init__(
        self,
        session,
        ask: Ask,
        report: Callable[[str], None],
        folder: Callable[[], str],
        eml: Callable[[], bool] = lambda: False,
        *,
        can_rotate: bool = True,
        parent=None,
    ) -> None:
        # The office's key seals what goes down to the communes; a commune's, what it sends up.
        self.words = "ui.exchange.key" if can_rotate else "ui.exchange.office_key"
        super().__init__(tr(f"{self.words}.box"), parent)
        self.session, self.ask, self.report, self.folder, self.eml = session, ask, report, folder, eml
        self.can_rotate = can_rotate
        self.key_label = QLabel()
        self.key_label.setWordWrap(True)
        self.fingerprint = QLabel()
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSize(13)
        mono.setWeight(QFont.Weight.Bold)
        self.fingerprint.setFont(mono)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.create_button = QPushButton(tr("ui.exchange.key.create"))
        self.card_button = QPushButton(tr("ui.exchange.key.card"))
        self.rotate_button = QPushButton(tr("ui.exchange.key.rotate"))
        self.lost_button = QPushButton(tr("ui.exchange.key.lost"))
        self.create_button.clicked.connect(self.create_key)
        self.card_button.clicked.connect(self.write_card)
        self.rotate_button.clicked.connect(self.rotate_key)
        self.lost_button.clicked.connect(self.replace_lost_key)
        buttons = QHBoxLayout()
        for button in (self.create_button, self.card_button, self.rotate_button, self.lost_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.key_label)
        layout.addWidget(self.fingerprint)
        layout.addLayout(buttons)

    @property
    def ws(self):
        return self.session.ws

    def refresh(self) -> None:
        info = self.ws.exchange.key_info()
        if info is None:
            self.key_label.setText(tr(f"{self.words}.none"))
        else:
            self.key_label.setText(tr("ui.exchange.key.active", created=format_datetime(info.created_at)))
        self.fingerprint.setText(_two_lines(info.fingerprint) if info else "")
        self.fingerprint.setVisible(info is not None)
        self.create_button.setVisible(info is None)
        for button in (self.card_button, self.lost_button):
            button.setVisible(info is not None)
        self.rotate_button.setVisible(info is not None and self.can_rotate)

    def create_key(self):
        def create(passphrase: str) -> None:
            if self.session.call(self, lambda: self.ws.exchange.create_key(passphrase, passphrase)) is not None:
                self.refresh()

        return self.ask("ui.exchange.key.create.title", "ui.exchange.key.create.explain", create, new=True)

    def replace_lost_key(self):
        answer = QMessageBox.question(self, tr("app.name"), tr("ui.exchange.key.lost.confirm"))
        if answer != QMessageBox.StandardButton.Yes:
            return None

        def replace(passphrase: str) -> None:
            if self.session.call(self, lambda: self.ws.exchange.replace_lost_key(passphrase, passphrase)):
                self.refresh()

        return self.ask("ui.exchange.key.lost", "ui.exchange.key.lost.explain", replace, new=True)

    def rotate_key(self):
        folder = self.folder()
        if not folder or not Path(folder).is_dir():
            self.report(tr("ui.exchange.export.folder.missing"))
            return None

        def with_old(old: str) -> None:
            self.ask(
                "ui.exchange.key.rotate.new",
                "ui.exchange.key.rotate.new.explain",
                lambda new: self._rotate(old, new, folder),
                new=True,
            )

        return self.ask(
            "ui.exchange.key.rotate",
            "ui.exchange.key.rotate.explain",
            with_old,
            check=self.ws.exchange.check_passphrase,
        )

    def _rotate(self, old: str, new: str, folder: str) -> None:
        result = self.session.call(self, lambda: self.ws.exchange.rotate_key(old, new, new, folder, eml=self.eml()))
        if result is not None:
            self.report(tr("ui.exchange.key.rotated", file=str(result.path)))
            self.refresh()

    def write_card(self) -> None:
        start = Path(self.folder() or Path.home()) / self.ws.exchange.default_card_name()
        chosen, _ = QFileDialog.getSaveFileName(self, tr("ui.exchange.key.card"), str(start), "PDF (*.pdf)")
        if chosen:
            paths = self.session.call(self, lambda: self.ws.exchange.write_card(chosen))
            if paths is not None:
                self.report(tr("cli.keys.card.done", card=str(paths[0]), pub=str(paths[1])))


def _two_lines(fingerprint: str) -> str:
    """16 groups as two lines of 8, as the enrolment card prints them (read aloud line by line)."""
    groups = fingerprint.split()
    return " ".join(groups[:8]) + "\n" + " ".join(groups[8:])
