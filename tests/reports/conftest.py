"""Report fixtures: a workspace whose 2026 plan is issued, with the test framework's calendar.

The test framework (tests/fixtures/framework-small.json) is a province that moved Quý I's
due date to 15/3 and added a monthly report for April (T04). Its plan has three tasks
(Tháng 1, Hằng tháng, Thường xuyên) and two indicators: CX-01 digitisation (cumulative,
≥ 55%, numerator/denominator) and CX-02 dialogues (flow, 1–2, aspirational, a plain count).
"""

from __future__ import annotations

import pytest


@pytest.fixture
def issued_plan(ws, small_framework):
    plan = ws.plans.create(2026, "framework", small_framework)
    ws.edit("plan", plan.id, "doc_number", 5)
    ws.edit("plan", plan.id, "issue_date", "08/01/2026")
    return ws.plans.issue(plan.id)


@pytest.fixture
def default_calendar(ws, issued_plan):
    """The 2026 calendar of the embedded framework (581/BNV-CCHC: Q1, H1, Q3, Y)."""
    ws.reports.create_calendar(2026)
    return ws.reports.calendar(2026)


@pytest.fixture
def reports(ws, issued_plan, small_framework):
    """``ws.reports`` with the test framework's calendar seeded for 2026."""
    ws.reports.create_calendar(2026, small_framework)
    return ws.reports


def fill_figures(ws, report_id: int, numerator=None, denominator=None, value=None) -> None:
    """Type CX-01's fraction and CX-02's count into a report."""
    agg = ws.reports.aggregate(report_id)
    digitised, dialogues = agg.actuals
    cells = [(digitised.id, "numerator", numerator), (digitised.id, "denominator", denominator)]
    ws.edit_cells("indicator_actual", cells)
    ws.edit("indicator_actual", dialogues.id, "value", value)


def make_submittable(ws, report_id: int, number: int, date: str = "14/03/2026") -> None:
    ws.edit("report", report_id, "doc_number", number)
    ws.edit("report", report_id, "report_date", date)


def ready_to_submit(ws, report_id: int, number: int, date: str = "14/03/2026") -> None:
    """Number, date, and the January task done: nothing left that blocks submitting."""
    make_submittable(ws, report_id, number, date)
    first_task = ws.reports.aggregate(report_id).progress[0]
    ws.edit("task_progress", first_task.id, "status", "done_on_time")
