"""Số liệu chỉ tiêu: rates, year-to-date sums and attainment against the target.

A year-to-date rate is always computed from the summed numerators over the summed
denominators of non-overlapping windows, never by averaging the periods' percentages:
100/200 (50%) then 90/100 (90%) is 190/300 = 63,3%, not 70%.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from cchc_desktop.kernel.i18n import tr

#: How far from the target "khoảng" (~) may be and still count as met.
APPROX_TOLERANCE = 0.05

ATTAINMENTS = ("met", "not_met", "pending", "no_data", "no_target", "undefined", "in_words")


@dataclass(frozen=True)
class Amount:
    """One figure: a fraction (numerator/denominator) or a plain value."""

    numerator: float | None = None
    denominator: float | None = None
    value: float | None = None

    def complete(self, fraction: bool) -> bool:
        if fraction:
            return self.numerator is not None and self.denominator is not None
        return self.value is not None


def rate(numerator: float | None, denominator: float | None, percent: bool = True) -> float | None:
    """numerator / denominator (× 100 for a percentage); None when it cannot be computed."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator * 100 / denominator if percent else numerator / denominator


def figure(amount: Amount | None, fraction: bool, percent: bool = True) -> float | None:
    """The number an amount stands for: its rate, or its plain value."""
    if amount is None:
        return None
    return rate(amount.numerator, amount.denominator, percent) if fraction else amount.value


def total(amounts: Sequence[Amount], fraction: bool) -> Amount | None:
    """Sum of several windows' amounts; None when any window lacks its figures."""
    if not amounts or not all(a.complete(fraction) for a in amounts):
        return None
    # Every amount is complete: the filters below drop nothing.
    if fraction:
        numerators = [a.numerator for a in amounts if a.numerator is not None]
        denominators = [a.denominator for a in amounts if a.denominator is not None]
        return Amount(sum(numerators), sum(denominators))
    return Amount(value=sum(a.value for a in amounts if a.value is not None))


def average_of_rates(amounts: Sequence[Amount]) -> float | None:
    """The wrong way (kept only so tests can show the difference): mean of the percentages."""
    rates = [rate(a.numerator, a.denominator) for a in amounts]
    known = [r for r in rates if r is not None]
    return None if not rates or len(known) < len(rates) else sum(known) / len(known)


# Attainment ############################################################


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def meets(value: float, comparator: str, target: float, target_max: float | None = None) -> bool:
    """Whether ``value`` satisfies the target under ``comparator`` (>=, >, =, <=, <, ~, range)."""
    if comparator == ">=":
        return value > target or _close(value, target)
    if comparator == ">":
        return value > target and not _close(value, target)
    if comparator == "=":
        return _close(value, target)
    if comparator == "<=":
        return value < target or _close(value, target)
    if comparator == "<":
        return value < target and not _close(value, target)
    if comparator == "~":
        return abs(value - target) <= APPROX_TOLERANCE * abs(target) + 1e-9
    if comparator == "range":
        upper = target if target_max is None else target_max
        return (value > target or _close(value, target)) and (value < upper or _close(value, upper))
    raise ValueError(comparator)


def attainment(
    value: float | None,
    comparator: str,
    target: float | None,
    target_max: float | None = None,
    *,
    may_still_rise: bool = False,
) -> str:
    """met / not_met / pending / no_data / no_target.

    ``may_still_rise``: a count summed over part of the year (e.g. "12 buổi tiếp công dân"
    at mid-year) that is still below the target is "pending", not yet a failure.
    """
    if target is None:
        return "no_target"
    if value is None:
        return "no_data"
    if meets(value, comparator, target, target_max):
        return "met"
    if may_still_rise and value < target and comparator in (">=", ">", "=", "~", "range"):
        return "pending"
    return "not_met"


def attainment_text(state: str, aspirational: bool = False) -> str:
    """ "Đạt", "Chưa đạt (chỉ tiêu phấn đấu)", "Chưa có số liệu"…"""
    text = tr(f"report.attainment.{state}")
    if aspirational and state in ("met", "not_met", "pending"):
        return tr("report.attainment.aspirational", state=text)
    return text
