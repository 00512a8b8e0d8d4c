"""Từ nơi nhận (at a commune): enrol the superior's key once, then take what it sends down — receipts
that mark the outbox "đã nhận", appraisals, the year's framework."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from cchc_desktop.kernel.errors import CchcError
from cchc_desktop.kernel.i18n import format_datetime, tr
from ui.dialogs.enrol_dialog import EnrolDialog
from ui.errors import show_error


class SuperiorBox(QGroupBox):
    def __init__(self, session, choose_files, parent=None) -> None:
        super().__init__(tr("ui.exchange.superior.box"), parent)
        self.session = session
        self.dialog: EnrolDialog | None = None
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.enrol_button = QPushButton(tr("ui.exchange.superior.enrol"))
        self.enrol_button.clicked.connect(self.choose_key_file)
        self.import_button = QPushButton(tr("ui.exchange.superior.import"))
        self.import_button.clicked.connect(choose_files)
        row = QHBoxLayout()
        row.addWidget(self.enrol_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(row)

    def refresh(self) -> None:
        exchange = self.session.ws.exchange
        active = [k for k in exchange.superior_keys() if k.status == "active"]
        profile = self.session.ws.profile.get()
        if active:
            key = active[0]
            words = "ui.exchange.superior.enrolled.district" if profile.is_district else "ui.exchange.superior.enrolled"
            text = tr(words, name=key.unit_name, date=format_datetime(key.enrolled_at))
        else:
            superior = profile.superior_name if profile.is_district else profile.receiver_name
            text = tr("ui.exchange.superior.none", name=superior or profile.province_name)
        self.state.setText(text)
        self.import_button.setEnabled(bool(active))

    def choose_key_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, tr("ui.exchange.superior.enrol"), str(Path.home()), tr("ui.exchange.senders.filter")
        )
        if chosen:
            self.enrol_from(Path(chosen))

    def enrol_from(self, source: Path | bytes) -> EnrolDialog | None:
        """The enrolment dialog for the superior's .pub.pem (or its card with the .pub.pem beside it)."""
        try:
            pub = self.session.ws.exchange.read_public_key(source)
        except CchcError as exc:
            show_error(self, exc)
            return None
        self.dialog = EnrolDialog(self, pub)
        self.dialog.accepted.connect(lambda d=self.dialog: self._enrol(d))
        self.dialog.open()
        return self.dialog

    def _enrol(self, dialog: EnrolDialog) -> None:
        exchange = self.session.ws.exchange
        self.session.call(self, lambda: exchange.enrol_superior(dialog.pub, dialog.pub.fingerprint))
        self.refresh()
