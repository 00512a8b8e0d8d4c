"""Gửi / nhận gói at a commune: create the key with a passphrase, the wrong-passphrase message, and
exporting the plan package to a folder from the screen."""

from __future__ import annotations

import datetime as dt
import zipfile

from PySide6.QtCore import Qt

from tests.ui.keyboard import type_text

PASSPHRASE = "mật khẩu xã Kỳ Phong"


def _exchange_screen(window):
    from ui.screen_list import SCREENS

    window.nav.setCurrentRow([key for key, _ in SCREENS].index("exchange"))
    return window.screens["exchange"]


def _issue(ws, plan):
    ws.edit("plan", plan.id, "doc_number", 5)
    ws.edit("plan", plan.id, "issue_date", "08/01/2026")
    ws.plans.issue(plan.id)


def _answer(qtbot, dialog, *texts: str) -> None:
    for field, text in zip((dialog.first, dialog.second), texts, strict=False):
        field.setFocus()
        type_text(field, text)
    qtbot.keyClick(dialog.first, Qt.Key.Key_Return)


def test_create_a_key_with_a_passphrase_typed_twice(window, qtbot, ws):
    panel = _exchange_screen(window).commune
    assert "chưa có khóa gửi gói" in panel.key.key_label.text() and panel.key.create_button.isVisible()
    qtbot.mouseClick(panel.key.create_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    _answer(qtbot, dialog, "ngắn", "ngắn")
    assert dialog.isVisible() and dialog.error.text() == "Mật khẩu của khóa cần ít nhất 8 ký tự, không tính dấu cách."
    dialog.first.clear()
    _answer(qtbot, dialog, PASSPHRASE, "mật khẩu khác hẳn")
    assert dialog.isVisible() and "Hai lần gõ mật khẩu không giống nhau" in dialog.error.text()
    dialog.first.clear()
    dialog.second.clear()
    _answer(qtbot, dialog, PASSPHRASE, PASSPHRASE)
    assert not dialog.isVisible()
    info = ws.exchange.key_info()
    assert info is not None and " ".join(panel.key.fingerprint.text().split()) == info.fingerprint
    ws.exchange.check_passphrase(PASSPHRASE)  # the Vietnamese passphrase opens the key
    assert not panel.key.create_button.isVisible() and panel.key.card_button.isVisible()


def test_wrong_passphrase_is_said_in_the_dialog_and_nothing_is_written(window, qtbot, ws, draft_plan, tmp_path):
    tmp_path = tmp_path / "usb"
    tmp_path.mkdir()
    _issue(ws, draft_plan)
    ws.exchange.create_key(PASSPHRASE, PASSPHRASE)
    panel = _exchange_screen(window).commune
    panel.folder.setText(str(tmp_path))
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    _answer(qtbot, dialog, "mật khẩu sai rồi")
    assert dialog.isVisible()
    assert dialog.error.text().startswith("Mật khẩu của khóa không đúng.")
    dialog.reject()
    assert list(tmp_path.iterdir()) == [] and ws.exchange.outbox() == [] and panel.job is None


def test_export_the_plan_package_to_a_folder(window, qtbot, ws, draft_plan, tmp_path, shown_errors):
    tmp_path = tmp_path / "usb"
    tmp_path.mkdir()
    ws.exchange.create_key(PASSPHRASE, PASSPHRASE)
    panel = _exchange_screen(window).commune
    assert not panel.export_button.isEnabled()  # the plan is a draft: blocked, and the reason is listed
    assert "chưa ban hành" in panel.problems.list.item(0).text()
    _issue(ws, draft_plan)
    window.set_year(2026)
    assert panel.export_button.isEnabled() and panel.kind.currentData() == "plan"
    panel.folder.setText(str(tmp_path))
    panel.eml.setChecked(True)
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    _answer(qtbot, panel.dialog, PASSPHRASE)
    qtbot.waitUntil(lambda: panel.job is not None and panel.job.done, timeout=15000)
    assert shown_errors == []
    package = tmp_path / "42-18544_plan_2026_r1.cchc"
    assert package.is_file() and (tmp_path / "42-18544_plan_2026_r1.eml").is_file()
    with zipfile.ZipFile(package) as archive:
        assert archive.read("document.pdf").startswith(b"%PDF-")
    assert panel.outbox.rowCount() == 1 and panel.outbox.texts(5) == [package.name]
    assert panel.result.text().startswith("Đã tạo gói Kế hoạch CCHC năm 2026")


def test_rotate_the_key_writes_the_rotation_package(window, qtbot, ws, tmp_path):
    stick = tmp_path / "usb"
    stick.mkdir()
    old = ws.exchange.create_key(PASSPHRASE, PASSPHRASE)
    panel = _exchange_screen(window).commune
    panel.folder.setText(str(stick))
    qtbot.mouseClick(panel.key.rotate_button, Qt.MouseButton.LeftButton)
    _answer(qtbot, panel.dialog, PASSPHRASE)  # the old key's passphrase, checked
    _answer(qtbot, panel.dialog, "mật khẩu khóa mới", "mật khẩu khóa mới")
    new = ws.exchange.key_info()
    assert new.fingerprint != old.fingerprint and " ".join(panel.key.fingerprint.text().split()) == new.fingerprint
    assert [p.name for p in stick.iterdir()] == [f"42-18544_key_rotation_{dt.date.today().year}_r1.cchc"]
    assert "Đã đổi khóa" in panel.result.text()
