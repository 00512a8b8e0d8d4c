"""Tệp → Khôi phục từ bản sao lưu: each backup with what it holds; restoring the chosen one replaces the
file's content (after a confirmation) and the window shows it at once."""

from __future__ import annotations

from ui.widgets import asking


def _dialog(window):
    from ui.dialogs.restore_dialog import RestoreDialog

    return RestoreDialog(window)


def test_the_dialog_lists_what_each_backup_holds(window, qtbot, ws, draft_plan):
    from ui.jobs import running_jobs

    qtbot.waitUntil(lambda: running_jobs() == 0, timeout=10000)  # the day's backup
    ws.edit("plan", draft_plan.id, "title", "Kế hoạch sửa lần một")
    ws.backups.before("manual")
    dialog = _dialog(window)
    qtbot.addWidget(dialog)
    table = dialog.table
    assert table.rowCount() == 2
    newest = [table.item(0, column).text() for column in range(table.columnCount())]
    assert newest[1] == "Sao lưu theo yêu cầu" and newest[2] == "Ủy ban nhân dân xã Kỳ Phong" and newest[3] == "2026"
    assert newest[4].startswith("Sửa Kế hoạch «") and "Lê Thị Mai" in newest[4]
    assert table.item(1, 1).text() == "Tự động (lần dùng đầu tiên trong ngày)"
    assert dialog.restore_button.isEnabled() and dialog.keep.value() == 10
    dialog.keep.setValue(1)
    dialog._keep_changed()
    assert table.rowCount() == 1 and ws.backups.keep == 1


def test_restoring_replaces_the_content_and_the_window_shows_it(window, qtbot, ws, draft_plan, monkeypatch):
    from ui.jobs import running_jobs

    qtbot.waitUntil(lambda: running_jobs() == 0, timeout=10000)
    ws.edit("plan", draft_plan.id, "title", "Bản đã sao lưu")
    ws.backups.before("manual")
    window.session.edit(None, "plan", draft_plan.id, "title", "Bản sửa sau")
    asked = []
    monkeypatch.setattr(asking, "confirm", lambda parent, text: asked.append(text) or True)
    dialog = _dialog(window)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    dialog.restore_chosen()
    assert "Thay toàn bộ dữ liệu của tệp «xa.sqlite» bằng bản sao lưu lúc" in asked[0]
    assert ws.plans.get(draft_plan.id).title == "Bản đã sao lưu"
    assert not window.undo_action.isEnabled()
    assert window.screens["plan"].agg.plan.title == "Bản đã sao lưu"
    assert "Đã khôi phục từ bản sao lưu lúc" in window.statusBar().currentMessage()
