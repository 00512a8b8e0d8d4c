"""The one place errors are shown: a fault of the file met anywhere in the window is said as what it is
(a damaged page names the file and its latest backup), never as an unexpected error."""

from __future__ import annotations

from tests.support.faults import zero_page_of


def test_a_damaged_page_met_by_a_screen_names_the_file_and_the_backup(window, qtbot, ws, draft_plan, shown_errors):
    from ui.jobs import running_jobs

    qtbot.waitUntil(lambda: running_jobs() == 0, timeout=10000)  # the day's backup, made before the damage
    ws.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    zero_page_of(ws.path, "tasks")
    window.session.call(window, lambda: ws.plans.aggregate(draft_plan.id))
    assert "Tệp dữ liệu «xa.sqlite» bị hỏng" in shown_errors[-1]
    assert "-tu-dong.sqlite»" in shown_errors[-1] and "Lỗi không mong muốn" not in shown_errors[-1]


def test_a_file_opened_to_view_only_says_so_in_the_window(app, qtbot, demo_path, shown_errors):
    from cchc_desktop.workspace import Workspace
    from ui.main_window import MainWindow
    from ui.session import Session

    ws = Workspace.open(demo_path, read_only=True)
    window = MainWindow(Session(ws))
    qtbot.addWidget(window)
    window.show()
    assert window.message_bar.text.startswith("Tệp «demo.sqlite» đang mở chỉ để xem")
    window.session.call(window, lambda: ws.set_actor("Người khác"))
    assert shown_errors[-1].startswith("Chưa lưu được thay đổi vào tệp «demo.sqlite»: tệp đang được mở chỉ để xem")
    assert not (demo_path.parent / "backups").exists()  # no daily backup of a file only looked at
    ws.close()
