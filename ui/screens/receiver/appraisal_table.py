"""The lines of one appraisal round: the unit's score and explanation beside the office's score and comment."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from cchc_desktop.kernel.i18n import format_number, tr
from cchc_desktop.kernel.problems import Problem
from cchc_desktop.receiver.appraisal_view import SCORE_ENTITY, AppraisalLine, AppraisalView
from ui.models.record_table import Column
from ui.session import Session
from ui.widgets.grid import GridDelegate

_Index = QModelIndex | QPersistentModelIndex
COLUMNS = [
    Column("code", 52, False, tr("assessment.col.code")),
    Column("name", 260, False, tr("assessment.col.name")),
    Column("max", 46, False, tr("assessment.col.max")),
    Column("self_score", 62, False, tr("ui.receiver.appraisal.grid.self")),
    Column("explanation", 150, False, tr("ui.receiver.appraisal.grid.explanation")),
    Column("appraised_score", 70, True, tr("ui.receiver.appraisal.grid.appraised")),
    Column("comment", 160, True, tr("receiver.appraisal.col.comment"), multiline=True),
    Column("previous", 60, False, tr("receiver.appraisal.col.previous")),
    Column("response", 150, False, tr("receiver.appraisal.col.response")),
]
NUMERIC = {"max", "self_score", "appraised_score", "previous"}


def _points(value: float | None) -> str:
    return "" if value is None else format_number(value)


class AppraisalModel(QAbstractTableModel):
    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.columns = COLUMNS
        self.view: AppraisalView | None = None
        self.problems: dict[int, list[Problem]] = {}
        self.view_widget = None

    @property
    def lines(self) -> list[AppraisalLine]:
        return self.view.lines if self.view else []

    def set_view(self, view: AppraisalView | None) -> None:
        same = view is not None and self.view is not None and view.appraisal.id == self.view.appraisal.id
        if not same:
            self.beginResetModel()
        self.view = view
        self.problems = {}
        for problem in view.problems() if view else []:
            self.problems.setdefault(problem.row_id or 0, []).append(problem)
        if same and self.lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.lines) - 1, len(self.columns) - 1))
        elif not same:
            self.endResetModel()

    def column_of(self, field: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.field == field)

    def row_of_score(self, score_id: int) -> int:
        return next((i for i, line in enumerate(self.lines) if line.score.id == score_id), -1)

    # Qt model API #######################################################

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title
        return None

    def editable(self, row: int, field: str) -> bool:
        line = self.lines[row]
        if self.view is None or not self.view.appraisal.editable_now:
            return False
        return field == "comment" or (field == "appraised_score" and line.leaf)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable(index.row(), self.columns[index.column()].field):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line, field = self.lines[index.row()], self.columns[index.column()].field
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(line, field)
        if role == Qt.ItemDataRole.EditRole:
            return _points(line.score.appraised_score) if field == "appraised_score" else line.score.comment
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(line, field)
        if role == Qt.ItemDataRole.FontRole and not line.leaf:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if field in NUMERIC else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(line, field)
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        field = self.columns[index.column()].field
        if role != Qt.ItemDataRole.EditRole or not self.editable(index.row(), field):
            return False
        score_id = self.lines[index.row()].score.id
        return self.session.edit(self.view_widget, SCORE_ENTITY, score_id, field, value) is not None

    # Texts ##############################################################

    def display(self, line: AppraisalLine, field: str) -> str:
        facts = line.facts
        if field == "code":
            return facts.code
        if field == "name":
            return "    " * (facts.level - 1) + facts.name
        if field == "max":
            return {"bonus": "+", "penalty": "−"}.get(facts.method, "") + _points(facts.max_points)
        if field in ("self_score", "appraised_score"):
            return self._score(line, field)
        if field == "explanation":
            return facts.explanation.split("\n")[0]
        if field == "comment":
            return line.score.comment.split("\n")[0]
        if field == "previous":
            return _points(line.previous)
        if field == "response":
            return facts.response.split("\n")[0]
        return ""

    def _score(self, line: AppraisalLine, field: str) -> str:
        if not line.leaf and self.view is not None:
            own, appraised = self.view.subtotal(line.facts.code)
            return _points(own if field == "self_score" else appraised)
        if field == "self_score":
            return tr("ui.assessment.survey_cell") if line.facts.method == "survey" else _points(line.facts.self_score)
        return _points(line.score.appraised_score)

    def _tooltip(self, line: AppraisalLine, field: str) -> str | None:
        messages = [p.message for p in self.problems.get(line.score.id, []) if p.field == field]
        if field == "explanation" and line.facts.explanation:
            messages.append(line.facts.explanation)
        if field == "self_score" and line.facts.evidence_count:
            messages.append(tr("ui.receiver.appraisal.evidence", count=line.facts.evidence_count))
        if field == "response" and line.facts.response:
            messages.append(line.facts.response)
        if field == "comment" and len(line.score.comment) > 30:
            messages.append(line.score.comment)
        return "\n".join(messages) or None

    def _background(self, line: AppraisalLine, field: str) -> QBrush | None:
        if any(p.field == field for p in self.problems.get(line.score.id, [])):
            return QBrush(QColor("#fde2e1"))
        if field == "appraised_score" and line.differs:
            return QBrush(QColor("#fff4ce"))
        if not line.leaf:
            return QBrush(QColor("#eef3f8" if line.facts.level == 1 else "#f6f8fa"))
        return None


class AppraisalTable(QTableView):
    """Enter edits the current cell; rows wrap the criterion names."""

    def __init__(self, model: AppraisalModel, parent=None) -> None:
        super().__init__(parent)
        self.setItemDelegate(GridDelegate(self))
        self.setModel(model)
        model.view_widget = self
        self.setWordWrap(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setMaximumSectionSize(90)
        for i, column in enumerate(model.columns):
            self.setColumnWidth(i, column.width)
        self.horizontalHeader().setSectionResizeMode(model.column_of("name"), QHeaderView.ResizeMode.Stretch)
        model.modelReset.connect(self._columns_for_round)

    def _columns_for_round(self) -> None:
        """The previous round's score and the unit's answer to it only from the second round on."""
        model: AppraisalModel = self.model()  # type: ignore[assignment]
        first = model.view is None or model.view.appraisal.round == 1
        self.setColumnHidden(model.column_of("previous"), first)
        self.setColumnHidden(model.column_of("response"), first)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != self.State.EditingState:
            self.edit(self.currentIndex())
            return
        super().keyPressEvent(event)

    def show_score(self, score_id: int, field: str) -> None:
        model: AppraisalModel = self.model()  # type: ignore[assignment]
        row = model.row_of_score(score_id)
        if row >= 0:
            index = model.index(row, model.column_of(field) if field else 0)
            self.setCurrentIndex(index)
            self.scrollTo(index)
