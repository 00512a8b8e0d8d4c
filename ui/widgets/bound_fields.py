"""Form fields bound to one field of one record; each finished edit is committed at once.

Long text commits when the user pauses typing or leaves the field, so a crash or power cut
loses at most the last second of typing. A value the core refuses stays in the field,
marked, with the reason in the window's message bar.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from cchc_desktop.kernel.fields import display
from cchc_desktop.kernel.i18n import format_date, format_number
from cchc_desktop.kernel.text import clean
from ui.session import Session

IDLE_COMMIT_MS = 800
_INVALID = "border: 1px solid #d13438; background: #fde7e9;"


class _Bound:
    """Shared binding: which entity/field/row this widget edits."""

    def bind(self, session: Session, entity: str, field: str) -> None:
        self.session, self.entity, self.field = session, entity, field
        self.spec = session.ws.field_specs(entity)[field]
        self.row_id: int | None = None
        self.committed_text = ""

    def commit_value(self, widget: QWidget, value: Any) -> bool:
        if self.row_id is None:
            return False
        result = self.session.edit(widget, self.entity, self.row_id, self.field, value)
        widget.setStyleSheet("" if result is not None else _INVALID)
        return result is not None

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
        self._timer = QTimer(self, singleShot=True, interval=IDLE_COMMIT_MS)
        self._timer.timeout.connect(self.commit)
        self.textChanged.connect(self._typed)
        self._loading = False

    def load(self, record: Any, read_only: bool) -> None:
        self._loading = True
        same_row = self.row_id == record.id
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
            self._timer.start()

    def commit(self) -> None:
        self._timer.stop()
        text = self.toPlainText()
        if self.row_id is None or self.isReadOnly() or text.strip() == self.committed_text.strip():
            return
        if self.commit_value(self, text):
            self.committed_text = text

    def focusOutEvent(self, event) -> None:  # noqa: N802
        self.commit()
        super().focusOutEvent(event)


class BoundLine(QLineEdit, _Bound):
    def __init__(self, session: Session, entity: str, field: str, parent: QWidget | None = None) -> None:
        QLineEdit.__init__(self, parent)
        self.bind(session, entity, field)
        self.editingFinished.connect(self.commit)

    def load(self, record: Any, read_only: bool) -> None:
        same_row = self.row_id == record.id
        self.row_id = record.id
        self.committed_text = self.text_for(getattr(record, self.field))
        if not (same_row and self.hasFocus() and clean(self.text()) == clean(self.committed_text)):
            self.setText(self.committed_text)
            self.setStyleSheet("")
        self.setReadOnly(read_only)

    def commit(self) -> None:
        if self.row_id is None or self.isReadOnly() or self.text() == self.committed_text:
            return
        if self.commit_value(self, self.text()):
            self.committed_text = self.text()


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
