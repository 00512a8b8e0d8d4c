"""Điều chỉnh kế hoạch: ask for the amendment's effective date and reason."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit

from cchc_desktop.i18n import format_date, parse_date, tr


class AmendPlanDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("ui.plan.amend"))
        self.date_edit = QLineEdit(format_date(dt.date.today()))
        self.date_edit.setPlaceholderText(tr("ui.date.placeholder"))
        self.reason_edit = QPlainTextEdit()
        self.error = QLabel()
        self.error.setStyleSheet("color: #a4262c;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(tr("ui.plan.amend.explain")))
        form.addRow(tr("plan.field.effective_date"), self.date_edit)
        form.addRow(tr("plan.field.amendment_reason"), self.reason_edit)
        form.addRow(self.error)
        form.addRow(buttons)

    @property
    def effective_date(self) -> str:
        return self.date_edit.text().strip()

    @property
    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def _accept(self) -> None:
        try:
            parse_date(self.effective_date)
        except ValueError:
            self.error.setText(tr("field.invalid.date", label=tr("plan.field.effective_date"), value=self.effective_date))
            return
        self.accept()
