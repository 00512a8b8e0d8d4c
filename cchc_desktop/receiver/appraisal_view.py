"""Thẩm định điểm tự chấm: one round's lines beside the unit's self-scores, their totals and checks.

The office appraises each scored criterion (tiêu chí thành phần): it keeps the unit's score or sets
another, and says why when it differs. Criteria with sub-criteria show sums, never a typed score.
Survey criteria (điều tra xã hội học) are the province's to score: the unit left them empty.
"""

from __future__ import annotations

from dataclasses import dataclass

from cchc_desktop.assessment.criteria import EPSILON, on_step
from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.kernel.i18n import format_number
from cchc_desktop.kernel.problems import Problem
from cchc_desktop.receiver.model import Appraisal, AppraisalScore

SCORE_ENTITY = "appraisal_score"


@dataclass(frozen=True)
class CriterionFacts:
    """What the unit's package says of a criterion (and the office's catalogue of its step)."""

    code: str
    name: str
    parent_code: str
    level: int
    method: str  # self, bonus, penalty, survey; "" for a criterion with sub-criteria
    max_points: float | None
    self_score: float | None
    explanation: str = ""
    evidence_count: int = 0
    step: float = 0.0
    response: str = ""  # the unit's answer (giải trình) to the round before

    def score_range(self) -> tuple[float, float]:
        """Penalties are negative points (trừ điểm), as the unit enters them."""
        top = self.max_points or 0.0
        return (-top, 0.0) if self.method == "penalty" else (0.0, top)


@dataclass(frozen=True)
class AppraisalLine:
    score: AppraisalScore
    facts: CriterionFacts
    leaf: bool
    previous: float | None = None  # the appraised score of the round before, if any

    @property
    def differs(self) -> bool:
        """The appraised score is not the unit's own (a survey criterion always is the office's)."""
        appraised, own = self.score.appraised_score, self.facts.self_score
        if not self.leaf or appraised is None or self.facts.method == "survey":
            return False
        return abs(appraised - (own or 0.0)) > EPSILON  # nothing claimed is 0 points


@dataclass(frozen=True)
class AppraisalView:
    appraisal: Appraisal
    unit_name: str
    lines: list[AppraisalLine]
    rounds: list[Appraisal]

    @property
    def self_total(self) -> float:
        return round(sum(line.facts.self_score or 0 for line in self.lines if line.leaf), 2)

    @property
    def appraised_total(self) -> float:
        return round(sum(line.score.appraised_score or 0 for line in self.lines if line.leaf), 2)

    @property
    def changed(self) -> int:
        return sum(1 for line in self.lines if line.differs)

    def subtotal(self, code: str) -> tuple[float, float]:
        """(self, appraised) points under ``code``: its own when a leaf, else its sub-criteria's."""
        prefix = code + "."
        inside = [ln for ln in self.lines if ln.leaf and (ln.facts.code == code or ln.facts.code.startswith(prefix))]
        own = sum(ln.facts.self_score or 0 for ln in inside)
        appraised = sum(ln.score.appraised_score or 0 for ln in inside)
        return round(own, 2), round(appraised, 2)

    def problems(self) -> list[Problem]:
        """Before sending: every scored criterion has an appraised score; a changed one says why."""
        found = []
        for line in self.lines:
            if not line.leaf:
                continue
            params = {"code": line.facts.code}
            if line.score.appraised_score is None:
                found.append(_problem("receiver.appraisal.problem.empty", line, "appraised_score", params))
            elif line.differs and not line.score.comment.strip():
                params |= {
                    "own": format_number(line.facts.self_score) if line.facts.self_score is not None else "—",
                    "appraised": format_number(line.score.appraised_score),
                }
                found.append(_problem("receiver.appraisal.problem.no_reason", line, "comment", params))
        return found


def _problem(key: str, line: AppraisalLine, field: str, params: dict) -> Problem:
    return Problem("error", key, params, SCORE_ENTITY, line.score.id, field)


def check_appraised(facts: CriterionFacts, leaf: bool, value: float | None) -> None:
    """Refuse a score a criterion cannot take: on a criterion with sub-criteria, outside its range
    (0…max; −max…0 for a penalty) or off the catalogue's step."""
    if value is None:
        return
    if not leaf:
        raise ValidationError("receiver.appraisal.not_leaf", field="appraised_score", code=facts.code)
    low, high = facts.score_range()
    if not low - EPSILON <= value <= high + EPSILON:
        raise ValidationError(
            "receiver.appraisal.range",
            field="appraised_score",
            code=facts.code,
            value=format_number(value),
            low=format_number(low),
            high=format_number(high),
        )
    if facts.step and not on_step(value, facts.step):
        raise ValidationError(
            "receiver.appraisal.step",
            field="appraised_score",
            code=facts.code,
            value=format_number(value),
            step=format_number(facts.step),
        )
