"""The criteria grid of the self-assessment: one row per node, scores typed by keyboard.

Areas and criteria with sub-criteria show their subtotal; leaves take a score and an
explanation. While a score is being typed the subtotals and the total follow it
(``tentative``); the value is committed on Enter or Tab like any other cell.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QLineEdit, QStyle, QTableView

from cchc_desktop.assessment.model import ScoreLine, Tentative, subtotal
from cchc_desktop.kernel.i18n import format_number, parse_number, tr
from cchc_desktop.kernel.problems import Problem
from ui.models.record_table import Column
from ui.session import Session
from ui.widgets.grid import GridDelegate, WrappingHeader

SCORE = "criterion_score"
_Index = QModelIndex | QPersistentModelIndex
COLUMNS = [
    Column("code", 64, False, tr("assessment.col.code")),
    Column("name", 330, False, tr("assessment.col.name")),
    Column("max", 62, False, tr("assessment.col.max")),
    Column("proposed", 70, False, tr("assessment.col.proposed")),
    Column("self_score", 96, True, tr("assessment.col.self_score")),
    Column("explanation", 220, True, tr("assessment.col.explanation"), multiline=True),
    Column("evidence", 70, False, tr("assessment.col.evidence")),
]
EDITABLE = {"self_score", "explanation"}
NUMERIC = {"max", "proposed", "self_score", "evidence"}


def _points(value: float | None) -> str:
    return "" if value is None else format_number(value)


class CriteriaModel(QAbstractTableModel):
    tentative_changed = Signal()

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.columns = COLUMNS
        self.lines: list[ScoreLine] = []
        self.read_only = True
        self.problems: dict[int, list[Problem]] = {}
        self.tentative: Tentative = {}
        self.view_widget = None

    # Loading ############################################################

    def set_lines(self, lines: list[ScoreLine], read_only: bool, problems: list[Problem]) -> bool:
        """Replace the rows; a same-shaped tree keeps the selection and an open editor.

        Returns True when the rows changed shape (the model was reset)."""
        same_shape = [line.criterion.id for line in lines] == [line.criterion.id for line in self.lines]
        if not same_shape:
            self.beginResetModel()
        self.lines, self.read_only = lines, read_only
        self.problems = {}
        for problem in problems:
            if problem.entity == SCORE and problem.row_id is not None:
                self.problems.setdefault(problem.row_id, []).append(problem)
        if same_shape:
            self._changed_all()
        else:
            self.endResetModel()
        return not same_shape

    def _changed_all(self) -> None:
        if self.lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.lines) - 1, len(self.columns) - 1))

    def set_tentative(self, score_id: int, text: str | None) -> None:
        """A score still being typed ("1,5"): subtotals follow it; None or bad text drops it."""
        try:
            value = parse_number(text) if text is not None else None
        except ValueError:
            value = None
        if text is None or (value is None and text.strip()):
            self.tentative.pop(score_id, None)
        else:
            self.tentative[score_id] = value
        self._changed_subtotals()
        self.tentative_changed.emit()

    def _changed_subtotals(self) -> None:
        """Repaint the subtotal cells only: a range covering the open editor would reset its text."""
        column = self.column_of("self_score")
        for row, line in enumerate(self.lines):
            if not line.is_leaf:
                index = self.index(row, column)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])

    def line(self, row: int) -> ScoreLine:
        return self.lines[row]

    def row_of_score(self, score_id: int) -> int:
        return next((i for i, line in enumerate(self.lines) if line.score and line.score.id == score_id), -1)

    def row_of_code(self, code: str) -> int:
        return next((i for i, line in enumerate(self.lines) if line.criterion.code == code), -1)

    def column_of(self, field: str) -> int:
        return next((i for i, c in enumerate(self.columns) if c.field == field), -1)

    # Qt model API #######################################################

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable(index.row(), self.columns[index.column()].field):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def is_text_column(self, index) -> bool:
        """A text cell (the explanation) is saved as it is typed; a score waits for Enter."""
        field = self.columns[index.column()].field
        spec = self.session.ws.field_specs(SCORE).get(field)
        return spec is not None and spec.kind == "text" and self.editable(index.row(), field)

    def editable(self, row: int, field: str) -> bool:
        line = self.lines[row]
        return (
            not self.read_only
            and field in EDITABLE
            and line.is_leaf
            and line.score is not None
            and line.criterion.method != "survey"
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line, field = self.lines[index.row()], self.columns[index.column()].field
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(line, field)
        if role == Qt.ItemDataRole.EditRole:
            return self.edit_value(line, field)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(line, field)
        if role == Qt.ItemDataRole.FontRole and not line.is_leaf:
            font = QFont()
            font.setBold(True)
            return font
        return self._decorate(line, field, role)

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        line, field = self.lines[index.row()], self.columns[index.column()].field
        if role != Qt.ItemDataRole.EditRole or not self.editable(index.row(), field):
            return False
        self.tentative.pop(line.score.id, None)
        result = self.session.edit(self.view_widget, SCORE, line.score.id, field, value)
        if result is None:
            self.tentative_changed.emit()
        return result is not None

    # Texts ##############################################################

    def display(self, line: ScoreLine, field: str) -> str:
        criterion = line.criterion
        if field == "code":
            return criterion.code
        if field == "name":
            return "    " * (criterion.level - 1) + criterion.name
        if field == "max":
            sign = {"bonus": "+", "penalty": "−"}.get(criterion.method, "")
            return sign + _points(criterion.max_points)
        if field == "proposed":
            return _points(line.proposed)
        if field == "self_score":
            return self._score_text(line)
        if field == "explanation":
            return line.score.explanation.split("\n")[0] if line.score else ""
        if field == "evidence":
            return str(line.evidence_count) if line.evidence_count else ""
        return ""

    def _score_text(self, line: ScoreLine) -> str:
        if not line.is_leaf:
            total = subtotal(line, self.tentative)
            if total.self_max or total.survey_max:
                return f"{_points(total.total)}/{_points(total.self_max)}"
            return _points(total.total)
        if line.criterion.method == "survey":
            return tr("ui.assessment.survey_cell")
        value = line.self_score
        if line.score is not None and line.score.id in self.tentative:
            value = self.tentative[line.score.id]
        return _points(value)

    def edit_value(self, line: ScoreLine, field: str) -> str:
        if field == "self_score":
            return _points(line.self_score)
        if field == "explanation":
            return line.score.explanation if line.score else ""
        return self.display(line, field)

    def tooltip(self, line: ScoreLine, field: str) -> str | None:
        messages = [p.message for p in self._cell_problems(line, field)]
        criterion = line.criterion
        if field == "proposed" and criterion.indicator_code:
            value = _points(line.indicator_value) or tr("ui.assessment.no_value")
            messages.append(
                tr(
                    "ui.assessment.proposal.tip",
                    indicator=criterion.indicator_code,
                    value=value,
                    rules=criterion.thresholds,
                )
            )
        if field == "name" and criterion.guidance:
            messages.append(criterion.guidance)
        if field == "explanation" and line.score and len(line.score.explanation) > 40:
            messages.append(line.score.explanation)
        return "\n".join(messages) or None

    def _cell_problems(self, line: ScoreLine, field: str) -> list[Problem]:
        if line.score is None:
            return []
        return [
            p
            for p in self.problems.get(line.score.id, [])
            if p.field == field or (field == "self_score" and p.field == "override_reason")
        ]

    def _decorate(self, line: ScoreLine, field: str, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if field in NUMERIC else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            found = self._cell_problems(line, field)
            if found:
                return QBrush(QColor("#fde2e1") if any(p.blocking for p in found) else QColor("#fff4ce"))
            if not line.is_leaf:
                return QBrush(QColor("#eef3f8" if line.criterion.level == 1 else "#f6f8fa"))
        if role == Qt.ItemDataRole.DecorationRole and field == "code" and line.score:
            problems = self.problems.get(line.score.id)
            if problems:
                icon = (
                    QStyle.StandardPixmap.SP_MessageBoxCritical
                    if any(p.blocking for p in problems)
                    else QStyle.StandardPixmap.SP_MessageBoxWarning
                )
                return QApplication.style().standardIcon(icon)
        return None


class ScoreDelegate(GridDelegate):
    """The grid's editors, plus: a score being typed is shown in the totals at once."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._typing: dict[int, tuple[CriteriaModel, int]] = {}
        self.closeEditor.connect(self._closed)

    def createEditor(self, parent, option, index):  # noqa: N802
        editor = super().createEditor(parent, option, index)
        model = index.model()
        if isinstance(editor, QLineEdit) and isinstance(model, CriteriaModel):
            line = model.line(index.row())
            if model.columns[index.column()].field == "self_score" and line.score is not None:
                score_id = line.score.id
                editor.textEdited.connect(lambda text: model.set_tentative(score_id, text))
                self._typing[id(editor)] = (model, score_id)
        return editor

    def _closed(self, editor, hint=None) -> None:
        """Committed or abandoned (Escape): the totals show stored values again."""
        model, score_id = self._typing.pop(id(editor), (None, 0))
        if model is not None:
            model.set_tentative(score_id, None)


class CriteriaView(QTableView):
    """Enter edits the current cell, Tab goes on to the explanation, Delete clears a cell."""

    clear_requested = Signal(int, str)  # score id, field

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setItemDelegate(ScoreDelegate(self))
        self.setHorizontalHeader(WrappingHeader(self))  # "Điểm tối đa", "Điểm tự chấm" wrap, never cut
        self.setWordWrap(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.horizontalHeader().setStretchLastSection(False)
        self.verticalHeader().setVisible(False)
        # Rows are sized after each load, not on every repaint: a score typed key by key repaints
        # the subtotals, and re-measuring every wrapped row each time would make typing lag.
        self.verticalHeader().setMaximumSectionSize(90)

    def setModel(self, model) -> None:  # noqa: N802
        super().setModel(model)
        for i, column in enumerate(model.columns):
            self.setColumnWidth(i, column.width)
        self.horizontalHeader().setSectionResizeMode(model.column_of("explanation"), QHeaderView.ResizeMode.Stretch)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            self.edit(self.currentIndex())
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not event.modifiers():
            self._clear_current()
            return
        super().keyPressEvent(event)

    def _clear_current(self) -> None:
        index = self.currentIndex()
        model = self.model()
        if not index.isValid() or not isinstance(model, CriteriaModel):
            return
        field = model.columns[index.column()].field
        line = model.line(index.row())
        if model.editable(index.row(), field):
            self.clear_requested.emit(line.score.id, field)
