"""Score the index by keyboard the way an official does, and watch the totals follow."""

from __future__ import annotations

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

import ui.widgets.asking as asking
from tests.ui.keyboard import type_text

YEAR = 2026


@pytest.fixture
def screen(window, qtbot):
    from ui.screen_list import SCREENS

    window.nav.setCurrentRow([key for key, _ in SCREENS].index("assessment"))
    screen = window.screens["assessment"]
    assert screen.stack.currentWidget() is screen.empty
    qtbot.mouseClick(screen.empty.start, Qt.MouseButton.LeftButton)
    assert screen.stack.currentWidget() is screen.editor
    return screen


def _cell(screen, code: str, field: str):
    return screen.model.index(screen.model.row_of_code(code), screen.model.column_of(field))


def _score(ws, code: str):
    line = next(line for line in ws.assessment.view(YEAR, {}).lines if line.criterion.code == code)
    return line.score


def _type_score(qtbot, view, text: str):
    qtbot.keyClick(view, Qt.Key.Key_Return)
    editor = QApplication.focusWidget()
    assert editor is not view, "the cell editor did not open"
    type_text(editor, text)
    return editor


def test_score_and_explain_by_keyboard_totals_follow(screen, qtbot, ws, window):
    view = screen.table
    view.setFocus()
    assert screen.illustrative.isVisible() and "minh họa" in screen.illustrative.text()
    assert screen.totals.text().startswith("Điểm tự chấm: 0/80")
    view.setCurrentIndex(_cell(screen, "1.1.1", "self_score"))
    editor = _type_score(qtbot, view, "1")
    assert screen.totals.text().startswith("Điểm tự chấm: 1/80")  # live, before Enter
    assert _cell(screen, "1", "self_score").data() == "1/10"
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    QApplication.processEvents()
    explanation = QApplication.focusWidget()
    assert view.currentIndex() == _cell(screen, "1.1.1", "explanation") and explanation is not view
    type_text(explanation, "Ban hành ngày 08/01/2026, trước hạn")
    qtbot.keyClick(explanation, Qt.Key.Key_Return)
    QApplication.processEvents()
    score = _score(ws, "1.1.1")
    assert (score.self_score, score.explanation) == (1, "Ban hành ngày 08/01/2026, trước hạn")
    assert window.saved_label.text().startswith("Đã lưu lúc")
    view.setCurrentIndex(_cell(screen, "1.2", "self_score"))
    editor = _type_score(qtbot, view, "0,5")
    assert screen.totals.text().startswith("Điểm tự chấm: 1,5/80")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert screen.totals.text().startswith("Điểm tự chấm: 1/80")  # abandoned, not saved
    assert _score(ws, "1.2").self_score is None


def test_a_bad_score_is_explained_in_the_message_bar(screen, qtbot, ws, window, shown_errors):
    view = screen.table
    view.setFocus()
    view.setCurrentIndex(_cell(screen, "1.1.1", "self_score"))
    editor = _type_score(qtbot, view, "1,3")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert shown_errors == []
    assert "phải từ 0 đến 1, không phải 1,3" in window.message_bar.text
    assert _score(ws, "1.1.1").self_score is None
    assert not screen.model.flags(_cell(screen, "8.4", "self_score")) & Qt.ItemFlag.ItemIsEditable


def test_blocking_problem_then_submit_locks_and_reopen(screen, qtbot, ws, shown_errors, monkeypatch):
    monkeypatch.setattr(asking, "confirm", lambda *a: True)
    view = screen.table
    view.setFocus()
    view.setCurrentIndex(_cell(screen, "2.2", "self_score"))
    editor = _type_score(qtbot, view, "2")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    errors = [p for p in screen.problems.problems if p.blocking]
    assert len(errors) == 1 and errors[0].message.startswith("Tiêu chí 2.2: tự chấm 2 điểm")
    assert _cell(screen, "2.2", "explanation").data(Qt.ItemDataRole.BackgroundRole) is not None
    screen.buttons["submit"].click()
    assert shown_errors and shown_errors[-1].startswith("Chưa nộp được: còn 1 lỗi")
    screen.go_to_problem(errors[0])
    assert view.currentIndex() == _cell(screen, "2.2", "explanation")
    qtbot.keyClick(view, Qt.Key.Key_Return)
    type_text(QApplication.focusWidget(), "Đã triển khai 12/12 văn bản của tỉnh")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    QApplication.processEvents()
    screen.buttons["submit"].click()
    assert ws.assessment.get(YEAR).status == "submitted"
    assert screen.locked.isVisible() and not screen.buttons["submit"].isVisible()
    assert not screen.model.flags(_cell(screen, "1.1.1", "self_score")) & Qt.ItemFlag.ItemIsEditable
    monkeypatch.setattr(asking, "ask_text", lambda *a: "Bổ sung tài liệu theo đề nghị của Sở Nội vụ")
    screen.buttons["reopen"].click()
    assert ws.assessment.get(YEAR).reopen_reason == "Bổ sung tài liệu theo đề nghị của Sở Nội vụ"
    assert screen.model.flags(_cell(screen, "1.1.1", "self_score")) & Qt.ItemFlag.ItemIsEditable


def test_accept_the_proposal_from_the_indicator(screen, qtbot, ws):
    screen.values = {"CX-11": 99.2}
    screen.reload()
    screen.table.setCurrentIndex(_cell(screen, "3.2.2", "self_score"))
    assert _cell(screen, "3.2.2", "proposed").data() == "2"
    assert screen.details.proposal_box.isVisible() and "99,2 → điểm đề xuất 2" in screen.details.proposal.text()
    qtbot.mouseClick(screen.details.accept, Qt.MouseButton.LeftButton)
    assert _score(ws, "3.2.2").self_score == 2
    assert _cell(screen, "3.2.2", "self_score").data() == "2"


def test_import_the_province_catalogue_from_excel(screen, ws, tmp_path, monkeypatch):
    book = Workbook()
    book.active.append(["Mã", "Mã mục cha", "Tên tiêu chí", "Điểm tối đa"])
    book.active.append(["1", None, "Chỉ đạo, điều hành", 1])
    book.active.append(["1.1.1", "1", "Ban hành kế hoạch CCHC năm kịp thời", 1])
    book.save(tmp_path / "tinh.xlsx")
    monkeypatch.setattr(asking, "open_file", lambda *a: str(tmp_path / "tinh.xlsx"))
    monkeypatch.setattr(asking, "confirm", lambda *a: True)
    screen.buttons["import"].click()
    assert screen.model.rowCount() == 2 and not screen.illustrative.isVisible()
    assert screen.notice.text().startswith("Đã nhập «Bộ tiêu chí nhập từ tệp tinh.xlsx» cho năm 2026")
