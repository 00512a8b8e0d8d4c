"""Đăng ký khóa của đơn vị gửi: show the key's fingerprint large, group by group, and enrol it only
after the reviewer says all 16 groups match the signed card (or what the commune read over the phone)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
)

from cchc_desktop.exchange.format.pubfile import PublicKeyFile, UnitIdentity
from cchc_desktop.kernel.errors import CchcError
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.units import UNIT_TYPES, normalise_commune_code


def fingerprint_rows(fingerprint: str) -> str:
    """Four lines of four groups, as on the card."""
    groups = fingerprint.split()
    return "\n".join("   ".join(groups[row * 4 : row * 4 + 4]) for row in range(4))


def _fingerprint_label(fingerprint: str) -> QLabel:
    label = QLabel(fingerprint_rows(fingerprint))
    mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    mono.setPointSize(18)
    mono.setWeight(QFont.Weight.Bold)
    label.setFont(mono)
    label.setStyleSheet("border: 1px solid #555; padding: 10px; background: #fafafa;")
    return label


class EnrolDialog(QDialog):
    def __init__(self, parent, pub: PublicKeyFile, already_enrolled: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("ui.exchange.enrol.title"))
        self.pub = pub
        known = pub.identity
        self.province = QLineEdit(known.province_code if known else "")
        self.unit = QLineEdit(known.unit_code if known else "")
        self.name = QLineEdit(known.unit_name if known else "")
        self.unit_type = QComboBox()
        for code, word in UNIT_TYPES.items():
            self.unit_type.addItem(word, code)
        self.unit_type.setCurrentIndex(max(0, self.unit_type.findData(known.unit_type if known else "xa")))
        self.fingerprint = _fingerprint_label(pub.fingerprint)
        self.confirmed = QCheckBox(tr("ui.exchange.enrol.confirm"))
        self.revoke_old = QCheckBox(tr("ui.exchange.enrol.revoke_old"))
        self.revoke_old.setChecked(already_enrolled)
        self.revoke_old.setVisible(already_enrolled)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a4262c;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.enrol_button = QPushButton(tr("ui.exchange.enrol.button"))
        self.enrol_button.setEnabled(False)
        self.buttons.addButton(self.enrol_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        self.confirmed.toggled.connect(self.enrol_button.setEnabled)
        self._layout()

    def _layout(self) -> None:
        form = QFormLayout(self)
        intro = QLabel(tr("ui.exchange.enrol.intro"))
        intro.setWordWrap(True)
        form.addRow(intro)
        form.addRow(tr("ui.exchange.enrol.province"), self.province)
        form.addRow(tr("ui.exchange.enrol.unit"), self.unit)
        form.addRow(tr("ui.exchange.enrol.name"), self.name)
        form.addRow(tr("ui.exchange.enrol.type"), self.unit_type)
        form.addRow(QLabel(tr("ui.exchange.enrol.fingerprint")))
        form.addRow(self.fingerprint)
        form.addRow(self.confirmed)
        form.addRow(self.revoke_old)
        form.addRow(self.error)
        form.addRow(self.buttons)

    def identity(self) -> UnitIdentity:
        return UnitIdentity(
            self.province.text().strip().zfill(2),
            normalise_commune_code(self.unit.text()),
            self.name.text().strip(),
            self.unit_type.currentData(),
        )

    def try_accept(self) -> None:
        try:
            identity = self.identity()
        except CchcError as exc:
            self.error.setText(str(exc))
            return
        if not identity.valid():
            self.error.setText(tr("exchange.enrol.identity_needed"))
            return
        self.accept()
