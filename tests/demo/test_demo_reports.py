"""The demo commune's reports: submitted Quý I (on time) and 6 tháng (a day late), Quý III draft."""

from __future__ import annotations

import json

import pytest

from cchc_desktop.kernel.text import fold
from cchc_desktop.workspace import Workspace
from tests.support.paths import RESOURCES

DEMO_FILE = RESOURCES / "demo" / "demo-commune.json"


@pytest.fixture
def demo(demo_path):
    ws = Workspace.open(demo_path)
    yield ws
    ws.close()


def _report(ws, code):
    return ws.reports.for_period(2026, code)


def test_two_reports_submitted_one_late_and_a_draft(demo):
    q1, h1, q3 = (_report(demo, code) for code in ("Q1", "H1", "Q3"))
    assert (q1.status, q1.number_text, q1.first_submitted_at, q1.late_days) == (
        "submitted",
        "28/BC-UBND",
        "2026-03-18T16:20:00",
        0,
    )
    assert (h1.status, h1.number_text, h1.first_submitted_at, h1.late_days) == (
        "submitted",
        "96/BC-UBND",
        "2026-06-21T09:15:00",
        1,
    )
    assert h1.late_reason.startswith("Chờ Kho bạc Nhà nước")
    assert q3.status == "draft" and _report(demo, "Y") is None
    assert q1.created_at < q1.first_submitted_at  # drafted before it was sent
    assert demo.reports.state(demo.reports.period(2026, "H1")).text == "Nộp muộn 1 ngày"


def test_submitted_reports_are_complete(demo):
    for code in ("Q1", "H1"):
        report = _report(demo, code)
        agg = demo.reports.aggregate(report.id)
        assert all(p.result for p in agg.progress), code
        assert all(a.source and a.as_of and (a.value is not None or a.denominator) for a in agg.actuals), code
        assert all(getattr(report, name) for name in ("achievements_text", "shortcomings_text", "next_tasks_text"))
        assert not [p for p in demo.reports.problems(report.id) if p.blocking]


def test_the_story_of_digitisation(demo):
    rates = {}
    for code in ("Q1", "H1", "Q3"):
        report = _report(demo, code)
        agg = demo.reports.aggregate(report.id)
        figures = demo.reports.figures(report.id, agg)
        actual = next(a for a in agg.actuals if agg.indicators[a.indicator_id].code == "CX-13")
        rates[code] = (round(figures[actual.id].period_figure, 1), round(figures[actual.id].ytd_figure, 1))
    assert rates == {"Q1": (48.1, 48.1), "H1": (57.1, 57.1), "Q3": (63.2, 59.2)}


def test_statuses_tell_late_and_dropped_tasks(demo):
    agg = demo.reports.aggregate(_report(demo, "H1").id)
    by_status = {}
    for row in agg.progress:
        by_status.setdefault(row.status, []).append(row)
    assert len(by_status["done_late"]) == 2 and all(r.reason for r in by_status["done_late"])
    assert len(by_status["not_done"]) == 1 and by_status["not_done"][0].reason


def test_every_demo_entry_names_one_task_and_a_known_indicator():
    data = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    framework = json.loads((DEMO_FILE.parents[1] / "framework" / "commune-default.json").read_text(encoding="utf-8"))
    contents = [fold(t["content"]) for t in framework["tasks"] + data["plan"]["extra_tasks"]]
    codes = {i["code"] for i in framework["indicators"] + data["plan"]["extra_indicators"]}
    for period in data["reports"]["periods"]:
        for entry in period["tasks"]:
            assert sum(fold(entry["match"]) in c for c in contents) == 1, entry["match"]
        assert set(period["indicators"]) <= codes


def test_the_fictional_commune_uses_no_real_units_code(demo):
    """The demo's data are invented: its code must not be a real commune's (18544 is Xã Hương Xuân)."""
    from cchc_desktop.kernel import divisions

    profile = demo.profile.get()
    assert divisions.commune(profile.commune_code) is None
    assert not divisions.search(profile.name)
