"""A question with a reason box: OK refuses an empty required reason (submit, reopen, amend)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit

from cchc_desktop.kernel.i18n import tr


class ReasonDialog(QDialog):
    def __init__(self, title: str, text: str, reason_label: str, reason_required: bool, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.required = reason_required
        self.message = QLabel(text)
        self.message.setWordWrap(True)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setTabChangesFocus(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #a4262c;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.form = QFormLayout(self)
        self.form.addRow(self.message)
        self.add_fields(self.form)
        if reason_label:
            self.form.addRow(reason_label, self.reason_edit)
        else:
            self.reason_edit.hide()
        self.form.addRow(self.error)
        self.form.addRow(buttons)

    def add_fields(self, form: QFormLayout) -> None:
        """Subclasses add their own fields above the reason."""

    @property
    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def check(self) -> str:
        """An error message that keeps the dialog open, or "" to accept."""
        if self.required and not self.reason:
            self.reason_edit.setFocus()
            return tr("ui.report.reason.required")
        return ""

    def _accept(self) -> None:
        problem = self.check()
        self.error.setText(problem)
        if not problem:
            self.accept()
