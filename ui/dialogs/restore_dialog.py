"""Khôi phục từ bản sao lưu: the backups of the open file with what each holds (unit, years, last
change), how many are kept, backing up now, and restoring the chosen one after a confirmation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from cchc_desktop.backup_preview import BackupPreview, previews
from cchc_desktop.kernel.i18n import tr
from ui.widgets import asking

if TYPE_CHECKING:
    from ui.main_window import MainWindow

COLUMNS = ("when", "reason", "unit", "years", "change", "size")


class RestoreDialog(QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.session = window.session
        ws = self.session.ws
        self.setWindowTitle(tr("ui.restore.title", file=ws.path.name))
        self.resize(1060, 420)
        intro = QLabel(tr("ui.restore.intro", file=ws.path.name))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(f"ui.restore.column.{c}") for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column, width in (("reason", 190), ("unit", 200)):
            header.setSectionResizeMode(COLUMNS.index(column), QHeaderView.ResizeMode.Interactive)
            header.resizeSection(COLUMNS.index(column), width)
        header.setSectionResizeMode(COLUMNS.index("change"), QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _: self.restore_chosen())
        self.keep = QSpinBox()
        self.keep.setRange(1, 100)
        self.keep.setValue(ws.backups.keep)
        self.keep.setToolTip(tr("ui.restore.keep.tip"))
        self.keep.editingFinished.connect(self._keep_changed)
        self.now_button = QPushButton(tr("ui.restore.now"))
        self.now_button.clicked.connect(self.back_up_now)
        folder = QPushButton(tr("ui.restore.folder"))
        folder.clicked.connect(self.open_folder)
        tools = QHBoxLayout()
        tools.addWidget(QLabel(tr("ui.restore.keep")))
        tools.addWidget(self.keep)
        tools.addWidget(QLabel(tr("ui.restore.keep.after")))
        tools.addStretch(1)
        tools.addWidget(self.now_button)
        tools.addWidget(folder)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = buttons.addButton(tr("ui.restore.do"), QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self.restore_chosen)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(tools)
        layout.addWidget(buttons)
        self.items: list[BackupPreview] = []
        self.load()

    def load(self) -> None:
        self.items = previews(self.session.ws)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            texts = (
                item.when,
                item.reason_text,
                item.unit_text,
                item.years_text,
                item.last_change_text,
                item.size_text,
            )
            for column, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                cell.setToolTip(item.path.name)
                if not item.restorable:
                    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        first = next((row for row, item in enumerate(self.items) if item.restorable), None)
        if first is not None:
            self.table.selectRow(first)
        self._selection_changed()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().showEvent(event)
        self.table.resizeRowsToContents()  # wrapped texts need the columns' final widths

    def chosen(self) -> BackupPreview | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        item = self.items[rows.pop()]
        return item if item.restorable else None

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None and self.session.ws.read_only is None)

    def _keep_changed(self) -> None:
        ws = self.session.ws
        changed = self.keep.value() != ws.backups.keep
        if changed and self.session.call(self, lambda: ws.backups.set_keep(self.keep.value())) is not None:
            self.load()

    def back_up_now(self) -> None:
        ws = self.session.ws
        if self.session.call(self, lambda: ws.backups.before("manual")) is not None:
            self.load()

    def open_folder(self) -> None:
        folder = self.session.ws.path.parent / "backups"
        asking.open_url(QUrl.fromLocalFile(str(folder if folder.is_dir() else folder.parent)))

    def restore_chosen(self) -> None:
        item = self.chosen()
        if item is None:
            return
        ws = self.session.ws
        question = tr(
            "ui.restore.confirm", file=ws.path.name, when=item.when, unit=item.unit_text, years=item.years_text
        )
        if not asking.confirm(self, question):
            return
        restored = self.session.call(self, lambda: ws.backups.restore(item.path), structural=True)
        if restored is None:
            return
        self.window_.reload_workspace()
        self.window_.statusBar().showMessage(tr("ui.restore.done", when=item.when, before=restored.before.name), 15000)
        self.accept()
