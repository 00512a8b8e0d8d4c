"""A table model over core records: display per Vietnamese conventions, edits via the session.

Rows are records (dataclasses) of one entity. Editing a cell calls one core action; the row
is then re-read so derived columns (a parsed deadline) show at once. Problems found by the
core checks decorate the rows and cells they name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from cchc_desktop.kernel.fields import display
from cchc_desktop.kernel.i18n import format_date, format_number, tr
from cchc_desktop.kernel.problems import Problem
from ui.icons import problem_icon
from ui.session import Session

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One grid column bound to a record field."""

    field: str
    width: int = 140
    editable: bool = True
    title: str = ""
    choices: Sequence[tuple[Any, str]] = ()
    display: Callable[[Any], str] | None = None
    sort_key: Callable[[Any], Any] | None = None
    multiline: bool = False
    extra: dict = field(default_factory=dict)
    #: A core action that takes what was typed (record, value) instead of the generic field edit,
    #: for a cell whose input sets more than its field (a target typed as "duy trì" or "từ 55% trở lên").
    setter: Callable[[Any, Any], Any] | None = None
    #: What the cell's editor starts with, when it is not the field's own value.
    edit_text: Callable[[Any], Any] | None = None


class RecordTableModel(QAbstractTableModel):
    def __init__(self, session: Session, entity: str, columns: list[Column], parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.entity = entity
        self.specs = session.ws.field_specs(entity)
        self.columns = [self._complete(c) for c in columns]
        self.rows: list[Any] = []
        self.parent_id: int | None = None
        self.read_only = False
        self.problems: dict[int, list[Problem]] = {}
        self.view_widget: QWidget | None = None

    def _complete(self, column: Column) -> Column:
        spec = self.specs.get(column.field)
        title = column.title or (spec.label if spec else column.field)
        multiline = column.multiline or bool(spec and spec.multiline)
        editable = column.editable and spec is not None
        choices = column.choices
        if not choices and spec is not None and spec.kind == "bool":
            # A yes/no cell is a list of «Có»/«Không» (Qt's own would offer "True"/"False").
            choices = ((True, tr("common.yes")), (False, tr("common.no")))
        return replace(column, editable=editable, title=title, multiline=multiline, choices=choices)

    # Loading ############################################################

    def set_records(self, rows: list[Any], parent_id: int | None, read_only: bool) -> None:
        self.beginResetModel()
        self.rows, self.parent_id, self.read_only = list(rows), parent_id, read_only
        self.endResetModel()

    def reload(self) -> None:
        if self.parent_id is not None:
            self.set_records(self.session.ws.children(self.entity, self.parent_id), self.parent_id, self.read_only)

    def refresh_row(self, row: int) -> None:
        self.rows[row] = self.session.ws.get(self.entity, self.rows[row].id)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        if self.view_widget is not None:
            self.view_widget.fit_row(self.index(row, 0))

    def set_problems(self, problems: list[Problem]) -> None:
        self.problems = {}
        for problem in problems:
            if problem.entity == self.entity and problem.row_id is not None:
                self.problems.setdefault(problem.row_id, []).append(problem)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1))

    def record(self, row: int) -> Any:
        return self.rows[row]

    def row_of(self, row_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == row_id), -1)

    def column_of(self, field_name: str) -> int:
        return next((i for i, c in enumerate(self.columns) if c.field == field_name), -1)

    # Qt model API #######################################################

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title
        return str(section + 1)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.read_only and self.columns[index.column()].editable:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record, column = self.rows[index.row()], self.columns[index.column()]
        value = getattr(record, column.field, None)
        handler = _ROLE_HANDLERS.get(role)
        return handler(self, record, column, value) if handler else None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        record, column = self.rows[index.row()], self.columns[index.column()]
        if column.setter is not None:
            setter = column.setter
            result = self.session.call(self.view_widget, lambda: setter(record, value), inline=True)
        else:
            result = self.session.edit(self.view_widget, self.entity, record.id, column.field, value)
        if result is None:
            return False
        self.refresh_row(index.row())
        return True

    # Role helpers #######################################################

    def display_text(self, record: Any, column: Column, value: Any) -> str:
        if column.display:
            return column.display(record)
        if column.choices:
            return next((label for key, label in column.choices if key == value), str(value or ""))
        spec = self.specs.get(column.field)
        return display(spec, value) if spec else ("" if value is None else str(value))

    def edit_value(self, record: Any, column: Column, value: Any) -> Any:
        if column.edit_text is not None:
            return column.edit_text(record)
        spec = self.specs.get(column.field)
        if spec is None or value is None:
            return "" if value is None else value
        if spec.kind == "date":
            return format_date(value)
        if spec.kind == "number":
            return format_number(value)
        if spec.kind == "int":
            # Text, not an int: Qt would edit an int in a spin box, which silently swallows what is
            # not a digit ("tăng"), where a line editor lets the core refuse it with a reason.
            return str(value)
        return value

    def is_text_column(self, index: QModelIndex) -> bool:
        """Whether the cell holds plain text, saved as it is typed (numbers and dates wait for Enter)."""
        column = self.columns[index.column()]
        spec = self.specs.get(column.field)
        return spec is not None and spec.kind == "text" and column.setter is None and not self.read_only

    def cell_problems(self, record: Any, column: Column) -> list[Problem]:
        return [p for p in self.problems.get(record.id, []) if p.field == column.field]


def _display(model, record, column, value):
    return model.display_text(record, column, value)


def _edit(model, record, column, value):
    return model.edit_value(record, column, value)


def _tooltip(model, record, column, value):
    messages = [p.message for p in model.cell_problems(record, column)]
    text = model.display_text(record, column, value)
    if len(text) > 60:
        messages.append(text)
    return "\n".join(messages) or None


def _decoration(model, record, column, value):
    if column is not model.columns[0] or record.id not in model.problems:
        return None
    return problem_icon(any(p.blocking for p in model.problems[record.id]))


def _background(model, record, column, value):
    found = model.cell_problems(record, column)
    if not found:
        return None
    return QBrush(QColor("#fde2e1") if any(p.blocking for p in found) else QColor("#fff4ce"))


def _sort(model, record, column, value):
    if column.sort_key:
        return column.sort_key(record)
    return value if isinstance(value, (int, float)) else model.display_text(record, column, value).casefold()


def _alignment(model, record, column, value):
    spec = model.specs.get(column.field)
    if spec and spec.kind in ("number", "int"):
        return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


_ROLE_HANDLERS = {
    Qt.ItemDataRole.DisplayRole: _display,
    Qt.ItemDataRole.EditRole: _edit,
    Qt.ItemDataRole.ToolTipRole: _tooltip,
    Qt.ItemDataRole.DecorationRole: _decoration,
    Qt.ItemDataRole.BackgroundRole: _background,
    Qt.ItemDataRole.TextAlignmentRole: _alignment,
    SORT_ROLE: _sort,
    ID_ROLE: lambda model, record, column, value: record.id,
}
