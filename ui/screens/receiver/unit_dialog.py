"""Thêm đơn vị bằng tay: a unit the official list does not have (a merged unit of older data)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from cchc_desktop.kernel.i18n import tr
from cchc_desktop.receiver.model import UNIT_KINDS


class UnitDialog(QDialog):
    def __init__(self, province_code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("ui.receiver.roster.add.title"))
        self.province = QLineEdit(province_code)
        self.code = QLineEdit()
        self.name = QLineEdit()
        self.kind = QComboBox()
        for kind in UNIT_KINDS:
            self.kind.addItem(tr(f"receiver.unit_type.{kind}"), kind)
        self.valid_from, self.valid_to = QLineEdit(), QLineEdit()
        for box in (self.valid_from, self.valid_to):
            box.setPlaceholderText(tr("ui.date.placeholder"))
        self.note = QLineEdit()
        form = QFormLayout(self)
        for key, widget in (
            ("province", self.province),
            ("code", self.code),
            ("name", self.name),
            ("kind", self.kind),
            ("valid_from", self.valid_from),
            ("valid_to", self.valid_to),
            ("note", self.note),
        ):
            form.addRow(tr(f"ui.receiver.roster.add.{key}"), widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict:
        """What was typed, as typed: the receiver service checks and converts it (dates included)."""
        return {
            "province_code": self.province.text().strip().zfill(2),
            "unit_code": self.code.text().strip(),
            "name": self.name.text(),
            "unit_type": self.kind.currentData(),
            "valid_from": self.valid_from.text(),
            "valid_to": self.valid_to.text(),
            "note": self.note.text(),
        }
