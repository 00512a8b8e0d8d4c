"""The audit trail screen: newest first, human labels, filters, pages fetched as one scrolls."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from cchc_desktop.audit.service import PAGE_SIZE


def _show_audit(window):
    from ui.screen_list import SCREENS

    window.nav.setCurrentRow([k for k, _ in SCREENS].index("audit"))
    return window.screens["audit"]


def _column(screen, row: int) -> list[str]:
    model = screen.model
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_filters_by_actor_kind_words_and_dates(window, ws, draft_plan, qtbot):
    task = ws.plans.aggregate(draft_plan.id).tasks[0]
    ws.set_actor("Trần Văn Đức")
    ws.edit("task", task.id, "lead_unit", "Công chức Tư pháp - Hộ tịch")
    ws.set_actor("Lê Thị Mai")
    ws.edit("task", task.id, "budget", "12,5")
    screen = _show_audit(window)
    header = [screen.model.headerData(c, Qt.Orientation.Horizontal) for c in range(screen.model.columnCount())]
    assert header == ["Thời gian", "Người sửa", "Thao tác", "Đối tượng", "Trường", "Giá trị cũ", "Giá trị mới"]
    newest = _column(screen, 0)
    assert newest[1:3] == ["Lê Thị Mai", "Sửa"] and newest[3].startswith("Nhiệm vụ: ")
    assert newest[4:] == ["Kinh phí (đồng)", "", "12,5"]
    screen.actor.setCurrentIndex(screen.actor.findData("Trần Văn Đức"))
    screen.apply_filters()
    assert screen.model.rowCount() == 1 and _column(screen, 0)[6] == "Công chức Tư pháp - Hộ tịch"
    screen.clear_filters()
    screen.entity.setCurrentIndex(screen.entity.findData("task"))
    screen.apply_filters()
    assert screen.model.rowCount() == 2 and screen.count.text().startswith("2 thay đổi")
    screen.clear_filters()
    qtbot.keyClicks(screen.text, "tu phap")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    screen.clear_filters()
    screen.date_from.setText("31/12/2099")
    screen.apply_filters()
    assert screen.model.rowCount() == 0
    screen.date_from.setText("45/13/2026")
    screen.apply_filters()
    assert screen.problem.isVisible() and "«45/13/2026» không đúng dạng ngày/tháng/năm" in screen.problem.text()
    assert screen.model.rowCount() > 0


def test_long_trails_are_fetched_page_by_page(window, ws, draft_plan):
    rows = [
        ("2026-05-01T08:00:00", "Lê Thị Mai", "update", "task", 1, "", f"Nhiệm vụ {i}", "content", "a", "b")
        for i in range(PAGE_SIZE * 2 + 10)
    ]
    with ws.transaction() as conn:
        conn.executemany(
            "INSERT INTO audit_log (at, actor, action, entity, entity_id, scope, label, field,"
            " old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    screen = _show_audit(window)
    assert screen.model.rowCount() == PAGE_SIZE
    assert screen.model.canFetchMore(QModelIndex())
    screen.model.fetchMore(QModelIndex())
    assert screen.model.rowCount() == PAGE_SIZE * 2
    total = ws.audit.count()
    while screen.model.canFetchMore(QModelIndex()):
        screen.model.fetchMore(QModelIndex())
    assert screen.model.rowCount() == total
    ids = [entry.id for entry in screen.model.rows]
    assert ids == sorted(ids, reverse=True)
