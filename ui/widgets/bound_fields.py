"""Form fields bound to one field of one record; each edit is committed as it is typed.

Text is saved after a pause in typing and at the latest every second of continuous typing, in
single-line fields too, so a crash or power cut loses at most about a second of typing; leaving
the field saves at once. The saves of one visit to a field are one undo step. A value the core
refuses stays in the field, marked, with the reason in the window's message bar (while typing, a
value that cannot be saved yet, such as half a date, simply waits).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.kernel.fields import coerce, display
from cchc_desktop.kernel.i18n import format_date, format_number
from cchc_desktop.kernel.text import clean
from ui.session import Session
from ui.widgets.typing_saver import TypingSaver

_INVALID = "border: 1px solid #d13438; background: #fde7e9;"


class _Bound:
    """Shared binding: which entity/field/row this widget edits."""

    def bind(self, session: Session, entity: str, field: str) -> None:
        self.session, self.entity, self.field = session, entity, field
        self.spec = session.ws.field_specs(entity)[field]
        self.row_id: int | None = None
        self.committed_text = ""

    def commit_value(self, widget: QWidget, value: Any, saver: TypingSaver | None = None) -> bool:
        if self.row_id is None:
            return False
        if saver is None:
            result = self.session.edit(widget, self.entity, self.row_id, self.field, value)
        else:
            with self.session.typing(saver.key(self.entity, self.row_id, self.field)):
                result = self.session.edit(widget, self.entity, self.row_id, self.field, value)
        widget.setStyleSheet("" if result is not None else _INVALID)
        return result is not None

    def savable(self, text: str) -> bool:
        """Whether ``text`` can be saved as it stands (a date half typed cannot, yet)."""
        try:
            coerce(self.spec, text)
        except ValidationError:
            return False
        return True

    def text_for(self, value: Any) -> str:
        if value is None:
            return ""
        if self.spec.kind == "date":
            return format_date(value)
        if self.spec.kind == "number":
            return format_number(value)
        return str(value) if self.spec.kind != "bool" else display(self.spec, value)


class BoundText(QPlainTextEdit, _Bound):
    def __init__(self, session: Session, entity: str, field: str, parent: QWidget | None = None) -> None:
        QPlainTextEdit.__init__(self, parent)
        self.bind(session, entity, field)
        self.setTabChangesFocus(True)
        self.saver = TypingSaver(self, self.commit)
        self.textChanged.connect(self._typed)
        self._loading = False

    def load(self, record: Any, read_only: bool) -> None:
        self._loading = True
        same_row = self.row_id == record.id
        if not same_row:
            self.saver.new_visit()
        self.row_id = record.id
        self.committed_text = getattr(record, self.field) or ""
        # While the user types, a refresh after our own commit must not touch the text: the
        # stored value is trimmed, and resetting would drop a just-typed space and move the cursor.
        typing_here = same_row and self.hasFocus() and clean(self.toPlainText()) == clean(self.committed_text)
        if not typing_here and self.toPlainText() != self.committed_text:
            self.setPlainText(self.committed_text)
        self.setReadOnly(read_only)
        self._loading = False

    def _typed(self) -> None:
        if not self._loading and not self.isReadOnly():
            self.saver.typed()

    def commit(self) -> None:
        self.saver.stop()
        text = self.toPlainText()
        if self.row_id is None or self.isReadOnly() or text.strip() == self.committed_text.strip():
            return
        if self.commit_value(self, text, self.saver):
            self.committed_text = text

    def focusInEvent(self, event) -> None:  # noqa: N802
        self.saver.new_visit()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        self.commit()
        super().focusOutEvent(event)


class BoundLine(QLineEdit, _Bound):
    def __init__(self, session: Session, entity: str, field: str, parent: QWidget | None = None) -> None:
        QLineEdit.__init__(self, parent)
        self.bind(session, entity, field)
        self.saver = TypingSaver(self, self._save_typing)
        self.textEdited.connect(lambda _: self.saver.typed())
        self.editingFinished.connect(self.commit)

    def load(self, record: Any, read_only: bool) -> None:
        same_row = self.row_id == record.id
        if not same_row:
            self.saver.new_visit()
        self.row_id = record.id
        self.committed_text = self.text_for(getattr(record, self.field))
        if not (same_row and self.hasFocus() and clean(self.text()) == clean(self.committed_text)):
            self.setText(self.committed_text)
            self.setStyleSheet("")
        self.setReadOnly(read_only)

    def _save_typing(self) -> None:
        """A save while typing: only what can be saved as it stands (the rest waits for leaving)."""
        if self.savable(self.text()):
            self._commit()

    def commit(self) -> None:
        self.saver.stop()
        self._commit()

    def _commit(self) -> None:
        if self.row_id is None or self.isReadOnly() or self.text() == self.committed_text:
            return
        if self.commit_value(self, self.text(), self.saver):
            self.committed_text = self.text()

    def focusInEvent(self, event) -> None:  # noqa: N802
        self.saver.new_visit()
        super().focusInEvent(event)


class BoundChoice(QComboBox, _Bound):
    def __init__(
        self, session: Session, entity: str, field: str, choices: list[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        QComboBox.__init__(self, parent)
        self.bind(session, entity, field)
        for key, label in choices:
            self.addItem(label, key)
        self.activated.connect(self.commit)

    def load(self, record: Any, read_only: bool) -> None:
        self.row_id = record.id
        self.setCurrentIndex(max(self.findData(getattr(record, self.field)), 0))
        self.setEnabled(not read_only)

    def commit(self) -> None:
        self.commit_value(self, self.currentData())


class BoundCheck(QCheckBox, _Bound):
    """A yes/no field (print an optional column or not): committed when ticked."""

    def __init__(self, session: Session, entity: str, field: str, parent: QWidget | None = None) -> None:
        QCheckBox.__init__(self, parent)
        self.bind(session, entity, field)
        self.clicked.connect(self.commit)

    def load(self, record: Any, read_only: bool) -> None:
        self.row_id = record.id
        self.setChecked(bool(getattr(record, self.field)))
        self.setEnabled(not read_only)

    def commit(self) -> None:
        if not self.commit_value(self, self.isChecked()):
            self.setChecked(not self.isChecked())
