"""``python main.py report show``: JSON and text output, and errors, as a subprocess."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from tests.support.paths import ROOT


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "main.py", "report", "show", *args], cwd=ROOT, capture_output=True, text=True, encoding="utf-8"
    )


@pytest.fixture(scope="module")
def demo_db(demo_template, tmp_path_factory) -> str:
    target = tmp_path_factory.mktemp("cli") / "demo.sqlite"
    shutil.copy(demo_template, target)
    return str(target)


def test_json_of_the_late_half_year_report(demo_db):
    result = _run("--db", demo_db, "--year", "2026", "--period", "H1", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    period, report = data["period"], data["report"]
    assert (period["label"], period["window"]["text"], period["due_date_text"]) == (
        "6 tháng đầu năm 2026",
        "15/12/2025 – 14/06/2026",
        "20/06/2026",
    )
    assert period["state"] == {"kind": "late", "days": 1, "text": "Nộp muộn 1 ngày"}
    assert report["status"] == "submitted" and report["document"]["number_text"] == "96/BC-UBND"
    assert report["submission"]["late_days"] == 1 and report["submission"]["late_reason"]
    digitised = next(i for i in report["indicators"] if i["code"] == "CX-13")
    assert (digitised["period"]["numerator"], digitised["period"]["denominator"]) == (374, 655)
    assert digitised["period"]["figure_text"] == "57,1%" and digitised["attainment"]["text"] == "Đạt"
    assert digitised["year_to_date"]["periods"] == ["H1"]
    assert {t["status"] for t in report["tasks"]} >= {"done_on_time", "done_late", "not_done"}
    assert [e["action"] for e in report["events"]] == ["create", "submit"]


def test_json_of_the_nine_month_view(demo_db):
    data = json.loads(_run("--db", demo_db, "--year", "2026", "--period", "Q3", "--json").stdout)
    assert data["period"]["label"] == "Quý III/2026 (9 tháng)"
    digitised = next(i for i in data["report"]["indicators"] if i["code"] == "CX-13")
    ytd = digitised["year_to_date"]
    assert (ytd["numerator"], ytd["denominator"]) == (589, 995)
    assert (ytd["periods"], ytd["figure_text"]) == (["H1", "Q3"], "59,2%")
    assert data["report"]["status"] == "draft"
    assert any(p["code"] == "problem.report.no_number" for p in data["report"]["problems"])


def test_short_text(demo_db):
    result = _run("--db", demo_db, "--year", "2026", "--period", "Q1")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Báo cáo Quý I/2026 — Ủy ban nhân dân xã Kỳ Phong"
    assert lines[1] == "Số liệu từ 15/12/2025 – 14/03/2026; hạn nộp 20/03/2026"
    assert lines[2].startswith("Số 28/BC-UBND — Đã nộp; Đã nộp đúng hạn")
    assert lines[3].startswith("Nhiệm vụ: 55 (")


def test_period_without_a_report(demo_db):
    result = _run("--db", demo_db, "--year", "2026", "--period", "y")
    assert result.returncode == 0
    assert "Chưa lập báo cáo kỳ này" in result.stdout
    data = json.loads(_run("--db", demo_db, "--year", "2026", "--period", "Y", "--json").stdout)
    assert data["report"] is None and data["period"]["due_date"] == "2026-12-20"


def test_unknown_period_is_one_vietnamese_line(demo_db):
    result = _run("--db", demo_db, "--year", "2026", "--period", "Q4")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip() == "Lỗi: Năm 2026 không có kỳ báo cáo «Q4». Các kỳ có trong lịch: Q1, H1, Q3, Y."
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_file_is_one_vietnamese_line(tmp_path):
    result = _run("--db", str(tmp_path / "khong-co.sqlite"), "--year", "2026", "--period", "Q1")
    assert result.returncode == 2 and result.stderr.startswith("Lỗi: Không tìm thấy tệp dữ liệu")
