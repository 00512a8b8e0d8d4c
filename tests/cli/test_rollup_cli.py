"""The roll-up from the command line: a district's file made with its code, its card, the package written
by ``receiver rollup``, enrolled and imported at the province, read back with ``receiver rollups``."""

from __future__ import annotations

import json
import shutil

from cchc_desktop.cli.main import run
from tests.support.rollup import DISTRICT_PASSPHRASE, YEAR


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = run(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_district_to_province_on_the_command_line(district_template, tmp_path, capsys, monkeypatch):
    db = tmp_path / "huyen.sqlite"
    shutil.copy(district_template, db)
    so = str(tmp_path / "so.sqlite")
    out = tmp_path / "usb"
    monkeypatch.setenv("CCHC_PASSPHRASE", DISTRICT_PASSPHRASE)
    code, text, err = _run(
        capsys, "receiver", "rollup", "--db", str(db), "--year", str(YEAR), "--period", "Q1", "-o", str(out)
    )
    assert code == 0, err
    assert f"Đã ghi Báo cáo tổng hợp Quý I/{YEAR}" in text and f"42-90436_consolidation_{YEAR}_Q1_r1.cchc" in text
    code, _, err = _run(capsys, "keys", "card", "--db", str(db), "-o", str(tmp_path / "phieu.pdf"))
    assert code == 0, err
    assert (tmp_path / "42-90436.pub.pem").exists()
    code, _, err = _run(capsys, "receiver", "init", "--db", so, "--name", "Sở Nội vụ tỉnh Hà Tĩnh", "--province", "42")
    assert code == 0, err
    pub = (tmp_path / "42-90436.pub.pem").read_text()
    fingerprint = next(line.split(":", 1)[1].strip() for line in pub.splitlines() if line.startswith("Key-Fingerprint"))
    code, text, err = _run(
        capsys, "keys", "enroll", "--db", so, str(tmp_path / "phieu.pdf"), "--fingerprint", fingerprint
    )
    assert code == 0, err
    assert "mã 42-90436" in text
    code, text, err = _run(capsys, "package", "import", "--db", so, str(out))
    assert code == 0, err + text
    code, text, err = _run(capsys, "receiver", "rollups", "--db", so, "--json")
    assert code == 0, err
    (report,) = json.loads(text)
    assert report["code"] == "42-90436" and report["period"] == "Q1" and report["revision"] == 1
    assert report["communes"] and report["indicators"]


def test_a_province_file_refuses_the_roll_up(tmp_path, capsys):
    so = str(tmp_path / "so.sqlite")
    assert _run(capsys, "receiver", "init", "--db", so, "--name", "Sở Nội vụ tỉnh Hà Tĩnh", "--province", "42")[0] == 0
    code, _, err = _run(
        capsys, "receiver", "rollup", "--db", so, "--year", "2024", "--period", "Q1", "-o", str(tmp_path)
    )
    assert code != 0 and "Chỉ huyện" in err and len(err.strip().splitlines()) == 1


def test_a_district_file_made_with_its_code(tmp_path, capsys):
    db = str(tmp_path / "huyen.sqlite")
    argv = ["receiver", "init", "--db", db, "--name", "UBND huyện Can Lộc", "--province", "42", "--level", "huyen"]
    code, _, err = _run(capsys, *argv, "--district-code", "436", "--superior", "Sở Nội vụ tỉnh Hà Tĩnh")
    assert code == 0, err
    from cchc_desktop.workspace import Workspace

    with Workspace.open(db) as ws:
        profile = ws.profile.get()
    assert (profile.district_code, profile.district_unit_code, profile.superior_name) == (
        "436",
        "90436",
        "Sở Nội vụ tỉnh Hà Tĩnh",
    )
    code, _, err = _run(capsys, *[a if a != db else str(tmp_path / "b.sqlite") for a in argv], "--district-code", "43x")
    assert code != 0 and "Mã huyện phải gồm tối đa 3 chữ số" in err
