"""Typing that a crash would lose: at most about a second of it, whatever the rhythm.

Text is saved after a pause and at the latest every second of continuous typing, in single-line and
multi-line fields and in grid cells alike; the saves of one visit to a field are one undo step."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.keyboard import type_text

SENTENCE = "Rà soát, công khai mỗi quý"  # 26 characters, 90 ms apart: over two seconds of typing
KEY_GAP_MS = 90
#: What may still be unsaved at any moment: the promise (one second) and the time a save takes here.
ALLOWED_LOSS_S = 1.3


def _type_steadily(qtbot, widget, stored) -> list[tuple[float, str, str]]:
    """Type SENTENCE key by key without a pause; after each key note (when, typed so far, in the file)."""
    samples = []
    for end in range(1, len(SENTENCE) + 1):
        type_text(widget, SENTENCE[end - 1])
        qtbot.wait(KEY_GAP_MS)
        samples.append((time.monotonic(), SENTENCE[:end], stored()))
    return samples


def _at_most_a_second_lost(samples) -> None:
    for when, _typed, in_file in samples:
        earlier = [typed for at, typed, _ in samples if at <= when - ALLOWED_LOSS_S]
        if earlier:
            assert in_file.startswith(earlier[-1]), (earlier[-1], in_file)
    assert samples[-1][2], "nothing was saved during two seconds of typing"


def test_a_single_line_field_saves_while_typing_and_undoes_in_one_step(window, qtbot, ws, draft_plan):
    page = window.screens["plan"].page(0)
    title = page.fields["title"]
    before = ws.plans.get(draft_plan.id).title
    title.setFocus()
    title.selectAll()
    qtbot.keyClick(title, Qt.Key.Key_Delete)
    _at_most_a_second_lost(_type_steadily(qtbot, title, lambda: ws.plans.get(draft_plan.id).title))
    qtbot.keyClick(title, Qt.Key.Key_Tab)
    assert ws.plans.get(draft_plan.id).title == SENTENCE
    window.undo_action.trigger()
    assert ws.plans.get(draft_plan.id).title == before  # the whole visit, not its last second


def test_a_multi_line_field_saves_while_typing(window, qtbot, ws, draft_plan):
    screen = window.screens["plan"]
    screen.tabs.setCurrentIndex(1)
    text = screen.page(1).texts[0]
    text.setFocus()
    text.selectAll()
    qtbot.keyClick(text, Qt.Key.Key_Delete)
    _at_most_a_second_lost(_type_steadily(qtbot, text, lambda: ws.plans.get(draft_plan.id).purpose_text))


@pytest.mark.parametrize("field", ["content", "lead_unit"])  # a multi-line and a single-line cell
def test_a_grid_cell_saves_while_typing_and_undoes_in_one_step(window, qtbot, ws, draft_plan, field):
    screen = window.screens["plan"]
    screen.tabs.setCurrentIndex(4)
    editor = screen.page(4).editor
    view = editor.view
    before = getattr(ws.plans.aggregate(draft_plan.id).tasks[0], field)
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, editor.model.column_of(field)))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    cell = QApplication.focusWidget()
    cell.selectAll()
    qtbot.keyClick(cell, Qt.Key.Key_Delete)
    samples = _type_steadily(qtbot, cell, lambda: getattr(ws.plans.aggregate(draft_plan.id).tasks[0], field))
    assert QApplication.focusWidget() is cell  # the saves did not close the cell being typed in
    _at_most_a_second_lost(samples)
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert getattr(ws.plans.aggregate(draft_plan.id).tasks[0], field) == SENTENCE
    window.undo_action.trigger()
    assert getattr(ws.plans.aggregate(draft_plan.id).tasks[0], field) == before


def test_merged_saves_of_one_visit_are_one_step_in_the_core(ws, draft_plan):
    title = ws.plans.get(draft_plan.id).title
    for text in ("Kế", "Kế hoạch", "Kế hoạch năm"):
        ws.edit("plan", draft_plan.id, "title", text, typing=("title", 1))
    ws.edit("plan", draft_plan.id, "title", "Kế hoạch năm nay", typing=("title", 2))  # a new visit
    ws.undo()
    assert ws.plans.get(draft_plan.id).title == "Kế hoạch năm"
    ws.undo()
    assert ws.plans.get(draft_plan.id).title == title
    ws.redo()
    assert ws.plans.get(draft_plan.id).title == "Kế hoạch năm"
