"""A double-click on a .cchc file starts the app with the file's path: at a receiver it opens the
import preview of that package; in a commune's file the preview says why a commune's package is not
received there."""

from __future__ import annotations

import pytest

PASSPHRASE = "mật khẩu xã Kỳ Phong"


@pytest.fixture
def package(ws, small_framework, tmp_path):
    plan = ws.plans.create(2026, "framework", small_framework)
    ws.edit("plan", plan.id, "doc_number", 5)
    ws.edit("plan", plan.id, "issue_date", "08/01/2026")
    ws.plans.issue(plan.id)
    ws.exchange.create_key(PASSPHRASE, PASSPHRASE)
    stick = tmp_path / "usb"
    stick.mkdir()
    ws.exchange.export("plan", 2026, None, stick, PASSPHRASE)
    return next(stick.glob("*.cchc"))


def _window(qtbot, workspace):
    from ui.main_window import MainWindow
    from ui.session import Session

    win = MainWindow(Session(workspace))
    qtbot.addWidget(win)
    win.show()
    return win


def _close(qtbot, win) -> None:
    from ui.jobs import running_jobs

    qtbot.waitUntil(lambda: running_jobs() == 0, timeout=10000)  # e.g. the daily backup
    win.close()


def test_at_a_receiver_the_package_opens_in_the_import_preview(app, qtbot, tmp_path, package, shown_errors):
    from cchc_desktop.workspace import create_receiver
    from ui.app import open_package

    receiver = create_receiver(tmp_path / "so" / "so.sqlite", "Sở Nội vụ tỉnh Hà Tĩnh", "42")
    win = _window(qtbot, receiver)
    open_package(win, package)
    panel = win.screens["exchange"].receiver
    assert win.current_screen() is win.screens["exchange"]
    qtbot.waitUntil(lambda: panel.job is not None and panel.job.done, timeout=10000)
    assert panel.dialog is not None  # the preview: nothing is imported before the user accepts
    assert receiver.exchange.received() == []
    panel.dialog.reject()
    _close(qtbot, win)
    receiver.close()


def test_in_a_commune_file_the_preview_says_why_it_is_not_received(app, qtbot, ws, package, shown_errors):
    from ui.app import open_package

    win = _window(qtbot, ws)
    open_package(win, package)
    panel = win.screens["exchange"].commune
    qtbot.waitUntil(lambda: panel.job is not None and panel.job.done, timeout=10000)
    assert "chỉ nhận được ở máy của nơi nhận" in panel.dialog.lines()[0]
    assert not panel.dialog.apply_button.isEnabled() and shown_errors == []
    panel.dialog.reject()
    _close(qtbot, win)
