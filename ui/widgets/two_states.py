"""A screen's two states: nothing yet for the year (ways to start) or the document being edited."""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QWidget


def empty_or_editor(empty: QWidget, editor: QWidget) -> QStackedWidget:
    stack = QStackedWidget()
    stack.addWidget(empty)
    stack.addWidget(editor)
    return stack
