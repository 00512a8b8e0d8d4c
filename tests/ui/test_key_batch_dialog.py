"""Đăng ký khóa của nhiều đơn vị in the window: a stick of 30 cards and key files read in the background,
the last two groups typed from each paper card, a wrong pair refused on its row, every confirmed row
enrolled with one click, then the packages held for those units imported when the clerk agrees."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.exchange.craft import build, plan_data
from tests.support.key_batch import COUNT


@pytest.fixture
def office_window(app, qtbot, province_office, shown_errors):
    from ui.main_window import MainWindow
    from ui.screen_list import SCREENS
    from ui.session import Session

    win = MainWindow(Session(province_office))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    win.set_year(2026)
    win.nav.setCurrentRow([key for key, _ in SCREENS].index("exchange"))
    yield win
    win.close()


def _read(qtbot, panel, *paths):
    panel.enrol_batch_from(list(paths))
    qtbot.waitUntil(lambda: panel.job is not None and panel.job.done, timeout=20000)
    return panel.dialog


def _held_plan(office, stick, folder, code="18685", name="Cẩm Bình"):
    """A plan of a commune whose key is on the stick, imported before its key is enrolled: held."""
    from cchc_desktop.exchange.format.manifest import Sender

    sender = Sender("42", code, name, "xa")
    path, _ = build(folder, stick.keys[f"42-{code}"], "plan", 2027, plan_data(2027, sender=sender), sender=sender)
    assert office.exchange.import_packages([path]).outcomes[0].status == "held"


def test_thirty_keys_typed_from_their_cards_and_enrolled_in_one_click(
    office_window, qtbot, key_stick, province_office, tmp_path, shown_errors, monkeypatch
):
    from ui.dialogs.key_batch_dialog import KeyBatchDialog
    from ui.widgets import asking

    _held_plan(province_office, key_stick, tmp_path / "goi")
    panel = office_window.screens["exchange"].receiver
    dialog = _read(qtbot, panel, key_stick.folder)
    assert isinstance(dialog, KeyBatchDialog) and dialog.table.rowCount() == COUNT
    assert dialog.state_text("42-18115") == "Chưa xác nhận"
    assert dialog.state_text("42-18685") == "Chưa xác nhận · 1 gói chờ"
    assert not dialog.enrol_button.isEnabled()
    codes = [row.candidate.code for row in dialog.rows]
    wrong = codes[7]
    qtbot.keyClicks(dialog.row_of(wrong).tail, "0000 0000")  # misread from the card
    assert dialog.state_text(wrong) == "✗ Sai, xem dưới bảng"
    assert "KHÁC khóa trong tệp" in dialog.detail.text()  # the row typed in is the row explained
    for code in codes:
        if code != wrong:
            qtbot.keyClicks(dialog.row_of(code).tail, key_stick.tail(code))
    assert dialog.enrol_button.text() == f"Đăng ký {COUNT - 1} dòng đã xác nhận"
    assert dialog.table.item(codes.index(wrong), 3).text().endswith("•••• ••••")  # never shown unless it matches
    dialog.row_of(wrong).tail.clear()
    qtbot.keyClicks(dialog.row_of(wrong).tail, key_stick.tail(wrong).lower().replace(" ", ""))
    assert dialog.state_text(wrong) == "✓ Khớp phiếu"
    assert dialog.count.text().startswith(f"Khớp phiếu: {COUNT}")
    asked = []
    monkeypatch.setattr(asking, "confirm", lambda parent, text: asked.append(text) or True)
    qtbot.mouseClick(dialog.enrol_button, Qt.MouseButton.LeftButton)
    assert shown_errors == [] and not dialog.isVisible()
    assert panel.senders.rowCount() == COUNT
    assert {k.fingerprint for k in province_office.exchange.senders()} == set(key_stick.fingerprints.values())
    assert len(asked) == 1 and "Có 1 gói" in asked[0]  # the held plan, offered at once
    qtbot.waitUntil(lambda: panel.job.done and province_office.exchange.held() == [], timeout=20000)
    results = [panel.results.item(i).text() for i in range(panel.results.count())]
    assert results[0].startswith("Đã nhận: Kế hoạch CCHC năm 2027 của xã Cẩm Bình")
    assert panel.inbox.model.rowCount() == 1


def test_a_wrong_pair_is_never_sent_and_the_dialog_stays_open_on_a_refusal(
    office_window, qtbot, key_stick, province_office, shown_errors
):
    panel = office_window.screens["exchange"].receiver
    dialog = _read(qtbot, panel, key_stick.folder / "42-18115-phieu-dang-ky-khoa.pdf")
    [row] = dialog.rows
    qtbot.keyClicks(row.tail, "FFFF")
    assert dialog.state_text("42-18115") == "Gõ đủ 8 ký tự" and not dialog.enrol_button.isEnabled()
    qtbot.keyClicks(row.tail, "GGGG")
    assert dialog.state_text("42-18115") == "✗ Sai, xem dưới bảng"
    assert "chỉ gồm chữ số 0–9 và chữ A–F" in dialog.detail.text()
    assert dialog.confirmed() == [] and province_office.exchange.senders() == []


def test_a_folder_without_keys_says_so(office_window, qtbot, tmp_path, shown_errors):
    panel = office_window.screens["exchange"].receiver
    (tmp_path / "trong").mkdir()
    dialog_before = panel.dialog
    panel.enrol_batch_from([tmp_path / "trong"])
    qtbot.waitUntil(lambda: panel.job is not None and panel.job.done, timeout=20000)
    assert panel.dialog is dialog_before
    assert panel.results.item(0).text().startswith("Không tìm thấy tệp khóa")


def test_a_unit_with_another_key_is_enrolled_only_when_the_old_one_is_revoked(
    office_window, qtbot, key_stick, province_office, shown_errors
):
    from cchc_desktop.exchange.format import generate_private_key
    from cchc_desktop.exchange.format.pubfile import UnitIdentity, parse_pub_file, pub_file_text

    identity = UnitIdentity("42", "18115", "Bắc Hồng Lĩnh", "phuong")
    lost = parse_pub_file(pub_file_text(generate_private_key().public_key(), identity, "Khóa cũ", "2025-01-05"))
    province_office.exchange.enrol(lost, lost.fingerprint)
    panel = office_window.screens["exchange"].receiver
    dialog = _read(qtbot, panel, key_stick.folder)
    row = dialog.row_of("42-18115")
    assert row.revoke.isVisibleTo(dialog) and not dialog.row_of("42-18133").revoke.isVisibleTo(dialog)
    qtbot.keyClicks(row.tail, key_stick.tail("42-18115"))
    assert dialog.state_text("42-18115") == "Đang dùng khóa khác: xem dưới bảng"
    assert "«Thu hồi khóa cũ»" in dialog.detail.text() and not dialog.enrol_button.isEnabled()
    row.revoke.setChecked(True)
    assert dialog.state_text("42-18115") == "✓ Khớp, thu hồi khóa cũ"
    qtbot.mouseClick(dialog.enrol_button, Qt.MouseButton.LeftButton)
    keys = {k.fingerprint: k.status for k in province_office.exchange.senders()}
    assert keys[key_stick.fingerprints["42-18115"]] == "active" and keys[lost.fingerprint] == "revoked"
    assert panel.results.item(0).text().startswith("Đã đăng ký 1 khóa, thu hồi 1 khóa cũ") and shown_errors == []


def test_the_card_in_hand_is_found_by_its_name_typed_without_tone_marks(office_window, qtbot, key_stick):
    from PySide6.QtWidgets import QApplication

    panel = office_window.screens["exchange"].receiver
    dialog = _read(qtbot, panel, key_stick.folder)
    dialog.activateWindow()
    qtbot.keyClicks(dialog.search, "cam binh")
    shown = [row.candidate.code for i, row in enumerate(dialog.rows) if not dialog.table.isRowHidden(i)]
    assert shown == ["42-18685"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.row_of("42-18685").tail)
    qtbot.keyClicks(QApplication.focusWidget(), key_stick.tail("42-18685"))
    assert dialog.state_text("42-18685") == "✓ Khớp phiếu"
    dialog.search.clear()
    assert not any(dialog.table.isRowHidden(i) for i in range(len(dialog.rows)))
    first, second = dialog.rows[0], dialog.rows[1]
    first.tail.setFocus()
    qtbot.keyClicks(first.tail, key_stick.tail(first.candidate.code))
    assert QApplication.focusWidget() is second.tail  # the next card is typed without the mouse
