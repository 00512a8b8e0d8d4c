"""The keyboard-first grid used by every table in the app.

Enter edits, Tab moves, Delete clears the selected cells, Ctrl+V pastes rows copied from
Word or Excel, Insert adds a row, Ctrl+Delete removes rows, Alt+↑/↓ reorders. Long text is
edited in a multi-line editor (Alt+Enter, as in Excel, or Shift+Enter for a new line; Enter or Tab to
finish).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from cchc_desktop.kernel.text import clean, matches
from ui.models.record_table import SORT_ROLE, RecordTableModel
from ui.widgets.typing_saver import TypingSaver

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent


class MultiLineEditor(QPlainTextEdit):
    """Enter finishes; Alt+Enter (as in Excel) or Shift+Enter inserts a line break; Tab and Shift+Tab
    finish and move to the next or previous cell, never typing a tab into the text."""

    committed = Signal()
    moved = Signal(bool)  # True: to the next cell, False: to the previous one

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            forward = event.key() == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.moved.emit(forward)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier)
        ):
            self.committed.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.insertPlainText("\n")
            return
        super().keyPressEvent(event)


class GridDelegate(QStyledItemDelegate):
    """Multi-line editor for long text, a list for choices, a line editor otherwise."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._savers: dict[QWidget, TypingSaver] = {}

    def _column(self, index: QModelIndex):
        model = _source_model(index.model())
        return model.columns[index.column()]

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:  # noqa: N802
        column = self._column(index)
        if column.choices:
            combo = QComboBox(parent)
            for key, label in column.choices:
                combo.addItem(label, key)
            return combo
        if column.multiline:
            editor = MultiLineEditor(parent)
            editor.committed.connect(lambda: self._finish(editor))
            editor.moved.connect(lambda forward: self._finish(editor, forward))
            editor.textChanged.connect(lambda: self._typed(editor))
        else:
            editor = super().createEditor(parent, option, index)
            if isinstance(editor, QLineEdit):
                editor.textEdited.connect(lambda _: self._typed(editor))
        self._watch_typing(editor, index)
        return editor

    # Saving while typing ################################################

    def _watch_typing(self, editor: QWidget, index: QModelIndex) -> None:
        """Text typed in a text cell is saved as it goes (see :class:`TypingSaver`)."""
        model = _source_model(index.model())
        if not getattr(model, "is_text_column", lambda i: False)(_source_index(index)):
            return
        saver = TypingSaver(editor, lambda: self._save_typing(editor))
        editor.setProperty("typing_index", QPersistentModelIndex(index))
        self._savers[editor] = saver
        editor.destroyed.connect(lambda *_: self._savers.pop(editor, None))

    def _typed(self, editor: QWidget) -> None:
        saver = self._savers.get(editor)
        if saver is not None and editor.hasFocus():
            saver.typed()

    def _save_typing(self, editor: QWidget) -> None:
        index = editor.property("typing_index")
        typed = _typed_text(editor)
        if index is None or not index.isValid() or not (typed or "").strip():
            return
        model = _source_model(index.model())
        with model.session.typing(self._savers[editor].key(id(editor))):
            index.model().setData(index.model().index(index.row(), index.column()), typed, Qt.ItemDataRole.EditRole)

    def _finish(self, editor: QWidget, forward: bool | None = None) -> None:
        hint = QStyledItemDelegate.EndEditHint
        self.commitData.emit(editor)
        self.closeEditor.emit(
            editor, hint.NoHint if forward is None else hint.EditNextItem if forward else hint.EditPreviousItem
        )

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        typed, stored = _typed_text(editor), index.data(Qt.ItemDataRole.EditRole)
        if editor.hasFocus() and typed is not None and clean(typed) == clean(str(stored or "")):
            # Our own save while typing, coming back (stored trimmed): the text, its last space and the
            # cursor stay as they are.
            return
        refused = getattr(self, "_refused", None)
        if refused is not None and refused[0] == index:
            self._refused = None
            if isinstance(editor, QPlainTextEdit):
                editor.setPlainText(refused[1])
            elif hasattr(editor, "setText"):
                editor.setText(refused[1])
            return
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            position = editor.findData(value)
            editor.setCurrentIndex(max(position, 0))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText("" if value is None else str(value))
            editor.moveCursor(editor.textCursor().MoveOperation.End)
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        typed = _typed_text(editor)
        saver = self._savers.get(editor)
        if saver is not None:
            saver.stop()
            with _source_model(index.model()).session.typing(saver.key(id(editor))):
                accepted = model.setData(index, typed, Qt.ItemDataRole.EditRole)
        else:
            accepted = model.setData(index, typed, Qt.ItemDataRole.EditRole)
        if not accepted and typed is not None:
            # Refused (the reason is in the message bar): what was typed is never thrown away, the cell
            # opens again holding it, to be corrected.
            self._refused = (QPersistentModelIndex(index), str(typed))
            QTimer.singleShot(0, self._reopen)

    def _reopen(self) -> None:
        refused = getattr(self, "_refused", None)
        view = self.parent()
        if refused is None or not refused[0].isValid() or not isinstance(view, QTableView):
            return
        index = view.model().index(refused[0].row(), refused[0].column())
        view.setCurrentIndex(index)
        view.edit(index)

    def updateEditorGeometry(self, editor: QWidget, option, index: QModelIndex) -> None:  # noqa: N802
        rect = option.rect
        if isinstance(editor, QPlainTextEdit):
            rect.setHeight(max(rect.height(), 90))
        editor.setGeometry(rect)


def _typed_text(editor: QWidget) -> str | None:
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText()
    if isinstance(editor, QLineEdit):
        return editor.text()
    return None


def _source_index(index: QModelIndex) -> QModelIndex:
    while isinstance(index.model(), QSortFilterProxyModel):
        index = index.model().mapToSource(index)
    return index


def _source_model(model) -> RecordTableModel:
    while isinstance(model, QSortFilterProxyModel):
        model = model.sourceModel()
    return model


class FilterProxy(QSortFilterProxyModel):
    """Diacritic-insensitive filter over every column ("duc" finds "Đức")."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.query = ""
        self.setSortRole(SORT_ROLE)

    def set_query(self, query: str) -> None:
        self.beginFilterChange()
        self.query = query
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        if not self.query.strip():
            return True
        model = self.sourceModel()
        texts = [model.index(source_row, c).data() or "" for c in range(model.columnCount())]
        return matches(self.query, *texts)


class WrappingHeader(QHeaderView):
    """Column titles wrap onto more lines instead of being cut ("Mục tiêu tối đa" in a narrow column
    at 1366×768), and the header grows to the tallest title."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        self.setSectionsClickable(True)
        self.sectionResized.connect(lambda *_: self.updateGeometry())

    def sectionSizeFromContents(self, logical_index: int) -> QSize:  # noqa: N802
        size = super().sectionSizeFromContents(logical_index)
        model = self.model()
        if model is None:
            return size
        text = str(model.headerData(logical_index, self.orientation(), Qt.ItemDataRole.DisplayRole) or "")
        width = max(self.sectionSize(logical_index) - 10, 20)
        flags = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)
        needed = self.fontMetrics().boundingRect(QRect(0, 0, width, 2000), flags, text).height() + 10
        return QSize(size.width(), max(size.height(), needed))


class GridView(QTableView):
    """Emits requests the screen turns into core actions (it knows the plan)."""

    paste_requested = Signal(str, int)  # clipboard text, source row to insert after (-1: end)
    add_requested = Signal(int)  # insert at this source row position (-1: end)
    delete_requested = Signal(list)  # row ids
    move_requested = Signal(int, int)  # row id, new position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(GridDelegate(self))
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setHorizontalHeader(WrappingHeader(self))
        self.horizontalHeader().setStretchLastSection(True)
        # Rows are sized to their text once per load (see fit_rows), not on every repaint.
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.verticalHeader().setMaximumSectionSize(160)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    def fit_rows(self) -> None:
        """Size rows to their wrapped text (long cells are capped; the tooltip shows all)."""
        self.resizeRowsToContents()

    def fit_row(self, source_index: QModelIndex) -> None:
        proxy = self.model()
        index = proxy.mapFromSource(source_index) if isinstance(proxy, QSortFilterProxyModel) else source_index
        if index.isValid():
            self.resizeRowToContents(index.row())

    # Model helpers ######################################################

    def record_model(self) -> RecordTableModel:
        return _source_model(self.model())

    def source_row(self, index: QModelIndex) -> int:
        model = self.model()
        return model.mapToSource(index).row() if isinstance(model, QSortFilterProxyModel) else index.row()

    def selected_source_rows(self) -> list[int]:
        rows = {self.source_row(i) for i in self.selectionModel().selectedIndexes()}
        if not rows and self.currentIndex().isValid():
            rows = {self.source_row(self.currentIndex())}
        return sorted(rows)

    def select_record(self, row_id: int, field_name: str | None = None) -> None:
        model = self.record_model()
        row = model.row_of(row_id)
        if row < 0:
            return
        column = max(model.column_of(field_name), 0) if field_name else 0
        index = model.index(row, column)
        proxy = self.model()
        if isinstance(proxy, QSortFilterProxyModel):
            index = proxy.mapFromSource(index)
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)

    # Keyboard ###########################################################

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        handler = self._key_handler(event)
        if handler is None:
            super().keyPressEvent(event)
        else:
            handler()

    def _key_handler(self, event: QKeyEvent):
        key, mods = event.key(), event.modifiers()
        ctrl, alt = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
        if event.matches(QKeySequence.StandardKey.Paste):
            return self._paste
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            return lambda: self.edit(self.currentIndex())
        if key == Qt.Key.Key_Delete and mods & ctrl:
            return self._delete_rows
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not mods:
            return self._clear_cells
        if key == Qt.Key.Key_Insert or (key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal) and mods & ctrl):
            return self._add_row
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and mods & alt:
            return lambda: self._move(-1 if key == Qt.Key.Key_Up else 1)
        return None

    def _paste(self) -> None:
        text = QApplication.clipboard().text()
        if not text:
            return
        if "\t" not in text and "\n" not in text.strip("\n") and self.currentIndex().isValid():
            self.model().setData(self.currentIndex(), text.strip("\n"), Qt.ItemDataRole.EditRole)
            return
        rows = self.selected_source_rows()
        self.paste_requested.emit(text, rows[-1] if rows else -1)

    def _clear_cells(self) -> None:
        model = self.record_model()
        cells = []
        for index in self.selectionModel().selectedIndexes() or [self.currentIndex()]:
            column = model.columns[index.column()]
            if column.editable and not model.read_only and not column.choices:
                record = model.record(self.source_row(index))
                cells.append((record.id, column.field, ""))
        if cells:
            result = model.session.edit_cells(self, model.entity, cells)
            if result is not None:
                model.reload()

    def _add_row(self) -> None:
        rows = self.selected_source_rows()
        self.add_requested.emit(rows[-1] + 1 if rows else -1)

    def _delete_rows(self) -> None:
        model = self.record_model()
        ids = [model.record(r).id for r in self.selected_source_rows()]
        if ids:
            self.delete_requested.emit(ids)

    def _move(self, step: int) -> None:
        rows = self.selected_source_rows()
        if len(rows) == 1:
            record = self.record_model().record(rows[0])
            self.move_requested.emit(record.id, rows[0] + step)
