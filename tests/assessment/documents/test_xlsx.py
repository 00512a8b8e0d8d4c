"""The self-assessment workbook read back with openpyxl: the score table with every criterion,
points as numbers, subtotal rows bold, and the per-area summary."""

from __future__ import annotations

import openpyxl
import pytest


@pytest.fixture(scope="module")
def workbook(rendered):
    return openpyxl.load_workbook(rendered["assessment_xlsx"])


def _header_row(sheet) -> int:
    return next(row for row in range(1, 10) if sheet.cell(row, 1).value in ("Mã", "STT"))


def _rows(sheet) -> list[list]:
    start = _header_row(sheet) + 1
    return [[c.value for c in row] for row in sheet.iter_rows(min_row=start, max_row=sheet.max_row)]


def test_sheets_titles_and_headers(workbook):
    assert workbook.sheetnames == ["Bảng điểm", "Tổng hợp"]
    scores = workbook["Bảng điểm"]
    assert scores["A1"].value == "ỦY BAN NHÂN DÂN XÃ KỲ PHONG"
    assert scores["A2"].value == "BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2026"
    assert scores["A3"].value == "(bộ tiêu chí minh họa)"
    header = [c.value for c in scores[_header_row(scores)]]
    assert header[:2] == ["Mã", "Tiêu chí"]
    for title in ("Điểm tối đa", "Điểm tự chấm", "Số tài liệu", "Tài liệu kiểm chứng", "Giải trình"):
        assert title in header


def test_every_criterion_with_its_points(workbook, assessment_data):
    sheet = workbook["Bảng điểm"]
    rows = _rows(sheet)
    lines = assessment_data.view.lines
    assert [row[0] for row in rows[:-1]] == [line.criterion.code for line in lines]
    header = [c.value for c in sheet[_header_row(sheet)]]
    score, maximum = header.index("Điểm tự chấm"), header.index("Điểm tối đa")
    for row, line in zip(rows, lines, strict=False):
        assert row[maximum] == line.criterion.max_points
        if line.is_leaf:
            assert row[score] == line.self_score
    totals = assessment_data.view.totals
    assert rows[-1][1] == "Tổng cộng" and rows[-1][score] == pytest.approx(totals.total)
    first_area = _header_row(sheet) + 1
    assert sheet.cell(first_area, 2).font.b  # a lĩnh vực is a bold subtotal row


def test_evidence_counts_and_names(workbook, assessment_data):
    sheet = workbook["Bảng điểm"]
    header = [c.value for c in sheet[_header_row(sheet)]]
    count, names = header.index("Số tài liệu"), header.index("Tài liệu kiểm chứng")
    by_code = {row[0]: row for row in _rows(sheet)}
    attached = [line for line in assessment_data.view.lines if line.evidence_count]
    assert attached
    for line in attached:
        row = by_code[line.criterion.code]
        assert row[count] == line.evidence_count
        for name in assessment_data.evidence_names[line.score.id]:
            assert name in row[names]


def test_summary_has_every_area_and_the_total(workbook, assessment_data):
    rows = _rows(workbook["Tổng hợp"])
    areas = [root.criterion.name for root, _ in assessment_data.view.area_totals()]
    assert [row[1] for row in rows] == [*areas, "Tổng cộng"]
