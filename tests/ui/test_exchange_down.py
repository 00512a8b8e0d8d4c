"""Packages going down, through both windows: the office writes receipts; the commune enrols the office's
key from its card, drops the receipts on its screen, and its outbox says "đã nhận"."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.support.exchange import OFFICE_PASSPHRASE, PASSPHRASE
from tests.ui.keyboard import type_text
from tests.ui.test_exchange_receiver import _drop


def _window(qtbot, ws):
    from ui.main_window import MainWindow
    from ui.session import Session

    window = MainWindow(Session(ws))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.set_year(2026)
    return window


def _answer(qtbot, dialog, text: str) -> None:
    dialog.first.setFocus()
    type_text(dialog.first, text)
    qtbot.keyClick(dialog.first, Qt.Key.Key_Return)


def test_receipts_written_at_the_office_mark_the_communes_outbox(
    app, qtbot, receiver, commune, tmp_path, monkeypatch, shown_errors
):
    from ui.widgets import asking

    usb, back, cards = tmp_path / "usb", tmp_path / "bien-nhan", tmp_path / "the"
    for folder in (usb, back, cards):
        folder.mkdir()
    receiver.exchange.create_key(OFFICE_PASSPHRASE, OFFICE_PASSPHRASE)
    card, pub = receiver.exchange.write_card(cards / receiver.exchange.default_card_name())
    commune.exchange.export("plan", 2026, None, usb, PASSPHRASE)
    receiver.exchange.import_packages([usb])

    office = _window(qtbot, receiver).screens["exchange"].receiver
    office.load()
    assert office.receipts_button.isEnabled() and "(1 đơn vị)" in office.receipts_button.text()
    monkeypatch.setattr(asking, "choose_folder", lambda parent, title, start="": str(back))
    office.write_receipts()
    _answer(qtbot, office.dialog, OFFICE_PASSPHRASE)
    qtbot.waitUntil(lambda: office.job is not None and office.job.done, timeout=15000)
    assert office.results.item(0).text().startswith("Đã ghi 1 biên nhận")
    assert not office.receipts_button.isEnabled()

    window = _window(qtbot, commune)
    from ui.screen_list import SCREENS

    window.nav.setCurrentRow([key for key, _ in SCREENS].index("exchange"))
    screen = window.screens["exchange"]
    panel = screen.commune
    assert not panel.superior.import_button.isEnabled() and "Chưa đăng ký khóa" in panel.superior.state.text()
    dialog = panel.superior.enrol_from(card)
    dialog.confirmed.setChecked(True)
    qtbot.mouseClick(dialog.enrol_button, Qt.MouseButton.LeftButton)
    assert panel.superior.import_button.isEnabled() and "Đã đăng ký khóa của Sở Nội vụ" in panel.superior.state.text()

    _drop(screen, back)
    qtbot.waitUntil(lambda: panel.job is not None and panel.job.done, timeout=15000)
    assert panel.dialog.lines()[0].startswith("Sẽ nhận biên nhận của Sở Nội vụ tỉnh Hà Tĩnh")
    first = panel.job
    qtbot.mouseClick(panel.dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.job is not first and panel.job.done, timeout=15000)
    assert panel.result.text().startswith("Đã nhận biên nhận của Sở Nội vụ tỉnh Hà Tĩnh: 1 gói")
    assert panel.outbox.texts(7)[0].startswith("Nơi nhận đã nhận (")
    assert shown_errors == []
