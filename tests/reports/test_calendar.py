"""The reporting calendar: windows, due dates, labels and states, default and changed."""

from __future__ import annotations

import datetime as dt

import pytest

from cchc_desktop.framework.model import load_framework
from cchc_desktop.kernel.errors import LockedError, NotFoundError, ValidationError
from cchc_desktop.reports import calendar as cal
from tests.reports.conftest import ready_to_submit

D = dt.date


def _by_code(periods) -> dict:
    return {p.code: p for p in periods}


def test_default_calendar_follows_581_bnv(ws, issued_plan):
    ws.reports.create_calendar(2026)
    periods = _by_code(ws.reports.calendar(2026))
    assert list(periods) == ["Q1", "H1", "Q3", "Y"]
    expected = {
        "Q1": (D(2025, 12, 15), D(2026, 3, 14), D(2026, 3, 20), "Quý I/2026"),
        "H1": (D(2025, 12, 15), D(2026, 6, 14), D(2026, 6, 20), "6 tháng đầu năm 2026"),
        "Q3": (D(2026, 6, 15), D(2026, 9, 14), D(2026, 9, 20), "Quý III/2026 (9 tháng)"),
        "Y": (D(2025, 12, 15), D(2026, 12, 14), D(2026, 12, 20), "Năm 2026"),
    }
    for code, (start, end, due, label) in expected.items():
        period = periods[code]
        assert (period.window.start, period.window.end, cal.due_date(period), period.label) == (start, end, due, label)
    assert periods["Q1"].window.text == "15/12/2025 – 14/03/2026"


def _dump(ws) -> list:
    return list(ws.conn.iterdump())


def test_showing_a_year_writes_nothing_and_the_calendar_is_an_explicit_undoable_action(ws, issued_plan):
    before = _dump(ws)
    assert ws.reports.calendar(2026) == [] and ws.reports.default_period(2026) is None
    with pytest.raises(NotFoundError, match="chưa có lịch báo cáo"):
        ws.reports.period(2026, "Q1")
    assert _dump(ws) == before
    changes = ws.reports.create_calendar(2026)
    assert len(changes.changes) == 4 and ws.history.undo_label == "lập lịch báo cáo năm 2026"
    audited = ws.conn.execute("SELECT count(*) FROM audit_log WHERE entity = 'report_period' AND action = 'insert'")
    assert audited.fetchone()[0] == 4
    first = ws.reports.calendar(2026)
    assert [p.id for p in ws.reports.calendar(2026)] == [p.id for p in first]
    with pytest.raises(ValidationError):
        ws.reports.create_calendar(2026)
    ws.reports.create_calendar(2027)
    assert ws.reports.calendar(2027)[0].window.start == D(2026, 12, 15)
    ws.undo()
    assert ws.reports.calendar(2027) == [] and len(ws.reports.calendar(2026)) == 4


def test_a_province_calendar_comes_from_its_framework(reports):
    periods = _by_code(reports.calendar(2026))
    assert list(periods) == ["Q1", "T04", "H1", "Q3", "Y"]
    assert cal.due_date(periods["Q1"]) == D(2026, 3, 15)
    assert periods["T04"].window == cal.Window(D(2026, 3, 15), D(2026, 4, 14))
    assert periods["T04"].figures_required is False


def test_the_year_calendar_can_be_edited_and_extended(ws, default_calendar):
    q1 = ws.reports.period(2026, "q1")
    ws.edit("report_period", q1.id, "due_date", "15/03/2026")
    ws.reports.add_period(2026, code="t05", name="Tháng 5/2026", start="15/04/2026", end="14/05/2026", due="18/05/2026")
    periods = _by_code(ws.reports.calendar(2026))
    assert cal.due_date(periods["Q1"]) == D(2026, 3, 15)
    assert periods["T05"].adhoc and periods["T05"].label == "Tháng 5/2026"
    assert [p.code for p in ws.reports.calendar(2026)][-1] == "T05"
    ws.undo()
    assert "T05" not in _by_code(ws.reports.calendar(2026))


def test_bad_calendar_edits_are_refused_with_a_reason(ws, default_calendar):
    q1 = ws.reports.period(2026, "Q1")
    with pytest.raises(ValidationError) as info:
        ws.edit("report_period", q1.id, "end_date", "01/12/2025")
    assert "trước ngày bắt đầu 15/12/2025" in str(info.value)
    with pytest.raises(ValidationError) as info:
        ws.edit("report_period", q1.id, "due_date", "10/03/2026")
    assert "hạn nộp 10/03/2026 trước ngày chốt số liệu 14/03/2026" in str(info.value)
    with pytest.raises(ValidationError) as info:
        ws.reports.add_period(2026, code="Q1", name="x", start="01/05/2026", end="31/05/2026", due="05/06/2026")
    assert "đã có kỳ báo cáo mã «Q1»" in str(info.value)
    with pytest.raises(ValidationError):
        ws.reports.add_period(2026, code="đx 1", name="x", start="01/05/2026", end="31/05/2026", due="05/06/2026")


def test_unknown_period_lists_the_known_ones(ws, default_calendar):
    with pytest.raises(Exception) as info:
        ws.reports.period(2026, "Q4")
    assert str(info.value) == "Năm 2026 không có kỳ báo cáo «Q4». Các kỳ có trong lịch: Q1, H1, Q3, Y."


def test_a_submitted_period_cannot_be_moved_or_removed(ws, reports):
    report = reports.create(2026, "Q1")
    ready_to_submit(ws, report.id, 12)
    reports.submit(report.id, at=dt.datetime(2026, 3, 14, 10, 0))
    with pytest.raises(LockedError):
        ws.edit("report_period", report.period_id, "due_date", "30/03/2026")
    with pytest.raises(ValidationError) as info:
        reports.remove_period(report.period_id)
    assert "đã có báo cáo" in str(info.value)


# Pure functions ##########################################################


class P:
    """A bare period for the pure functions."""

    def __init__(self, code, start, end, due=None, adhoc=False, cumulative_label=""):
        self.code, self.name, self.adhoc, self.cumulative_label = code, code, adhoc, cumulative_label
        self.start_date, self.end_date, self.due_date = start, end, due or end


DEFAULTS = [
    P("Q1", D(2025, 12, 15), D(2026, 3, 14)),
    P("H1", D(2025, 12, 15), D(2026, 6, 14)),
    P("Q3", D(2026, 6, 15), D(2026, 9, 14)),
    P("Y", D(2025, 12, 15), D(2026, 12, 14)),
]


def _codes(chain) -> list[str] | None:
    return None if chain is None else [p.code for p in chain]


def test_year_to_date_chains_never_overlap():
    q1, h1, q3, year = DEFAULTS
    assert _codes(cal.ytd_chain(q1, DEFAULTS)) == ["Q1"]
    assert _codes(cal.ytd_chain(h1, DEFAULTS)) == ["H1"]  # H1 already contains Q1
    assert _codes(cal.ytd_chain(q3, DEFAULTS)) == ["H1", "Q3"]  # Q3 alone is one quarter
    assert _codes(cal.ytd_chain(year, DEFAULTS)) == ["Y"]


def test_year_to_date_chain_with_monthly_reports_prefers_long_windows():
    months = [P(f"T{m:02d}", D(2026, m - 1, 15), D(2026, m, 14)) for m in range(4, 7)]
    periods = DEFAULTS + months
    assert _codes(cal.ytd_chain(months[1], periods)) == ["Q1", "T04", "T05"]
    without_q1 = lambda p: p.code != "Q1"  # noqa: E731
    assert cal.ytd_chain(months[1], periods, without_q1) is None
    assert cal.ytd_chain(DEFAULTS[2], DEFAULTS, lambda p: p.code != "H1") is None


def test_period_states():
    q1 = P("Q1", D(2025, 12, 15), D(2026, 3, 14), D(2026, 3, 20))
    assert cal.period_state(q1, D(2025, 12, 1)).kind == "upcoming"
    assert cal.period_state(q1, D(2026, 2, 1)).kind == "open"
    assert cal.period_state(q1, D(2026, 3, 17)) == cal.PeriodState("due", 3)
    assert cal.period_state(q1, D(2026, 3, 25)) == cal.PeriodState("overdue", 5)
    assert cal.period_state(q1, D(2026, 5, 1), submitted_on=D(2026, 3, 20)).kind == "on_time"
    late = cal.period_state(q1, D(2026, 5, 1), submitted_on=D(2026, 3, 21))
    assert late == cal.PeriodState("late", 1) and late.is_late and late.text == "Nộp muộn 1 ngày"
    assert cal.period_state(q1, D(2026, 3, 25)).text == "Quá hạn 5 ngày, chưa nộp"


def test_framework_calendar_parses_for_any_year():
    specs = cal.specs_from_framework(load_framework().extra["periods"])
    resolved = {s.code: cal.resolve(s, 2030) for s in specs}
    assert resolved["Q1"]["start_date"] == "2029-12-15" and resolved["Y"]["due_date"] == "2030-12-20"
    assert resolved["Q3"]["cumulative_label"] == "9 tháng"
    with pytest.raises(ValidationError):
        cal.resolve(cal.PeriodSpec("X", "X", "X", "31/02/{year}", "01/03/{year}", "02/03/{year}"), 2026)


def test_periods_before_a_mid_year_plan_do_not_apply(ws):
    """A 2025 plan issued in July, entered in December 2026 to report on it: Quý I and 6 tháng ended
    before the plan existed, so they are "không áp dụng", not "Quá hạn 624 ngày"."""
    plan = ws.plans.create(2025, "framework")
    for field, value in (("issue_mode", "QD"), ("doc_number", 112), ("issue_date", "15/07/2025")):
        ws.edit("plan", plan.id, field, value)
    unfilled = [p.row_id for p in ws.plans.problems(plan.id) if p.key == "problem.basis.incomplete"]
    ws.delete("plan_basis", unfilled)  # the provincial plan's number and date, left blank by the framework
    ws.plans.issue(plan.id)
    ws.reports.create_calendar(2025)
    overview = ws.reports.overview(2025, today=dt.date(2026, 12, 4))
    states = {p.code: overview.states[p.id] for p in overview.periods}
    assert {code: state.kind for code, state in states.items()} == {
        "Q1": "not_applicable",
        "H1": "not_applicable",
        "Q3": "overdue",
        "Y": "overdue",
    }
    assert states["Q1"].text.startswith("Không áp dụng") and not states["Q1"].is_late
    assert overview.default.code == "Q3"
