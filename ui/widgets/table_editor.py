"""A grid with its row toolbar (add, remove, reorder, paste) and an optional filter box."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from cchc_desktop.kernel.history import ChangeSet
from cchc_desktop.kernel.i18n import tr
from ui.models.record_table import Column, RecordTableModel
from ui.session import Session
from ui.widgets.grid import FilterProxy, GridView

PasteHandler = Callable[[int, str, int | None], ChangeSet]


class TableEditor(QWidget):
    """Rows of one entity under one parent (a plan); every button is one core action."""

    def __init__(
        self,
        session: Session,
        entity: str,
        columns: list[Column],
        *,
        filterable: bool = False,
        paste: PasteHandler | None = None,
        new_row: Callable[[], dict] | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.entity = entity
        self.paste_handler = paste
        self.new_row = new_row or (lambda: {})
        self.model = RecordTableModel(session, entity, columns, self)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = GridView(self)
        self.model.view_widget = self.view
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(False)
        for i, column in enumerate(self.model.columns):
            self.view.setColumnWidth(i, column.width)
        self.filter_box = QLineEdit(self) if filterable else None
        self._build_layout()
        self._connect()

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        self.buttons = {}
        for key, slot in (
            ("add", self.add_row),
            ("delete", self.delete_selected),
            ("up", lambda: self.move(-1)),
            ("down", lambda: self.move(1)),
            ("paste", self.paste_clipboard),
        ):
            button = QPushButton(tr(f"ui.grid.{key}"), self)
            button.setToolTip(tr(f"ui.grid.{key}.tip"))
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.buttons[key] = button
        bar.addStretch(1)
        if self.filter_box is not None:
            self.filter_box.setPlaceholderText(tr("ui.grid.filter.placeholder"))
            self.filter_box.setClearButtonEnabled(True)
            bar.addWidget(QLabel(tr("ui.grid.filter")))
            bar.addWidget(self.filter_box, 1)
            QShortcut(QKeySequence.StandardKey.Find, self, self.filter_box.setFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    def _connect(self) -> None:
        self.view.add_requested.connect(self._add_at)
        self.view.delete_requested.connect(self._delete)
        self.view.move_requested.connect(self._move_to)
        self.view.paste_requested.connect(self._paste_at)
        if self.filter_box is not None:
            self.filter_box.textChanged.connect(self.proxy.set_query)

    # Loading ############################################################

    def load(self, rows: list, parent_id: int, read_only: bool) -> None:
        current = self._current_id()
        self.model.set_records(rows, parent_id, read_only)
        self.view.fit_rows()
        for button in self.buttons.values():
            button.setEnabled(not read_only)
        if current is not None:
            self.view.select_record(current)

    def _current_id(self) -> int | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.record(self.view.source_row(index)).id

    # Actions ############################################################

    def add_row(self) -> None:
        rows = self.view.selected_source_rows()
        self._add_at(rows[-1] + 1 if rows else -1)

    def _add_at(self, position: int) -> None:
        if self.model.read_only or self.model.parent_id is None:
            return
        at = None if position < 0 else position
        result = self.session.insert(self, self.entity, self.model.parent_id, self.new_row(), at)
        if result:
            self.model.reload()
            self.view.fit_rows()
            self.view.select_record(result.changes[0].row_id)
            self.view.setFocus()

    def delete_selected(self) -> None:
        ids = [self.model.record(r).id for r in self.view.selected_source_rows()]
        self._delete(ids)

    def _delete(self, ids: list[int]) -> None:
        if ids and not self.model.read_only and self.session.delete(self, self.entity, ids):
            self.model.reload()

    def move(self, step: int) -> None:
        rows = self.view.selected_source_rows()
        if len(rows) == 1:
            self._move_to(self.model.record(rows[0]).id, rows[0] + step)

    def _move_to(self, row_id: int, position: int) -> None:
        if self.model.read_only or position < 0 or position >= self.model.rowCount():
            return
        if self.session.move(self, self.entity, row_id, position):
            self.model.reload()
            self.view.select_record(row_id)

    def paste_clipboard(self) -> None:
        from PySide6.QtWidgets import QApplication

        rows = self.view.selected_source_rows()
        self._paste_at(QApplication.clipboard().text(), rows[-1] if rows else -1)

    def _paste_at(self, text: str, after_row: int) -> None:
        if self.model.read_only or self.model.parent_id is None or not text.strip():
            return
        position = None if after_row < 0 else after_row + 1
        handler = self.paste_handler or self._paste_lines
        result = self.session.call(self, lambda: handler(self.model.parent_id, text, position))
        if result:
            self.model.reload()
            self.session.notice.emit(tr("ui.paste.done", count=len(result.changes)))

    def _paste_lines(self, parent_id: int, text: str, position: int | None) -> ChangeSet:
        """Tables without a column mapping take one row per pasted line, in the first column."""
        first = self.model.columns[0].field
        lines = [line.split("\t")[0] for line in text.splitlines() if line.strip()]
        return self.session.ws.insert_many(self.entity, parent_id, [{first: line} for line in lines], position)
