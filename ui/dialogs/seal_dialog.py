"""Niêm phong gói bằng chứng thư số: choose the unit's certificate (a token or a .p12 file) and its PIN.

Opened with ``open()`` like the passphrase dialog; ``accepted`` carries on with ``credentials``. The
PIN is checked by the token when the package is sealed, off the UI thread: a wrong one comes back as
the token tells it (with the tries left when it says).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from cchc_desktop.kernel.i18n import tr
from cchc_desktop.signing.keys import token_keys
from cchc_desktop.signing.task import Credentials
from ui.dialogs.sign_dialog import KeyPicker


class SealDialog(QDialog):
    def __init__(self, parent, unit: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("ui.exchange.seal.title"))
        keys = token_keys()
        explain = QLabel(tr("ui.exchange.seal.explain", unit=unit))
        explain.setWordWrap(True)
        self.none = QLabel(tr("ui.sign.key.none"))
        self.none.setWordWrap(True)
        self.none.setVisible(not keys)
        self.picker = KeyPicker(tr("ui.exchange.seal.key"), keys)
        self.error = QLabel()
        self.error.setStyleSheet("color: #a4262c;")
        refresh = QPushButton(tr("ui.sign.refresh"))
        refresh.clicked.connect(self.find_keys)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (explain, self.none, self.picker, self.error):
            layout.addWidget(widget)
        bottom = QHBoxLayout()
        bottom.addWidget(refresh)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.setMinimumWidth(520)

    def find_keys(self) -> None:
        keys = token_keys()
        self.none.setVisible(not keys)
        self.picker.fill(keys)

    @property
    def credentials(self) -> Credentials | None:
        return self.picker.credentials()

    def try_accept(self) -> None:
        chosen = self.credentials
        if chosen is None:
            self.error.setText(tr("ui.exchange.seal.key_missing"))
        elif not chosen.secret:
            self.error.setText(tr("ui.exchange.seal.pin_missing"))
        else:
            self.accept()
