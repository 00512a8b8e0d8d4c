"""The period report's workbook read back with openpyxl: sheets, headers, every task and
indicator row, numbers kept as numbers."""

from __future__ import annotations

import openpyxl
import pytest

from cchc_desktop.kernel.i18n import tr
from cchc_desktop.reports.documents.data import indicator_lines, task_lines

HEADER_ROW = 5


@pytest.fixture(scope="module")
def workbook(rendered):
    return openpyxl.load_workbook(rendered["report_h1_xlsx"])


def _column(sheet, title: str) -> int:
    header = [c.value for c in sheet[HEADER_ROW]]
    return header.index(title) + 1


def _values(sheet, title: str) -> list:
    column = _column(sheet, title)
    return [sheet.cell(row, column).value for row in range(HEADER_ROW + 1, sheet.max_row + 1)]


def test_sheets_and_title_rows(workbook, h1_data):
    assert workbook.sheetnames == ["Tiến độ nhiệm vụ", "Chỉ tiêu"]
    progress = workbook["Tiến độ nhiệm vụ"]
    assert progress["A1"].value == "ỦY BAN NHÂN DÂN XÃ KỲ PHONG"
    assert progress["A2"].value == "TIẾN ĐỘ, KẾT QUẢ THỰC HIỆN NHIỆM VỤ"
    assert f"Báo cáo số {h1_data.report.doc_number:02d}/BC-UBND" in progress["A3"].value
    header = [c.value for c in progress[HEADER_ROW]]
    for title in (
        "STT",
        "Lĩnh vực",
        "Nội dung nhiệm vụ",
        "Tình trạng",
        "Tiến độ (%)",
        "Kết quả thực hiện",
        "Lý do, giải trình",
    ):
        assert title in header
    assert all(progress.cell(HEADER_ROW, i).font.b for i in range(1, len(header) + 1))


def test_every_task_row(workbook, h1_data):
    sheet = workbook["Tiến độ nhiệm vụ"]
    lines = task_lines(h1_data)
    assert sorted(_values(sheet, "Nội dung nhiệm vụ")) == sorted(line.task.content for line in lines)
    assert _values(sheet, "STT") == list(range(1, len(lines) + 1))
    statuses = set(_values(sheet, "Tình trạng"))
    assert tr("report.task_status.done_late") in statuses and tr("report.task_status.in_progress") in statuses
    progress = [v for v in _values(sheet, "Tiến độ (%)") if v is not None]
    assert progress and all(isinstance(v, (int, float)) for v in progress)


def test_every_indicator_with_numbers(workbook, h1_data):
    sheet = workbook["Chỉ tiêu"]
    lines = indicator_lines(h1_data)
    codes = _values(sheet, "Mã")
    assert sorted(codes) == sorted(line.figures.indicator.code for line in lines)
    by_code = {line.figures.indicator.code: line for line in lines}
    numerators, denominators = _values(sheet, "Tử số"), _values(sheet, "Mẫu số")
    results = _values(sheet, "Kết quả kỳ báo cáo")
    for code, numerator, denominator, result in zip(codes, numerators, denominators, results, strict=False):
        figures = by_code[code].figures
        if figures.fraction:
            assert (numerator, denominator) == (figures.period_amount.numerator, figures.period_amount.denominator)
        if figures.period_figure is not None:
            assert result == pytest.approx(figures.period_figure, abs=0.01)
    targets = _values(sheet, "Mục tiêu")
    assert "từ 55% trở lên" in targets
