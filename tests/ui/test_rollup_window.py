"""The roll-up in the windows: the district's settings show its code and superior, its «Gửi báo cáo tổng
hợp lên tỉnh…» writes the signed package off the UI thread; the province's inbox shows the row and its
«Báo cáo tổng hợp của huyện…» lists the district's figures. Screenshots go to the test's folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from tests.support.rollup import DISTRICT_PASSPHRASE, YEAR
from tests.ui.keyboard import type_text


def _window(qtbot, ws):
    from ui.main_window import MainWindow
    from ui.session import Session

    window = MainWindow(Session(ws))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.set_year(YEAR)
    return window


def test_district_sends_and_province_reads(app, qtbot, rollup_pair, tmp_path, monkeypatch, shown_errors):
    from ui.dialogs.rollup_dialog import RollupDialog
    from ui.widgets import asking

    out = tmp_path / "len-tinh"
    out.mkdir()
    district = _window(qtbot, rollup_pair.district)
    panel = district.screens["exchange"].receiver
    panel.load(YEAR)
    assert panel.tabs.isTabVisible(panel.tabs.indexOf(panel.district))
    panel.tabs.setCurrentWidget(panel.district)
    assert panel.rollup_button.isVisibleTo(district) and not panel.rollups_button.isVisibleTo(district)

    def choose(dialog):
        dialog.period.setCurrentIndex(dialog.period.findData("Q1"))
        dialog.grab().save(str(tmp_path / "rollup-dialog.png"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RollupDialog, "exec", choose)
    monkeypatch.setattr(asking, "choose_folder", lambda parent, title, start="": str(out))
    qtbot.mouseClick(panel.rollup_button, Qt.MouseButton.LeftButton)
    panel.dialog.first.setFocus()
    type_text(panel.dialog.first, DISTRICT_PASSPHRASE)
    qtbot.keyClick(panel.dialog.first, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.job is not None and panel.job.done, timeout=30000)
    assert panel.results.item(0).text().startswith(f"Đã ghi Báo cáo tổng hợp Quý I/{YEAR}")
    (package,) = out.glob("*.cchc")
    assert package.name == f"42-90436_consolidation_{YEAR}_Q1_r1.cchc"

    province = _window(qtbot, rollup_pair.province)
    office = province.screens["exchange"].receiver
    assert [o.status for o in rollup_pair.province.exchange.import_packages([package]).outcomes] == ["imported"]
    office.load(YEAR)
    assert office.rollups_button.isVisibleTo(province)
    assert not office.tabs.isTabVisible(office.tabs.indexOf(office.district))
    texts = [office.inbox.model.index(r, 2).data() for r in range(office.inbox.model.rowCount())]
    assert f"Báo cáo tổng hợp — Quý I/{YEAR}" in texts
    province.resize(1280, 720)
    qtbot.wait(50)
    assert office.receipts_button.width() >= office.receipts_button.sizeHint().width()  # not squeezed
    assert office.rollups_button.width() >= office.rollups_button.sizeHint().width()
    province.grab().save(str(tmp_path / "province-inbox.png"))
    view = office.open_rollups()
    qtbot.addWidget(view)
    assert view.picker.currentText().startswith(f"Huyện Can Lộc — Quý I/{YEAR} (lần gửi 1)")
    indicators = view.tabs.widget(0)
    assert indicators.rowCount() > 0 and indicators.horizontalHeaderItem(2).text() == "Σ tử số"
    assert view.tabs.widget(1).rowCount() == len(view.current().communes)
    view.grab().save(str(tmp_path / "rollup-view.png"))
    opened = []
    monkeypatch.setattr(asking, "open_url", lambda url: opened.append(url.toLocalFile()))
    qtbot.mouseClick(view.pdf, Qt.MouseButton.LeftButton)
    assert opened and Path(opened[0]).read_bytes()[:5] == b"%PDF-"
    assert shown_errors == []
    _receipt_goes_back(qtbot, rollup_pair, panel, tmp_path, district)


def _receipt_goes_back(qtbot, rollup_pair, panel, tmp_path, district):
    """The province receipts the consolidation; the district enrols the province's key in its «Gửi lên
    tỉnh» tab, drops the receipt, and the sent list says the province received it."""
    from tests.support.rollup import province_card, province_receipt
    from tests.ui.test_exchange_receiver import _drop

    receipt = province_receipt(rollup_pair, tmp_path / "xuong")
    card = province_card(rollup_pair, tmp_path)
    panel.load(YEAR)
    assert panel.district.sent.texts(4) == ["Đã gửi, chưa có biên nhận"]
    dialog = panel.district.superior.enrol_from(card)
    dialog.confirmed.setChecked(True)
    qtbot.mouseClick(dialog.enrol_button, Qt.MouseButton.LeftButton)
    assert "Sở Nội vụ tỉnh Hà Tĩnh" in panel.district.superior.state.text()
    _drop(district.screens["exchange"], receipt)
    qtbot.waitUntil(lambda: panel.dialog is not None and hasattr(panel.dialog, "apply_button"), timeout=15000)
    preview_job = panel.job
    qtbot.mouseClick(panel.dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.job is not preview_job and panel.job.done, timeout=15000)
    panel.tabs.setCurrentWidget(panel.district)
    assert panel.district.sent.texts(4)[0].startswith("Tỉnh đã nhận (")
    district.grab().save(str(tmp_path / "district-sent.png"))


def test_settings_show_the_district_fields_only_for_a_district(app, qtbot, rollup_pair):
    from ui.screens.profile_screen import ProfileScreen
    from ui.session import Session

    screen = ProfileScreen(Session(rollup_pair.district))
    qtbot.addWidget(screen)
    screen.load()
    form = screen.form
    assert form.form_layout.isRowVisible(form.inputs["district_code"])
    assert form.inputs["district_code"].text() == "436"
    assert form.inputs["superior_name"].text() == "Sở Nội vụ tỉnh Hà Tĩnh"
    form.inputs["district_code"].setText("4x")
    screen.commit()
    assert "Mã huyện phải gồm tối đa 3 chữ số" in form.error.text()
    form.inputs["district_code"].setText("437")
    screen.commit()
    assert rollup_pair.district.profile.get().district_unit_code == "90437"
    other = ProfileScreen(Session(rollup_pair.province))
    qtbot.addWidget(other)
    other.load()
    assert not other.form.form_layout.isRowVisible(other.form.inputs["district_code"])
