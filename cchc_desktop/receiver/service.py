"""Nơi nhận: the roster, and the office's questions answered from what the units sent.

Who has not sent, who is late (``completeness``), the province's figures (``indicators``), who
scored what and who ranks where (``index``), which tasks are behind (``lagging_tasks``). Reads only;
the roster is edited through the audited edit layer.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from cchc_desktop.exchange import store as exchange_store
from cchc_desktop.exchange import store_held, store_year
from cchc_desktop.kernel import divisions
from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.kernel.fields import coerce, field_specs
from cchc_desktop.kernel.history import ChangeSet, History
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.units import DISTRICT_KINDS, district_unit_code, normalise_commune_code
from cchc_desktop.profile.service import ProfileService
from cchc_desktop.receiver import store
from cchc_desktop.receiver.completeness import CompletenessMatrix, Received, build_matrix, columns_for
from cchc_desktop.receiver.inbox import DueOf, InboxRow, inbox_rows
from cchc_desktop.receiver.index import (
    CriterionScore,
    IndexView,
    LaggingTask,
    TaskState,
    distribution,
    lagging_tasks,
    unit_scores,
)
from cchc_desktop.receiver.indicators import Consolidated, UnitFigure, consolidate
from cchc_desktop.receiver.key_batch import BatchEnrolment, KeyCandidate, KeyChoice, enrol_batch, read_candidates
from cchc_desktop.receiver.model import UNIT_KINDS, RosterUnit
from cchc_desktop.reports.calendar import due_date
from cchc_desktop.reports.model import ReportPeriod
from cchc_desktop.reports.service import ReportService

#: When the year's plan and self-assessment are due, unless the office sets other dates (MM-DD).
DEFAULT_DUES = {"plan": "01-31", "assessment": "12-20"}


class ReceiverWorkspace(Protocol):
    """The workspace as the receiver's service sees it."""

    conn: sqlite3.Connection
    profile: ProfileService
    reports: ReportService
    history: History

    @property
    def actor(self) -> str: ...

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]: ...

    def get_setting(self, key: str, default: str | None = None) -> str | None: ...

    def insert_fixed(self, entity: str, parent_id: Any, rows: list[dict[str, Any]], label: str) -> ChangeSet: ...

    def delete(self, entity: str, row_ids: list[int]) -> ChangeSet: ...


@dataclass(frozen=True)
class RosterRow:
    unit: RosterUnit
    key_state: str  # none, enrolled, revoked, certificate


class ReceiverService:
    def __init__(self, ws: ReceiverWorkspace) -> None:
        self.ws = ws

    # Roster #############################################################

    def roster(self) -> list[RosterUnit]:
        return store.roster(self.ws.conn)

    def roster_rows(self) -> list[RosterRow]:
        """Each unit with its key state: none, enrolled, revoked."""
        states = exchange_store.key_states(self.ws.conn)
        return [RosterRow(u, states.get((u.province_code, u.unit_code), "none")) for u in self.roster()]

    def fill_roster(self, province_code: str | None = None) -> ChangeSet:
        """Danh sách đơn vị từ danh mục chính thức: every commune of the province not yet listed (one undo step)."""
        code = province_code or self.ws.profile.require().province_code
        known = store.roster_codes(self.ws.conn)
        rows = [
            {
                "province_code": c.province_code,
                "unit_code": c.code,
                "name": c.name,
                "unit_type": c.kind,
                "source": "official",
                "valid_from": "2025-07-01",
            }
            for c in divisions.communes(code)
            if (c.province_code, c.code) not in known
        ]
        if not rows:
            raise ValidationError("receiver.roster.nothing_to_add", province=divisions.province(code) or code)
        return self.ws.insert_fixed("roster_unit", code, rows, tr("undo.roster.fill", count=len(rows)))

    def add_unit(
        self,
        *,
        province_code: str,
        unit_code: str,
        name: str,
        unit_type: str,
        valid_from: object = None,
        valid_to: object = None,
        note: str = "",
    ) -> ChangeSet:
        """Thêm đơn vị bằng tay: a unit not in the official list (a legacy unit, one created since).

        Dates may be typed ("30/6/2025") or given as dates; a bad one is refused naming the field.
        """
        # A district-level unit (before 01/7/2025) is typed with its 3-digit code and kept as 90xxx, the
        # code its enrolment card and packages carry (kernel.units.district_unit_code).
        code = district_unit_code(unit_code) if unit_type in DISTRICT_KINDS else normalise_commune_code(unit_code)
        specs = field_specs(RosterUnit)
        valid_from, valid_to = coerce(specs["valid_from"], valid_from), coerce(specs["valid_to"], valid_to)
        if unit_type not in UNIT_KINDS:
            raise ValidationError("receiver.roster.kind_unknown", kind=unit_type)
        if (province_code, code) in store.roster_codes(self.ws.conn):
            raise ValidationError("receiver.roster.exists", code=f"{province_code}-{code}")
        row = {
            "province_code": province_code,
            "unit_code": code,
            "name": name.strip(),
            "unit_type": unit_type,
            "source": "manual",
            "valid_from": valid_from,
            "valid_to": valid_to,
            "note": note,
        }
        if not row["name"]:
            raise ValidationError("receiver.roster.name_required", field="name")
        return self.ws.insert_fixed("roster_unit", province_code, [row], tr("undo.roster.add", name=name))

    def remove_units(self, unit_ids: list[int]) -> ChangeSet:
        return self.ws.delete("roster_unit", unit_ids)

    # Senders' keys, many at once ########################################

    def read_key_files(self, paths: Iterable[str | Path]) -> list[KeyCandidate]:
        """Đăng ký khóa hàng loạt: one row per key in the files, cards and folders chosen."""
        return read_candidates(
            paths,
            self.ws.profile.require().province_code,
            self.roster(),
            exchange_store.enrolled_keys(self.ws.conn),
            store_held.held_counts(self.ws.conn),
        )

    def enrol_keys(self, choices: list[KeyChoice]) -> BatchEnrolment:
        """Enrol every row confirmed by the last two groups of its card, in one transaction (none when one
        row is refused); says which enrolled units have packages held (to import now)."""
        return enrol_batch(self.ws, choices, store_held.held_counts(self.ws.conn))

    # Completeness and timeliness ########################################

    def due(self, kind: str, year: int) -> dt.date:
        """When the year's plan or self-assessment is due at this office."""
        month_day = self.ws.get_setting(f"receiver.due.{kind}") or DEFAULT_DUES[kind]
        return dt.date.fromisoformat(f"{year}-{month_day}")

    def latest_due_period(self, year: int, today: dt.date | None = None) -> ReportPeriod | None:
        """The period the office looks at first: the last one already due (its reports are in, or
        late), else the year's first. In December that is Quý III, not the annual report due on the 20th."""
        periods = self.ws.reports.calendar(year)
        due = [p for p in periods if due_date(p) <= (today or dt.date.today())]
        return due[-1] if due else (periods[0] if periods else None)

    def completeness(self, year: int, today: dt.date | None = None) -> CompletenessMatrix:
        """Units × (plan, periods, self-assessment): on time, late n days, missing, draft only, not yet due."""
        labels = {"plan": tr("receiver.column.plan"), "assessment": tr("receiver.column.assessment")}
        columns = columns_for(
            year, self.ws.reports.calendar(year), self.due("plan", year), self.due("assessment", year), labels
        )
        received = [_received(row) for row in store_year.series_of_year(self.ws.conn, year)]
        states = exchange_store.key_states(self.ws.conn)
        return build_matrix(year, self.roster(), columns, received, states, today or dt.date.today())

    # Inbox ##############################################################

    def inbox(self) -> list[InboxRow]:
        """Every package held, newest first, with its lateness against this office's due dates."""
        packages = [p for p in exchange_store.received(self.ws.conn) if p["kind"] != "receipt"]  # a district's
        return inbox_rows(packages, self.names_of(packages), self._due_lookup({p["year"] for p in packages}))

    def _due_lookup(self, years: set[int]) -> DueOf:
        periods = {(p.year, p.code): due_date(p) for year in years for p in self.ws.reports.calendar(year)}

        def due_of(kind: str, year: int, period: str) -> dt.date | None:
            if kind in DEFAULT_DUES:
                return self.due(kind, year)
            return periods.get((year, period)) if kind in ("report", "consolidation") else None

        return due_of

    # Indicators #########################################################

    def indicators(self, year: int, period: str) -> list[Consolidated]:
        """The period's indicators across units (current report packages), from summed figures."""
        packages = self._current(year, "report", period)
        rows = store_year.rows_of_packages(self.ws.conn, "indicators", list(packages))
        names = self.names_of(packages.values())
        return consolidate(
            _figure(names[_unit_of(packages[r["package_row_id"]])], r, packages[r["package_row_id"]]) for r in rows
        )

    # Index ##############################################################

    def index(self, year: int) -> IndexView:
        """Self-scores per unit and per area, ranked; their distribution; who sent none."""
        packages = self._current(year, "assessment", "")
        rows = store_year.rows_of_packages(self.ws.conn, "criteria", list(packages))
        parents = {(r["package_row_id"], r["parent_code"]) for r in rows}
        criteria = [
            _criterion(packages[r["package_row_id"]], r, (r["package_row_id"], r["code"]) not in parents) for r in rows
        ]
        names = self.names_of(packages.values())
        submitted = {(p["province_code"], p["unit_code"]): p["submitted_at"] is not None for p in packages.values()}
        scores, areas = unit_scores(criteria, names, submitted)
        sent = {(p["province_code"], p["unit_code"]) for p in packages.values()}
        missing = [u for u in self.roster() if (u.province_code, u.unit_code) not in sent]
        return IndexView(year, scores, areas, distribution(scores), missing)

    def lagging_tasks(self, year: int, period: str, as_of: dt.date | None = None) -> list[LaggingTask]:
        """Tasks not done, or running past their deadline, in the units' reports for ``period``."""
        packages = self._current(year, "report", period)
        rows = store_year.rows_of_packages(self.ws.conn, "tasks", list(packages))
        names = self.names_of(packages.values())
        tasks = [_task(names[_unit_of(packages[r["package_row_id"]])], r) for r in rows if not r["not_applicable"]]
        return lagging_tasks(tasks, (as_of or dt.date.today()).isoformat())

    def current_packages(self, year: int, kind: str, period: str) -> list[sqlite3.Row]:
        """The current package of each unit's series (kind, period) for ``year``."""
        return list(self._current(year, kind, period).values())

    # Helpers ############################################################

    def _current(self, year: int, kind: str, period: str) -> dict[int, sqlite3.Row]:
        return {
            row["id"]: row
            for row in store_year.series_of_year(self.ws.conn, year)
            if row["kind"] == kind and row["period"] == period
        }

    def names_of(self, packages: Any) -> dict[tuple[str, str], str]:
        """Names as the roster knows them (never as a package claims), else as sent."""
        roster = {(u.province_code, u.unit_code): u.full_name for u in self.roster()}
        return {
            (p["province_code"], p["unit_code"]): roster.get((p["province_code"], p["unit_code"]), p["unit_name"])
            for p in packages
        }


def _unit_of(package: sqlite3.Row) -> tuple[str, str]:
    return package["province_code"], package["unit_code"]


def _task(unit_name: str, row: sqlite3.Row) -> TaskState:
    return TaskState(unit_name, row["content"], row["deadline_text"], row["deadline_due"], row["status"])


def _received(row: sqlite3.Row) -> Received:
    return Received(
        row["id"],
        row["province_code"],
        row["unit_code"],
        row["unit_name"],
        row["kind"],
        row["period"],
        row["revision"],
        row["revisions"],
        row["first_created_at"],
        row["submitted_at"],
        row["received_at"],
    )


def _figure(unit_name: str, row: sqlite3.Row, package: sqlite3.Row) -> UnitFigure:
    return UnitFigure(
        package["province_code"],
        package["unit_code"],
        unit_name,
        row["code"],
        row["text"],
        row["unit"],
        row["comparator"],
        row["target"],
        row["target_max"],
        row["numerator"],
        row["denominator"],
        row["value"],
        row["figure"],
        row["attainment"],
    )


def _criterion(package: sqlite3.Row, row: sqlite3.Row, leaf: bool) -> CriterionScore:
    return CriterionScore(
        package["province_code"],
        package["unit_code"],
        row["code"],
        row["parent_code"],
        row["level"],
        row["name"],
        row["max_points"],
        row["self_score"],
        leaf,
    )
