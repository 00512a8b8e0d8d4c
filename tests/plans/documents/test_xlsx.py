"""Excel exports read back with openpyxl: sheets, headers, rows, print setup, typed values,
and text that looks like a formula stays text."""

from __future__ import annotations

import copy
import datetime as dt
import io
import zipfile

import openpyxl
import pytest

from cchc_desktop.kernel.documents.model import Column, Row
from cchc_desktop.kernel.documents.xlsx import render_xlsx, safe_sheet_name, write_table
from cchc_desktop.kernel.errors import JobCancelled
from cchc_desktop.plans.documents.xlsx import plan_sheets, render_plan_xlsx

INJECTIONS = ["=1+1", "+SUM(A1)", "-2", "@x", "\t=cmd", "\r=2+2"]
HEADER_ROW = 5


@pytest.fixture(scope="module")
def hostile_plan(plan_kh):
    plan = copy.deepcopy(plan_kh)
    for task, text in zip(plan.tasks, INJECTIONS, strict=False):
        task.content = text
    plan.tasks[len(INJECTIONS)].deadline_due = "2026-06-30"
    return plan


@pytest.fixture(scope="module", params=[False, True], ids=["normal", "streaming"])
def workbook_bytes(request, profile, hostile_plan) -> bytes:
    return render_xlsx(plan_sheets(profile, hostile_plan), streaming=request.param)


@pytest.fixture(scope="module")
def workbook(workbook_bytes):
    return openpyxl.load_workbook(io.BytesIO(workbook_bytes))


def test_sheets_titles_and_header_row(workbook):
    assert workbook.sheetnames == ["Nhiệm vụ", "Chỉ tiêu"]
    tasks = workbook["Nhiệm vụ"]
    assert tasks["A1"].value == "ỦY BAN NHÂN DÂN XÃ KỲ PHONG"
    assert tasks["A2"].value == "DANH MỤC NHIỆM VỤ CỤ THỂ"
    header = [c.value for c in tasks[HEADER_ROW]]
    assert header[:3] == ["STT", "Lĩnh vực", "Nội dung nhiệm vụ"]
    assert "Cơ quan chủ trì" in header and "Thời gian hoàn thành" in header and "Kinh phí (đồng)" in header
    assert all(tasks.cell(HEADER_ROW, i).font.b for i in range(1, len(header) + 1))
    assert tasks.cell(HEADER_ROW, 1).fill.fgColor.rgb.endswith("D9E1F2")
    assert tasks.cell(HEADER_ROW, 1).border.left.style == "thin"
    assert tasks.cell(HEADER_ROW, 3).alignment.wrap_text


def test_every_task_and_indicator_row(workbook, hostile_plan):
    tasks = workbook["Nhiệm vụ"]
    contents = [tasks.cell(r, 3).value for r in range(HEADER_ROW + 1, tasks.max_row + 1)]
    assert sorted(contents) == sorted(t.content.replace("\r", "\n") for t in hostile_plan.tasks)  # XML reads CR as LF
    assert [tasks.cell(r, 1).value for r in range(HEADER_ROW + 1, tasks.max_row + 1)] == list(
        range(1, len(hostile_plan.tasks) + 1)
    )
    indicators = workbook["Chỉ tiêu"]
    texts = [indicators.cell(r, 2).value for r in range(HEADER_ROW + 1, indicators.max_row + 1)]
    assert texts == [i.text for i in hostile_plan.indicators]
    assert indicators.cell(HEADER_ROW + 1, 3).value == "từ 98% trở lên"


def test_print_setup(workbook):
    for sheet in workbook:
        assert sheet.freeze_panes == f"A{HEADER_ROW + 1}"
        assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
        assert sheet.page_setup.orientation == "landscape"
        assert int(sheet.page_setup.paperSize) == 9  # A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert int(sheet.page_setup.fitToWidth) == 1 and int(sheet.page_setup.fitToHeight) == 0
        assert sheet.column_dimensions["C"].width >= 20


def test_numbers_and_dates_are_typed(workbook):
    tasks = workbook["Nhiệm vụ"]
    header = [c.value for c in tasks[HEADER_ROW]]
    budget, due = header.index("Kinh phí (đồng)"), header.index("Hạn hoàn thành")
    rows = list(tasks.iter_rows(min_row=HEADER_ROW + 1))
    budgets = [row[budget] for row in rows if row[budget].value is not None]
    assert budgets and all(isinstance(c.value, int) and c.number_format == "#,##0" for c in budgets)
    dated = [row[due] for row in rows if row[due].value is not None]
    assert len(dated) == 1 and dated[0].value == dt.datetime(2026, 6, 30) and dated[0].number_format == "DD/MM/YYYY"
    indicators = workbook["Chỉ tiêu"]
    assert indicators.cell(HEADER_ROW + 1, 4).value == 98
    assert indicators.cell(HEADER_ROW + 1, 7).value == 96.5


def test_formula_like_text_stays_text(workbook, workbook_bytes):
    tasks = workbook["Nhiệm vụ"]
    cells = {tasks.cell(r, 3).value: tasks.cell(r, 3) for r in range(HEADER_ROW + 1, tasks.max_row + 1)}
    for text in INJECTIONS:
        assert cells[text.replace("\r", "\n")].data_type == "s", text
    with zipfile.ZipFile(io.BytesIO(workbook_bytes)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)


def test_write_table_on_a_plain_workbook():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    columns = [Column("Tên"), Column("Số", kind="number"), Column("Ngày", kind="date")]
    header = write_table(
        sheet,
        columns,
        [Row(["Ủy ban", 2.5, dt.date(2026, 3, 1)]), Row(["Nhóm", None], group=True)],
        title_lines=["BÁO CÁO"],
    )
    assert header == 3
    assert [c.value for c in sheet[3]] == ["Tên", "Số", "Ngày"]
    assert sheet["B4"].value == 2.5 and sheet["C4"].number_format == "DD/MM/YYYY"
    assert sheet["A5"].font.b and sheet.freeze_panes == "A4"


def test_progress_cancel_and_sheet_names(profile, plan_kh):
    calls = []
    render_plan_xlsx(profile, plan_kh, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (len(plan_kh.tasks) + len(plan_kh.indicators),) * 2
    rows = (Row([str(i)]) for i in range(2000))
    with pytest.raises(JobCancelled):
        from cchc_desktop.kernel.documents.xlsx import Sheet

        render_xlsx([Sheet("Dài", [Column("A")], rows)], cancelled=lambda: True)
    name = safe_sheet_name("Báo cáo [quý I/2026]: tổng hợp chi tiết rất dài")
    assert name.startswith("Báo cáo quý I 2026 tổng hợp") and len(name) <= 31 and name == name.strip()
