"""Gửi / nhận gói at a receiver: drop a folder on the screen, see the preview, import, roll back; enrol
a sender from its .pub.pem after confirming the fingerprint."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

PASSPHRASE = "mật khẩu xã Kỳ Phong"


@pytest.fixture
def sent(ws, small_framework, tmp_path):
    """The commune's plan package on a stick, and its card."""
    plan = ws.plans.create(2026, "framework", small_framework)
    ws.edit("plan", plan.id, "doc_number", 5)
    ws.edit("plan", plan.id, "issue_date", "08/01/2026")
    ws.plans.issue(plan.id)
    ws.exchange.create_key(PASSPHRASE, PASSPHRASE)
    stick = tmp_path / "usb"
    stick.mkdir()
    ws.exchange.export("plan", 2026, None, stick, PASSPHRASE)
    (tmp_path / "the").mkdir()
    card, pub = ws.exchange.write_card(tmp_path / "the" / ws.exchange.default_card_name())
    return stick, pub


@pytest.fixture
def receiver_window(app, qtbot, tmp_path, shown_errors):
    from cchc_desktop.workspace import create_receiver
    from ui.main_window import MainWindow
    from ui.screen_list import SCREENS
    from ui.session import Session

    rv = create_receiver(tmp_path / "so" / "so.sqlite", "Sở Nội vụ tỉnh Hà Tĩnh", "42")
    win = MainWindow(Session(rv))
    qtbot.addWidget(win)
    win.show()
    win.set_year(2026)
    win.nav.setCurrentRow([key for key, _ in SCREENS].index("exchange"))
    yield win
    win.close()
    rv.close()


def _drop(widget, *paths) -> None:
    """A real drop event handed to the widget's handler (offscreen Qt delivers no drop without a drag)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    widget.dropEvent(event)
    assert event.isAccepted()


def test_enrol_then_drop_a_folder_preview_and_import(receiver_window, qtbot, sent, shown_errors):
    stick, pub = sent
    screen = receiver_window.screens["exchange"]
    panel = screen.receiver
    assert screen.commune is None and panel is not None
    dialog = panel.enrol_from(pub)
    assert dialog.name.text() == "Kỳ Phong" and dialog.unit.text() == "18544"
    assert not dialog.enrol_button.isEnabled()  # only after the reviewer confirms the 16 groups
    dialog.confirmed.setChecked(True)
    qtbot.mouseClick(dialog.enrol_button, Qt.MouseButton.LeftButton)
    assert panel.senders.rowCount() == 1 and panel.senders.texts(1) == ["42-18544"]
    _drop(screen, stick)
    qtbot.waitUntil(lambda: panel.job is not None and panel.job.done, timeout=10000)
    preview = panel.dialog
    lines = preview.lines()
    assert lines[0].startswith("Sẽ nhận mới: Kế hoạch CCHC năm 2026 của xã Kỳ Phong (mã 42-18544)")
    assert any(line.startswith("Mới — nhiệm vụ «Ban hành Kế hoạch CCHC năm 2026»") for line in lines)
    assert receiver_window.session.ws.exchange.received() == []  # nothing written by the preview
    first_job = panel.job
    qtbot.mouseClick(preview.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.job is not first_job and panel.job.done, timeout=10000)
    results = [panel.results.item(i).text() for i in range(panel.results.count())]
    assert results[0].startswith("Đã nhận: Kế hoạch CCHC năm 2026") and "Đã sao lưu" in results[-1]
    assert panel.tabs.currentWidget() is panel.results
    assert panel.inbox.model.rowCount() == 1 and panel.log.texts(0) == ["42-18544_plan_2026_r1"]
    row = panel.inbox.model.rows[0]
    assert [row[1].text, row[2].text, row[3].text, row[4].text] == [
        "42-18544",
        "Kế hoạch CCHC — năm 2026",
        "1",
        "Chính thức",
    ]
    panel.rollback("42-18544_plan_2026_r1")
    assert panel.inbox.model.rowCount() == 0
    assert panel.results.item(0).text().startswith("Đã hoàn tác lần nhận «42-18544_plan_2026_r1»")
    assert shown_errors == []


def test_a_package_of_a_unit_not_enrolled_is_held_in_the_inbox_and_imported_in_one_click(
    receiver_window, qtbot, sent, shown_errors, monkeypatch
):
    from ui.widgets import asking

    stick, pub = sent
    panel = receiver_window.screens["exchange"].receiver
    ws = receiver_window.session.ws
    panel.import_paths([stick / "42-18544_plan_2026_r1.cchc"])
    qtbot.waitUntil(lambda: panel.job is not None and panel.job.done, timeout=10000)
    assert panel.dialog.lines()[0].startswith("Sẽ giữ lại chờ xác nhận khóa: Kế hoạch CCHC năm 2026")
    preview_job = panel.job
    qtbot.mouseClick(panel.dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.job is not preview_job and panel.job.done, timeout=10000)
    inbox = panel.inbox
    panel.tabs.setCurrentWidget(inbox)
    assert ws.exchange.received() == [] and inbox.model.rowCount() == 1
    assert inbox.proxy.index(0, 4).data() == "Chờ xác nhận khóa"
    assert "Có 1 gói chờ xác nhận khóa" in inbox.count.text() and inbox.import_held.isVisibleTo(inbox)
    inbox.current_only.setChecked(True)  # a held package is not a current revision: hidden with the old ones
    assert inbox.proxy.rowCount() == 0
    inbox.current_only.setChecked(False)
    asked = []
    monkeypatch.setattr(asking, "confirm", lambda parent, text: asked.append(text) or False)
    dialog = panel.enrol_from(pub)
    dialog.confirmed.setChecked(True)
    qtbot.mouseClick(dialog.enrol_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "Có 1 gói của đơn vị này" in asked[0]  # the clerk answers later, in the inbox
    assert len(ws.exchange.held()) == 1
    enrol_job = panel.job
    qtbot.mouseClick(inbox.import_held, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.job is not enrol_job and panel.job.done, timeout=10000)
    assert ws.exchange.held() == [] and len(ws.exchange.received()) == 1
    assert panel.results.item(0).text().startswith("Đã nhận: Kế hoạch CCHC năm 2026 của xã Kỳ Phong")
    assert inbox.model.rowCount() == 1 and inbox.proxy.index(0, 4).data() != "Chờ xác nhận khóa"
    assert not inbox.import_held.isVisibleTo(inbox) and shown_errors == []


def test_the_preview_names_the_sender_as_enrolled_and_warns_of_another_name(receiver_window, qtbot, sent):
    stick, pub = sent
    panel = receiver_window.screens["exchange"].receiver
    dialog = panel.enrol_from(pub)
    dialog.name.setText("Hương Xuân")  # the reviewer corrects the name on the card
    dialog.confirmed.setChecked(True)
    qtbot.mouseClick(dialog.enrol_button, Qt.MouseButton.LeftButton)
    panel.import_paths([stick])
    qtbot.waitUntil(lambda: panel.job is not None and panel.job.done, timeout=10000)
    lines = panel.dialog.lines()
    assert lines[0].startswith("Sẽ nhận mới: Kế hoạch CCHC năm 2026 của xã Hương Xuân (mã 42-18544)")
    assert lines[1].startswith("Lưu ý: gói tự ghi đơn vị gửi là «xã Kỳ Phong (mã 42-18544)»")


def test_the_received_list_is_searched_and_opens_the_packages_pdf(receiver_window, qtbot, sent, monkeypatch):
    from ui.widgets import asking

    stick, pub = sent
    screen = receiver_window.screens["exchange"]
    panel = screen.receiver
    ws = receiver_window.session.ws
    ws.exchange.enrol(ws.exchange.read_public_key(pub), ws.exchange.read_public_key(pub).fingerprint)
    ws.exchange.import_packages([stick])
    panel.load()
    inbox = panel.inbox
    assert inbox.proxy.rowCount() == 1 and "1 gói đã nhận" in inbox.count.text()
    inbox.filter_box.setText("ke hoach ky phong")  # no tone marks, words in any order
    assert inbox.proxy.rowCount() == 1
    inbox.filter_box.setText("bao cao")
    assert inbox.proxy.rowCount() == 0
    inbox.filter_box.clear()
    opened = []
    monkeypatch.setattr(asking, "open_url", lambda url: opened.append(url.toLocalFile()) or True)
    inbox.view.doubleClicked.emit(inbox.proxy.index(0, 0))
    assert len(opened) == 1 and opened[0].endswith(".pdf")
    with open(opened[0], "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"


def test_a_held_package_is_dropped_after_the_clerk_confirms(receiver_window, qtbot, sent, monkeypatch, shown_errors):
    from ui.widgets import asking

    stick, _ = sent
    panel = receiver_window.screens["exchange"].receiver
    ws = receiver_window.session.ws
    ws.exchange.import_packages([stick / "42-18544_plan_2026_r1.cchc"])
    panel.load()
    inbox = panel.inbox
    inbox.view.selectRow(0)
    answers = iter([False, True])
    monkeypatch.setattr(asking, "confirm", lambda parent, text: next(answers))
    inbox.remove_selected_held()
    assert len(ws.exchange.held()) == 1  # "No" keeps it
    inbox.remove_selected_held()
    assert ws.exchange.held() == [] and inbox.model.rowCount() == 0 and shown_errors == []
