"""``python main.py render pdf|xlsx``: files written for each document, errors in one Vietnamese line."""

from __future__ import annotations

import subprocess
import sys

import openpyxl
import pytest

from tests.support.documents import pdftotext, squeeze
from tests.support.paths import ROOT


def _render(fmt: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "main.py", "render", fmt, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


@pytest.mark.parametrize(
    ("doc", "period", "title"),
    [
        ("plan", None, "KẾ HOẠCH"),
        ("report", "Q1", "Kết quả thực hiện công tác cải cách hành chính quý I năm 2026"),
        ("assessment", None, "Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2026"),
    ],
)
def test_pdf_of_each_document(render_ws_path, tmp_path, doc, period, title):
    out = tmp_path / f"{doc}.pdf"
    extra = ["--period", period] if period else []
    result = _render("pdf", "--db", str(render_ws_path), "--doc", doc, "--year", "2026", *extra, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    assert str(out) in result.stdout and result.stderr == ""
    assert title in squeeze(pdftotext(out, "-layout"))
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left behind


def test_xlsx_of_the_half_year_report(render_ws_path, tmp_path):
    out = tmp_path / "bao-cao.xlsx"
    result = _render(
        "xlsx", "--db", str(render_ws_path), "--doc", "report", "--year", "2026", "--period", "h1", "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert openpyxl.load_workbook(out).sheetnames == ["Tiến độ nhiệm vụ", "Chỉ tiêu"]


def test_draft_mark_on_request(render_ws_path, tmp_path):
    out = tmp_path / "du-thao.pdf"
    result = _render("pdf", "--db", str(render_ws_path), "--doc", "plan", "--year", "2026", "--draft", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "DỰ THẢO" in pdftotext(out, "-layout")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--doc", "plan", "--year", "2031"], "Chưa có kế hoạch năm 2031."),
        (["--doc", "report", "--year", "2026", "--period", "Q7"], "Năm 2026 không có kỳ báo cáo «Q7»."),
        (["--doc", "report", "--year", "2026", "--period", "Y"], "Chưa có báo cáo Năm 2026."),
        (["--doc", "report", "--year", "2026"], "Hãy chọn kỳ báo cáo"),
        (["--doc", "assessment", "--year", "2025"], "Chưa có bản tự đánh giá chỉ số CCHC năm 2025."),
    ],
)
def test_errors_exit_non_zero_with_one_vietnamese_line(render_ws_path, tmp_path, args, message):
    out = tmp_path / "x.pdf"
    result = _render("pdf", "--db", str(render_ws_path), *args, "-o", str(out))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_unwritable_folder_is_explained(render_ws_path, tmp_path):
    out = tmp_path / "missing" / "x.pdf"
    result = _render("pdf", "--db", str(render_ws_path), "--doc", "plan", "--year", "2026", "-o", str(out))
    assert result.returncode == 2
    assert "Không ghi được tệp «x.pdf»" in result.stderr and len(result.stderr.strip().splitlines()) == 1
