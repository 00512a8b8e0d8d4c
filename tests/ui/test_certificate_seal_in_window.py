"""Through both windows: the commune seals its plan with its certificate (a .p12 file, no app key at
all); the province adds the CA's root in «Chứng thư số tin cậy», drops the stick and imports it without
any enrolment card; the received list says how the package was sealed."""

from __future__ import annotations

import zipfile

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.support.signing import P12_PASSWORD
from tests.ui.keyboard import type_text
from tests.ui.test_exchange_commune import _exchange_screen, _issue
from tests.ui.test_exchange_receiver import _drop


@pytest.fixture
def stick(tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


@pytest.fixture(autouse=True)
def _tokens_made_first(hsm):
    """The seal dialog looks for tokens; a PKCS#11 library is loaded once per process, so the test
    tokens must exist before the first look (as in the signing tests), whatever runs first."""
    return hsm


def _seal_with_p12(qtbot, panel, p12: str, monkeypatch, secret: str = P12_PASSWORD):
    from ui.widgets import asking

    monkeypatch.setattr(asking, "open_file", lambda *args: p12)
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    keys = dialog.picker.keys
    keys.activated.emit(keys.count() - 1)  # «Chọn tệp chứng thư số (.p12, .pfx)…»
    assert keys.currentText() == "commune.p12"
    dialog.picker.pin.setFocus()
    type_text(dialog.picker.pin, secret)
    qtbot.keyClick(dialog.picker.pin, Qt.Key.Key_Return)
    return dialog


def test_the_commune_seals_with_its_certificate_and_the_province_takes_it_without_a_card(
    window, qtbot, ws, draft_plan, stick, p12_files, pki_files, monkeypatch, shown_errors, tmp_path
):
    panel = _exchange_screen(window).commune
    _issue(ws, draft_plan)
    window.set_year(2026)
    assert not panel.export_button.isEnabled()  # no app key: blocked while the app's key seals
    panel.seal.setCurrentIndex(panel.seal.findData("certificate"))
    assert panel.export_button.isEnabled()  # a certificate needs no app key
    panel.folder.setText(str(stick))
    dialog = _seal_with_p12(qtbot, panel, str(p12_files["commune"]), monkeypatch)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: panel.job is not None and panel.job.done, timeout=20000)
    assert shown_errors == []
    package = stick / "42-18544_plan_2026_r1.cchc"
    with zipfile.ZipFile(package) as archive:
        assert b'"type": "cms-x509"' in archive.read("manifest.json")
    assert ws.get_setting("exchange.last_seal") == "certificate"

    from cchc_desktop.workspace import create_receiver
    from ui.main_window import MainWindow
    from ui.screen_list import RECEIVER_SCREENS
    from ui.session import Session
    from ui.widgets import asking

    province = create_receiver(tmp_path / "so" / "so.sqlite", "Sở Nội vụ tỉnh Hà Tĩnh", "42")
    province.receiver.add_unit(province_code="42", unit_code="18544", name="Kỳ Phong", unit_type="xa")
    office = MainWindow(Session(province))
    qtbot.addWidget(office)
    office.show()
    office.set_year(2026)
    office.nav.setCurrentRow([key for key, _ in RECEIVER_SCREENS].index("exchange"))
    receiver = office.screens["exchange"].receiver
    receiver.tabs.setCurrentWidget(receiver.trust)
    roots = [str(pki_files["root"]), str(pki_files["intermediate"])]
    monkeypatch.setattr(asking, "open_files", lambda *args: roots)
    asked = []

    def answer(parent, title, text, buttons, default):
        assert default == QMessageBox.StandardButton.No  # «Không» unless the clerk chooses otherwise
        asked.append(text)
        return QMessageBox.StandardButton.No if len(asked) == 1 else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    qtbot.mouseClick(receiver.trust.add_button, Qt.MouseButton.LeftButton)  # the fingerprint does not match
    assert receiver.trust.table.rowCount() == 0 and province.exchange.trust_entries() == []
    root_fingerprint = province.exchange.read_trust_files([roots[0]])[0].fingerprint
    groups = root_fingerprint.split()
    shown = [" ".join(groups[:8]), " ".join(groups[8:])]  # on two lines of 8 groups, as CAs print them
    assert "Cơ quan chứng thực số chuyên dùng Chính phủ" in asked[0] and all(line in asked[0] for line in shown)
    qtbot.mouseClick(receiver.trust.add_button, Qt.MouseButton.LeftButton)
    assert shown_errors == [] and receiver.trust.result.text() == "Đã thêm 2 mục; 0 mục đã có từ trước."
    assert receiver.trust.table.texts(0) == ["Chứng thư gốc", "Chứng thư trung gian"]
    assert receiver.trust.table.texts(3)[0] == root_fingerprint
    assert receiver.trust.result.text() == "Đã thêm 2 mục; 0 mục đã có từ trước."

    _drop(office.screens["exchange"], stick)
    qtbot.waitUntil(lambda: receiver.job is not None and receiver.job.done, timeout=15000)
    preview, first_job = receiver.dialog, receiver.job
    assert preview.lines()[0].startswith("Sẽ nhận mới: Kế hoạch CCHC năm 2026 của xã Kỳ Phong (mã 42-18544)")
    qtbot.mouseClick(preview.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: receiver.job is not first_job and receiver.job.done, timeout=15000)
    signer = receiver.inbox.model.rows[0][-1]
    assert signer.text.endswith("· gói niêm phong bằng chứng thư số")
    assert "«UBND xã Kỳ Phong»" in signer.tooltip
    assert province.exchange.senders() == [] and shown_errors == []
    office.close()
    province.close()


def test_a_wrong_password_is_said_and_nothing_is_written(
    window, qtbot, ws, draft_plan, stick, p12_files, monkeypatch, shown_errors
):
    panel = _exchange_screen(window).commune
    _issue(ws, draft_plan)
    window.set_year(2026)
    panel.seal.setCurrentIndex(panel.seal.findData("certificate"))
    panel.folder.setText(str(stick))
    _seal_with_p12(qtbot, panel, str(p12_files["commune"]), monkeypatch, secret="sai mật khẩu")
    qtbot.waitUntil(lambda: panel.job is not None and panel.job.done, timeout=20000)
    assert len(shown_errors) == 1 and "mật khẩu" in shown_errors[0]
    assert list(stick.iterdir()) == [] and ws.exchange.outbox() == []
