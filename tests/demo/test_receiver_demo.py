"""The receiver's demo, made by the command line, and ``receiver status`` read back from it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cchc_desktop.cli.main import run
from cchc_desktop.workspace import Workspace

YEAR = 2026


@pytest.fixture(scope="module")
def office(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("so") / "so.sqlite"
    assert run(["demo", "--receiver", "--units", "4", "--year", str(YEAR), "--db", str(path)]) == 0
    return str(path)


def _status(capsys, office: str, *extra: str) -> dict:
    capsys.readouterr()
    assert run(["receiver", "status", "--db", office, "--year", str(YEAR), "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_demo_office_holds_a_year_of_packages_from_real_units(office, capsys):
    data = _status(capsys, office)
    assert data["unit"] == "Sở Nội vụ tỉnh Hà Tĩnh"
    sent = {u["code"]: u for u in data["units"] if u["cells"]["plan"]["state"] != "missing"}
    # Four units send; the last one's key was never enrolled, so its packages wait on the stick.
    assert len(sent) == 3 and all(u["key_state"] == "enrolled" for u in sent.values())
    states = {code: {k: (c["state"], c["revisions"]) for k, c in u["cells"].items()} for code, u in sent.items()}
    assert sorted(s["plan"][0] for s in states.values()) == ["late", "on_time", "on_time"]
    assert sorted(s["Q1"][1] for s in states.values()) == [1, 1, 2]  # one unit sent Quý I twice
    assert {s["assessment"][0] for s in states.values()} == {"on_time"}
    assert data["rates"]["Q1"]["received"] == 3 and data["rates"]["Q1"]["expected"] >= 60


def test_status_of_a_period_brings_its_consolidated_indicators(office, capsys):
    items = {i["code"]: i for i in _status(capsys, office, "--period", "h1")["indicators"]["items"]}
    online = items["CX-14"]
    assert online["reporting"] == 3 and online["rate"] == pytest.approx(
        100 * online["numerator"] / online["denominator"]
    )
    wait = items["CX-19"]
    assert wait["unit"] == "phút" and wait["total"] is None and 0 < wait["mean"] < 60


def test_status_refuses_an_unknown_period_and_a_commune_file(office, ws, capsys):
    assert run(["receiver", "status", "--db", office, "--year", str(YEAR), "--period", "Q7"]) == 2
    assert "Q7" in capsys.readouterr().err
    assert run(["receiver", "status", "--db", str(ws.path), "--year", str(YEAR)]) == 2
    assert "không phải của nơi nhận" in capsys.readouterr().err


def test_the_unenrolled_units_packages_are_left_on_the_stick(office):
    stick = Path(office).parent / "so-usb"
    assert len(list((stick / "chua-dang-ky").glob("*.cchc"))) >= 3
    with Workspace.open(office) as ws:
        received = ws.exchange.received()
    assert len(received) == len(list(stick.glob("*.cchc"))) == 16  # 3 units × 5, and Quý I twice


def test_status_in_words_says_when_no_unit_has_a_figure(office, capsys):
    capsys.readouterr()
    assert run(["receiver", "status", "--db", office, "--year", str(YEAR), "--period", "Q3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.endswith(": chưa có số liệu (0 đơn vị báo cáo)") for line in lines)
    assert not [line for line in lines if ":  (" in line]
