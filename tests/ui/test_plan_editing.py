"""Drive the plan editor the way an official does: keyboard, paste, undo, filter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cchc_desktop.workspace import Workspace
from tests.ui.keyboard import type_text

TASKS_TAB = 4


def _tasks_editor(window):
    screen = window.screens["plan"]
    screen.tabs.setCurrentIndex(TASKS_TAB)
    return screen.page(TASKS_TAB).editor


def _type_into_cell(qtbot, view, text: str) -> None:
    qtbot.keyClick(view, Qt.Key.Key_Return)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not view, "the cell editor did not open"
    editor.selectAll()
    type_text(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits a line editor on a queued call


def test_add_and_edit_a_task_by_keyboard(window, qtbot, ws, draft_plan):
    editor = _tasks_editor(window)
    view = editor.view
    view.setFocus()
    view.setCurrentIndex(view.model().index(2, 0))
    qtbot.keyClick(view, Qt.Key.Key_Insert)
    tasks = ws.plans.aggregate(draft_plan.id).tasks
    assert len(tasks) == 4 and tasks[3].content == ""
    content_column = editor.model.column_of("content")
    view.setCurrentIndex(view.model().index(3, content_column))
    _type_into_cell(qtbot, view, "Rà soát quy trình nội bộ theo ISO")
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    _type_into_cell(qtbot, view, "Văn phòng - Thống kê")
    deadline_column = editor.model.column_of("deadline_text")
    view.setCurrentIndex(view.model().index(3, deadline_column))
    _type_into_cell(qtbot, view, "Quý III/2026")
    task = ws.plans.aggregate(draft_plan.id).tasks[3]
    assert (task.content, task.lead_unit, task.deadline_due) == (
        "Rà soát quy trình nội bộ theo ISO",
        "Văn phòng - Thống kê",
        "2026-09-30",
    )
    assert window.saved_label.text().startswith("Đã lưu lúc")
    parsed = view.model().index(3, editor.model.column_of("deadline_kind")).data()
    assert parsed == "Quý: 30/09/2026"


def test_bad_number_goes_to_the_message_bar_not_a_dialog(window, qtbot, ws, draft_plan, shown_errors):
    screen = window.screens["plan"]
    screen.tabs.setCurrentIndex(2)
    editor = screen.page(2).editor
    view = editor.view
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, editor.model.column_of("baseline_value")))
    _type_into_cell(qtbot, view, "năm lăm")
    assert shown_errors == []
    assert "«Giá trị năm gốc» cần một số" in window.message_bar.text
    assert ws.plans.aggregate(draft_plan.id).indicators[0].baseline_value is None


def test_a_target_in_words_is_kept_as_typed(window, qtbot, ws, draft_plan, shown_errors):
    screen = window.screens["plan"]
    screen.tabs.setCurrentIndex(2)
    editor = screen.page(2).editor
    view = editor.view
    view.setFocus()
    column = editor.model.column_of("target")
    view.setCurrentIndex(view.model().index(0, column))
    _type_into_cell(qtbot, view, "tăng so với năm trước")
    indicator = ws.plans.aggregate(draft_plan.id).indicators[0]
    assert (indicator.target, indicator.target_text) == (None, "tăng so với năm trước")
    assert view.model().index(0, column).data() == "tăng so với năm trước" and shown_errors == []


def test_paste_rows_copied_from_word(window, qtbot, ws, draft_plan):
    editor = _tasks_editor(window)
    view = editor.view
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 1))
    QApplication.clipboard().setText(
        "STT\tNội dung\tCơ quan chủ trì\tThời gian hoàn thành\n"
        "1\tCập nhật hồ sơ lên Cổng dịch vụ công\tBộ phận Một cửa\tHằng tháng\n"
        "2\tTập huấn kỹ năng số cho công chức\tVăn phòng\tQuý II/2026\n"
    )
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    contents = [t.content for t in ws.plans.aggregate(draft_plan.id).tasks]
    assert contents[1:3] == ["Cập nhật hồ sơ lên Cổng dịch vụ công", "Tập huấn kỹ năng số cho công chức"]
    assert editor.model.rowCount() == 5


def test_undo_and_redo_from_the_window(window, qtbot, ws, draft_plan):
    editor = _tasks_editor(window)
    editor.view.setFocus()
    editor.view.setCurrentIndex(editor.view.model().index(0, 1))
    editor.delete_selected()
    assert len(ws.plans.aggregate(draft_plan.id).tasks) == 2
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert len(ws.plans.aggregate(draft_plan.id).tasks) == 3
    assert editor.model.rowCount() == 3
    window.redo_action.trigger()
    assert editor.model.rowCount() == 2


def test_filter_ignores_diacritics(window, qtbot, ws, draft_plan):
    window.session.edit(None, "task", ws.plans.aggregate(draft_plan.id).tasks[0].id, "responsible", "Trần Văn Đức")
    editor = _tasks_editor(window)
    qtbot.keyClicks(editor.filter_box, "duc")
    assert editor.proxy.rowCount() == 1
    editor.filter_box.clear()
    qtbot.keyClicks(editor.filter_box, "iso 9001")
    assert editor.proxy.rowCount() == 1
    editor.filter_box.clear()
    assert editor.proxy.rowCount() == 3


def test_text_edit_survives_closing_and_reopening(window, qtbot, ws, draft_plan, ws_path):
    screen = window.screens["plan"]
    screen.tabs.setCurrentIndex(1)
    text = screen.page(1).texts[0]
    text.setFocus()
    text.selectAll()
    type_text(text, "Mục đích mới của kế hoạch")
    window.close()
    ws.close()
    reopened = Workspace.open(ws_path)
    assert reopened.plans.aggregate(draft_plan.id).plan.purpose_text == "Mục đích mới của kế hoạch"
    reopened.close()


def test_issue_is_refused_with_the_reason_then_locks(window, qtbot, ws, draft_plan, shown_errors, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    screen = window.screens["plan"]
    screen.issue_plan()
    assert shown_errors and "chưa có số văn bản" in shown_errors[-1]
    meta = screen.page(0)
    meta.next_number.click()
    date = meta.fields["issue_date"]
    date.setFocus()
    qtbot.keyClicks(date, "08/01/2026")
    qtbot.keyClick(date, Qt.Key.Key_Return)
    screen.issue_plan()
    assert ws.plans.get(draft_plan.id).status == "issued"
    assert screen.banner.isVisible() and "05" not in screen.banner.text()
    editor = _tasks_editor(window)
    assert not editor.model.flags(editor.model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable


def test_empty_year_offers_three_ways_to_start(window, qtbot, ws):
    window.set_year(2027)
    screen = window.screens["plan"]
    assert screen.stack.currentWidget() is screen.empty
    assert screen.empty.buttons["copy"].isEnabled()
    qtbot.mouseClick(screen.empty.buttons["copy"], Qt.MouseButton.LeftButton)
    plan = ws.plans.current(2027)
    assert plan is not None and plan.source == "copy"
    assert any("còn ghi «năm 2026»" in p.message for p in ws.plans.problems(plan.id))


def test_update_years_button_after_copy(window, qtbot, ws):
    window.set_year(2027)
    screen = window.screens["plan"]
    qtbot.mouseClick(screen.empty.buttons["copy"], Qt.MouseButton.LeftButton)
    assert screen.years_button.isVisible() and "Cập nhật năm 2027" in screen.years_button.text()
    qtbot.mouseClick(screen.years_button, Qt.MouseButton.LeftButton)
    plan = ws.plans.current(2027)
    assert plan.title.endswith("năm 2027") and ws.plans.stale_year_count(plan.id) == 0
    assert not screen.years_button.isVisible()


def test_pausing_while_typing_keeps_the_text_and_cursor(window, qtbot, ws, draft_plan):
    """A commit during a pause refreshes the screen; the editor keeps a trailing space and its cursor."""
    screen = window.screens["plan"]
    screen.tabs.setCurrentIndex(1)
    text = screen.page(1).texts[0]
    text.setFocus()
    text.selectAll()
    type_text(text, "Nâng cao chất lượng ")
    text.commit()  # what the idle timer does after a pause
    assert ws.plans.get(draft_plan.id).purpose_text == "Nâng cao chất lượng"
    assert text.toPlainText() == "Nâng cao chất lượng " and text.textCursor().position() == len("Nâng cao chất lượng ")
    type_text(text, "phục vụ")
    text.commit()
    assert ws.plans.get(draft_plan.id).purpose_text == "Nâng cao chất lượng phục vụ"


def test_amend_an_issued_plan_from_the_screen(window, qtbot, ws, draft_plan, monkeypatch):
    from ui.dialogs.amend_plan import AmendPlanDialog

    ws.edit("plan", draft_plan.id, "doc_number", 5)
    ws.edit("plan", draft_plan.id, "issue_date", "08/01/2026")
    ws.plans.issue(draft_plan.id)
    window.set_year(2026)

    def fill_and_accept(dialog):
        dialog.date_edit.setText("31/02/2026")
        assert dialog.check().startswith("«Ngày hiệu lực» cần ngày")
        dialog.date_edit.setText("01/07/2026")
        dialog.reason_edit.setPlainText("Bổ sung nhiệm vụ chuyển đổi số")
        return dialog.check() == ""

    monkeypatch.setattr(AmendPlanDialog, "exec", fill_and_accept)
    screen = window.screens["plan"]
    assert screen.amend_button.isVisible()
    screen.amend_plan()
    amended = ws.plans.current(2026)
    assert (amended.version, amended.status, amended.effective_date) == (2, "draft", "2026-07-01")
    assert screen.plan_id == amended.id and not screen.banner.isVisible()


def test_undoing_a_plan_field_shows_the_old_value_in_the_form(window, qtbot, ws, draft_plan):
    screen = window.screens["plan"]
    meta = screen.page(0)
    window.session.edit(None, "plan", draft_plan.id, "title", "Kế hoạch CCHC năm 2026 (bản sửa)")
    assert meta.fields["title"].text() == "Kế hoạch CCHC năm 2026 (bản sửa)"
    window.undo_action.trigger()
    assert meta.fields["title"].text() == "Kế hoạch cải cách hành chính năm 2026"
    assert screen.heading.text() == "Kế hoạch CCHC năm 2026"
