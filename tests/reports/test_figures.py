"""Indicator figures across the year's reports: period rates, year-to-date sums, attainment."""

from __future__ import annotations

import pytest

from cchc_desktop.reports.calc import Amount, average_of_rates
from tests.reports.conftest import fill_figures


def _report(ws, code: str, numerator, denominator, dialogues):
    report = ws.reports.create(2026, code)
    fill_figures(ws, report.id, numerator, denominator, dialogues)
    return report


def _figures(ws, report):
    digitised, dialogues = ws.reports.aggregate(report.id).actuals
    found = ws.reports.figures(report.id)
    return found[digitised.id], found[dialogues.id]


def test_third_quarter_adds_its_window_to_the_half_year(ws, reports):
    _report(ws, "Q1", 48, 100, 0)
    _report(ws, "H1", 171, 300, 1)  # six months: already contains Quý I
    q3 = _report(ws, "Q3", 95, 150, 0)
    digitised, dialogues = _figures(ws, q3)
    assert digitised.period_figure == pytest.approx(63.33, abs=0.01)
    assert (digitised.ytd_amount, digitised.ytd_codes) == (Amount(266, 450), ("H1", "Q3"))
    assert digitised.ytd_figure == pytest.approx(59.11, abs=0.01)
    averaged = average_of_rates([Amount(171, 300), Amount(95, 150)])
    assert round(averaged, 1) != round(digitised.ytd_figure, 1)  # 60,2% would be wrong
    assert (digitised.basis, digitised.attainment) == ("year_to_date", "met")
    assert (dialogues.ytd_amount, dialogues.attainment) == (Amount(value=1), "met")


def test_half_year_is_not_added_to_the_first_quarter(ws, reports):
    _report(ws, "Q1", 48, 100, 0)
    h1 = _report(ws, "H1", 171, 300, 1)
    digitised, _ = _figures(ws, h1)
    assert digitised.ytd_codes == ("H1",) and digitised.ytd_amount == Amount(171, 300)


def test_first_quarter_below_target_and_counts_still_to_come(ws, reports):
    q1 = _report(ws, "Q1", 48, 100, 0)
    digitised, dialogues = _figures(ws, q1)
    assert digitised.attainment == "not_met"
    assert dialogues.attainment == "pending"  # 0 dialogues by March: the year is not over


def test_a_monthly_report_adds_to_the_first_quarter(ws, reports):
    _report(ws, "Q1", 48, 100, 0)
    april = _report(ws, "T04", 40, 50, 1)
    digitised, dialogues = _figures(ws, april)
    assert digitised.ytd_codes == ("Q1", "T04") and digitised.ytd_amount == Amount(88, 150)
    assert dialogues.ytd_amount == Amount(value=1)


def test_year_to_date_waits_for_the_missing_window(ws, reports):
    q3 = _report(ws, "Q3", 95, 150, 0)
    digitised, _ = _figures(ws, q3)
    assert digitised.ytd_amount is None and digitised.attainment == "no_data"
    assert digitised.ytd_missing == ("6 tháng đầu năm 2026",)
    messages = [p.message for p in ws.reports.problems(q3.id)]
    assert "Chỉ tiêu CX-01: chưa tính được lũy kế vì thiếu số liệu kỳ 6 tháng đầu năm 2026." in messages


def test_snapshot_is_judged_on_the_period_figure(ws, small_framework):
    plan = ws.plans.create(2026, "framework", small_framework)
    indicator = ws.plans.aggregate(plan.id).indicators[0]
    ws.edit("indicator", indicator.id, "measure", "snapshot")
    ws.edit_cells("plan", [(plan.id, "doc_number", 5), (plan.id, "issue_date", "08/01/2026")])
    ws.plans.issue(plan.id)
    ws.reports.create_calendar(2026, small_framework)
    _report(ws, "H1", 50, 100, 1)
    q3 = _report(ws, "Q3", 60, 100, 1)
    digitised, _ = _figures(ws, q3)
    assert (digitised.basis, digitised.ytd_amount, digitised.assessed, digitised.attainment) == (
        "period",
        None,
        60,
        "met",
    )


def test_nothing_to_measure_is_not_a_failure(ws, reports):
    q1 = _report(ws, "Q1", 0, 0, 1)
    digitised, _ = _figures(ws, q1)
    assert digitised.attainment == "undefined"


def test_an_ad_hoc_window_is_judged_on_its_own_figures(ws, reports):
    reports.add_period(
        2026, code="DX1", name="Chuyên đề tháng 5/2026", start="01/05/2026", end="31/05/2026", due="05/06/2026"
    )
    may = _report(ws, "DX1", 60, 100, 1)
    digitised, dialogues = _figures(ws, may)
    assert (digitised.basis, digitised.ytd_amount, digitised.attainment) == ("period", None, "met")
    assert dialogues.attainment == "met" and digitised.ytd_missing == ()
