"""A read-only table of prepared rows: text, a sort key, a colour and a tooltip per cell.

Screens that show what core computed (the receiver's matrix, rankings, consolidated figures) fill it
with plain values; the proxy sorts by each cell's key and filters by words typed, diacritics ignored
("huong xuan" finds "Hương Xuân").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from cchc_desktop.kernel.text import fold

_Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
PAYLOAD_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class TableCell:
    text: str
    sort: Any = None  # defaults to the text, folded
    colour: str = ""
    tooltip: str = ""
    align_right: bool = False


class RowsModel(QAbstractTableModel):
    def __init__(self, headers: list[str], parent=None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.header_tips: list[str] = []
        self.rows: list[list[TableCell]] = []
        self.payloads: list[Any] = []

    def set_rows(
        self,
        rows: list[list[TableCell]],
        payloads: list[Any] | None = None,
        headers: list[str] | None = None,
        header_tips: list[str] | None = None,
    ) -> None:
        self.beginResetModel()
        self.headers = headers or self.headers
        self.header_tips = header_tips or []
        self.rows = rows
        self.payloads = payloads or [None] * len(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return self.headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == SORT_ROLE:
            return cell.sort if cell.sort is not None else fold(cell.text)
        if role == Qt.ItemDataRole.BackgroundRole and cell.colour:
            return QBrush(QColor(cell.colour))
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.tooltip or (cell.text if len(cell.text) > 40 else None)
        if role == Qt.ItemDataRole.TextAlignmentRole and cell.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == PAYLOAD_ROLE:
            return self.payloads[index.row()]
        return None


class FoldFilterProxy(QSortFilterProxyModel):
    """Sorts by each cell's sort key; keeps the rows containing every word typed, diacritics ignored."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.words: list[str] = []
        self.extra_test = None  # an optional callable(payload) -> bool (e.g. "only units behind")
        self.setSortRole(SORT_ROLE)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_test(self, test) -> None:
        self.beginFilterChange()
        self.extra_test = test
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: _Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        if self.extra_test is not None and not self.extra_test(model.index(row, 0, parent).data(PAYLOAD_ROLE)):
            return False
        if not self.words:
            return True
        text = fold(" ".join(str(model.index(row, c, parent).data() or "") for c in range(model.columnCount())))
        return all(word in text for word in self.words)

    def lessThan(self, left: _Index, right: _Index) -> bool:  # noqa: N802
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)
