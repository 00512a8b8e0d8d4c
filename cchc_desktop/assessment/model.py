"""Tự đánh giá, chấm điểm chỉ số CCHC: the yearly assessment, its scores and their totals.

Field names are the database column names; the editable ones carry their Vietnamese label
(see :mod:`cchc_desktop.kernel.fields`). Totals are pure functions over the criteria tree,
so the screen can recompute them on every keystroke.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cchc_desktop.assessment.criteria import Criterion, propose_score
from cchc_desktop.kernel.fields import editable

STATUSES = ("draft", "submitted")


@dataclass(frozen=True)
class Catalogue:
    """Bộ tiêu chí đánh giá (of a province, for a year; or the shipped illustrative one)."""

    id: int
    uid: str
    code: str
    title: str
    province: str
    decision: str
    year: int
    illustrative: bool
    source: str
    content_hash: str
    imported_at: str
    #: The year's framework this catalogue came in (khung năm the superior sent), else "".
    framework_id: str = ""
    framework_hash: str = ""


@dataclass
class Assessment:
    """Bản tự đánh giá chỉ số CCHC of one year."""

    id: int
    uid: str
    year: int
    catalogue_id: int
    status: str = "draft"
    submitted_at: str | None = None
    reopen_reason: str = ""
    created_at: str = ""

    @property
    def editable_now(self) -> bool:
        return self.status == "draft"


@dataclass
class CriterionScore:
    """Điểm tự chấm của một tiêu chí (a scored leaf), with its giải trình."""

    id: int
    uid: str
    assessment_id: int
    criterion_id: int
    position: int
    code: str
    label: str = ""
    self_score: float | None = editable("number", "assessment.col.self_score")
    explanation: str = editable("text", "assessment.col.explanation", multiline=True)
    override_reason: str = editable("text", "assessment.col.override_reason", multiline=True)
    response: str = editable("text", "assessment.col.response", multiline=True)
    appraised_score: float | None = None
    appraisal_comment: str = ""


# The tree as shown ####################################################


@dataclass
class ScoreLine:
    """One node of the catalogue with what the unit entered (leaves) and its proposal."""

    criterion: Criterion
    children: list[ScoreLine] = field(default_factory=list)
    score: CriterionScore | None = None
    evidence_count: int = 0
    indicator_value: float | None = None

    @property
    def is_leaf(self) -> bool:
        return not self.children

    @property
    def proposed(self) -> float | None:
        if not self.is_leaf or not self.criterion.indicator_code:
            return None
        return propose_score(self.criterion, self.indicator_value)

    @property
    def self_score(self) -> float | None:
        return self.score.self_score if self.score else None

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Subtotal:
    """Points of a subtree: the self-scored part, the survey part, bonus and penalty."""

    self_score: float = 0.0
    self_max: float = 0.0
    survey_max: float = 0.0
    bonus: float = 0.0
    bonus_max: float = 0.0
    penalty: float = 0.0
    penalty_max: float = 0.0
    scored: int = 0
    scorable: int = 0

    def __add__(self, other: Subtotal) -> Subtotal:
        return Subtotal(*(a + b for a, b in zip(self._values(), other._values(), strict=False)))

    def _values(self) -> tuple:
        return (
            self.self_score,
            self.self_max,
            self.survey_max,
            self.bonus,
            self.bonus_max,
            self.penalty,
            self.penalty_max,
            self.scored,
            self.scorable,
        )

    @property
    def total(self) -> float:
        """Điểm tự chấm sau cộng thưởng, trừ điểm (the survey part is scored by the province)."""
        return round(self.self_score + self.bonus + self.penalty, 6)

    @property
    def max_total(self) -> float:
        return self.self_max + self.survey_max


Tentative = dict[int, float | None]


def leaf_subtotal(line: ScoreLine, tentative: Tentative | None = None) -> Subtotal:
    criterion = line.criterion
    value = line.self_score
    if tentative and line.score is not None and line.score.id in tentative:
        value = tentative[line.score.id]
    entered = 1 if value is not None else 0
    points = value or 0.0
    if criterion.method == "survey":
        return Subtotal(survey_max=criterion.max_points)
    if criterion.method == "bonus":
        return Subtotal(bonus=points, bonus_max=criterion.max_points, scored=entered, scorable=1)
    if criterion.method == "penalty":
        return Subtotal(penalty=points, penalty_max=criterion.max_points, scored=entered, scorable=1)
    return Subtotal(self_score=points, self_max=criterion.max_points, scored=entered, scorable=1)


def subtotal(line: ScoreLine, tentative: Tentative | None = None) -> Subtotal:
    """Points of ``line`` and everything under it; ``tentative`` holds values still being typed."""
    if line.is_leaf:
        return leaf_subtotal(line, tentative)
    result = Subtotal()
    for child in line.children:
        result = result + subtotal(child, tentative)
    return result


def overall(roots: list[ScoreLine], tentative: Tentative | None = None) -> Subtotal:
    result = Subtotal()
    for root in roots:
        result = result + subtotal(root, tentative)
    return result


def build_tree(
    criteria: list[Criterion],
    scores: dict[int, CriterionScore],
    evidence: dict[int, int],
    indicator_values: dict[str, float],
) -> list[ScoreLine]:
    """Roots of the tree in catalogue order; ``scores`` by criterion id, ``evidence`` by score id."""
    lines = {c.id: ScoreLine(c) for c in criteria}
    roots: list[ScoreLine] = []
    for criterion in sorted(criteria, key=lambda c: c.position):
        line = lines[criterion.id]
        line.score = scores.get(criterion.id)
        line.evidence_count = evidence.get(line.score.id, 0) if line.score else 0
        if criterion.indicator_code:
            line.indicator_value = indicator_values.get(criterion.indicator_code)
        parent = lines.get(criterion.parent_id) if criterion.parent_id else None
        (parent.children if parent else roots).append(line)
    return roots


def flatten(roots: list[ScoreLine]) -> list[ScoreLine]:
    """Every line in reading order (pre-order)."""
    return [line for root in roots for line in root.walk()]


@dataclass
class AssessmentView:
    """Everything the screen, the command line and the checks read about one year's assessment."""

    assessment: Assessment
    catalogue: Catalogue
    roots: list[ScoreLine]
    problems: list = field(default_factory=list)

    @property
    def lines(self) -> list[ScoreLine]:
        return flatten(self.roots)

    @property
    def totals(self) -> Subtotal:
        return overall(self.roots)

    def area_totals(self) -> list[tuple[ScoreLine, Subtotal]]:
        return [(root, subtotal(root)) for root in self.roots]

    @property
    def blocking(self) -> list:
        return [p for p in self.problems if p.blocking]

    def line_for_score(self, score_id: int) -> ScoreLine | None:
        return next((line for line in self.lines if line.score and line.score.id == score_id), None)
