"""What a new user stumbled on, driven through the window as they would: Tab in a long-text cell, three
rows deleted at once, Ctrl+S, the shortcuts the menus show, Qt's own file dialog, the wrong-passphrase
text, a paste, the package of an unchanged report, a long area name, column titles at 1366×768."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox, QPushButton, QTreeView

from tests.ui.keyboard import type_text
from ui.screen_list import SCREENS

TASKS_TAB, AREAS_TAB = 4, 3
PASSPHRASE = "mật khẩu xã Kỳ Phong"


def _tasks(window):
    screen = window.screens["plan"]
    screen.tabs.setCurrentIndex(TASKS_TAB)
    return screen.page(TASKS_TAB).editor


def _open_cell(qtbot, view, row: int, column: int):
    view.setFocus()
    view.setCurrentIndex(view.model().index(row, column))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    return QApplication.focusWidget()


def test_tab_moves_on_and_alt_enter_makes_a_new_line(window, qtbot, ws, draft_plan):
    editor = _tasks(window)
    view, content = editor.view, editor.model.column_of("content")
    cell = _open_cell(qtbot, view, 0, content)
    cell.selectAll()
    type_text(cell, "Dòng một")
    qtbot.keyClick(cell, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    type_text(cell, "Dòng hai")
    qtbot.keyClick(cell, Qt.Key.Key_Tab)
    QApplication.processEvents()
    assert ws.plans.aggregate(draft_plan.id).tasks[0].content == "Dòng một\nDòng hai"
    assert view.currentIndex().column() == content + 1  # Tab moved on, as the hint says
    assert "\t" not in ws.plans.aggregate(draft_plan.id).tasks[0].content


def test_three_selected_rows_are_deleted_together_and_come_back_in_one_undo(window, qtbot, ws, draft_plan):
    editor = _tasks(window)
    view = editor.view
    before = [t.content for t in ws.plans.aggregate(draft_plan.id).tasks]
    view.selectRow(0)
    for row in (1, 2):
        view.selectionModel().select(
            view.model().index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    qtbot.mouseClick(editor.buttons["delete"], Qt.MouseButton.LeftButton)
    assert len(ws.plans.aggregate(draft_plan.id).tasks) == len(before) - 3
    window.undo_action.trigger()
    assert [t.content for t in ws.plans.aggregate(draft_plan.id).tasks] == before


def test_ctrl_s_says_that_everything_is_saved(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == "Dữ liệu được lưu tự động sau mỗi lần sửa; không cần bấm Lưu."


def test_menus_show_whole_shortcuts(window):
    shortcuts = {}
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if not action.shortcut().isEmpty():
                shortcuts[action.text()] = action.shortcut().toString()
    assert shortcuts["Mở tệp dữ liệu khác…"] == "Ctrl+O" and shortcuts["Thoát"] == "Ctrl+Q"
    assert shortcuts["Hoàn tác"] == "Ctrl+Z" and shortcuts["Làm lại"] == "Ctrl+Y" and shortcuts["Lưu"] == "Ctrl+S"


def test_qt_file_dialog_has_its_button_and_column_titles(window, qtbot, tmp_path):
    dialog = QFileDialog(window, "Lưu", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # what Linux shows; Windows uses its own
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.show()
    qtbot.waitExposed(dialog)
    buttons = [b.text() for b in dialog.findChildren(QPushButton) if b.isVisible()]
    assert "&Lưu" in buttons and "Hủy" in buttons and "" not in buttons
    tree = dialog.findChild(QTreeView)
    headers = [tree.model().headerData(i, Qt.Orientation.Horizontal) for i in range(tree.model().columnCount())]
    assert headers[0] == "Tên" and all(headers)
    dialog.reject()


def _exchange(window):
    window.nav.setCurrentRow([key for key, _ in SCREENS].index("exchange"))
    return window.screens["exchange"].commune


def _answer(qtbot, dialog, text: str) -> None:
    dialog.first.setFocus()
    type_text(dialog.first, text)
    qtbot.keyClick(dialog.first, Qt.Key.Key_Return)


def test_the_wrong_passphrase_text_is_shown_whole(window, qtbot, ws, draft_plan, tmp_path):
    ws.exchange.create_key(PASSPHRASE, PASSPHRASE)
    panel = _exchange(window)
    panel.folder.setText(str(tmp_path))
    panel.export_button.setEnabled(True)
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    _answer(qtbot, dialog, "mật khẩu sai rồi")
    QApplication.processEvents()
    label: QLabel = dialog.error
    assert label.text().startswith("Mật khẩu của khóa không đúng.")
    assert label.height() >= label.heightForWidth(label.width())  # every wrapped line, tone marks included
    assert label.geometry().bottom() <= dialog.height()
    dialog.reject()


def test_a_paste_is_confirmed(window, qtbot, ws, draft_plan):
    editor = _tasks(window)
    view = editor.view
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 1))
    QApplication.clipboard().setText("Việc một\tVăn phòng\nViệc hai\tCông an xã\nViệc ba\tTư pháp\n")
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == "Đã dán 3 dòng."


def test_sending_an_unchanged_package_again_asks_first(window, qtbot, ws, draft_plan, tmp_path, monkeypatch):
    ws.exchange.create_key(PASSPHRASE, PASSPHRASE)
    ws.edit("plan", draft_plan.id, "doc_number", 5)
    ws.edit("plan", draft_plan.id, "issue_date", "08/01/2026")
    ws.plans.issue(draft_plan.id)
    ws.exchange.export("plan", 2026, None, tmp_path, PASSPHRASE)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text: asked.append(text) or QMessageBox.No)
    window.set_year(2026)
    panel = _exchange(window)
    panel.folder.setText(str(tmp_path))
    panel.dialog = None
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert asked and "đã gửi lần 1" in asked[0] and "chưa có gì thay đổi" in asked[0]
    assert panel.dialog is None and len(ws.exchange.outbox()) == 1  # nothing asked for, nothing sent


def test_a_long_area_name_does_not_widen_the_page(window, qtbot, ws, draft_plan):
    area = ws.plans.aggregate(draft_plan.id).areas[-1]
    ws.edit("plan_area", area.id, "display_name", "Tác động của cải cách hành chính " * 6)
    window.resize(1366, 740)
    screen = window.screens["plan"]
    screen.tabs.setCurrentIndex(AREAS_TAB)
    page = screen.page(AREAS_TAB)
    page.load(ws.plans.aggregate(draft_plan.id), False)
    page.areas.view.select_record(area.id)
    QApplication.processEvents()
    holder = window.stack.currentWidget()
    assert not holder.horizontalScrollBar().isVisible()
    assert all(b.isVisible() and b.geometry().right() <= window.width() for b in (screen.issue_button,))


def test_column_titles_are_not_cut_at_1366x768(window, qtbot, ws, draft_plan):
    window.resize(1366, 740)
    screen = window.screens["plan"]
    for tab in (2, TASKS_TAB):
        screen.tabs.setCurrentIndex(tab)
        view = screen.page(tab).editor.view
        QApplication.processEvents()
        header = view.horizontalHeader()
        metrics = header.fontMetrics()
        for section in range(header.count()):
            title = view.model().headerData(section, Qt.Orientation.Horizontal)
            width = header.sectionSize(section) - 10
            flags = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)
            needed = metrics.boundingRect(0, 0, width, 2000, flags, title).height()
            assert needed <= header.height(), title


def test_the_hint_names_the_keys_that_work(window):
    note = window.screens["plan"].page(TASKS_TAB).findChild(QLabel)
    assert "Alt+Enter xuống dòng" in note.text() and "Tab sang ô kế tiếp" in note.text()
