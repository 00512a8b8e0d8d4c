"""Small dialogs of the report screen: submit (with a late reason), reopen (with a reason), add a period."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit

from cchc_desktop.i18n import tr


class _ReasonDialog(QDialog):
    """A question, an optional reason box, OK / Cancel; OK refuses an empty required reason."""

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
        form = QFormLayout(self)
        form.addRow(self.message)
        if reason_label:
            form.addRow(reason_label, self.reason_edit)
        else:
            self.reason_edit.hide()
        form.addRow(self.error)
        form.addRow(buttons)

    @property
    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def _accept(self) -> None:
        if self.required and not self.reason:
            self.error.setText(tr("ui.report.reason.required"))
            self.reason_edit.setFocus()
            return
        self.accept()


class SubmitDialog(_ReasonDialog):
    """Nộp báo cáo: confirm; a late report also needs the reason it is late."""

    def __init__(self, period_label: str, late_days: int, due_text: str, parent=None) -> None:
        text = tr("ui.report.submit.confirm", period=period_label)
        if late_days:
            text += "\n\n" + tr("ui.report.submit.late", days=late_days, due=due_text)
        label = tr("ui.report.submit.late_reason") if late_days else ""
        super().__init__(tr("ui.report.submit"), text, label, bool(late_days), parent)


class ReopenDialog(_ReasonDialog):
    """Mở lại để sửa: always with a reason, which is recorded."""

    def __init__(self, period_label: str, parent=None) -> None:
        super().__init__(tr("ui.report.reopen"), tr("ui.report.reopen.explain", period=period_label),
                         tr("ui.report.reopen.reason"), True, parent)


class AddPeriodDialog(QDialog):
    """Thêm kỳ báo cáo (đột xuất, hằng tháng…): code, name, data window and due date."""

    def __init__(self, suggested_code: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("ui.report.calendar.add"))
        self.edits = {name: QLineEdit() for name in ("code", "name", "start", "end", "due")}
        self.edits["code"].setText(suggested_code)
        for name in ("start", "end", "due"):
            self.edits[name].setPlaceholderText(tr("ui.date.placeholder"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        note = QLabel(tr("ui.report.calendar.add.explain"))
        note.setWordWrap(True)
        form.addRow(note)
        for name, key in (("code", "report.period.col.code"), ("name", "report.period.col.name"),
                          ("start", "report.period.col.start_date"), ("end", "report.period.col.end_date"),
                          ("due", "report.period.col.due_date")):
            form.addRow(tr(key), self.edits[name])
        form.addRow(buttons)

    @property
    def values(self) -> dict[str, str]:
        return {name: edit.text().strip() for name, edit in self.edits.items()}
