"""First run: the official fills the unit profile in the wizard."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard

from tests.ui.keyboard import type_text


def test_wizard_checks_each_page_and_saves(app, qtbot):
    from ui.dialogs.setup_wizard import SetupWizard

    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.pages_[0].form
    type_text(page.inputs["name"], "Kỳ Phong")
    wizard.next()
    assert wizard.currentId() == 0
    assert "34 mã tỉnh" in page.error.text()
    province = page.inputs["province_code"]
    province.setCurrentIndex(province.findData("42"))
    type_text(page.inputs["commune_code"], "18x")
    type_text(page.inputs["place_name"], "Kỳ Phong")
    wizard.next()
    assert "tối đa 5 chữ số" in page.error.text()
    page.inputs["commune_code"].clear()
    type_text(page.inputs["commune_code"], "4")
    wizard.next()
    assert wizard.currentId() == 1
    receiver = wizard.pages_[1].form.inputs["receiver_name"]
    assert receiver.text() == "Sở Nội vụ tỉnh Hà Tĩnh"
    wizard.next()
    people = wizard.pages_[2].form
    type_text(people.inputs["chairman_name"], "Nguyễn Văn Hùng")
    type_text(people.inputs["focal_name"], "Lê Thị Mai")
    profile = wizard.result_profile()
    assert (profile.commune_code, profile.province_code, profile.receiver_level) == ("00004", "42", "tinh")
    assert wizard.button(QWizard.WizardButton.NextButton).text() == "&Tiếp >"


def test_first_run_saves_profile_through_the_session(app, qtbot, tmp_path, monkeypatch):
    from cchc_desktop.workspace import Workspace
    from ui import app as app_module
    from ui.dialogs.setup_wizard import SetupWizard
    from ui.session import Session

    def fake_exec(self):
        form = self.pages_[0].form
        form.inputs["name"].setText("Kỳ Phong")
        form.inputs["province_code"].setCurrentIndex(form.inputs["province_code"].findData("42"))
        form.inputs["commune_code"].setText("18544")
        form.inputs["place_name"].setText("Kỳ Phong")
        self.pages_[2].form.inputs["focal_name"].setText("Lê Thị Mai")
        return True

    monkeypatch.setattr(SetupWizard, "exec", fake_exec)
    ws = Workspace.open(tmp_path / "new.sqlite", create=True)
    assert app_module.ensure_profile(Session(ws))
    assert ws.profile.get().receiver_name == "Sở Nội vụ tỉnh Hà Tĩnh"
    assert ws.actor == "Lê Thị Mai"
    ws.close()


def test_the_unit_is_picked_from_the_official_list_or_typed_by_hand(app, qtbot):
    from ui.dialogs.setup_wizard import SetupWizard

    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    form = wizard.pages_[0].form
    picker = form.picker
    assert "Chọn tỉnh" in picker.hint.text()
    province = form.inputs["province_code"]
    province.setCurrentIndex(province.findData("42"))
    type_text(picker.query, "huong xuan")  # no tone marks typed
    assert picker.results.count() == 1 and picker.results.item(0).text() == "Xã Hương Xuân (18544)"
    picker.results.itemClicked.emit(picker.results.item(0))
    assert (form.inputs["name"].text(), form.inputs["commune_code"].text(), form.inputs["place_name"].text()) == (
        "Hương Xuân",
        "18544",
        "Hương Xuân",
    )
    assert form.inputs["unit_type"].currentData() == "xa"
    form.inputs["former_units"].setFocus()
    type_text(form.inputs["former_units"], "Xã Cũ Một – 123")
    profile = wizard.collect()
    assert profile.former_units == [{"name": "Xã Cũ Một", "code": "123"}]
    picker.query.clear()
    type_text(picker.query, "khong co xa nay")
    assert picker.results.count() == 0 and "nhập tay" in picker.hint.text()
    form.inputs["name"].clear()
    type_text(form.inputs["name"], "Đơn vị mới lập")
    form.inputs["commune_code"].clear()
    type_text(form.inputs["commune_code"], "99003")
    wizard.next()
    assert wizard.currentId() == 1  # a unit not in the list is accepted as typed


def test_former_units_are_kept_with_their_codes(ws):
    from cchc_desktop.profile.model import parse_former_units

    profile = ws.profile.get()
    profile.former_units = parse_former_units("Xã Cũ Một – 123\nThị trấn Cũ Hai")
    saved = ws.profile.save(profile)
    assert saved.former_units == [{"name": "Xã Cũ Một", "code": "00123"}, {"name": "Thị trấn Cũ Hai", "code": ""}]
    assert ws.profile.get().former_units == saved.former_units
