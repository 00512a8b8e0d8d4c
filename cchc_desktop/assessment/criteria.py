"""Tiêu chí chỉ số CCHC: one node of a criteria catalogue and how it is scored.

A catalogue is a tree lĩnh vực → tiêu chí → tiêu chí thành phần. Leaves are scored; inner
nodes add up their children. A leaf's method says who scores it: the unit itself (tự chấm,
then appraised), a sociological survey (điều tra xã hội học, never self-scored), a bonus
(điểm thưởng, 0 … max) or a penalty (điểm trừ, −max … 0).

A leaf may name a plan indicator ("CX-11") and thresholds; the indicator's actual then
proposes a score (:func:`propose_score`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from cchc_desktop.kernel.i18n import format_number, parse_number
from cchc_desktop.kernel.text import clean, fold

METHODS = ("self", "survey", "bonus", "penalty")
MAX_LEVEL = 3
EPSILON = 1e-9

#: Words a province's file may use for each method (compared without diacritics or punctuation).
METHOD_WORDS = {
    "self": ("self", "tu cham", "tu cham tham dinh", "tham dinh"),
    "survey": ("survey", "dieu tra", "dieu tra xa hoi hoc", "dieu tra xhh", "xhh"),
    "bonus": ("bonus", "thuong", "diem thuong", "cong", "diem cong"),
    "penalty": ("penalty", "tru", "diem tru"),
}


def parse_method(text: str | None) -> str | None:
    """ "Điều tra xã hội học" → "survey"; blank → "" (inner node, or self-scored leaf); None if unknown."""
    key = " ".join(re.sub(r"[_,;\-–]", " ", fold(clean(text))).split())
    if not key:
        return ""
    return next((method for method, words in METHOD_WORDS.items() if key in words), None)


# Thresholds ############################################################


@dataclass(frozen=True)
class Threshold:
    """One rule "≥ 90 → 100 % of max": ``op`` in >=, >, <=, <, =, range (low ≤ v < high)."""

    op: str
    low: float
    high: float | None = None
    points: float = 0.0
    percent: bool = False

    def matches(self, value: float) -> bool:
        if self.op == "range":
            return self.low - EPSILON <= value < (self.high or 0) - EPSILON
        return {
            ">=": value >= self.low - EPSILON,
            ">": value > self.low + EPSILON,
            "<=": value <= self.low + EPSILON,
            "<": value < self.low - EPSILON,
            "=": abs(value - self.low) <= EPSILON,
        }[self.op]

    def points_for(self, max_points: float) -> float:
        return max_points * self.points / 100 if self.percent else self.points

    def text(self) -> str:
        condition = (
            f"{format_number(self.low)}-{format_number(self.high)}"
            if self.op == "range"
            else f"{_OP_TEXT[self.op]}{format_number(self.low)}"
        )
        points = f"{format_number(self.points)}%" if self.percent else format_number(self.points)
        return f"{condition}: {points}"


_OP_TEXT = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "="}
_OP_READ = {"≥": ">=", ">=": ">=", "=>": ">=", ">": ">", "≤": "<=", "<=": "<=", "=<": "<=", "<": "<", "=": "="}
_NUMBER = r"-?\d+(?:[.,]\d+)*"
_CONDITION = re.compile(rf"^(≥|>=|=>|≤|<=|=<|>|<|=)\s*({_NUMBER})\s*%?$")
_RANGE = re.compile(rf"^({_NUMBER})\s*%?\s*(?:-|–|—|đến)\s*({_NUMBER})\s*%?$")
_MAX_WORDS = ("toi da", "max", "tối đa")


def parse_thresholds(text: str | None) -> tuple[Threshold, ...]:
    """Read "≥90: 100%; 70-90: 50%; <70: 0"; raises ValueError when a part cannot be read."""
    raw = clean(text)
    if not raw:
        return ()
    rules = []
    for part in re.split(r"[;\n]", raw):
        if part.strip():
            rules.append(_parse_rule(part.strip()))
    return tuple(rules)


def _parse_rule(part: str) -> Threshold:
    condition, sep, points_text = part.rpartition(":")
    if not sep:
        raise ValueError(part)
    points, percent = _parse_points(points_text.strip())
    condition = condition.strip()
    ranged = _RANGE.match(condition)
    if ranged:
        low, high = (parse_number(g) for g in ranged.groups())
        if low is None or high is None or high <= low:
            raise ValueError(part)
        return Threshold("range", low, high, points, percent)
    match = _CONDITION.match(condition)
    if not match:
        raise ValueError(part)
    return Threshold(_OP_READ[match.group(1)], parse_number(match.group(2)) or 0.0, None, points, percent)


def _parse_points(text: str) -> tuple[float, bool]:
    if fold(text) in _MAX_WORDS or text in _MAX_WORDS:
        return 100.0, True
    if text.endswith("%"):
        value = parse_number(text[:-1])
        if value is None:
            raise ValueError(text)
        return value, True
    value = parse_number(text)
    if value is None:
        raise ValueError(text)
    return value, False


def thresholds_text(rules: tuple[Threshold, ...]) -> str:
    return "; ".join(rule.text() for rule in rules)


# Criterion ############################################################


@dataclass(frozen=True)
class Criterion:
    """Một nút của bộ tiêu chí (lĩnh vực, tiêu chí hoặc tiêu chí thành phần)."""

    id: int
    catalogue_id: int
    parent_id: int | None
    position: int
    level: int
    code: str
    name: str
    max_points: float
    method: str = ""
    step: float = 0.25
    guidance: str = ""
    evidence_required: str = ""
    indicator_code: str = ""
    thresholds: str = ""
    rules: tuple[Threshold, ...] = field(default=(), compare=False)

    @property
    def scored_by_unit(self) -> bool:
        """Self-scored, bonus and penalty leaves take a number from the unit; survey leaves do not."""
        return self.method in ("self", "bonus", "penalty")


def score_range(criterion: Criterion) -> tuple[float, float]:
    """The scores a leaf accepts: penalties are entered as negative numbers."""
    if criterion.method == "penalty":
        return -criterion.max_points, 0.0
    return 0.0, criterion.max_points


def score_problem(criterion: Criterion, value: float | None) -> str | None:
    """Why ``value`` is not a score this criterion accepts ("survey", "range", "step"), or None."""
    if value is None:
        return None
    if criterion.method == "survey":
        return "survey"
    low, high = score_range(criterion)
    if not low - EPSILON <= value <= high + EPSILON:
        return "range"
    return None if on_step(value, criterion.step) else "step"


def on_step(value: float, step: float) -> bool:
    """True when ``value`` is a whole number of steps (0,25 → 0; 0,25; 0,5; …)."""
    if step <= 0:
        return True
    ratio = value / step
    return abs(ratio - round(ratio)) < 1e-6


def floor_to_step(value: float, step: float) -> float:
    """Round down to the catalogue's step, so a proposal never claims more than earned."""
    if step <= 0:
        return value
    return round(math.floor(value / step + 1e-9) * step, 6)


def propose_score(criterion: Criterion, value: float | None) -> float | None:
    """The score the indicator's actual earns under the criterion's thresholds (None: no proposal).

    Rules are tried in order; the first that matches gives the points (a percentage of the
    maximum, or a number of points). No rule matching gives 0.
    """
    rules = criterion.rules or parse_thresholds(criterion.thresholds)
    if value is None or not rules:
        return None
    low, high = score_range(criterion)
    points = next((rule.points_for(criterion.max_points) for rule in rules if rule.matches(value)), 0.0)
    if criterion.method == "penalty":
        points = -abs(points)
    proposed = floor_to_step(abs(points), criterion.step) * (-1 if points < 0 else 1)
    return min(max(proposed, low), high)
