"""Khung năm (at the office): prepare the year's framework from the default one, edit an area's name,
an indicator's target, a period's due date and a criterion's maximum points, and send it to the communes.

Every cell is committed at once (audited, undoable), like any grid; the checks below the tables say
what would stop the framework from being sent.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from cchc_desktop.kernel.i18n import format_datetime, tr
from ui.models.record_table import Column
from ui.screens.report_tabs import fixed_rows
from ui.session import Session
from ui.widgets.table_editor import TableEditor


def _columns() -> dict[str, list[Column]]:
    code = Column("code", 70, editable=False, title=tr("framework.col.code"))
    return {
        "framework_area": [code, Column("name", 620)],
        "framework_indicator": [
            code,
            Column("text", 520, editable=False, title=tr("framework.col.indicator"), multiline=True),
            Column("unit", 90, editable=False, title=tr("framework.col.unit")),
            Column("target", 110),
            Column("target_max", 110),
        ],
        "framework_period": [
            code,
            Column("name", 300, editable=False, title=tr("framework.col.period")),
            Column("due_date", 130),
        ],
        "framework_criterion": [
            Column("code", 80, editable=False, title=tr("framework.col.code")),
            Column("parent_code", 80, editable=False, title=tr("framework.col.parent")),
            Column("name", 560, editable=False, title=tr("framework.col.criterion"), multiline=True),
            Column("max_points", 110),
        ],
    }


class FrameworkPage(QWidget):
    def __init__(self, session: Session, send: Callable[[], None], parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.year = 0
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.prepare_button = QPushButton()
        self.prepare_button.clicked.connect(self.prepare)
        self.send_button = QPushButton(tr("ui.framework.send"))
        self.send_button.setToolTip(tr("ui.framework.send.tip"))
        self.send_button.clicked.connect(send)
        self.editors = {name: fixed_rows(TableEditor(session, name, columns)) for name, columns in _columns().items()}
        self.tabs = QTabWidget()
        for name, editor in self.editors.items():
            self.tabs.addTab(editor, tr(f"ui.framework.tab.{name}"))
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #a4262c;")
        row = QHBoxLayout()
        row.addWidget(self.state, 1)
        row.addWidget(self.prepare_button)
        row.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problems)

    @property
    def frameworks(self):
        return self.session.ws.frameworks

    def load(self, year: int) -> None:
        self.year = year
        framework = self.frameworks.get(year)
        self.prepare_button.setVisible(framework is None)
        self.prepare_button.setText(tr("ui.framework.prepare", year=year))
        self.send_button.setEnabled(framework is not None)
        self.tabs.setVisible(framework is not None)
        if framework is None:
            self.state.setText(tr("ui.framework.none", year=year))
            self.problems.clear()
            return
        if framework.published_at:
            sent = tr(
                "ui.framework.sent", when=format_datetime(framework.published_at), hash=framework.published_hash[:12]
            )
        else:
            sent = tr("ui.framework.not_sent")
        self.state.setText(f"{framework.title}. {sent}")
        for name, editor in self.editors.items():
            _show_rows(editor, self.frameworks.rows(year, name), framework.id)
        found = self.frameworks.problems(year)
        self.problems.setText(
            tr("ui.framework.problems", count=len(found), lines="\n".join(found[:5])) if found else ""
        )

    def prepare(self) -> None:
        if self.session.call(self, lambda: self.frameworks.prepare(self.year), structural=True) is not None:
            self.load(self.year)


def _show_rows(editor: TableEditor, rows: list, parent_id: int) -> None:
    """New rows reset the grid; the same rows with new values (an edit, an undo) only repaint it, so the
    cell being typed in keeps its place and focus."""
    model = editor.model
    if model.parent_id != parent_id or [r.id for r in model.rows] != [r.id for r in rows]:
        editor.load(rows, parent_id, False)
        return
    model.rows = list(rows)
    if rows:
        model.dataChanged.emit(model.index(0, 0), model.index(len(rows) - 1, len(model.columns) - 1))
