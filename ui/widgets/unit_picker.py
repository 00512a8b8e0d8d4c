"""Tìm đơn vị trong danh mục chính thức: type part of a commune's name (diacritics optional, "huong
xuan" finds "Xã Hương Xuân") and pick it from the province's list of the official units (QĐ 19/2025).

The picker only fills the form; every field stays editable, so a unit that is not in the list (one
created since, or data from before the 2025 reorganisation) is entered by hand.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from cchc_desktop.kernel.divisions import Division, communes, search
from cchc_desktop.kernel.i18n import tr

MAX_SHOWN = 200


class UnitPicker(QWidget):
    picked = Signal(object)  # the Division chosen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.province = ""
        self.query = QLineEdit()
        self.query.setPlaceholderText(tr("ui.setup.unit.search.placeholder"))
        self.query.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setMinimumHeight(110)
        self.results.setMaximumHeight(140)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #605e5c;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.query)
        layout.addWidget(self.results)
        layout.addWidget(self.hint)
        self.query.textChanged.connect(self.refresh)
        self.results.itemActivated.connect(self._choose)
        self.results.itemClicked.connect(self._choose)
        self.query.returnPressed.connect(self._choose_first)
        self.refresh()

    def set_province(self, code: str) -> None:
        self.province = code or ""
        self.refresh()

    def refresh(self) -> None:
        self.results.clear()
        if not self.province:
            self.hint.setText(tr("ui.setup.unit.search.province_first"))
            return
        text = self.query.text().strip()
        found = search(text, self.province) if text else list(communes(self.province))
        for division in found[:MAX_SHOWN]:
            item = QListWidgetItem(f"{division.full_name} ({division.code})")
            item.setData(Qt.ItemDataRole.UserRole, division)
            self.results.addItem(item)
        self.hint.setText(
            tr("ui.setup.unit.search.none") if not found else tr("ui.setup.unit.search.count", count=len(found))
        )

    def _choose(self, item: QListWidgetItem) -> None:
        division = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(division, Division):
            self.picked.emit(division)

    def _choose_first(self) -> None:
        if self.results.count():
            self._choose(self.results.item(0))
