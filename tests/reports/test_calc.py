"""Rates, year-to-date sums and attainment: pure functions."""

from __future__ import annotations

import pytest

from cchc_desktop.reports.calc import Amount, attainment, attainment_text, average_of_rates, figure, meets, rate, total


def test_rate_and_its_edge_cases():
    assert rate(57, 100) == 57.0
    assert rate(1, 3) == pytest.approx(33.3333, rel=1e-4)
    assert rate(3, 4, percent=False) == 0.75
    assert rate(None, 10) is None and rate(5, None) is None and rate(0, 0) is None


def test_year_to_date_rate_is_summed_not_averaged():
    first_half, third_quarter = Amount(171, 300), Amount(95, 150)  # 57% and 63,3%
    ytd = total([first_half, third_quarter], fraction=True)
    assert (ytd.numerator, ytd.denominator) == (266, 450)
    assert figure(ytd, fraction=True) == pytest.approx(59.11, abs=0.01)
    assert average_of_rates([first_half, third_quarter]) == pytest.approx(60.17, abs=0.01)


def test_small_windows_weigh_little_when_summed():
    ytd = total([Amount(100, 200), Amount(90, 100)], fraction=True)
    assert figure(ytd, fraction=True) == pytest.approx(63.33, abs=0.01)
    assert average_of_rates([Amount(100, 200), Amount(90, 100)]) == 70


def test_totals_need_every_window_and_sum_plain_values():
    assert total([Amount(1, 2), Amount(None, 5)], fraction=True) is None
    assert total([], fraction=True) is None
    assert total([Amount(value=3), Amount(value=6)], fraction=False) == Amount(value=9)


@pytest.mark.parametrize(
    ("comparator", "target", "target_max", "met", "missed"),
    [
        (">=", 55, None, [55, 55.0000000001, 80], [54.99]),
        (">", 22, None, [22.01, 30], [22, 21]),
        ("=", 100, None, [100, 99.99999999999999], [99.9, 100.1]),
        ("<=", 25, None, [25, 10], [25.5]),
        ("<", 25, None, [24.9], [25, 26]),
        ("~", 5000, None, [4750, 5250, 5000], [4749, 5251]),
        ("range", 1, 2, [1, 1.5, 2], [0, 3]),
    ],
)
def test_every_comparator(comparator, target, target_max, met, missed):
    for value in met:
        assert meets(value, comparator, target, target_max), value
        assert attainment(value, comparator, target, target_max) == "met"
    for value in missed:
        assert not meets(value, comparator, target, target_max), value
        assert attainment(value, comparator, target, target_max) == "not_met"


def test_a_computed_rate_meets_an_exact_target():
    assert attainment(rate(7, 7), "=", 100) == "met"
    assert attainment(rate(57, 100), ">=", 57) == "met"


def test_missing_target_or_value():
    assert attainment(None, ">=", 55) == "no_data"
    assert attainment(60, ">=", None) == "no_target"


def test_counts_below_target_mid_year_are_pending_not_failed():
    assert attainment(6, ">=", 12, may_still_rise=True) == "pending"
    assert attainment(0, "range", 1, 2, may_still_rise=True) == "pending"
    assert attainment(3, "range", 1, 2, may_still_rise=True) == "not_met"  # already above the range
    assert attainment(1, "=", 0, may_still_rise=True) == "not_met"  # a violation cannot be undone
    assert attainment(6, ">=", 12) == "not_met"


def test_attainment_words_show_aspirational_targets():
    assert attainment_text("met") == "Đạt"
    assert attainment_text("not_met", aspirational=True) == "Chưa đạt (chỉ tiêu phấn đấu)"
    assert attainment_text("no_data", aspirational=True) == "Chưa có số liệu"
