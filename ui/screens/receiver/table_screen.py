"""The shape every receiver screen shares: a heading, a filter line, a sortable table, a note below."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.kernel.i18n import tr
from ui.models.rows_table import PAYLOAD_ROLE, FoldFilterProxy, RowsModel
from ui.session import Session

#: Cell colours by state: the same meaning on every receiver screen.
COLOURS = {
    "on_time": "#dff6dd",
    "met": "#dff6dd",
    "late": "#fff4ce",
    "pending_attainment": "#fff4ce",
    "missing": "#fde7e9",
    "not_met": "#fde7e9",
    "draft": "#deecf9",
    "pending": "#f3f2f1",
}


def table_view(model: RowsModel, parent: QWidget) -> tuple[QTableView, FoldFilterProxy]:
    proxy = FoldFilterProxy(parent)
    proxy.setSourceModel(model)
    view = QTableView(parent)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)  # Qt starts descending
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.setAlternatingRowColors(False)
    return view, proxy


class TableScreen(QWidget):
    """Heading + buttons, a filter box, one table, a note line. Subclasses fill ``load``."""

    def __init__(self, session: Session, headers: list[str], parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.year = 0
        self.model = RowsModel(headers, self)
        self.view, self.proxy = table_view(self.model, self)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(tr("ui.grid.filter.placeholder"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self.proxy.set_text)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.top = QHBoxLayout()
        self.top.addWidget(self.heading, 1)
        self.tools = QHBoxLayout()
        self.tools.addWidget(self.filter_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.top)
        layout.addLayout(self.tools)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)
        session.changed.connect(lambda _: self.isVisible() and self.year and self.load())

    def button(self, key: str, action) -> QPushButton:
        button = QPushButton(tr(key))
        button.clicked.connect(action)
        self.top.addWidget(button)
        return button

    def set_year(self, year: int) -> None:
        self.year = year
        self.load()

    def load(self) -> None:  # pragma: no cover - each screen fills its table
        raise NotImplementedError

    def selected_payloads(self) -> list:
        rows = {index.row() for index in self.view.selectionModel().selectedRows()}
        return [self.proxy.index(row, 0).data(PAYLOAD_ROLE) for row in sorted(rows)]

    def widths(self, *widths: int) -> None:
        for column, width in enumerate(widths):
            self.view.setColumnWidth(column, width)
