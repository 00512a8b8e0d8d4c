"""The list of problems under a document; clicking one jumps to the row it is about."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.problems import Problem
from ui.icons import problem_icon


class ProblemsPanel(QWidget):
    activated = Signal(object)  # Problem

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._activate)
        self.list.itemClicked.connect(self._activate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self.problems: list[Problem] = []

    def set_problems(self, problems: list[Problem]) -> None:
        self.problems = problems
        self.list.clear()
        for problem in problems:
            item = QListWidgetItem(problem_icon(problem.blocking), problem.message)
            item.setData(Qt.ItemDataRole.UserRole, problem)
            self.list.addItem(item)
        # With nothing to show the panel shrinks to its one-line summary and the document gets
        # the room (a splitter never grows a widget past its maximum height).
        self.list.setVisible(bool(problems))
        self.setMaximumHeight(16777215 if problems else self.summary.sizeHint().height() + 4)
        errors = sum(1 for p in problems if p.blocking)
        if problems:
            self.summary.setText(tr("ui.problems.summary", errors=errors, warnings=len(problems) - errors))
        else:
            self.summary.setText(tr("ui.problems.none"))

    def _activate(self, item: QListWidgetItem) -> None:
        self.activated.emit(item.data(Qt.ItemDataRole.UserRole))
