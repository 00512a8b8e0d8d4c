"""Gửi báo cáo tổng hợp lên tỉnh: which year and period; the district's service says what it holds."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QWidget

from cchc_desktop.kernel.i18n import tr


class RollupDialog(QDialog):
    """Year and period of the consolidation to send; the periods are those of the year's calendar."""

    def __init__(self, session, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(tr("ui.rollup.dialog.title"))
        profile = session.ws.profile.get()
        intro = QLabel(tr("ui.rollup.dialog.intro", superior=profile.superior_name or "…"))
        intro.setWordWrap(True)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        self.period = QComboBox()
        self.year.valueChanged.connect(self._periods)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(tr("ui.rollup.dialog.year"), self.year)
        form.addRow(tr("ui.rollup.dialog.period"), self.period)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.setMinimumWidth(460)
        self._periods()

    def _periods(self) -> None:
        self.period.clear()
        for period in self.session.ws.reports.calendar(self.year.value()):
            self.period.addItem(period.label, period.code)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.period.count() > 0)

    def choice(self) -> tuple[int, str]:
        return self.year.value(), self.period.currentData() or ""
