"""Remembered between runs: the window's place, recent files, the last screen and year, dialog folders."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from cchc_desktop.kernel.paths import data_dir, default_workspace_path
from ui import preferences


def test_recent_files_newest_first_bounded_and_only_existing(tmp_path):
    files = [tmp_path / f"xa-{n}.sqlite" for n in range(10)]
    for path in files:
        path.touch()
        preferences.remember_file(path)
    preferences.remember_file(files[3])
    recent = preferences.recent_files()
    assert recent[0] == files[3] and len(recent) == preferences.RECENT_MAX
    files[3].unlink()
    assert preferences.recent_files()[0] == files[9]
    assert (data_dir() / "cai-dat.ini").is_file()  # in the per-user data folder


def test_the_window_opens_on_the_last_screen_and_year(window, qtbot, ws, app):
    from ui.app import start_path
    from ui.main_window import MainWindow
    from ui.session import Session

    assert start_path(None) == default_workspace_path() and start_path("khac.sqlite").name == "khac.sqlite"
    assert preferences.last_file() == ws.path  # offered first in Tệp → Tệp gần đây
    window.nav.setCurrentRow([key for key, _ in window.mode_screens].index("assessment"))
    window.set_year(2027)
    window.resize(760, 590)  # within the offscreen screen (800 × 600)
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert preferences.restore_window(again)
    again.attach(Session(ws))
    assert (again.size().width(), again.size().height()) == (760, 590) and again.year == 2027
    assert again.mode_screens[again.nav.currentRow()][0] == "assessment"


def test_the_recent_files_menu_opens_a_file(window, qtbot, demo_path):
    from PySide6.QtWidgets import QMenu

    from ui.file_menu import fill_recent

    preferences.remember_file(demo_path)
    menu = QMenu()
    fill_recent(window, menu)
    first = menu.actions()[0]
    assert first.text().startswith("&1  demo.sqlite  —  ")
    first.trigger()
    assert window.session.ws.path == demo_path
    from ui.jobs import running_jobs

    qtbot.waitUntil(lambda: running_jobs() == 0, timeout=10000)


def test_a_backup_dialog_starts_in_the_folder_used_last(window, tmp_path, monkeypatch):
    from ui import file_menu

    usb = tmp_path / "usb"
    usb.mkdir()
    offered = []

    def save_name(parent, title, suggested, filters):
        offered.append(suggested)
        return str(usb / "ban-sao.sqlite"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    file_menu.backup(window)
    file_menu.backup(window)
    assert offered[1].startswith(str(usb)) and not offered[0].startswith(str(usb))
