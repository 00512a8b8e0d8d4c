"""Nhật ký thay đổi: who changed what, when, from what to what — filterable, newest first.

Rows are read a page at a time as the table scrolls, so a trail of 100 000 changes opens at
once.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.audit.model import AuditEntry, AuditFilter
from cchc_desktop.audit.service import PAGE_SIZE
from cchc_desktop.kernel.i18n import format_number, parse_date, tr
from ui.session import Session

_Index = QModelIndex | QPersistentModelIndex
COLUMNS = (
    ("when", 125),
    ("actor", 150),
    ("action_text", 100),
    ("object_text", 330),
    ("field_text", 150),
    ("old_text", 200),
    ("new_text", 200),
)
TYPING_PAUSE_MS = 300


class AuditModel(QAbstractTableModel):
    """The filtered trail, fetched a page at a time (newest first)."""

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.filters = AuditFilter()
        self.rows: list[AuditEntry] = []
        self.exhausted = True

    def set_filters(self, filters: AuditFilter) -> None:
        self.beginResetModel()
        self.filters, self.rows, self.exhausted = filters, [], False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and not self.exhausted

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: N802
        if parent.isValid() or self.exhausted:
            return
        before = self.rows[-1].id if self.rows else None
        page = self.session.ws.audit.page(self.filters, before_id=before, limit=PAGE_SIZE)
        self.exhausted = len(page) < PAGE_SIZE
        if page:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            self.rows += page
            self.endInsertRows()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(f"ui.audit.col.{COLUMNS[section][0]}")
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        text = getattr(self.rows[index.row()], COLUMNS[index.column()][0])
        if role == Qt.ItemDataRole.DisplayRole:
            return text.replace("\n", " ")
        if role == Qt.ItemDataRole.ToolTipRole and len(text) > 40:
            return text
        return None


class AuditScreen(QWidget):
    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = AuditModel(session, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for i, (_, width) in enumerate(COLUMNS):
            self.table.setColumnWidth(i, width)
        self._build_filters()
        self.count = QLabel()
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #a4262c;")
        self._layout()
        self.model.rowsInserted.connect(lambda *_: self._show_count())
        session.changed.connect(self._on_changed)

    def _build_filters(self) -> None:
        self.date_from, self.date_to = QLineEdit(), QLineEdit()
        for box in (self.date_from, self.date_to):
            box.setPlaceholderText(tr("ui.date.placeholder"))
            box.editingFinished.connect(self.apply_filters)
        self.actor, self.entity = QComboBox(), QComboBox()
        for combo in (self.actor, self.entity):
            combo.activated.connect(lambda _: self.apply_filters())
        self.text = QLineEdit()
        self.text.setPlaceholderText(tr("ui.audit.text.placeholder"))
        self.text.setClearButtonEnabled(True)
        self._pause = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._pause.timeout.connect(self.apply_filters)
        self.text.textChanged.connect(lambda _: self._pause.start())
        self.clear_button = QPushButton(tr("ui.audit.clear"))
        self.clear_button.clicked.connect(self.clear_filters)

    def _layout(self) -> None:
        heading = QLabel(tr("ui.nav.audit"))
        heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        grid = QGridLayout()
        cells = (
            ("ui.audit.from", self.date_from),
            ("ui.audit.to", self.date_to),
            ("ui.audit.actor", self.actor),
            ("ui.audit.entity", self.entity),
            ("ui.audit.text", self.text),
        )
        for column, (key, widget) in enumerate(cells):
            grid.addWidget(QLabel(tr(key)), 0, column)
            grid.addWidget(widget, 1, column)
        grid.addWidget(self.clear_button, 1, len(cells))
        grid.setColumnStretch(4, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(grid)
        layout.addWidget(self.problem)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)

    # Loading ############################################################

    def load(self) -> None:
        self._fill_choices()
        self.apply_filters()

    def _fill_choices(self) -> None:
        audit = self.session.ws.audit
        for combo, items in ((self.actor, [(a, a) for a in audit.actors()]), (self.entity, audit.entity_kinds())):
            current = combo.currentData()
            combo.clear()
            combo.addItem(tr("ui.audit.all"), "")
            for key, label in items:
                combo.addItem(label, key)
            combo.setCurrentIndex(max(combo.findData(current), 0))

    def filters(self) -> AuditFilter:
        """The filters as typed; a date that cannot be read is named and left out."""
        problems, dates = [], []
        for box in (self.date_from, self.date_to):
            try:
                dates.append(parse_date(box.text()))
            except ValueError:
                dates.append(None)
                problems.append(tr("ui.audit.bad_date", value=box.text()))
        self.problem.setText("\n".join(problems))
        self.problem.setVisible(bool(problems))
        return AuditFilter(
            dates[0], dates[1], self.actor.currentData() or "", self.entity.currentData() or "", self.text.text()
        )

    def apply_filters(self) -> None:
        self._pause.stop()
        self.model.set_filters(self.filters())
        self._show_count()

    def _show_count(self) -> None:
        """Exact when cheap; a word search over a long trail says how many are shown so far."""
        model = self.model
        if model.exhausted:
            count = len(model.rows)
        elif model.filters.text.strip():
            self.count.setText(tr("ui.audit.count.more", count=format_number(len(model.rows))))
            return
        else:
            count = self.session.ws.audit.count(model.filters)
        self.count.setText(tr("ui.audit.count", count=format_number(count)))

    def clear_filters(self) -> None:
        for box in (self.date_from, self.date_to, self.text):
            box.clear()
        for combo in (self.actor, self.entity):
            combo.setCurrentIndex(0)
        self.apply_filters()

    def _on_changed(self, changes) -> None:
        if self.isVisible():
            self.load()
