"""The receiver's questions answered from real packages the demo commune signed and the office imported."""

from __future__ import annotations

import datetime as dt

import pytest

from cchc_desktop.exchange.format.builder import VN_TZ
from cchc_desktop.kernel.errors import ValidationError


def test_the_roster_comes_from_the_official_list_and_shows_key_states(office):
    rv, commune = office
    rows = rv.receiver.roster_rows()
    assert len(rows) == 70 and {r.unit.source for r in rows} == {"official", "manual"}  # the demo, by hand
    code = commune.profile.get().commune_code
    states = {r.unit.unit_code: r.key_state for r in rows}
    assert states[code] == "enrolled" and list(states.values()).count("none") == 69
    with pytest.raises(ValidationError, match="không có đơn vị nào để thêm"):
        rv.receiver.fill_roster()


def test_a_unit_outside_the_official_list_is_added_by_hand_with_its_dates(office):
    rv, _ = office
    rv.receiver.add_unit(
        province_code="42",
        unit_code="9001",
        name="Kỳ Phong (cũ)",
        unit_type="xa",
        valid_to="2025-06-30",
        note="Đã sáp nhập",
    )
    unit = next(u for u in rv.receiver.roster() if u.unit_code == "09001")
    assert (unit.source, unit.full_name, unit.exists_on("2026-03-14")) == ("manual", "Xã Kỳ Phong (cũ)", False)
    with pytest.raises(ValidationError, match="đã có trong danh sách"):
        rv.receiver.add_unit(province_code="42", unit_code="09001", name="Trùng", unit_type="xa")
    rv.undo()
    assert all(u.unit_code != "09001" for u in rv.receiver.roster())


def test_who_sent_what_and_when(office):
    rv, commune = office
    code = commune.profile.get().commune_code
    matrix = rv.receiver.completeness(2026, today=dt.date(2026, 12, 4))
    assert [c.key for c in matrix.columns] == ["plan", "Q1", "H1", "Q3", "Y", "assessment"]
    row = next(r for r in matrix.rows if r.unit_code == code)
    signed = dt.datetime.now(VN_TZ).date()  # packages are signed in Vietnam time
    assert row.cells["plan"].sent == signed and row.cells["plan"].state == "late"
    assert row.cells["Q3"].state == "missing" and row.cells["Y"].state == "pending"
    assert row.cells["assessment"].state in ("draft", "on_time", "late")
    q3 = matrix.rates["Q3"]
    assert (q3.expected, q3.received) == (70, 0) and matrix.rates["Q1"].received == 1
    others = [r for r in matrix.rows if r.unit_code != code]
    assert all(r.cells["Q1"].state == "missing" for r in others)  # never sent anything, still listed


def test_indicators_index_and_lagging_tasks_of_the_province(office):
    rv, commune = office
    h1 = commune.reports.for_period(2026, "H1")
    sent = {
        commune.reports.aggregate(h1.id).indicators[a.indicator_id].code: a
        for a in commune.reports.aggregate(h1.id).actuals
    }
    figures = {c.code: c for c in rv.receiver.indicators(2026, "H1")}
    rate = next(c for c in figures.values() if c.is_rate and c.denominator)
    assert (rate.numerator, rate.denominator) == (sent[rate.code].numerator, sent[rate.code].denominator)
    index = rv.receiver.index(2026)
    (score,) = index.scores
    assert score.rank == 1 and score.total == round(sum(score.areas.values()), 2) and len(index.missing) == 69
    assert sum(count for _, count in index.distribution) == 1
    lagging = rv.receiver.lagging_tasks(2026, "H1", as_of=dt.date(2026, 7, 1))
    assert all(t.units == (score.name,) for t in lagging)


def test_the_office_first_looks_at_the_last_period_already_due(office):
    rv, _ = office
    latest = rv.receiver.latest_due_period
    assert latest(2026, dt.date(2026, 12, 4)).code == "Q3"  # the annual report is due on 20 December
    assert latest(2026, dt.date(2026, 12, 21)).code == "Y"
    assert latest(2026, dt.date(2026, 3, 25)).code == "Q1"
    assert latest(2026, dt.date(2026, 1, 5)).code == "Q1"  # nothing due yet: the year's first
    assert latest(2031, dt.date(2031, 5, 1)) is None  # no calendar for that year
