"""Văn bản đôn đốc: draft a letter to the units behind from the figures, edit it, print it, issue it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.kernel.i18n import format_date, tr
from cchc_desktop.receiver.model import SIGNER_FORMS, ReminderLetter
from ui.models.rows_table import PAYLOAD_ROLE, RowsModel, TableCell
from ui.screens.receiver.table_screen import table_view
from ui.session import Session
from ui.widgets.bound_fields import BoundChoice, BoundLine, BoundText
from ui.widgets.document_actions import DocumentActions, DocumentTarget

TEXT_FIELDS = ("subject", "addressees", "body_text", "requests_text", "closing_text", "recipients")
LINE_FIELDS = ("doc_number", "doc_symbol", "issue_place", "issue_date", "signer_title", "signer_name")


class LettersScreen(QWidget):
    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.year = 0
        self.letter: ReminderLetter | None = None
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.period = QComboBox()
        self.model = RowsModel(
            [tr(f"ui.receiver.letters.col.{k}") for k in ("number", "date", "period", "subject", "status")], self
        )
        self.view, self.proxy = table_view(self.model, self)
        self.view.selectionModel().currentRowChanged.connect(lambda current, _: self._select(current))
        self.buttons = {key: QPushButton(tr(f"ui.receiver.letters.{key}")) for key in ("draft", "issue", "delete")}
        self.buttons["draft"].clicked.connect(self.draft)
        self.buttons["issue"].clicked.connect(self.issue)
        self.buttons["delete"].clicked.connect(self.delete)
        self.texts = {f: BoundText(session, "reminder_letter", f) for f in TEXT_FIELDS}
        self.lines = {f: BoundLine(session, "reminder_letter", f) for f in LINE_FIELDS}
        forms = [(f, tr(f"ui.receiver.letters.signer.{f}")) for f in SIGNER_FORMS]
        self.signer_mode = BoundChoice(session, "reminder_letter", "signer_mode", forms)
        self.documents = DocumentActions(session, self, "letter", self._target, self._prepare)
        self._layout()
        session.changed.connect(lambda _: self.isVisible() and self.year and self.load())

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(QLabel(tr("ui.receiver.indicators.period")))
        top.addWidget(self.period)
        for button in self.buttons.values():
            top.addWidget(button)
        editor = QWidget()
        form = QFormLayout(editor)
        for field in ("doc_number", "doc_symbol", "issue_place", "issue_date"):
            form.addRow(tr(f"receiver.letter.col.{field}"), self.lines[field])
        for field in TEXT_FIELDS:
            self.texts[field].setMinimumHeight(46 if field in ("subject", "addressees") else 70)
            form.addRow(tr(f"receiver.letter.col.{field}"), self.texts[field])
        form.addRow(tr("receiver.letter.col.signer_mode"), self.signer_mode)
        for field in ("signer_title", "signer_name"):
            form.addRow(tr(f"receiver.letter.col.{field}"), self.lines[field])
        actions = QHBoxLayout()
        self.documents.add_to(actions)
        form.addRow(actions)
        self.editor_box = QGroupBox(tr("ui.receiver.letters.editor"))
        area = QScrollArea()  # a long letter scrolls inside its box; the screen keeps the window's height
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(editor)
        QVBoxLayout(self.editor_box).addWidget(area)
        splitter = QSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(self.editor_box)
        splitter.setSizes([380, 720])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def set_year(self, year: int) -> None:
        self.year = year
        self.heading.setText(tr("ui.receiver.letters.heading", year=year))
        self.period.clear()
        for period in self.session.ws.reports.calendar(year):
            self.period.addItem(period.label, period.code)
        default = self.session.ws.receiver.latest_due_period(year)
        self.period.setCurrentIndex(max(0, self.period.findData(default.code if default else None)))
        self.load()

    def load(self) -> None:
        letters = self.session.ws.letters.letters(self.year)
        self.model.set_rows([self._cells(x) for x in letters], letters)
        keep = self.letter.id if self.letter else None
        row = next((i for i, x in enumerate(letters) if x.id == keep), 0 if letters else -1)
        if row >= 0:
            self.view.selectRow(row)
        self._show(letters[row] if row >= 0 else None)

    @staticmethod
    def _cells(letter: ReminderLetter) -> list[TableCell]:
        number = f"{letter.doc_number:02d}/{letter.doc_symbol}" if letter.doc_number else ""
        return [
            TableCell(number),
            TableCell(format_date(letter.issue_date), letter.issue_date or ""),
            TableCell(letter.period),
            TableCell(letter.subject),
            TableCell(tr(f"ui.receiver.letters.status.{letter.status}")),
        ]

    def _select(self, index) -> None:
        letter = index.data(PAYLOAD_ROLE) if index.isValid() else None
        self._show(self.session.ws.letters.get(letter.id) if letter else None)

    def _show(self, letter: ReminderLetter | None) -> None:
        self.letter = letter
        self.editor_box.setEnabled(letter is not None)
        self.documents.set_enabled(letter is not None)
        for button in ("issue", "delete"):
            self.buttons[button].setEnabled(letter is not None and letter.editable_now)
        if letter is None:
            return
        for widget in (*self.texts.values(), *self.lines.values(), self.signer_mode):
            widget.load(letter, not letter.editable_now)

    def _target(self) -> DocumentTarget | None:
        return DocumentTarget(self.year) if self.letter else None

    def _prepare(self, fmt: str):
        return self.session.ws.letters.prepare_letter(self.letter.id, fmt) if self.letter else None

    def draft(self) -> None:
        year, period = self.year, self.period.currentData()
        letter = self.session.call(self, lambda: self.session.ws.letters.draft(year, period), structural=True)
        if letter is not None:
            self.letter = letter
            self.load()

    def issue(self) -> None:
        if self.letter is not None:
            letter_id = self.letter.id
            self.session.call(self, lambda: self.session.ws.letters.issue(letter_id), structural=True)

    def delete(self) -> None:
        if self.letter is not None:
            letter_id, self.letter = self.letter.id, None
            self.session.call(self, lambda: self.session.ws.letters.delete(letter_id), structural=True)
