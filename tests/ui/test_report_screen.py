"""Drive the period report the way an official does: keyboard in the grids, submit, reopen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.ui.keyboard import type_text
from ui.screen_list import SCREENS

TASKS, INDICATORS, NARRATIVE, DOCUMENT = range(4)


def _open_reports(window):
    window.nav.setCurrentRow([key for key, _ in SCREENS].index("report"))
    return window.screens["report"]


def _issue(ws, plan) -> None:
    ws.edit("plan", plan.id, "doc_number", 5)
    ws.edit("plan", plan.id, "issue_date", "08/01/2026")
    ws.plans.issue(plan.id)


def _cell_editor(view):
    """The open cell editor (it has the focus, unless its window is not the active one offscreen)."""
    focused = QApplication.focusWidget()
    if focused is not None and focused is not view and view.isAncestorOf(focused):
        return focused
    editors = view.viewport().findChildren(QLineEdit)
    assert editors, "the cell editor did not open"
    return editors[-1]


def _type_into_cell(qtbot, view, text: str) -> None:
    qtbot.keyClick(view, Qt.Key.Key_Return)
    editor = _cell_editor(view)
    editor.selectAll()
    type_text(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits a line editor on a queued call


def _choose_in_cell(qtbot, view, steps_down: int) -> None:
    qtbot.keyClick(view, Qt.Key.Key_Return)
    combo = QApplication.focusWidget()
    assert combo is not None and combo is not view, "the choice editor did not open"
    for _ in range(steps_down):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    QApplication.processEvents()


def _go(view, editor, row: int, field: str) -> None:
    view.setFocus()
    view.setCurrentIndex(view.model().index(row, editor.model.column_of(field)))


@pytest.fixture
def report_screen(window, ws, draft_plan):
    _issue(ws, draft_plan)
    ws.reports.create_calendar(2026)
    screen = _open_reports(window)
    screen.show_period(ws.reports.period(2026, "Q1").id)
    return screen


def test_a_year_without_a_calendar_offers_to_make_one_and_showing_it_wrote_nothing(window, ws, qtbot):
    before = list(ws.conn.iterdump())
    screen = _open_reports(window)
    assert screen.stack.currentWidget() is screen.empty and screen.period_box.count() == 0
    assert screen.empty.title.text() == "Năm 2026 chưa có lịch báo cáo."
    assert list(ws.conn.iterdump()) == before
    qtbot.mouseClick(screen.empty.calendar_button, Qt.MouseButton.LeftButton)
    assert screen.period_box.count() == 4 and ws.history.undo_label == "lập lịch báo cáo năm 2026"


def test_without_an_issued_plan_the_screen_says_why(window, ws):
    ws.reports.create_calendar(2026)
    screen = _open_reports(window)
    assert screen.stack.currentWidget() is screen.empty
    assert "chưa có kế hoạch cải cách hành chính đã ban hành" in screen.empty.title.text()
    assert not screen.empty.create_button.isVisible()
    assert screen.period_box.count() == 4 and "Quý III/2026 (9 tháng)" in screen.period_box.itemText(2)


def test_fill_by_keyboard_submit_and_see_it_locked(report_screen, window, qtbot, ws, monkeypatch, shown_errors):
    from ui.screens.report_dialogs import ReopenDialog, SubmitDialog

    screen = report_screen
    assert screen.empty.create_button.text() == "Lập báo cáo Quý I/2026"
    qtbot.mouseClick(screen.empty.create_button, Qt.MouseButton.LeftButton)
    assert screen.stack.currentWidget() is screen.editor
    report = ws.reports.for_period(2026, "Q1")

    tasks = screen.pages[TASKS].editor
    _go(tasks.view, tasks, 0, "status")
    _choose_in_cell(qtbot, tasks.view, 2)  # Chưa triển khai → Đang thực hiện → Hoàn thành đúng hạn
    _go(tasks.view, tasks, 0, "result")
    _type_into_cell(qtbot, tasks.view, "Đã ban hành Kế hoạch số 05/KH-UBND")
    _go(tasks.view, tasks, 1, "progress")
    _type_into_cell(qtbot, tasks.view, "50")
    progress = ws.reports.aggregate(report.id).progress
    assert (progress[0].status, progress[0].progress, progress[0].result) == (
        "done_on_time",
        100,
        "Đã ban hành Kế hoạch số 05/KH-UBND",
    )
    assert progress[1].progress == 50

    screen.tabs.setCurrentIndex(INDICATORS)
    figures = screen.pages[INDICATORS].editor
    _go(figures.view, figures, 0, "numerator")
    _type_into_cell(qtbot, figures.view, "48")
    qtbot.keyClick(figures.view, Qt.Key.Key_Tab)
    _type_into_cell(qtbot, figures.view, "100")
    _go(figures.view, figures, 1, "value")
    _type_into_cell(qtbot, figures.view, "1")
    model = figures.view.model()
    cell = lambda row, field: model.index(row, figures.model.column_of(field)).data()  # noqa: E731
    assert (cell(0, "period_figure"), cell(0, "ytd_figure"), cell(0, "attainment")) == ("48%", "48%", "Chưa đạt")
    assert cell(1, "attainment") == "Đạt (chỉ tiêu phấn đấu)"
    assert cell(0, "value") == "—" and cell(1, "numerator") == "—"

    monkeypatch.setattr(SubmitDialog, "exec", lambda self: pytest.fail("asked to confirm a report that cannot go"))
    qtbot.mouseClick(screen.buttons["submit"], Qt.MouseButton.LeftButton)
    assert shown_errors.pop().startswith("Chưa nộp được: báo cáo chưa có số văn bản.")

    screen.tabs.setCurrentIndex(DOCUMENT)
    document = screen.pages[DOCUMENT]
    qtbot.mouseClick(document.next_number, Qt.MouseButton.LeftButton)
    date = document.fields["report_date"]
    date.setFocus()
    qtbot.keyClicks(date, "14/03/2026")
    qtbot.keyClick(date, Qt.Key.Key_Return)

    monkeypatch.setattr(
        SubmitDialog, "exec", lambda self: (self.reason_edit.setPlainText("Chờ số liệu của tỉnh"), 1)[1]
    )
    qtbot.mouseClick(screen.buttons["submit"], Qt.MouseButton.LeftButton)
    report = ws.reports.get(report.id)
    assert report.status == "submitted" and report.number_text == "06/BC-UBND"
    assert screen.banner.isVisible() and "Báo cáo đã nộp lúc" in screen.banner.text()
    assert screen.buttons["reopen"].isVisible() and not screen.buttons["submit"].isVisible()
    assert not tasks.model.flags(tasks.model.index(0, tasks.model.column_of("result"))) & Qt.ItemFlag.ItemIsEditable
    window.session.edit(tasks.view, "task_progress", progress[1].id, "result", "sửa sau khi nộp")
    assert "đã nộp lúc" in window.message_bar.text and "Mở lại để sửa" in window.message_bar.text

    monkeypatch.setattr(ReopenDialog, "exec", lambda self: (self.reason_edit.setPlainText("Bổ sung số liệu"), 1)[1])
    qtbot.mouseClick(screen.buttons["reopen"], Qt.MouseButton.LeftButton)
    assert ws.reports.get(report.id).status == "draft"
    assert "lý do: Bổ sung số liệu" in screen.banner.text()
    assert tasks.model.flags(tasks.model.index(0, tasks.model.column_of("result"))) & Qt.ItemFlag.ItemIsEditable
    history = [document.history.item(i).text() for i in range(document.history.count())]
    assert any("Mở lại để sửa" in line and "lý do: Bổ sung số liệu" in line for line in history)
    assert shown_errors == []


def test_narrative_is_saved_as_typed_and_undone(report_screen, window, qtbot, ws):
    qtbot.mouseClick(report_screen.empty.create_button, Qt.MouseButton.LeftButton)
    report_screen.tabs.setCurrentIndex(NARRATIVE)
    text = report_screen.pages[NARRATIVE].texts["shortcomings_text"]
    text.setFocus()
    type_text(text, "Tỷ lệ số hóa ")
    text.commit()  # the official paused after a space: saved, and the box is left as typed
    type_text(text, "hồ sơ còn thấp")
    text.commit()
    assert text.toPlainText() == "Tỷ lệ số hóa hồ sơ còn thấp"
    assert ws.reports.for_period(2026, "Q1").shortcomings_text == "Tỷ lệ số hóa hồ sơ còn thấp"
    window.undo_action.trigger()  # the saves of one visit to the box are one step
    assert text.toPlainText() == ""


def test_a_problem_leads_to_its_row(report_screen, qtbot, ws):
    qtbot.mouseClick(report_screen.empty.create_button, Qt.MouseButton.LeftButton)
    behind = next(p for p in report_screen.problems.problems if p.key == "problem.task_progress.behind_no_reason")
    report_screen.go_to_problem(behind)
    tasks = report_screen.pages[TASKS].editor
    assert report_screen.tabs.currentIndex() == TASKS
    assert tasks.view.currentIndex().column() == tasks.model.column_of("reason")
    assert tasks.model.index(0, tasks.model.column_of("flag")).data() == "Chậm tiến độ"
    number = next(p for p in report_screen.problems.problems if p.key == "problem.report.no_number")
    report_screen.go_to_problem(number)
    assert report_screen.tabs.currentIndex() == DOCUMENT


def test_calendar_dialog_edits_dates_and_adds_a_period(report_screen, qtbot, ws, monkeypatch):
    from ui.screens.report_calendar import CalendarDialog
    from ui.screens.report_dialogs import AddPeriodDialog

    dialog = CalendarDialog(report_screen.session, 2026, report_screen)
    qtbot.addWidget(dialog)
    dialog.show()
    view = dialog.editor.view
    _go(view, dialog.editor, 0, "due_date")
    _type_into_cell(qtbot, view, "15/03/2026")
    assert ws.reports.period(2026, "Q1").due_date == "2026-03-15"

    def fill(self):
        for name, text in (
            ("name", "Báo cáo chuyên đề tháng 5/2026"),
            ("start", "01/05/2026"),
            ("end", "31/05/2026"),
            ("due", "05/06/2026"),
        ):
            self.edits[name].setText(text)
        return 1

    monkeypatch.setattr(AddPeriodDialog, "exec", fill)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.editor.model.rowCount() == 5
    dialog.accept()
    report_screen.set_year(2026)
    assert report_screen.period_box.count() == 5
    assert report_screen.period_box.itemText(4).startswith("Báo cáo chuyên đề tháng 5/2026")
    assert report_screen.period.code == "Q1"  # the period being looked at stays selected


def test_undo_from_the_window_restores_the_grid(report_screen, window, qtbot, ws):
    qtbot.mouseClick(report_screen.empty.create_button, Qt.MouseButton.LeftButton)
    figures = report_screen.pages[INDICATORS].editor
    report_screen.tabs.setCurrentIndex(INDICATORS)
    _go(figures.view, figures, 0, "numerator")
    _type_into_cell(qtbot, figures.view, "48")
    _go(figures.view, figures, 0, "denominator")
    _type_into_cell(qtbot, figures.view, "96")
    cell = lambda field: figures.view.model().index(0, figures.model.column_of(field)).data()  # noqa: E731
    assert cell("period_figure") == "50%"
    window.undo_action.trigger()
    assert (cell("denominator"), cell("period_figure")) == ("", "")
    window.redo_action.trigger()
    assert (cell("denominator"), cell("period_figure")) == ("96", "50%")
