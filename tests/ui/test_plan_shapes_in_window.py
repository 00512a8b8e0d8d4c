"""Each plan shape communes issue, entered through the window as an official would and printed:
headings as the commune words them, numbering given afresh, no phrase said twice.

Shapes seen in real 2025 plans: "I. MỤC TIÊU, YÊU CẦU" with "1. Mục tiêu"; each area with "1.1. Mục
tiêu / 1.2. Nhiệm vụ" and no separate "Chỉ tiêu chủ yếu"; six areas only; a plan issued by a decision in
July with its tasks in the second half-year; targets that are not numbers; a section of the commune's own.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from tests.support.documents import body_text, doubled_phrases, pdftotext, squeeze
from tests.support.rendered import without_page_numbers
from tests.ui.keyboard import type_text
from ui.screen_list import SCREENS

META, TARGETS, AREAS, TASKS, STRUCTURE = 0, 2, 3, 4, 8


@pytest.fixture
def plan_window(app, qtbot, ws, shown_errors, monkeypatch, tmp_path):
    """The main window over a unit with no plan yet; save dialogs answered with a file of the test."""
    from ui.main_window import MainWindow
    from ui.session import Session

    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda parent, title, suggested, kinds: (str(out / Path(suggested).name), kinds)),
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    win = MainWindow(Session(ws))
    qtbot.addWidget(win)
    win.resize(1366, 740)
    win.show()
    win.set_year(2026)
    yield win
    from ui.jobs import running_jobs

    qtbot.waitUntil(lambda: running_jobs() == 0, timeout=10000)


def _create(qtbot, window, source: str = "framework"):
    screen = window.screens["plan"]
    qtbot.mouseClick(screen.empty.buttons[source], Qt.MouseButton.LeftButton)
    assert screen.plan_id is not None
    return screen


def _page(screen, tab: int):
    screen.tabs.setCurrentIndex(tab)
    return screen.page(tab)


def _type_cell(qtbot, editor, row: int, field: str, *lines: str) -> None:
    view = editor.view
    view.setFocus()
    view.setCurrentIndex(view.model().index(row, editor.model.column_of(field)))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    cell = QApplication.focusWidget()
    cell.selectAll()
    for number, line in enumerate(lines):
        if number:
            qtbot.keyClick(cell, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
        type_text(cell, line)
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    QApplication.processEvents()


def _type_field(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    type_text(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Tab)


def _choose(box, value) -> None:
    box.setCurrentIndex(box.findData(value))
    box.activated.emit(box.currentIndex())


def _printed(qtbot, screen, tmp_path) -> str:
    actions = screen.documents
    actions.save_pdf()
    qtbot.waitUntil(lambda: actions.job is not None and actions.job.done, timeout=60000)
    assert actions.job.error is None, actions.job.error
    actions.saved_dialog.accept()
    pdf = next((tmp_path / "out").glob("*.pdf"))
    text = without_page_numbers(pdftotext(pdf, "-raw"))
    pdf.unlink()
    return text


def _headings(text: str) -> list[str]:
    lines = [line.strip() for line in body_text(text).splitlines()]
    return [line for line in lines if re.match(r"^(?:[IVX]+|\d+(?:\.\d+)?)\. \S", line)]


def _roman(text: str) -> list[str]:
    return [h for h in _headings(text) if re.match(r"^[IVX]+\. ", h)]


def _check_wording(text: str) -> None:
    assert doubled_phrases(body_text(text)) == []
    assert "Kế hoạch kế hoạch" not in squeeze(text) and "V/v" not in text


def test_section_one_renamed_and_per_area_layout(plan_window, qtbot, tmp_path):
    screen = _create(qtbot, plan_window)
    structure = _page(screen, STRUCTURE)
    _type_cell(qtbot, structure.sections, 0, "title", "MỤC TIÊU, YÊU CẦU")
    _type_cell(qtbot, structure.sections, 0, "parts", "Mục tiêu", "Yêu cầu")
    _choose(structure.layout_box, "by_area")
    text = _printed(qtbot, screen, tmp_path)
    headings = _headings(text)
    assert headings[:2] == ["I. MỤC TIÊU, YÊU CẦU", "1. Mục tiêu"]
    assert _roman(text)[1] == "II. NỘI DUNG, MỤC TIÊU, NHIỆM VỤ CỤ THỂ"
    start = headings.index("II. NỘI DUNG, MỤC TIÊU, NHIỆM VỤ CỤ THỂ")
    assert headings[start + 1 : start + 4] == [
        "1. Công tác chỉ đạo, điều hành cải cách hành chính",
        "1.1. Mục tiêu",
        "1.2. Nhiệm vụ",
    ]
    assert "CHỈ TIÊU CHỦ YẾU" not in body_text(text)
    _check_wording(text)


def test_six_areas_and_a_section_of_the_communes_own(plan_window, qtbot, tmp_path):
    screen = _create(qtbot, plan_window)
    areas = _page(screen, AREAS)
    codes = [r.code for r in areas.areas.model.rows]
    view = areas.areas.view
    view.clearSelection()
    for code in ("CDDH", "ISO", "TACDONG"):
        index = view.model().index(codes.index(code), 0)
        view.selectionModel().select(index, view.selectionModel().SelectionFlag.Select)
    qtbot.mouseClick(areas.areas.buttons["delete"], Qt.MouseButton.LeftButton)
    assert areas.areas.model.rowCount() == 6
    structure = _page(screen, STRUCTURE)
    structure.sections.view.setCurrentIndex(structure.sections.view.model().index(0, 0))
    qtbot.mouseClick(structure.sections.buttons["add"], Qt.MouseButton.LeftButton)
    own = next(i for i, r in enumerate(structure.sections.model.rows) if r.kind == "custom")
    _type_cell(qtbot, structure.sections, own, "title", "Kết quả năm 2025")
    structure.sections.view.setCurrentIndex(structure.sections.view.model().index(own, 1))
    _type_field(qtbot, structure.body, "Năm 2025, xã hoàn thành 41/43 nhiệm vụ.")
    text = _printed(qtbot, screen, tmp_path)
    assert _roman(text) == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. KẾT QUẢ NĂM 2025",
        "III. CHỈ TIÊU CHỦ YẾU",
        "IV. NHIỆM VỤ, GIẢI PHÁP",
        "V. NHIỆM VỤ CỤ THỂ",
        "VI. KINH PHÍ THỰC HIỆN",
        "VII. TỔ CHỨC THỰC HIỆN",
    ]
    headings = _headings(text)
    start = headings.index("IV. NHIỆM VỤ, GIẢI PHÁP")
    assert [h.split(". ")[0] for h in headings[start + 1 : start + 7]] == ["1", "2", "3", "4", "5", "6"]
    assert "Năm 2025, xã hoàn thành 41/43 nhiệm vụ." in text
    assert "Tác động của cải cách hành chính" not in squeeze(text)
    _check_wording(text)


def test_targets_that_are_not_numbers(plan_window, qtbot, tmp_path):
    screen = _create(qtbot, plan_window)
    targets = _page(screen, TARGETS).editor
    typed = ["tăng so với năm trước", "duy trì", "thuộc nhóm 10 đơn vị dẫn đầu", "100%"]
    for row, words in enumerate(typed):
        _type_cell(qtbot, targets, row, "target", words)
    assert [targets.view.model().index(r, targets.model.column_of("target")).data() for r in range(4)] == [
        *typed[:3],
        "100",
    ]
    printed = _printed(qtbot, screen, tmp_path)
    for words in typed[:3]:
        assert words in squeeze(printed)
    _check_wording(printed)


def test_a_plan_issued_by_a_decision_in_july(plan_window, qtbot, tmp_path):
    plan_window.set_year(2025)
    screen = _create(qtbot, plan_window, "blank")
    meta = _page(screen, META)
    _choose(meta.fields["issue_mode"], "QD")
    _type_field(qtbot, meta.fields["doc_number"], "112")
    _type_field(qtbot, meta.fields["issue_date"], "15/07/2025")
    tasks = _page(screen, TASKS).editor
    for row, (content, deadline) in enumerate(
        (("Kiện toàn Bộ phận Một cửa sau sắp xếp", "Tháng 8/2025"), ("Số hóa hồ sơ thủ tục hành chính", "Quý IV/2025"))
    ):
        qtbot.mouseClick(tasks.buttons["add"], Qt.MouseButton.LeftButton)
        _type_cell(qtbot, tasks, row, "content", content)
        _type_cell(qtbot, tasks, row, "lead_unit", "Văn phòng")
        _type_cell(qtbot, tasks, row, "deadline_text", deadline)
    printed = _printed(qtbot, screen, tmp_path)
    text = squeeze(printed)
    assert "QUYẾT ĐỊNH" in text and "Số: 112/QĐ-UBND" in text and "ngày 15 tháng 7 năm 2025" in text
    assert "Ban hành Kế hoạch cải cách hành chính xã Kỳ Phong năm 2025" in text
    _check_wording(printed)
    plan_window.nav.setCurrentRow([key for key, _ in SCREENS].index("report"))
    reports = plan_window.screens["report"]
    qtbot.mouseClick(reports.empty.calendar_button, Qt.MouseButton.LeftButton)
    states = [reports.period_box.itemText(i) for i in range(reports.period_box.count())]
    assert states[0].startswith("Quý I/2025 — Không áp dụng") and "Không áp dụng" in states[1]
    assert "Quá hạn" not in states[0]
