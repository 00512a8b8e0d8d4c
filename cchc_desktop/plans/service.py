"""Kế hoạch năm: create, read, check, issue and amend the annual plan.

Each public method is one user action and one transaction.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from cchc_desktop.framework.areas import AREA_BY_CODE, AREA_CODES, CANONICAL_AREAS
from cchc_desktop.framework.model import Framework, load_framework, placeholders
from cchc_desktop.framework.received import received_framework
from cchc_desktop.kernel.errors import NotFoundError, ValidationError
from cchc_desktop.kernel.history import ChangeSet
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.problems import Problem
from cchc_desktop.kernel.store import numbering, records
from cchc_desktop.kernel.store.records import now_iso, write_audit
from cchc_desktop.kernel.unit_file import UnitFile
from cchc_desktop.plans import copy as plan_copy
from cchc_desktop.plans import (
    store,
    store_evidence,  # noqa: F401 - registers tasks and indicators as evidence owners
)
from cchc_desktop.plans.export import plan_to_dict
from cchc_desktop.plans.model import AREA_LAYOUTS, Plan, PlanActions, PlanAggregate
from cchc_desktop.plans.paste import INDICATOR_COLUMNS, TASK_COLUMNS, parse_rows
from cchc_desktop.plans.rules import check_plan, shift_deadline_year, shift_year_mentions
from cchc_desktop.plans.shape import layout_cells
from cchc_desktop.plans.targets import read_target
from cchc_desktop.profile.service import ProfileService

SOURCES = ("framework", "copy", "blank")


#: The first year the app offers (the current CCHC programme began in 2021; 2020 for its baseline).
FIRST_YEAR = 2020
#: Checks that mean "last year's text or deadline": fixed together by :meth:`PlanService.update_years`.
STALE_YEAR_PROBLEMS = ("problem.stale_year", "problem.task.deadline_outside_year")


class PlanService:
    def __init__(self, ws: UnitFile, profile: ProfileService) -> None:
        self.ws = ws
        self.profile = profile

    # Reading ############################################################

    def years(self) -> list[int]:
        return store.years(self.ws.conn)

    def versions(self, year: int) -> list[Plan]:
        return store.plans_for_year(self.ws.conn, year)

    def current(self, year: int) -> Plan | None:
        """The newest version of the year's plan (an amendment in progress included)."""
        versions = self.versions(year)
        return versions[-1] if versions else None

    def in_force(self, year: int) -> Plan | None:
        """The newest issued version, the one reports are measured against."""
        issued = [p for p in self.versions(year) if p.status == "issued"]
        return issued[-1] if issued else None

    def first_issue_date(self, year: int) -> str | None:
        """When the year's plan was (or is to be) issued, its first version: ISO date or None."""
        return store.first_issue_date(self.ws.conn, year)

    def require_current(self, year: int) -> Plan:
        plan = self.current(year)
        if plan is None:
            raise NotFoundError("plan.not_found", year=year)
        return plan

    def get(self, plan_id: int) -> Plan:
        return store.load_plan(self.ws.conn, plan_id)

    def aggregate(self, plan_id: int) -> PlanAggregate:
        return store.load_aggregate(self.ws.conn, plan_id)

    def to_dict(self, plan_id: int) -> dict[str, Any]:
        """The whole plan as plain data (``plan show --json``, the package's data.json)."""
        return plan_to_dict(self.profile.get(), self.aggregate(plan_id), self.problems(plan_id))

    def problems(self, plan_id: int) -> list[Problem]:
        agg = self.aggregate(plan_id)
        year = int(agg.plan.issue_date[:4]) if agg.plan.issue_date else agg.plan.year
        used = numbering.used_numbers(self.ws.conn, year, exclude=("plans", plan_id))
        return check_plan(agg, used)

    def next_number(self, year: int) -> int:
        """The next free number of the year's counter (shared by all document types)."""
        used = numbering.used_numbers(self.ws.conn, year)
        return max(used, default=0) + 1

    # Creating ###########################################################

    def create(self, year: int, source: str = "framework", framework: Framework | None = None) -> Plan:
        """Tạo kế hoạch năm từ khung, từ kế hoạch năm trước, hoặc trống.

        The framework is the one the superior sent for the year when there is one, else the app's default."""
        if not isinstance(year, int) or not 2000 <= year <= 2100:
            raise ValidationError("plan.year.invalid", value=year)
        if source not in SOURCES:
            raise ValidationError("error.validation")
        profile = self.profile.require()
        if self.versions(year):
            raise ValidationError("plan.exists", year=year)
        with self.ws.transaction() as conn:
            if source == "framework":
                fw = framework or received_framework(conn, year) or load_framework()
                content = plan_copy.from_framework(fw, fill_values=placeholders(profile, year))
            elif source == "copy":
                content = self._copy_source(year - 1)
            else:
                content = plan_copy.blank(CANONICAL_AREAS)
            plan_id = plan_copy.write(conn, content, year=year, profile=profile, source=source)
            self._audit_plan(conn, plan_id, "create", tr(f"plan.source.{source}"))
        self.ws.history.clear()
        return self.get(plan_id)

    def _copy_source(self, year: int) -> dict:
        source = self.current(year)
        if source is None:
            raise NotFoundError("plan.copy.no_source", year=year)
        return plan_copy.from_aggregate(self.aggregate(source.id))

    # Issuing and amending ###############################################

    def issue(self, plan_id: int) -> Plan:
        """Ban hành: needs a number and a date; the plan becomes read-only."""
        plan = self.get(plan_id)
        if plan.status != "draft":
            raise ValidationError("plan.issue.not_draft")
        if plan.doc_number is None:
            raise ValidationError("plan.issue.needs_number", field="doc_number")
        if not plan.issue_date:
            raise ValidationError("plan.issue.needs_date", field="issue_date")
        used = numbering.used_numbers(self.ws.conn, int(plan.issue_date[:4]), exclude=("plans", plan_id))
        if plan.doc_number in used:
            raise ValidationError(
                "plan.issue.duplicate_number", field="doc_number", number=plan.number_text, year=plan.issue_date[:4]
            )
        blocking = [p for p in self.problems(plan_id) if p.blocking]
        if blocking:
            raise ValidationError("plan.issue.blocked", count=len(blocking), first=blocking[0].message)
        with self.ws.transaction() as conn:
            records.transition(
                conn,
                "plan",
                plan_id,
                expected="draft",
                values={"status": "issued", "issued_at": now_iso()},
                actor=self.ws.actor,
                action="issue",
                refusal=ValidationError("plan.issue.not_draft"),
                note=("status", None, plan.number_text),
            )
            if plan.amends_plan_id:
                records.transition(
                    conn,
                    "plan",
                    plan.amends_plan_id,
                    expected="issued",
                    values={"status": "superseded"},
                    actor=self.ws.actor,
                    action="supersede",
                    refusal=ValidationError("plan.amend.not_issued"),
                )
        self.ws.history.clear()
        return self.get(plan_id)

    def amend(self, plan_id: int, *, effective_date: str | None = None, reason: str = "") -> Plan:
        """Điều chỉnh: a new draft version copied from an issued plan; the old one is kept."""
        plan = self.get(plan_id)
        if plan.status != "issued":
            raise ValidationError("plan.amend.not_issued")
        newest = self.current(plan.year)
        if newest and newest.status == "draft":
            raise ValidationError("plan.amend.pending", version=newest.version)
        profile = self.profile.require()
        content = plan_copy.from_aggregate(self.aggregate(plan_id), keep_metadata=True)
        with self.ws.transaction() as conn:
            new_id = plan_copy.write(
                conn,
                content,
                year=plan.year,
                profile=profile,
                source="amendment",
                version=newest.version + 1 if newest else 2,
                amends=plan_id,
            )
            for field, value in (("effective_date", effective_date), ("amendment_reason", reason)):
                records.update(conn, "plan", new_id, field, value, self.ws.actor)
            self._audit_plan(conn, new_id, "amend", plan.number_text)
        self.ws.history.clear()
        return self.get(new_id)

    def delete_draft(self, plan_id: int) -> Plan:
        """Xóa dự thảo (e.g. a mistaken creation or an abandoned amendment); returns what was deleted."""
        plan = self.get(plan_id)
        if plan.status != "draft":
            raise ValidationError("plan.delete_draft.not_draft")
        with self.ws.transaction() as conn:
            records.remove(
                conn,
                "plan",
                plan_id,
                expected="draft",
                actor=self.ws.actor,
                refusal=ValidationError("plan.delete_draft.not_draft"),
            )
        self.ws.history.clear()
        return plan

    def _audit_plan(self, conn, plan_id: int, action: str, detail: str) -> None:
        row = store.plan_row(conn, plan_id)
        write_audit(conn, self.ws.actor, action, store.PLAN, row, "status", None, detail)

    # Editing helpers ####################################################

    def paste(self, plan_id: int, entity: str, text: str, position: int | None = None) -> tuple[ChangeSet, list[str]]:
        """Dán các dòng từ Word/Excel vào bảng nhiệm vụ hoặc chỉ tiêu (one transaction)."""

        columns = TASK_COLUMNS if entity == "task" else INDICATOR_COLUMNS
        agg = self.aggregate(plan_id)
        names = {a.code: a.display_name for a in agg.areas}
        parsed = parse_rows(text, columns, names)
        if not parsed.rows:
            raise ValidationError("paste.empty")
        notes = [tr(key, **params) for key, params in parsed.notes]
        return self.ws.insert_many(entity, plan_id, parsed.rows, position), notes

    def set_target(self, indicator_id: int, value: str | float | None) -> ChangeSet:
        """Mục tiêu as typed: a number ("55", "0,5", "1.000", "100%"), a target phrase ("từ 55% trở
        lên"), or the target in words ("duy trì", "tăng so với năm trước"), kept as text: what the user
        typed is never thrown away. One undoable edit of the fields it sets."""
        indicator = self.ws.get("indicator", indicator_id)
        values = read_target(value)
        if values.get("unit") and indicator.unit and values["unit"] != "%":
            values.pop("unit")
        cells = [("indicator", indicator_id, name, v) for name, v in values.items()]
        return self.ws.edit_mixed(cells, tr("undo.edit", what=tr("plan.indicator.col.target").lower()))

    def stale_year_count(self, plan_id: int, problems: list[Problem] | None = None) -> int:
        """How many texts and deadlines copied from last year still name it (``problems``: already checked)."""
        found = self.problems(plan_id) if problems is None else problems
        return sum(1 for p in found if p.key in STALE_YEAR_PROBLEMS)

    def actions(self, plan_id: int, problems: list[Problem] | None = None) -> PlanActions:
        """What the user may do with this version now: edit, issue, amend, delete, update the years."""
        plan = self.get(plan_id)
        newest = self.current(plan.year)
        draft = plan.editable_now
        return PlanActions(
            editable=draft,
            may_issue=draft,
            may_delete=draft,
            may_amend=plan.status == "issued" and newest is not None and not newest.editable_now,
            stale_years=self.stale_year_count(plan_id, problems) if draft else 0,
        )

    def selectable_years(self, today: dt.date | None = None) -> list[int]:
        """Years a user may open: every year with a plan, and 2020 to next year (back-filling a past
        year's plan is normal when a new official takes over)."""
        this_year = (today or dt.date.today()).year
        return sorted(set(self.years()) | set(range(FIRST_YEAR, this_year + 2)))

    def initial_year(self, today: dt.date | None = None) -> int:
        """The year the window opens on: this year, unless only later or earlier plans exist."""
        this_year = (today or dt.date.today()).year
        years = self.years()
        if this_year in years or not years:
            return this_year
        earlier = [y for y in years if y <= this_year + 1]
        return max(earlier) if earlier else this_year

    def update_years(self, plan_id: int) -> ChangeSet:
        """Cập nhật năm: move texts and deadlines copied from last year to this plan's year.

        Only what the checks flag is changed ("năm 2025" in running text, deadlines of last
        year); one undoable action.
        """

        agg = self.aggregate(plan_id)
        year = agg.plan.year
        cells: list[tuple[str, int, str, str]] = []
        for problem in self.problems(plan_id):
            if problem.key == "problem.stale_year" and problem.row_id is not None:  # always about a row
                current = getattr(self.ws.get(problem.entity, problem.row_id), problem.field)
                cells.append(
                    (problem.entity, problem.row_id, problem.field, shift_year_mentions(current, year - 1, year))
                )
        for task in agg.tasks:
            shifted = shift_deadline_year(task.deadline_text, year)
            if shifted:
                cells.append(("task", task.id, "deadline_text", shifted))
        return self.ws.edit_mixed(cells, tr("undo.update_years", year=year))

    # The plan's shape ###################################################

    def set_area_layout(self, plan_id: int, layout: str) -> ChangeSet:
        """Bố cục: targets in a section of their own, or inside each area ("1.1. Mục tiêu / 1.2. Nhiệm
        vụ"). The separate "Chỉ tiêu" section is hidden or shown with it; one undoable action."""
        if layout not in AREA_LAYOUTS:
            raise ValidationError("error.validation")
        agg = self.aggregate(plan_id)
        if agg.plan.area_layout == layout:
            return ChangeSet(tr("undo.area_layout"))
        cells = [("plan", plan_id, "area_layout", layout), *layout_cells(agg.sections, agg.plan.area_layout, layout)]
        return self.ws.edit_mixed(cells, tr("undo.area_layout"))

    def add_section(self, plan_id: int, position: int | None = None) -> ChangeSet:
        """Thêm một phần của riêng đơn vị (tiêu đề và nội dung tự viết) at ``position`` (end: None)."""
        return self.ws.insert(
            "plan_section", plan_id, {"title": tr("plan.section.new_title")}, position, fixed={"kind": "custom"}
        )

    def add_area(self, plan_id: int, code: str) -> ChangeSet:
        if code not in AREA_BY_CODE:
            raise ValidationError("plan.area.unknown", code=code, codes=", ".join(AREA_CODES))
        name = AREA_BY_CODE[code].name
        return self.ws.insert("plan_area", plan_id, {"display_name": name}, fixed={"code": code})

    def rows_in_areas(self, area_ids: list[int]) -> int:
        """How many tasks and indicators belong to the areas (asked before removing them)."""
        areas = [self.ws.get("plan_area", area_id) for area_id in area_ids]
        return sum(store.rows_in_area(self.ws.conn, a.plan_id, a.code) for a in areas)

    def remove_area(self, area_id: int, *, with_rows: bool = False) -> ChangeSet:
        return self.remove_areas([area_id], with_rows=with_rows)

    def remove_areas(self, area_ids: list[int], *, with_rows: bool = False) -> ChangeSet:
        """Bỏ lĩnh vực khỏi kế hoạch (a plan of "06 nội dung trọng tâm"); their tasks and indicators
        go with them only when asked, all in one undoable action."""
        areas = [self.ws.get("plan_area", area_id) for area_id in area_ids]
        if not areas:
            return ChangeSet(tr("undo.remove_area", name=""))
        agg = self.aggregate(areas[0].plan_id)
        codes = {a.code for a in areas}
        rows = [("task", t.id) for t in agg.tasks if t.area_code in codes]
        rows += [("indicator", i.id) for i in agg.indicators if i.area_code in codes]
        if rows and not with_rows:
            names = ", ".join(a.display_name for a in areas)
            raise ValidationError("plan.area.in_use", name=names, count=len(rows))
        label = tr("undo.remove_area", name="; ".join(a.display_name for a in areas))
        return self.ws.delete_mixed([*rows, *(("plan_area", a.id) for a in areas)], label)
