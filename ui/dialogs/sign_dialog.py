"""Ký số…: choose the signer's and the agency's keys (a certificate on a token, or a .p12 file), type
their PINs, keep the unit's signature and seal images, sign in the background.

The dialog decides nothing: the service says whether the document may be signed and refuses what is
missing; a wrong PIN comes back from the token with what it tells of the tries left, and the dialog
stays open to try again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.signing.keys import p12_key, token_keys
from cchc_desktop.signing.model import DocumentRef, KeySource, SignedDocument
from cchc_desktop.signing.task import Credentials
from ui.errors import show_error
from ui.jobs import Job, run_job
from ui.session import Session
from ui.widgets import asking

_P12 = "p12"


class KeyPicker(QGroupBox):
    """One signature's key: a certificate found on a token, or a .p12/.pfx file, and its PIN."""

    def __init__(self, title: str, keys: list[KeySource], parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.keys = QComboBox()
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.fill(keys)
        self.keys.activated.connect(self._picked)
        form = QFormLayout(self)
        form.addRow(tr("ui.sign.key"), self.keys)
        form.addRow(tr("ui.sign.pin"), self.pin)

    def fill(self, keys: list[KeySource], chosen: int = 0) -> None:
        self.keys.clear()
        for key in keys:
            self.keys.addItem(key.title, key)
        self.keys.addItem(tr("ui.sign.key.p12"), _P12)
        self.keys.setCurrentIndex(min(chosen, len(keys)) if keys else 0)

    def _picked(self, index: int) -> None:
        if self.keys.itemData(index) != _P12:
            return
        path = asking.open_file(self, tr("ui.sign.key.p12"), tr("ui.sign.p12.filter"))
        if path:
            key = p12_key(path)
            self.keys.insertItem(index, key.title, key)
            self.keys.setCurrentIndex(index)

    def credentials(self) -> Credentials | None:
        key = self.keys.currentData()
        return Credentials(key, self.pin.text()) if isinstance(key, KeySource) else None


class SignDialog(QDialog):
    """Ký số one document: the signer first (signature image), then the agency (seal)."""

    def __init__(self, session: Session, ref: DocumentRef, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.ref, self.what = session, ref, what
        self.job: Job | None = None
        self.signed: SignedDocument | None = None
        self.setWindowTitle(tr("ui.sign.title", what=what))
        keys = token_keys()
        self.note = QLabel(tr("ui.sign.key.none"))
        self.note.setWordWrap(True)
        self.note.setVisible(not keys)
        self.signer = KeyPicker(tr("ui.sign.signer"), keys)
        self.agency = KeyPicker(tr("ui.sign.agency"), keys)
        self.agency.fill(keys, 1 if len(keys) > 1 else 0)
        refresh = QPushButton(tr("ui.sign.refresh"))
        refresh.clicked.connect(self.find_keys)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.sign_button = buttons.addButton(tr("ui.sign.sign"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_button.setDefault(True)
        buttons.accepted.connect(self.sign)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.signer)
        layout.addWidget(self.agency)
        layout.addWidget(self._images())
        bottom = QHBoxLayout()
        bottom.addWidget(refresh)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.resize(620, self.sizeHint().height())

    def _images(self) -> QGroupBox:
        box = QGroupBox(tr("ui.sign.images"))
        form = QFormLayout(box)
        self.image_names: dict[str, QLabel] = {}
        self.seal_size = QDoubleSpinBox()
        self.seal_size.setRange(10, 60)
        self.seal_size.setDecimals(0)
        self.seal_size.setSuffix(" mm")
        for kind in ("signature", "seal"):
            row = QHBoxLayout()
            self.image_names[kind] = QLabel()
            choose = QPushButton(tr("ui.sign.image.choose"))
            choose.clicked.connect(self._chooser(kind))
            row.addWidget(self.image_names[kind], 1)
            row.addWidget(choose)
            form.addRow(tr(f"ui.sign.image.{kind}"), row)
        form.addRow(tr("ui.sign.seal_size"), self.seal_size)
        self._show_images()
        return box

    def _show_images(self) -> None:
        for kind, label in self.image_names.items():
            image = self.session.ws.signing.image(kind)
            label.setText(image.file_name if image else tr("ui.sign.image.none"))
            if kind == "seal":
                self.seal_size.setValue(image.diameter_mm if image and image.diameter_mm else 36)

    def _chooser(self, kind: str) -> Callable[[], None]:
        return lambda: self.choose_image(kind)

    def choose_image(self, kind: str, path: str | None = None) -> None:
        path = path or asking.open_file(self, tr(f"ui.sign.image.{kind}"), tr("ui.sign.image.filter"))
        if not path:
            return
        size = self.seal_size.value() if kind == "seal" else None
        chosen = path
        self.session.call(self, lambda: self.session.ws.signing.set_image(kind, chosen, size))
        self._show_images()

    def find_keys(self) -> None:
        keys = token_keys()
        self.note.setVisible(not keys)
        self.signer.fill(keys)
        self.agency.fill(keys, 1 if len(keys) > 1 else 0)

    # Signing ############################################################

    def sign(self) -> None:
        signer, agency = self.signer.credentials(), self.agency.credentials()
        try:
            if signer is None or agency is None:
                raise ValidationError("ui.sign.key_missing")
            if not signer.secret or not agency.secret:
                raise ValidationError("ui.sign.pin_missing")
            task = self.session.ws.signing.prepare(self.ref)
        except Exception as exc:
            show_error(self, exc)
            return
        self.sign_button.setEnabled(False)
        self.job = run_job(
            self,
            tr("ui.sign.working", what=self.what),
            lambda progress, cancelled: task.run(signer, agency, progress, cancelled),
            self._signed,
        )
        self.job.finished.connect(lambda: self.sign_button.setEnabled(True))

    def _signed(self, result) -> None:
        self.signed = self.session.call(self, lambda: self.session.ws.signing.keep(result))
        if self.signed is not None:
            self.session.notice.emit(
                tr("ui.sign.done", what=self.what, signer=self.signed.signer_name, agency=self.signed.agency_name)
            )
            self.accept()
