"""Tệp menu: back up, open another file, create a new one; the daily automatic backup."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QFileDialog


def _wait_quiet_jobs(qtbot) -> None:
    from ui.jobs import running_jobs

    qtbot.waitUntil(lambda: running_jobs() == 0, timeout=5000)


def test_daily_backup_is_made_once(window, qtbot, ws_path):
    _wait_quiet_jobs(qtbot)
    backups = list((ws_path.parent / "backups").glob("*-tu-dong.sqlite"))
    assert len(backups) == 1
    conn = sqlite3.connect(backups[0])
    assert conn.execute("SELECT count(*) FROM plans").fetchone()[0] == 1
    conn.close()


def test_backup_to_a_chosen_file(window, qtbot, tmp_path, monkeypatch, shown_errors):
    from ui import file_menu

    target = tmp_path / "usb" / "sao-luu.sqlite"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    file_menu.backup(window)
    assert target.exists() and shown_errors == []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(window.session.ws.path), ""))
    file_menu.backup(window)
    assert "Không sao lưu đè lên chính tệp đang mở" in shown_errors[-1]


def test_open_another_file_switches_the_window(window, qtbot, tmp_path, demo_path, monkeypatch):
    from ui import file_menu

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(demo_path), ""))
    file_menu.open_other(window)
    assert window.session.ws.path == demo_path
    assert "Kỳ Phong" in window.unit_label.text()
    window.set_year(2026)
    assert window.screens["plan"].agg.plan.status == "issued"
    _wait_quiet_jobs(qtbot)


def test_choosing_who_is_at_the_keyboard_from_the_status_bar(window, qtbot, ws, draft_plan):
    button = window.actor_label
    assert button.text() == "Người sử dụng: Lê Thị Mai"
    assert button.people() == ["Lê Thị Mai", "Nguyễn Văn Hùng", "Trần Thị Lan"]
    button.choose("Trần Thị Lan")
    assert ws.actor == "Trần Thị Lan" and button.text() == "Người sử dụng: Trần Thị Lan"
    window.session.edit(None, "plan", draft_plan.id, "title", "Kế hoạch CCHC năm 2026 (sửa)")
    who = ws.conn.execute("SELECT actor FROM audit_log WHERE field = 'title' ORDER BY id DESC").fetchone()[0]
    assert who == "Trần Thị Lan"


def _fill_wizard(self) -> bool:
    form = self.pages_[0].form
    form.inputs["name"].setText("Cẩm Xuyên")
    form.inputs["province_code"].setCurrentIndex(form.inputs["province_code"].findData("42"))
    form.inputs["commune_code"].setText("18400")
    form.inputs["place_name"].setText("Cẩm Xuyên")
    self.pages_[2].form.inputs["focal_name"].setText("Phan Văn Tâm")
    return True


def test_cancelling_the_new_file_wizard_leaves_no_file(window, qtbot, tmp_path, monkeypatch, ws):
    from ui import file_menu
    from ui.dialogs.setup_wizard import SetupWizard

    chosen = tmp_path / "moi" / "xa-moi.sqlite"
    chosen.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(chosen.with_suffix("")), ""))
    monkeypatch.setattr(SetupWizard, "exec", lambda self: False)
    file_menu.create_new(window)
    assert list(chosen.parent.iterdir()) == [] and window.session.ws is ws


def test_a_new_file_is_made_with_the_wizards_profile(window, qtbot, tmp_path, monkeypatch):
    from ui import file_menu
    from ui.dialogs.setup_wizard import SetupWizard

    chosen = tmp_path / "moi" / "xa-moi.sqlite"
    chosen.parent.mkdir()
    chosen.touch()  # an empty file (a creation cut short) may take the new workspace
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(chosen), ""))
    monkeypatch.setattr(SetupWizard, "exec", _fill_wizard)
    file_menu.create_new(window)
    assert window.session.ws.path == chosen and window.session.ws.actor == "Phan Văn Tâm"
    assert "Cẩm Xuyên" in window.unit_label.text()
    _wait_quiet_jobs(qtbot)
    assert [p.name for p in chosen.parent.iterdir() if p.name.startswith(".")] == []  # no temporary left


def test_an_empty_file_is_not_opened_as_a_new_workspace(app, tmp_path, monkeypatch, shown_errors):
    from ui.app import open_workspace_gui

    empty = tmp_path / "trong.sqlite"
    empty.touch()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    assert open_workspace_gui(empty) is None
    assert "trống (0 byte)" in shown_errors[0] and empty.stat().st_size == 0


def test_a_file_open_in_another_copy_of_the_app_can_be_viewed_only(app, demo_path, monkeypatch, shown_errors):
    from cchc_desktop.workspace import Workspace
    from ui import app as app_module

    asked = []
    with Workspace.open(demo_path, lock="open"):
        monkeypatch.setattr(app_module, "ask_in_use", lambda message: asked.append(message) or "close")
        assert app_module.open_workspace_gui(demo_path) is None
        assert "đang được mở bởi Nguyễn Thị Minh Huyền" in asked[0]
        monkeypatch.setattr(app_module, "ask_in_use", lambda message: "view")
        viewer = app_module.open_workspace_gui(demo_path)
    assert viewer.read_only == "asked" and shown_errors == []
    viewer.close()
