"""Who sent what: on time, late by n days, missing, draft only, resent, not yet due, merged units."""

from __future__ import annotations

import datetime as dt

from cchc_desktop.receiver.completeness import Column, Received, build_matrix
from cchc_desktop.receiver.model import RosterUnit

D = dt.date
Q1 = Column("Q1", "report", "Quý I/2026", D(2026, 3, 20), D(2026, 3, 14))
H1 = Column("H1", "report", "6 tháng đầu năm 2026", D(2026, 6, 20), D(2026, 6, 14))
ASSESSMENT = Column("assessment", "assessment", "Tự đánh giá", D(2026, 12, 20), D(2026, 12, 20))


def _unit(code: str, name: str, valid_to: str | None = None) -> RosterUnit:
    return RosterUnit(int(code), "42", code, 0, "official", name, "xa", "2025-07-01", valid_to, "")


def _sent(code: str, kind: str, period: str, signed: str, *, submitted: bool = True, revisions: int = 1) -> Received:
    return Received(
        int(code) * 10,
        "42",
        code,
        f"Xã {code}",
        kind,
        period,
        revisions,
        revisions,
        f"{signed}T09:00:00+07:00",
        signed if submitted else None,
        f"{signed}T15:00:00",
    )


def test_each_state_a_cell_can_be_in():
    roster = [
        _unit("18001", "An"),
        _unit("18002", "Bình"),
        _unit("18003", "Cường"),
        _unit("18004", "Dũng", "2026-05-31"),
    ]
    received = [
        _sent("18001", "report", "Q1", "2026-03-18"),
        _sent("18002", "report", "Q1", "2026-03-27", revisions=2),
        _sent("18003", "assessment", "", "2026-11-30", submitted=False),
        _sent("18099", "report", "Q1", "2026-03-19"),
    ]
    matrix = build_matrix(2026, roster, [Q1, H1, ASSESSMENT], received, {("42", "18001"): "enrolled"}, D(2026, 6, 25))
    cells = {(r.unit_code, key): cell for r in matrix.rows for key, cell in r.cells.items()}
    assert cells["18001", "Q1"].state == "on_time" and cells["18001", "Q1"].sent == D(2026, 3, 18)
    assert (cells["18002", "Q1"].state, cells["18002", "Q1"].days_late, cells["18002", "Q1"].resent) == (
        "late",
        7,
        True,
    )
    assert cells["18003", "Q1"].state == "missing" and cells["18003", "assessment"].state == "draft"
    assert cells["18001", "assessment"].state == "pending"  # not due yet
    assert cells["18004", "Q1"].state == "missing" and cells["18004", "H1"].state == "not_applicable"  # merged 31/5
    extra = next(r for r in matrix.rows if r.unit_code == "18099")
    assert not extra.in_roster and extra.cells["Q1"].state == "on_time"
    assert [r.key_state for r in matrix.rows[:2]] == ["enrolled", "none"]


def test_rates_count_roster_units_expected_on_the_period_end():
    roster = [
        _unit("18001", "An"),
        _unit("18002", "Bình"),
        _unit("18003", "Cường"),
        _unit("18004", "Dũng", "2026-05-31"),
    ]
    received = [
        _sent("18001", "report", "Q1", "2026-03-18"),
        _sent("18002", "report", "Q1", "2026-03-27"),
        _sent("18099", "report", "Q1", "2026-03-19"),
    ]
    matrix = build_matrix(2026, roster, [Q1, H1], received, {}, D(2026, 6, 25))
    q1, h1 = matrix.rates["Q1"], matrix.rates["H1"]
    assert (q1.expected, q1.received, q1.on_time) == (4, 2, 1)  # the unit outside the roster is not counted
    assert (q1.reporting_rate, q1.on_time_rate) == (0.5, 0.25) and q1.due_passed
    assert (h1.expected, h1.received) == (3, 0)  # the merged unit is no longer expected
    assert [r.unit_code for r in matrix.lagging(["Q1"])] == ["18002", "18003", "18004"]
