"""Nộp, mở lại, theo kế hoạch điều chỉnh: the life of a period report after it is drafted.

Submitting needs a number, a date and no blocking problem; it locks the report and records
when, by whom, and how late against the period's due date (a late report needs a reason).
Reopening is an explicit action with a reason; both are kept in ``report_events`` and in
the audit trail.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.kernel.i18n import format_date, tr
from cchc_desktop.kernel.store import records
from cchc_desktop.kernel.store.records import write_audit
from cchc_desktop.kernel.text import clean
from cchc_desktop.kernel.unit_file import UnitFile
from cchc_desktop.plans.service import PlanService
from cchc_desktop.reports import calendar as cal
from cchc_desktop.reports import store
from cchc_desktop.reports.model import Report, indicator_key, task_key


class ReportFlow:
    """Submit / reopen / follow the amended plan (mixed into ReportService)."""

    ws: UnitFile
    plans: PlanService

    def get(self, report_id: int) -> Report:  # pragma: no cover - provided by ReportService
        raise NotImplementedError

    def problems(self, report_id: int) -> list:  # pragma: no cover - provided by ReportService
        raise NotImplementedError

    # Submitting #########################################################

    def submit(self, report_id: int, *, late_reason: str = "", at: dt.datetime | None = None) -> Report:
        """Nộp báo cáo: check, lock, and record the time against the due date.

        ``at`` records a submission made earlier (sent on paper, say); default now.
        """
        report = self.check_submittable(report_id)
        when = (at or dt.datetime.now()).replace(microsecond=0)
        period = store.load_period(self.ws.conn, report.period_id)
        first = report.first_submitted_at is None
        late = self.late_reason_days(report_id, when.date()) if first else report.late_days
        reason = clean(late_reason)
        if first and late and not reason:
            raise ValidationError(
                "report.submit.late_needs_reason",
                field="late_reason",
                days=late,
                due=format_date(period.due_date),
                period=period.label,
            )
        values = {
            "status": "submitted",
            "submitted_at": when.isoformat(),
            "submitted_by": self.ws.actor,
            "first_submitted_at": report.first_submitted_at or when.isoformat(),
            "late_days": late,
            "late_reason": reason if first else report.late_reason,
        }
        detail = f"{report.number_text}; {_submission_detail(first, late)}"
        with self.ws.transaction() as conn:
            self._change_status(
                conn,
                report_id,
                "draft",
                values,
                "submit",
                reason if first else "",
                detail,
                ValidationError("report.submit.not_draft"),
                at=when.isoformat(),
            )
        self.ws.history.clear()
        return self.get(report_id)

    def late_reason_days(self, report_id: int, on: dt.date | None = None) -> int:
        """Days late if the report were submitted ``on`` that day (today), when that needs a reason:
        only the first submission counts; submitting again after a reopen keeps the first date."""
        report = self.get(report_id)
        if report.first_submitted_at is not None:
            return 0
        period = store.load_period(self.ws.conn, report.period_id)
        return cal.days_late(cal.due_date(period), on or dt.date.today())

    def check_submittable(self, report_id: int) -> Report:
        """The report, when nothing stops it from being submitted; else the reason, as an error."""
        report = self.get(report_id)
        if report.status != "draft":
            raise ValidationError("report.submit.not_draft")
        if report.doc_number is None:
            raise ValidationError("report.submit.needs_number", field="doc_number")
        if not report.report_date:
            raise ValidationError("report.submit.needs_date", field="report_date")
        blocking = [p for p in self.problems(report.id) if p.blocking]
        if blocking:
            raise ValidationError("report.submit.blocked", count=len(blocking), first=blocking[0].message)
        return report

    def reopen(self, report_id: int, reason: str) -> Report:
        """Mở lại để sửa: needs a reason; recorded with who and when."""
        report = self.get(report_id)
        if report.status != "submitted":
            raise ValidationError("report.reopen.not_submitted")
        reason = clean(reason)
        if not reason:
            raise ValidationError("report.reopen.needs_reason", field="reason")
        with self.ws.transaction() as conn:
            self._change_status(
                conn,
                report_id,
                "submitted",
                {"status": "draft"},
                "reopen",
                reason,
                report.number_text,
                ValidationError("report.reopen.not_submitted"),
            )
        self.ws.history.clear()
        return self.get(report_id)

    # Following an amended plan ##########################################

    def follow_plan(self, report_id: int) -> Report:
        """Move a draft report onto the plan now in force (after an amendment was issued).

        Rows of tasks and indicators that are still in the plan keep what was typed (matched
        by content, or by indicator code); new ones are added; dropped ones are removed.
        """
        report = self.get(report_id)
        plan = self.plans.in_force(report.year)
        if report.status != "draft" or plan is None or plan.id == report.plan_id:
            raise ValidationError("report.follow_plan.nothing")
        new = self.plans.aggregate(plan.id)
        old = store.load_aggregate(self.ws.conn, report_id)
        with self.ws.transaction() as conn:
            store.relink_rows(
                conn,
                store.TASK_PROGRESS,
                "task_id",
                report_id,
                {task_key(old.tasks[p.task_id]): p.id for p in old.progress},
                [(t.id, task_key(t)) for t in new.tasks if not t.not_applicable],
                {"status": "not_started"},
            )
            store.relink_rows(
                conn,
                store.INDICATOR_ACTUAL,
                "indicator_id",
                report_id,
                {indicator_key(old.indicators[a.indicator_id]): a.id for a in old.actuals},
                [(i.id, indicator_key(i)) for i in new.indicators],
                {},
            )
            store.set_plan(conn, report_id, plan.id)
            detail = tr("report.event.follow_plan", version=plan.version, number=plan.number_text)
            self._log(conn, report_id, "follow_plan", detail)
        self.ws.history.clear()
        return self.get(report_id)

    # Records ############################################################

    def _log(self, conn: sqlite3.Connection, report_id: int, action: str, detail: str) -> None:
        """An action on the report that is not a status change (tạo, theo kế hoạch điều chỉnh): history and audit."""
        store.add_event(conn, report_id, self.ws.actor, action, "", detail, None)
        write_audit(
            conn, self.ws.actor, action, store.REPORT, store.report_row(conn, report_id), "status", None, detail
        )

    def _change_status(
        self,
        conn: sqlite3.Connection,
        report_id: int,
        expected: str,
        values: dict,
        action: str,
        reason: str,
        detail: str,
        refusal: ValidationError,
        at: str | None = None,
    ) -> None:
        """Nộp / mở lại: the status change (checked, audited once) and its entry in the report's history."""
        records.transition(
            conn,
            "report",
            report_id,
            expected=expected,
            values=values,
            actor=self.ws.actor,
            action=action,
            refusal=refusal,
            note=("status", None, reason or detail),
        )
        store.add_event(conn, report_id, self.ws.actor, action, reason, detail, at)


def _submission_detail(first: bool, late: int) -> str:
    if not first:
        return tr("report.event.resubmitted")
    return tr("report.event.late", days=late) if late else tr("report.event.on_time")
