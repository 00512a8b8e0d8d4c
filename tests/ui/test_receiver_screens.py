"""The office's screens over real received packages: who sent what, the figures, the ranking, the roster."""

from __future__ import annotations

import pytest

from ui.screen_list import RECEIVER_SCREENS


@pytest.fixture
def office_window(app, qtbot, office, shown_errors):
    from ui.main_window import MainWindow
    from ui.session import Session

    rv, commune = office
    win = MainWindow(Session(rv))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    win.set_year(2026)
    yield win, commune


def _show(window, key: str):
    window.nav.setCurrentRow([k for k, _ in RECEIVER_SCREENS].index(key))
    return window.screens[key]


def test_the_office_sees_its_own_navigation(office_window):
    window, _ = office_window
    labels = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert labels[:6] == [
        "Nhận gói từ các xã",
        "Tình hình nộp báo cáo",
        "Tổng hợp chỉ tiêu",
        "Chấm điểm, xếp hạng",
        "Thẩm định điểm",
        "Văn bản đôn đốc",
    ]


def test_matrix_lists_every_unit_and_filters_the_lagging_ones(office_window, qtbot):
    window, commune = office_window
    screen = _show(window, "completeness")
    assert screen.model.rowCount() == 70 and screen.proxy.rowCount() == 70
    headers = [screen.model.headerData(i, _horizontal()) for i in range(screen.model.columnCount())]
    assert headers[3].startswith("Kế hoạch") and headers[4].startswith("Quý I/2026")
    screen.filter_box.setText("huong xuan")
    assert screen.proxy.rowCount() == 1
    screen.filter_box.clear()
    screen.only_lagging.setChecked(True)
    assert 0 < screen.proxy.rowCount() <= 70
    assert "Quý I/2026: đã gửi 1/70" in screen.note.text()


def test_indicators_and_ranking_screens(office_window):
    window, _ = office_window
    indicators = _show(window, "indicators")
    indicators.period.setCurrentIndex(indicators.period.findData("H1"))
    indicators.load_period()
    assert indicators.summary.rowCount() > 0
    assert indicators.units.rowCount() == 1  # the first indicator's units, without a click
    indicators.summary_view.selectRow(1)
    assert indicators.units.rowCount() == 1
    ranking = _show(window, "index")
    assert ranking.model.rowCount() == 1 and ranking.model.rows[0][0].text == "1"
    assert "69 đơn vị chưa gửi" in ranking.note.text()


def test_a_unit_is_added_to_the_roster_by_hand(office_window, monkeypatch):
    from ui.screens.receiver import unit_dialog

    window, _ = office_window
    screen = _show(window, "roster")
    monkeypatch.setattr(unit_dialog.UnitDialog, "exec", lambda self: 1)
    monkeypatch.setattr(
        unit_dialog.UnitDialog,
        "values",
        lambda self: {
            "province_code": "42",
            "unit_code": "9001",
            "name": "Kỳ Phong",
            "unit_type": "xa",
            "valid_from": "",
            "valid_to": "30/6/2025",
            "note": "Đã sáp nhập",
        },
    )
    screen.add()
    assert screen.model.rowCount() == 71  # 69 official units, the demo commune and this one
    assert any(row[1].text == "42-09001" and "30/06/2025" in row[3].text for row in screen.model.rows)


def _horizontal():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_a_letter_is_drafted_edited_and_saved_from_its_screen(office_window, qtbot, monkeypatch, tmp_path):
    from ui.dialogs import print_preview
    from ui.jobs import running_jobs

    window, _ = office_window
    screen = _show(window, "letters")
    screen.period.setCurrentIndex(screen.period.findData("Q3"))
    screen.draft()
    assert screen.model.rowCount() == 1 and screen.letter is not None
    editor = screen.texts["closing_text"]
    editor.setFocus()
    editor.setPlainText("Đề nghị các đơn vị thực hiện nghiêm túc./.")
    editor.commit()
    assert window.session.ws.letters.get(screen.letter.id).closing_text == "Đề nghị các đơn vị thực hiện nghiêm túc./."
    target = tmp_path / "cv.pdf"
    monkeypatch.setattr(print_preview, "ask_save_path", lambda *args: target)
    monkeypatch.setattr(print_preview.SavedDialog, "open", lambda self: None)
    screen.documents.save_pdf()
    qtbot.waitUntil(lambda: running_jobs() == 0 and target.exists(), timeout=20000)
    assert target.read_bytes().startswith(b"%PDF")


def test_an_appraisal_round_is_opened_typed_and_dropped(office, app, qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt

    from tests.support.receiver import submit_assessment
    from ui.main_window import MainWindow
    from ui.session import Session
    from ui.widgets import asking

    rv, commune = office
    submit_assessment(rv, commune, tmp_path / "lan2")
    window = MainWindow(Session(rv))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.set_year(2026)
    screen = _show(window, "appraisal")
    assert screen.units.rowCount() == 1 and screen.units.rows[0][2].text == "Chưa làm"
    assert "Bấm «Mở vòng thẩm định» để bắt đầu" in screen.round_label.text()
    assert not screen.documents.buttons["pdf"].isEnabled()
    qtbot.mouseClick(screen.buttons["start"], Qt.MouseButton.LeftButton)
    assert screen.units.rows[0][2].text == "Đang làm lần 1" and screen.model.rowCount() > 40
    assert screen.documents.buttons["pdf"].isEnabled()
    assert not screen.buttons["start"].isEnabled() and screen.buttons["delete"].isEnabled()
    messages = [screen.problems.list.item(i).text() for i in range(screen.problems.list.count())]
    assert messages and all("chưa có điểm thẩm định" in m for m in messages)  # the survey criteria

    model = screen.model
    row = next(i for i, line in enumerate(model.lines) if line.leaf and line.facts.self_score)
    column = model.column_of("appraised_score")
    index = model.index(row, column)
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    parent_row = next(i for i, line in enumerate(model.lines) if not line.leaf)
    assert not model.flags(model.index(parent_row, column)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(index, "99")  # out of range: refused, said on the message bar
    assert "nằm ngoài khoảng cho phép" in window.message_bar.text
    assert model.setData(index, "0")
    assert model.data(model.index(row, column)) == "0"
    assert "1 tiêu chí" in screen.round_label.text()
    messages = [screen.problems.list.item(i).text() for i in range(screen.problems.list.count())]
    assert any("chưa có nhận xét nêu lý do" in m for m in messages)
    assert model.setData(model.index(row, model.column_of("comment")), "Chưa có văn bản ban hành.")
    messages = [screen.problems.list.item(i).text() for i in range(screen.problems.list.count())]
    assert not any("nhận xét" in m for m in messages)

    monkeypatch.setattr(asking, "confirm", lambda parent, text: "lần 1" in text)
    qtbot.mouseClick(screen.buttons["delete"], Qt.MouseButton.LeftButton)
    assert screen.units.rows[0][2].text == "Chưa làm" and screen.model.rowCount() == 0


def test_the_office_settings_are_an_offices(office_window, qtbot):
    from PySide6.QtWidgets import QLabel

    window, _ = office_window
    screen = _show(window, "profile")
    labels = {label.text() for label in screen.form.findChildren(QLabel)}
    assert {"Tên cơ quan", "Cấp", "Người đứng đầu (Giám đốc Sở; ở huyện: Chủ tịch UBND)"} <= labels
    assert not labels & {"Chủ tịch UBND", "Mã đơn vị (5 chữ số)", "Đơn vị nhận báo cáo", "Loại đơn vị"}
    name = screen.form.inputs["name"]
    assert name.text() == "Sở Nội vụ tỉnh Hà Tĩnh"
    chairman = screen.form.inputs["chairman_name"]
    chairman.setFocus()
    chairman.setText("Nguyễn Văn An")
    chairman.editingFinished.emit()
    profile = window.session.ws.profile.get()
    assert (profile.chairman_name, profile.mode) == ("Nguyễn Văn An", "receiver")
