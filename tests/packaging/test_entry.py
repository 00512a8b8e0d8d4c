"""The entry point as the Windows build runs it: UTF-8 output whatever the console, no crash
without streams (a windowed exe started from cmd), a .cchc path alone opens the GUI."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import main

ROOT = Path(__file__).resolve().parents[2]


def test_vietnamese_output_is_utf8_whatever_the_console_encoding(tmp_path):
    # cp1258 (a Vietnamese Windows' ANSI code page) cannot encode precomposed ệ, ủ, ầ.
    env = {**os.environ, "PYTHONIOENCODING": "cp1258", "PYTHONUTF8": "0"}
    result = subprocess.run([sys.executable, "main.py", "--help"], cwd=ROOT, env=env, capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert "lệnh" in result.stdout.decode("utf-8")


def test_errors_are_utf8_too():
    env = {**os.environ, "PYTHONIOENCODING": "cp1258", "PYTHONUTF8": "0"}
    result = subprocess.run(
        [sys.executable, "main.py", "khong-co-lenh-nay"], cwd=ROOT, env=env, capture_output=True, check=False
    )
    assert result.returncode == 2
    result.stderr.decode("utf-8")  # one Vietnamese line, valid UTF-8


def test_no_streams_does_not_crash(monkeypatch):
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    main.utf8_streams()
    print("Phiên bản", file=sys.stdout)
    print("Lỗi", file=sys.stderr)
    sys.stdout.close()
    sys.stderr.close()


def test_streams_are_switched_to_utf8(monkeypatch):
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="cp1258"))
    main.utf8_streams()
    print("Kế hoạch", end="")
    sys.stdout.flush()
    assert raw.getvalue().decode("utf-8") == "Kế hoạch"


def test_a_package_path_alone_opens_the_gui():
    assert main.opens_package([r"C:\Users\a\Downloads\42-18544_plan_2026_r1.CCHC"])
    assert main.opens_package(["/home/a/x.cchc"])
    assert not main.opens_package(["package", "verify", "x.cchc"])
    assert not main.opens_package(["--db"])
    assert not main.opens_package([])
