"""Every screen fits a 1366×768 office screen: shown at that size, no screen needs scrolling."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication


def test_every_screen_fits_1366x768(app, qtbot, demo_path):
    from ui.app import attach_workspace
    from ui.main_window import MainWindow
    from ui.screen_list import SCREENS

    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1366, 740)  # the taskbar takes the rest
    window.show()
    ws = attach_workspace(window, Path(demo_path))
    window.set_year(2026)
    scrolling = {}
    for row, (key, _) in enumerate(SCREENS):
        window.nav.setCurrentRow(row)
        QApplication.processEvents()
        holder = window.stack.currentWidget()
        if holder.verticalScrollBar().isVisible() or holder.horizontalScrollBar().isVisible():
            scrolling[key] = window.screens[key].minimumSizeHint().toTuple()
    from ui.jobs import running_jobs

    qtbot.waitUntil(lambda: running_jobs() == 0, timeout=10000)
    ws.close()
    assert (window.width(), window.height()) == (1366, 740)
    assert scrolling == {}


def test_receiver_mode_shows_the_receiving_screens(app, qtbot, tmp_path):
    from cchc_desktop.workspace import create_receiver
    from ui.app import attach_workspace
    from ui.main_window import MainWindow

    create_receiver(tmp_path / "so.sqlite", "Sở Nội vụ tỉnh Hà Tĩnh", "42").close()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    ws = attach_workspace(window, tmp_path / "so.sqlite")
    labels = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert labels == [
        "Nhận gói từ các xã",
        "Tình hình nộp báo cáo",
        "Tổng hợp chỉ tiêu",
        "Chấm điểm, xếp hạng",
        "Thẩm định điểm",
        "Văn bản đôn đốc",
        "Danh sách đơn vị",
        "Nhật ký thay đổi",
        "Cài đặt đơn vị",
    ]
    assert window.current_screen() is window.screens["exchange"]
    window.resize(1366, 740)
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        QApplication.processEvents()
        holder = window.stack.currentWidget()
        assert not holder.verticalScrollBar().isVisible() and not holder.horizontalScrollBar().isVisible(), labels[row]
    from ui.jobs import running_jobs

    qtbot.waitUntil(lambda: running_jobs() == 0, timeout=10000)
    ws.close()
