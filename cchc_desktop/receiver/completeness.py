"""Tình hình nộp báo cáo: who sent what, on time or late, per unit and period (DHIS2's notions).

The reporting rate of a column is the units that sent a complete (submitted) package over the units
expected; the on-time rate counts those sent by the due date. A package is dated by when its first
revision was signed (the commune's own signature, whatever day the office imported it). A unit is
expected only while it exists (a merged unit stops being expected). Pure: rows in, a matrix out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from cchc_desktop.kernel.units import LAST_DISTRICT_DAY, is_district_unit_code
from cchc_desktop.receiver.model import RosterUnit
from cchc_desktop.reports import calendar as cal
from cchc_desktop.reports.model import ReportPeriod

STATES = ("on_time", "late", "missing", "pending", "draft", "not_applicable")


@dataclass(frozen=True)
class Received:
    """The current package of one series (unit, kind, period) and when its first revision was signed."""

    package_row_id: int
    province_code: str
    unit_code: str
    unit_name: str
    kind: str
    period: str
    revision: int
    revisions: int
    first_signed: str  # ISO timestamp of the first revision
    submitted_at: str | None  # None: sent as a draft (dự thảo)
    received_at: str


@dataclass(frozen=True)
class Column:
    """One thing each unit must send: the plan, a period's report, the self-assessment."""

    key: str  # "plan", a period code ("Q1" …), "assessment"
    kind: str
    label: str
    due: dt.date | None
    ends: dt.date  # the unit must exist on this day to be expected


@dataclass(frozen=True)
class Cell:
    state: str
    days_late: int = 0
    revisions: int = 0
    sent: dt.date | None = None
    package_row_id: int | None = None

    @property
    def resent(self) -> bool:
        """A later revision superseded the first one (đã gửi lại)."""
        return self.revisions > 1


@dataclass
class UnitRow:
    province_code: str
    unit_code: str
    name: str
    in_roster: bool
    key_state: str
    cells: dict[str, Cell] = field(default_factory=dict)


@dataclass(frozen=True)
class ColumnRates:
    expected: int
    received: int
    on_time: int
    due_passed: bool

    @property
    def reporting_rate(self) -> float | None:
        return self.received / self.expected if self.expected else None

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time / self.expected if self.expected else None


@dataclass
class CompletenessMatrix:
    year: int
    columns: list[Column]
    rows: list[UnitRow]
    rates: dict[str, ColumnRates]

    def communes_only(self) -> CompletenessMatrix:
        """The same matrix without the districts' rows (what a reminder letter to the communes counts)."""
        rows = [r for r in self.rows if not is_district_unit_code(r.unit_code)]
        return CompletenessMatrix(self.year, self.columns, rows, self.rates)

    def lagging(self, keys: Sequence[str] | None = None) -> list[UnitRow]:
        """Rows with a missing, late or draft-only cell among the columns ``keys`` (all when None)."""
        wanted = keys or [c.key for c in self.columns]
        return [r for r in self.rows if any(r.cells[k].state in ("missing", "late", "draft") for k in wanted)]


def columns_for(
    year: int, periods: Iterable[ReportPeriod], plan_due: dt.date, assessment_due: dt.date, labels: dict[str, str]
) -> list[Column]:
    """Plan, then the regular periods by due date, then the self-assessment."""
    regular = sorted((p for p in periods if not p.adhoc), key=cal.due_date)
    found = [Column("plan", "plan", labels["plan"], plan_due, dt.date(year, 1, 1))]
    for period in regular:
        found.append(Column(period.code, "report", period.label, cal.due_date(period), period.window.end))
    found.append(Column("assessment", "assessment", labels["assessment"], assessment_due, assessment_due))
    return found


def build_matrix(
    year: int,
    roster: list[RosterUnit],
    columns: list[Column],
    received: Iterable[Received],
    key_states: dict[tuple[str, str], str],
    today: dt.date,
) -> CompletenessMatrix:
    """The matrix: every roster unit (also those that never sent anything), then senders not in the roster."""
    by_series = {(r.province_code, r.unit_code, _column_key(r)): r for r in received}
    rows = [
        _row(u.province_code, u.unit_code, u.full_name, True, u, columns, by_series, key_states, today) for u in roster
    ]
    known = {(u.province_code, u.unit_code) for u in roster}
    extra = sorted(
        {
            (r.province_code, r.unit_code, r.unit_name)
            for r in by_series.values()
            if (r.province_code, r.unit_code) not in known
        }
    )
    rows += [_row(p, c, name, False, None, columns, by_series, key_states, today) for p, c, name in extra]
    rates = {c.key: _rates(c, rows, today) for c in columns}
    return CompletenessMatrix(year, columns, rows, rates)


def _column_key(received: Received) -> str:
    return received.kind if received.kind in ("plan", "assessment") else received.period


def _row(
    province: str,
    code: str,
    name: str,
    in_roster: bool,
    unit: RosterUnit | None,
    columns: list[Column],
    by_series: dict,
    key_states: dict,
    today: dt.date,
) -> UnitRow:
    row = UnitRow(province, code, name, in_roster, key_states.get((province, code), "none"))
    for column in columns:
        expected = (unit is None or unit.exists_on(column.ends.isoformat())) and _sends(code, column)
        row.cells[column.key] = _cell(column, by_series.get((province, code, column.key)), expected, today)
    return row


def _sends(unit_code: str, column: Column) -> bool:
    """A district (data before 01/7/2025) sends its consolidation per period up to 30/6/2025, never a
    plan or a self-assessment of its own: those cells are "không áp dụng", not missing."""
    if not is_district_unit_code(unit_code):
        return True
    return column.kind == "report" and column.ends <= LAST_DISTRICT_DAY


def _cell(column: Column, received: Received | None, expected: bool, today: dt.date) -> Cell:
    if received is None:
        if not expected:
            return Cell("not_applicable")
        return Cell("missing" if column.due is not None and today > column.due else "pending")
    sent = dt.date.fromisoformat(received.first_signed[:10])
    if received.submitted_at is None:
        return Cell("draft", 0, received.revisions, sent, received.package_row_id)
    late = (sent - column.due).days if column.due is not None and sent > column.due else 0
    return Cell("late" if late else "on_time", late, received.revisions, sent, received.package_row_id)


def _rates(column: Column, rows: list[UnitRow], today: dt.date) -> ColumnRates:
    """The communes' reporting and on-time rates (DHIS2's notions); a district's consolidation is shown
    in its row but counted apart, not as one more commune."""
    counted = [r for r in rows if r.in_roster and not is_district_unit_code(r.unit_code)]
    cells = [r.cells[column.key] for r in counted if r.cells[column.key].state != "not_applicable"]
    received = sum(1 for c in cells if c.state in ("on_time", "late"))
    on_time = sum(1 for c in cells if c.state == "on_time")
    return ColumnRates(len(cells), received, on_time, column.due is not None and today > column.due)
