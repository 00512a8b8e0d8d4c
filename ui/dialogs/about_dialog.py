"""Trợ giúp → Giới thiệu: the app's name, version and purpose, where its data is, and the licences of
the fonts and libraries it ships (each licence's text shown when its line is chosen)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from cchc_desktop import __version__
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.licences import Licence, bundled_licences
from cchc_desktop.kernel.paths import resource_path


class AboutDialog(QDialog):
    def __init__(self, data_folder: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("ui.menu.about"))
        self.resize(860, 640)
        logo = QLabel()
        logo.setPixmap(QPixmap(str(resource_path("icons", "cchc-64.png"))))
        logo.setAlignment(Qt.AlignmentFlag.AlignTop)
        heading = QLabel(tr("ui.about.heading", name=tr("app.name"), version=__version__))
        heading.setTextFormat(Qt.TextFormat.RichText)
        text = QLabel(tr("ui.about.text", folder=data_folder))
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        words = QVBoxLayout()
        words.addWidget(heading)
        words.addWidget(text)
        top = QHBoxLayout()
        top.addWidget(logo)
        top.addLayout(words, 1)
        self.licences = bundled_licences()
        self.table = QTableWidget(len(self.licences), 3)
        self.table.setHorizontalHeaderLabels(
            [tr("ui.about.column.name"), tr("ui.about.column.version"), tr("ui.about.column.licence")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        for row, item in enumerate(self.licences):
            for column, value in enumerate((item.name, item.version, item.licence)):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.itemSelectionChanged.connect(self._show_text)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(tr("ui.about.licences")))
        layout.addWidget(self.table, 3)
        layout.addWidget(self.text, 2)
        layout.addWidget(buttons)
        self.table.selectRow(0)

    def chosen(self) -> Licence | None:
        rows = self.table.selectionModel().selectedRows()
        return self.licences[rows[0].row()] if rows else None

    def _show_text(self) -> None:
        chosen = self.chosen()
        self.text.setPlainText(chosen.text() if chosen else "")
        self.text.moveCursor(self.text.textCursor().MoveOperation.Start)
