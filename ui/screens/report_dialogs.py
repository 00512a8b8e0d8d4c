"""Small dialogs of the report screen: submit (with a late reason), reopen (with a reason), add a period."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from cchc_desktop.kernel.i18n import tr
from ui.dialogs.reason_dialog import ReasonDialog


class SubmitDialog(ReasonDialog):
    """Nộp báo cáo: confirm; a late report also needs the reason it is late."""

    def __init__(self, period_label: str, late_days: int, due_text: str, parent=None) -> None:
        text = tr("ui.report.submit.confirm", period=period_label)
        if late_days:
            text += "\n\n" + tr("ui.report.submit.late", days=late_days, due=due_text)
        label = tr("ui.report.submit.late_reason") if late_days else ""
        super().__init__(tr("ui.report.submit"), text, label, bool(late_days), parent)


class ReopenDialog(ReasonDialog):
    """Mở lại để sửa: always with a reason, which is recorded."""

    def __init__(self, period_label: str, parent=None) -> None:
        super().__init__(
            tr("ui.report.reopen"),
            tr("ui.report.reopen.explain", period=period_label),
            tr("ui.report.reopen.reason"),
            True,
            parent,
        )


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
        for name, key in (
            ("code", "report.period.col.code"),
            ("name", "report.period.col.name"),
            ("start", "report.period.col.start_date"),
            ("end", "report.period.col.end_date"),
            ("due", "report.period.col.due_date"),
        ):
            form.addRow(tr(key), self.edits[name])
        form.addRow(buttons)

    @property
    def values(self) -> dict[str, str]:
        return {name: edit.text().strip() for name, edit in self.edits.items()}
