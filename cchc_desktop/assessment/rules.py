"""Kiểm tra bản tự đánh giá before it is submitted (nộp).

Blocking: a score the (re-imported) catalogue no longer accepts; a criterion that claims points with
neither evidence (tài liệu kiểm chứng) nor an
explanation (giải trình) — the Bộ Nội vụ rule every appraisal applies; a score that differs
from the indicator's proposal without a reason. Not blocking: criteria left unscored.
"""

from __future__ import annotations

from collections.abc import Iterator

from cchc_desktop.assessment.criteria import score_problem, score_range
from cchc_desktop.assessment.model import CriterionScore, ScoreLine, flatten
from cchc_desktop.kernel.documents.glyphs import editable_texts, text_problems
from cchc_desktop.kernel.i18n import format_number
from cchc_desktop.kernel.problems import Problem, error, warning

ENTITY = "criterion_score"


def check_assessment(roots: list[ScoreLine]) -> list[Problem]:
    """All problems, in catalogue order; unscored criteria summed up in one warning at the end."""
    leaves = [(line, line.score) for line in flatten(roots) if line.is_leaf and line.score is not None]
    problems = [problem for line, score in leaves for problem in _line_problems(line, score)]
    problems += text_problems(editable_texts((ENTITY, score) for _, score in leaves))
    unscored = [
        (line, score)
        for line, score in leaves
        if line.criterion.scored_by_unit and line.self_score is None and line.criterion.method == "self"
    ]
    if unscored:
        first, first_score = unscored[0]
        problems.append(
            warning(
                "problem.assessment.unscored",
                ENTITY,
                first_score.id,
                "self_score",
                count=len(unscored),
                first=first.criterion.code,
            )
        )
    return problems


def _line_problems(line: ScoreLine, score: CriterionScore) -> Iterator[Problem]:
    """The problems of one scored leaf; ``score`` is ``line.score``."""
    criterion = line.criterion
    value = score.self_score
    if score_problem(criterion, value) is not None:
        low, high = score_range(criterion)
        yield error(
            "problem.assessment.score_invalid",
            entity=ENTITY,
            row_id=score.id,
            field="self_score",
            code=criterion.code,
            score=format_number(value),
            low=format_number(low),
            high=format_number(high),
            step=format_number(criterion.step),
        )
    if value is not None and value > 0 and line.evidence_count == 0 and not score.explanation.strip():
        yield error(
            "problem.assessment.unsupported",
            entity=ENTITY,
            row_id=score.id,
            field="explanation",
            code=criterion.code,
            points=format_number(value),
        )
    proposed = line.proposed
    if (
        value is not None
        and proposed is not None
        and abs(value - proposed) > 1e-9
        and not score.override_reason.strip()
    ):
        yield error(
            "problem.assessment.override_without_reason",
            entity=ENTITY,
            row_id=score.id,
            field="override_reason",
            code=criterion.code,
            score=format_number(value),
            proposed=format_number(proposed),
            indicator=criterion.indicator_code,
        )
