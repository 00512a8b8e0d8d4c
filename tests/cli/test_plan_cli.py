"""Command line: help, demo, plan show, and one-line Vietnamese errors."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.support.paths import ROOT


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True)


def test_help_is_vietnamese():
    result = _run("--help")
    assert result.returncode == 0 and "cách dùng" in result.stdout and "demo" in result.stdout


def test_plan_show_json_has_every_part(demo_path):
    result = _run("plan", "show", "--db", str(demo_path), "--year", "2026", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["status"] == "issued" and data["document"]["number_text"] == "05/KH-UBND"
    assert len(data["areas"]) >= 8 and len(data["indicators"]) >= 20 and len(data["tasks"]) >= 30
    assert set(data["sections"]) == {"purpose", "requirements", "area_tasks", "budget", "implementation", "closing"}
    assert all(s for s in (data["sections"]["purpose"], data["sections"]["budget"], data["sections"]["closing"]))
    assert data["tasks"][0]["deadline"]["kind"] != "unknown"
    assert data["document"]["signer"]["lines"][0] == "TM. ỦY BAN NHÂN DÂN"


def test_errors_are_one_vietnamese_line(tmp_path, demo_path):
    missing = _run("plan", "show", "--db", str(tmp_path / "none.sqlite"), "--year", "2026", "--json")
    assert missing.returncode != 0 and missing.stdout == ""
    assert missing.stderr.strip().count("\n") == 0 and "Không tìm thấy tệp dữ liệu" in missing.stderr
    no_plan = _run("plan", "show", "--db", str(demo_path), "--year", "2031")
    assert no_plan.returncode != 0 and "Chưa có kế hoạch năm 2031" in no_plan.stderr
    bad_year = _run("plan", "show", "--db", str(demo_path), "--year", "hai")
    assert bad_year.returncode == 2 and bad_year.stderr.startswith("Lỗi:")


def test_demo_refuses_an_existing_file(demo_path):
    result = _run("demo", "--db", str(demo_path))
    assert result.returncode != 0 and "Đã có tệp" in result.stderr
