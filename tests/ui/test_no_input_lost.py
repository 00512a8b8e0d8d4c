"""No input is ever thrown away: every editable cell and field, typed into with text, "", "0,5",
"1.000" and "tăng", either keeps what was typed (as a number, a date, or text) or refuses it with a
message and opens again holding it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from cchc_desktop.workspace import Workspace
from tests.ui.keyboard import type_text
from ui.screen_list import SCREENS

TYPED = ["Ghi chú mới", "", "0,5", "1.000", "tăng"]


def _editor_text(widget) -> str | None:
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    return None


def _same(shown: str, typed: str) -> bool:
    """The cell shows what was typed (a number as the app writes it: "0,5", "1.000")."""
    return shown.strip() == typed.strip() or (typed == "" and shown in ("", "Không", "—"))


def _type_into(qtbot, window, editor, row: int, column: int, typed: str) -> str:
    """Type into one cell like a user; 'kept' or 'refused' (with the reopened editor checked)."""
    view = editor.view
    window.message_bar.hide()
    view.setFocus()
    view.setCurrentIndex(view.model().index(row, column))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    cell_editor = QApplication.focusWidget()
    assert cell_editor is not view, "the cell editor did not open"
    cell_editor.selectAll()
    if typed:
        type_text(cell_editor, typed)
    else:
        qtbot.keyClick(cell_editor, Qt.Key.Key_Delete)
    qtbot.keyClick(cell_editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    QApplication.processEvents()
    shown = view.model().index(row, column).data() or ""
    if _same(shown, typed):
        return "kept"
    reopened = QApplication.focusWidget()
    assert window.message_bar.text, f"«{typed}» vanished from {editor.entity}.{editor.model.columns[column].field}"
    assert _editor_text(reopened) == typed, "the refused input was not given back"
    qtbot.keyClick(reopened, Qt.Key.Key_Escape)
    QApplication.processEvents()
    return "refused"


def _editable_columns(editor) -> list[int]:
    model = editor.model
    return [i for i, c in enumerate(model.columns) if c.editable and not c.choices]


def _sweep(qtbot, window, editor) -> dict[str, set[str]]:
    outcomes: dict[str, set[str]] = {}
    for column in _editable_columns(editor):
        name = editor.model.columns[column].field
        for typed in TYPED:
            outcomes.setdefault(name, set()).add(f"{typed}:{_type_into(qtbot, window, editor, 0, column, typed)}")
    return outcomes


@pytest.mark.parametrize(("tab", "entity"), [(2, "indicator"), (4, "task")])
def test_every_plan_cell(window, qtbot, tab, entity):
    screen = window.screens["plan"]
    screen.tabs.setCurrentIndex(tab)
    editor = screen.page(tab).editor
    outcomes = _sweep(qtbot, window, editor)
    assert "tăng:kept" in outcomes["content" if entity == "task" else "target"]
    assert "0,5:kept" in outcomes["budget" if entity == "task" else "baseline_value"]
    assert "1.000:kept" in outcomes["budget" if entity == "task" else "baseline_value"]
    assert "tăng:refused" in outcomes["budget" if entity == "task" else "baseline_value"]


def test_every_field_of_the_plan_form(window, qtbot, ws, draft_plan):
    page = window.screens["plan"].page(0)
    for name, field in page.fields.items():
        if not isinstance(field, QLineEdit):
            continue
        for typed in TYPED:
            window.message_bar.hide()
            field.setFocus()
            field.selectAll()
            qtbot.keyClick(field, Qt.Key.Key_Delete)
            type_text(field, typed)
            qtbot.keyClick(field, Qt.Key.Key_Tab)
            QApplication.processEvents()
            stored = getattr(ws.plans.get(draft_plan.id), name)
            kept = not window.message_bar.text and (stored not in (None, "")) == (typed != "")
            refused = bool(window.message_bar.text) and field.text() == typed  # refused, and still there
            assert kept or refused, (name, typed, stored, field.text())


@pytest.fixture
def demo_report_window(app, qtbot, demo_path, shown_errors):
    from ui.main_window import MainWindow
    from ui.session import Session

    ws = Workspace.open(demo_path)
    win = MainWindow(Session(ws))
    qtbot.addWidget(win)
    win.show()
    win.set_year(2026)
    win.nav.setCurrentRow([key for key, _ in SCREENS].index("report"))
    win.screens["report"].show_period(ws.reports.period(2026, "Q3").id)
    yield win
    ws.close()


@pytest.mark.parametrize("page", [0, 1])
def test_every_report_cell(demo_report_window, qtbot, page):
    screen = demo_report_window.screens["report"]
    screen.tabs.setCurrentIndex(page)
    editor = screen.pages[page].editors()[0]
    outcomes = _sweep(qtbot, demo_report_window, editor)
    assert outcomes and all(outcomes.values())
