"""Khung năm through both windows: the office prepares the year's framework, types a new target in the
grid and sends it with «Gửi khung năm…»; the commune drops the package on its screen and reads the line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.support.exchange import OFFICE_PASSPHRASE
from tests.ui.keyboard import type_text
from tests.ui.test_exchange_down import _answer, _window
from tests.ui.test_exchange_receiver import _drop


def _type_cell(qtbot, editor, row: int, field: str, text: str) -> None:
    view = editor.view
    view.setFocus()
    view.setCurrentIndex(view.model().index(row, editor.model.column_of(field)))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    cell = QApplication.focusWidget()
    assert cell is not None and cell is not view, "the cell editor did not open"
    cell.selectAll()
    type_text(cell, text)
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    QApplication.processEvents()


def test_the_office_sends_the_years_framework_and_the_commune_takes_it(
    app, qtbot, linked, tmp_path, monkeypatch, shown_errors
):
    from ui.screen_list import RECEIVER_SCREENS, SCREENS
    from ui.widgets import asking

    office, commune = linked
    out = tmp_path / "khung"
    out.mkdir()
    window = _window(qtbot, office)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # activation arrives as an event
    window.nav.setCurrentRow([key for key, _ in RECEIVER_SCREENS].index("exchange"))
    window.set_year(2027)
    panel = window.screens["exchange"].receiver
    page = panel.framework
    panel.tabs.setCurrentWidget(page)
    assert page.prepare_button.isVisible() and not page.send_button.isEnabled()
    page.prepare_button.click()  # a mouse left over the buttons would raise a tooltip window offscreen
    assert page.send_button.isEnabled() and "Chưa gửi cho xã nào" in page.state.text()

    page.tabs.setCurrentIndex(1)
    indicators = page.editors["framework_indicator"]
    row = next(i for i, r in enumerate(office.frameworks.rows(2027, "framework_indicator")) if r.code == "CX-05")
    _type_cell(qtbot, indicators, row, "target", "97,5")
    assert next(r for r in office.frameworks.rows(2027, "framework_indicator") if r.code == "CX-05").target == 97.5
    page.tabs.setCurrentIndex(3)
    criteria = page.editors["framework_criterion"]
    _type_cell(qtbot, criteria, 2, "max_points", "3")
    assert "Còn 1 lỗi cần sửa trước khi gửi" in page.problems.text()
    _type_cell(qtbot, criteria, 2, "max_points", "1")
    assert page.problems.text() == ""
    window.grab().save(str(tmp_path / "khung-nam.png"))

    monkeypatch.setattr(asking, "choose_folder", lambda parent, title, start="": str(out))
    qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
    _answer(qtbot, panel.dialog, OFFICE_PASSPHRASE)
    qtbot.waitUntil(lambda: panel.job is not None and panel.job.done, timeout=15000)
    assert panel.results.item(0).text().startswith("Đã ghi khung năm 2027 cho 1 xã")
    assert panel.results.item(1).text().endswith("42-00000_framework_2027_den-42-18544_r1.cchc")
    assert "Đã gửi lần cuối lúc" in page.state.text()

    commune_window = _window(qtbot, commune)
    commune_window.nav.setCurrentRow([key for key, _ in SCREENS].index("exchange"))
    screen = commune_window.screens["exchange"]
    _drop(screen, out)
    commune_panel = screen.commune
    qtbot.waitUntil(lambda: commune_panel.job is not None and commune_panel.job.done, timeout=15000)
    assert commune_panel.dialog.lines()[0].startswith("Sẽ nhận khung năm của Sở Nội vụ tỉnh Hà Tĩnh: khung năm 2027")
    first = commune_panel.job
    qtbot.mouseClick(commune_panel.dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: commune_panel.job is not first and commune_panel.job.done, timeout=15000)
    assert commune_panel.result.text().startswith("Đã nhận khung năm của Sở Nội vụ tỉnh Hà Tĩnh: khung năm 2027")
    plan = commune.plans.create(2027)
    assert next(i for i in commune.plans.aggregate(plan.id).indicators if i.code == "CX-05").target == 97.5
    assert shown_errors == []
