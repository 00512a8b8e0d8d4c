"""Điều chỉnh kế hoạch: ask for the amendment's effective date and reason."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QFormLayout, QLineEdit

from cchc_desktop.kernel.i18n import format_date, parse_date, tr
from ui.dialogs.reason_dialog import ReasonDialog


class AmendPlanDialog(ReasonDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(
            tr("ui.plan.amend"), tr("ui.plan.amend.explain"), tr("plan.field.amendment_reason"), False, parent
        )

    def add_fields(self, form: QFormLayout) -> None:
        self.date_edit = QLineEdit(format_date(dt.date.today()))
        self.date_edit.setPlaceholderText(tr("ui.date.placeholder"))
        form.addRow(tr("plan.field.effective_date"), self.date_edit)

    @property
    def effective_date(self) -> str:
        return self.date_edit.text().strip()

    def check(self) -> str:
        try:
            parse_date(self.effective_date)
        except ValueError:
            self.date_edit.setFocus()
            return tr("field.invalid.date", label=tr("plan.field.effective_date"), value=self.effective_date)
        return super().check()
