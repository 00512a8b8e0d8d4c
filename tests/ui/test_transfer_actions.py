"""Tệp → Chuyển sang máy khác: export the whole workspace, take it in on the "new computer" (an empty
per-user data folder), and the window opens it."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from cchc_desktop.kernel.paths import default_workspace_path
from ui.widgets import asking


def test_export_then_import_on_a_new_computer(window, qtbot, tmp_path, monkeypatch, platformdirs_isolated):
    from ui import transfer_actions

    moved = tmp_path / "usb" / "xa-chuyen"
    moved.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(moved), ""))
    told = []
    monkeypatch.setattr(asking, "inform", lambda parent, text: told.append(text))
    transfer_actions.export_all(window)
    qtbot.waitUntil(lambda: window.export_job.done, timeout=15000)
    assert (tmp_path / "usb" / "xa-chuyen.cchcws").is_file()
    assert told[0].startswith("Đã xuất toàn bộ dữ liệu vào «") and "Ủy ban nhân dân xã Kỳ Phong" in told[0]
    asked = []
    monkeypatch.setattr(asking, "open_file", lambda *a: str(tmp_path / "usb" / "xa-chuyen.cchcws"))
    monkeypatch.setattr(asking, "confirm", lambda parent, text: asked.append(text) or True)
    transfer_actions.import_all(window)
    qtbot.waitUntil(lambda: window.import_job.done, timeout=15000)
    assert "Dữ liệu sẽ được kiểm tra toàn bộ rồi đặt vào" in asked[0]
    assert window.session.ws.path == default_workspace_path()
    assert window.session.ws.plans.current(2026) is not None
    from ui.jobs import running_jobs

    qtbot.waitUntil(lambda: running_jobs() == 0, timeout=10000)
