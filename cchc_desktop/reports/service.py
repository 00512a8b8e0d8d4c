"""Báo cáo định kỳ: the year's reporting calendar, and each period's report against the plan.

Each public method is one user action and one transaction. Cell and field edits of a
report go through ``ws.edit`` on the entities ``report``, ``task_progress``,
``indicator_actual``, ``report_recipient`` and ``report_period`` (audited, undoable,
refused with a LockedError once the report is submitted).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from cchc_desktop.framework.model import Framework, load_framework
from cchc_desktop.framework.received import received_framework
from cchc_desktop.kernel.errors import NotFoundError, ValidationError
from cchc_desktop.kernel.history import ChangeSet
from cchc_desktop.kernel.i18n import format_date, tr
from cchc_desktop.kernel.problems import Problem
from cchc_desktop.kernel.store import numbering, records
from cchc_desktop.kernel.text import clean
from cchc_desktop.kernel.unit_file import UnitFile
from cchc_desktop.plans.model import Plan
from cchc_desktop.plans.service import PlanService
from cchc_desktop.profile.service import ProfileService
from cchc_desktop.reports import (
    build,
    store,
    store_evidence,  # noqa: F401 - registers report rows as evidence owners
)
from cchc_desktop.reports import calendar as cal
from cchc_desktop.reports.calc import Amount
from cchc_desktop.reports.export import period_to_dict, report_to_dict
from cchc_desktop.reports.flow import ReportFlow
from cchc_desktop.reports.model import (
    Report,
    ReportActions,
    ReportAggregate,
    ReportEvent,
    ReportPeriod,
    indicator_key,
    key_of_indicator,
)
from cchc_desktop.reports.rules import ReportContext, check_report
from cchc_desktop.reports.view import (
    AmountLookup,
    IndicatorFigures,
    ReportView,
    YearOverview,
    amount_of,
    indicator_figures,
)


class ReportService(ReportFlow):
    def __init__(
        self, ws: UnitFile, plans: PlanService, profile: ProfileService, framework: Framework | None = None
    ) -> None:
        self.ws = ws
        self.plans = plans
        self.profile = profile
        self._framework = framework

    @property
    def framework(self) -> Framework:
        """The framework new calendars and default recipients come from (the embedded one)."""
        if self._framework is None:
            self._framework = load_framework()
        return self._framework

    # Calendar ###########################################################

    def calendar(self, year: int) -> list[ReportPeriod]:
        """The year's reporting periods (none until :meth:`create_calendar` made them)."""
        return store.calendar(self.ws.conn, year)

    def create_calendar(self, year: int, framework: Framework | None = None) -> ChangeSet:
        """Lập lịch báo cáo: the framework's periods for ``year`` (refused when the year has one).

        One undoable action, audited period by period; the dates can then be edited like any row. The
        periods are those of the framework the superior sent for the year when there is one.
        """
        if store.calendar(self.ws.conn, year):
            raise ValidationError("report.calendar.exists", year=year)
        source = framework or received_framework(self.ws.conn, year) or self.framework
        specs = cal.specs_from_framework(source.extra.get("periods"))
        if not specs:
            specs = cal.specs_from_framework(load_framework().extra.get("periods"))
        rows = [cal.resolve(spec, year) for spec in specs]
        return self.ws.insert_fixed("report_period", year, rows, tr("undo.calendar", year=year))

    def overview(self, year: int, today: dt.date | None = None) -> YearOverview:
        """The year's periods, where each stands, its reports and the period to open on (two queries)."""
        periods = self.calendar(year)
        by_period = {r.period_id: r for r in self.reports(year)}
        day = today or dt.date.today()
        issued = self.plan_issued(year)
        states = {p.id: _state(p, by_period.get(p.id), day, issued) for p in periods}
        return YearOverview(year, periods, states, by_period, _default_period(periods, states))

    def default_period(self, year: int, today: dt.date | None = None) -> ReportPeriod | None:
        """The period to open on: the first regular one not yet submitted whose window has begun, else
        the first of the year."""
        return self.overview(year, today).default

    def view(self, report_id: int, today: dt.date | None = None) -> ReportView:
        """The report with its figures, checks, allowed actions and period state, read once."""
        agg = self.aggregate(report_id)
        figures = self.figures(report_id, agg)
        in_force = self.plans.in_force(agg.report.year)
        problems = self._problems(agg, figures, in_force)
        state = _state(agg.period, agg.report, today or dt.date.today(), self.plan_issued(agg.report.year))
        return ReportView(agg, figures, problems, _actions(agg.report, in_force, _has_copied(agg)), state)

    def latest_submitted_period(self, year: int) -> ReportPeriod | None:
        """The period of the year's most recently submitted report (what a package usually carries)."""
        submitted = [r for r in self.reports(year) if r.locked and r.submitted_at]
        if not submitted:
            return None
        newest = max(submitted, key=lambda r: r.submitted_at or "")
        return next((p for p in self.calendar(year) if p.id == newest.period_id), None)

    def actions(self, report_id: int) -> ReportActions:
        """What the user may do with the report now."""
        report = self.get(report_id)
        return _actions(report, self.plans.in_force(report.year), _has_copied(self.aggregate(report_id)))

    def period(self, year: int, code: str) -> ReportPeriod:
        periods = self.calendar(year)
        if not periods:
            raise NotFoundError("report.calendar.missing", year=year)
        wanted = clean(code).upper()
        for period in periods:
            if period.code.upper() == wanted:
                return period
        raise NotFoundError("report.period.unknown", code=code, year=year, codes=", ".join(p.code for p in periods))

    def add_period(
        self, year: int, *, code: str, name: str, start: object, end: object, due: object, title: str = ""
    ) -> ChangeSet:
        """Thêm kỳ báo cáo đột xuất (or a monthly report) to the year's calendar."""
        taken = [p.code.upper() for p in self.calendar(year)]
        code = cal.check_code(code, taken)
        values = {
            "name": name,
            "title": title or name,
            "start_date": start,
            "end_date": end,
            "due_date": due,
            "figures_required": False,
        }
        return self.ws.insert("report_period", year, values, fixed={"code": code, "adhoc": 1})

    def suggest_code(self, year: int) -> str:
        taken = {p.code for p in self.calendar(year)}
        return next(f"DX{n}" for n in range(1, 100) if f"DX{n}" not in taken)

    def remove_period(self, period_id: int) -> ChangeSet:
        period = store.load_period(self.ws.conn, period_id)
        if store.report_for_period(self.ws.conn, period_id) is not None:
            raise ValidationError("report.period.in_use", period=period.label)
        return self.ws.delete("report_period", [period_id])

    # Reading ############################################################

    def get(self, report_id: int) -> Report:
        return store.load_report(self.ws.conn, report_id)

    def reports(self, year: int) -> list[Report]:
        return store.reports_of_year(self.ws.conn, year)

    def for_period(self, year: int, code: str) -> Report | None:
        return store.report_for_period(self.ws.conn, self.period(year, code).id)

    def aggregate(self, report_id: int) -> ReportAggregate:
        return store.load_aggregate(self.ws.conn, report_id)

    def events(self, report_id: int) -> list[ReportEvent]:
        return store.events(self.ws.conn, report_id)

    def next_number(self, year: int) -> int:
        """The next free number of the year's counter, shared with plans and all other documents."""
        return self.plans.next_number(year)

    def period_dict(self, period: ReportPeriod, today: dt.date | None = None) -> dict[str, Any]:
        """A period as plain data, with where it stands ``today``."""
        return period_to_dict(period, self.state(period, today))

    def to_dict(self, year: int, code: str, today: dt.date | None = None) -> dict[str, Any]:
        """The period and its report (None before one is started) as plain data (``report show --json``)."""
        period = self.period(year, code)
        report = self.for_period(year, code)
        data: dict[str, Any] = {
            "unit": self.profile.get().full_name,
            "period": self.period_dict(period, today),
            "report": None,
        }
        if report is not None:
            agg = self.aggregate(report.id)
            data["report"] = report_to_dict(agg, self.figures(report.id, agg), self.problems(report.id))
        return data

    def state(self, period: ReportPeriod, today: dt.date | None = None) -> cal.PeriodState:
        """Where the period stands today: open, due, overdue, submitted on time or late."""
        report = store.report_for_period(self.ws.conn, period.id)
        return _state(period, report, today or dt.date.today(), self.plan_issued(period.year))

    def plan_issued(self, year: int) -> dt.date | None:
        """The day the year's plan was (or is to be) issued, first version: periods whose data end before
        it have nothing to report (a plan issued in July, after the 2025 reform)."""
        return cal.as_date(self.plans.first_issue_date(year))

    # Computed figures and checks ########################################

    def figures(self, report_id: int, agg: ReportAggregate | None = None) -> dict[int, IndicatorFigures]:
        """Period and year-to-date figures with attainment, by ``indicator_actual`` id."""
        agg = agg or self.aggregate(report_id)
        periods = self.calendar(agg.report.year)
        amounts = self._amounts(agg.report.year)
        found = {}
        for actual in agg.actuals:
            indicator = agg.indicators[actual.indicator_id]
            lookup = _amount_lookup(amounts, indicator_key(indicator))
            found[actual.id] = indicator_figures(indicator, actual, agg.period, periods, lookup)
        return found

    def indicator_results(self, year: int) -> dict[str, float]:
        """Chỉ tiêu code → the latest figure of the year (year-to-date where it sums up).

        Reports are read from the latest period back; an indicator takes its figure from the
        latest report that has one. Used to propose self-assessment scores.
        """
        results: dict[str, float] = {}
        ordered = sorted(
            self.reports(year), key=lambda r: store.load_period(self.ws.conn, r.period_id).window.end, reverse=True
        )
        for report in ordered:
            agg = self.aggregate(report.id)
            for figures in self.figures(report.id, agg).values():
                code = figures.indicator.code
                value = figures.ytd_figure if figures.ytd_figure is not None else figures.period_figure
                if code and value is not None:
                    results.setdefault(code, value)
        return results

    def _amounts(self, year: int) -> dict[tuple[int, str], Amount]:
        found = {}
        for period_id, actual, code, text in store.amounts_of_year(self.ws.conn, year):
            found[(period_id, key_of_indicator(code, text))] = amount_of(actual)
        return found

    def problems(self, report_id: int) -> list[Problem]:
        agg = self.aggregate(report_id)
        return self._problems(agg, self.figures(report_id, agg), self.plans.in_force(agg.report.year))

    def _problems(
        self, agg: ReportAggregate, figures: dict[int, IndicatorFigures], in_force: Plan | None
    ) -> list[Problem]:
        report = agg.report
        year = int(report.report_date[:4]) if report.report_date else report.year
        used = numbering.used_numbers(self.ws.conn, year, exclude=("reports", report.id))
        version = in_force.version if in_force is not None and report.status == "draft" else None
        return check_report(agg, ReportContext(used, version, figures))

    # Creating ###########################################################

    def create(self, year: int, code: str) -> Report:
        """Lập báo cáo kỳ: rows from the plan in force, prefilled from the previous report."""
        period = self.period(year, code)
        plan = self.plans.in_force(year)
        if plan is None:
            raise ValidationError("report.no_plan", year=year, period=period.label)
        if store.report_for_period(self.ws.conn, period.id) is not None:
            raise ValidationError("report.exists", period=period.label)
        profile = self.profile.require()
        plan_agg = self.plans.aggregate(plan.id)
        with self.ws.transaction() as conn:
            previous = build.previous_report(conn, period)
            report_id = build.write_report(
                conn,
                build.report_values(period, plan_agg, profile, previous),
                build.progress_rows(plan_agg.tasks, previous),
                build.actual_rows(plan_agg.indicators, previous),
                build.recipient_rows(previous, self.framework, profile, year),
            )
            detail = tr(
                "report.event.created_from",
                plan=plan.number_text,
                version=plan.version,
                previous=previous.period.label if previous else "—",
            )
            self._log(conn, report_id, "create", detail)
        self.ws.history.clear()
        return self.get(report_id)

    def keep_copied(self, report_id: int) -> ChangeSet:
        """Giữ nguyên nội dung chép từ kỳ trước: the user has read the copied texts and they still hold.
        One undoable action; what is kept is no longer named by the checks."""
        agg = self.aggregate(report_id)
        cells: list[tuple[str, int, str, Any]] = []
        if agg.report.review_fields:
            cells.append(("report", report_id, "review_fields", ""))
        cells += [("task_progress", p.id, "result_review", False) for p in agg.progress if p.result_review]
        return self.ws.edit_mixed(cells, tr("undo.keep_copied"))

    def delete_draft(self, report_id: int) -> Report:
        """Xóa báo cáo dự thảo (created for the wrong period, say); returns what was deleted."""
        report = self.get(report_id)
        if report.status != "draft":
            raise ValidationError("report.delete.not_draft")
        agg = self.aggregate(report_id)
        with self.ws.transaction() as conn:
            store.drop_evidence(conn, store.TASK_PROGRESS.name, [p.id for p in agg.progress])
            store.drop_evidence(conn, store.INDICATOR_ACTUAL.name, [a.id for a in agg.actuals])
            records.remove(
                conn,
                "report",
                report_id,
                expected="draft",
                actor=self.ws.actor,
                refusal=ValidationError("report.delete.not_draft"),
            )
        self.ws.history.clear()
        return report

    def due_text(self, period: ReportPeriod) -> str:
        return tr("report.period.window", window=period.window.text, due=format_date(period.due_date))


def _amount_lookup(amounts: dict[tuple[int, str], Amount], key: str) -> AmountLookup:
    """One indicator's amount in each period's report, from the year's amounts by (period id, indicator key)."""
    return lambda period: amounts.get((period.id, key))


def _state(
    period: ReportPeriod, report: Report | None, today: dt.date, plan_issued: dt.date | None = None
) -> cal.PeriodState:
    submitted = report.first_submitted_at if report else None
    return cal.period_state(period, today, cal.as_date(submitted) if submitted else None, plan_issued)


def _default_period(periods: list[ReportPeriod], states: dict[int, cal.PeriodState]) -> ReportPeriod | None:
    for period in sorted((p for p in periods if not p.adhoc), key=cal.due_date):
        if states[period.id].kind in ("open", "due", "overdue"):
            return period
    return periods[0] if periods else None


def _has_copied(agg: ReportAggregate) -> bool:
    return bool(agg.report.to_review) or any(p.result_review for p in agg.progress)


def _actions(report: Report, in_force: Plan | None, copied: bool = False) -> ReportActions:
    draft = not report.locked
    return ReportActions(
        editable=draft,
        may_submit=draft,
        may_delete=draft,
        may_reopen=report.locked,
        may_follow_plan=draft and in_force is not None and in_force.id != report.plan_id,
        may_keep_copied=draft and copied,
    )
