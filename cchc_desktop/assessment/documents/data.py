"""What the self-assessment report is printed from: the scored criteria tree and evidence names.

``AssessmentData`` is read once from the workspace (``services.rendering``) and is plain data
afterwards. The helpers pick the lines the report talks about: criteria claiming points
without tài liệu kiểm chứng, scores that differ from the indicator's proposal, unscored ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cchc_desktop.assessment.model import AssessmentView, ScoreLine
from cchc_desktop.kernel.i18n import format_number, tr
from cchc_desktop.kernel.text import clean
from cchc_desktop.profile.model import UnitProfile


@dataclass
class AssessmentData:
    """Bản tự đánh giá as printed. ``evidence_names`` maps a score id to its files' names;
    ``difficulties`` and ``proposals`` are the unit's own words (built from the scores when empty)."""

    profile: UnitProfile
    view: AssessmentView
    evidence_names: dict[int, list[str]] = field(default_factory=dict)
    difficulties: str = ""
    proposals: str = ""

    @property
    def year(self) -> int:
        return self.view.assessment.year

    @property
    def illustrative(self) -> bool:
        return bool(self.view.catalogue.illustrative)


def unit_leaves(data: AssessmentData) -> list[ScoreLine]:
    """Leaves the unit scores itself (self, bonus, penalty), in catalogue order."""
    return [line for line in data.view.lines if line.is_leaf and line.criterion.scored_by_unit]


def without_evidence(data: AssessmentData) -> list[ScoreLine]:
    """Scored or explained leaves with no tài liệu kiểm chứng attached."""
    return [
        line
        for line in unit_leaves(data)
        if line.evidence_count == 0 and (line.self_score is not None or explanation(line))
    ]


def overridden(data: AssessmentData) -> list[ScoreLine]:
    """Leaves scored differently from the indicator's proposal (the reason is printed)."""
    return [
        line
        for line in unit_leaves(data)
        if line.self_score is not None and line.proposed is not None and abs(line.self_score - line.proposed) > 1e-9
    ]


def unscored(data: AssessmentData) -> list[ScoreLine]:
    return [line for line in unit_leaves(data) if line.criterion.method == "self" and line.self_score is None]


def explanation(line: ScoreLine) -> str:
    return clean(line.score.explanation) if line.score else ""


def override_reason(line: ScoreLine) -> str:
    return clean(line.score.override_reason) if line.score else ""


def evidence_text(data: AssessmentData, line: ScoreLine) -> str:
    """ "02 tệp: Kế hoạch 05.pdf; Biên bản kiểm tra.pdf"; "" when nothing is attached."""
    names = data.evidence_names.get(line.score.id, []) if line.score else []
    count = line.evidence_count or len(names)
    if not count:
        return ""
    head = tr("doc.assessment.files", count=f"{count:02d}" if count < 10 else format_number(count))
    return f"{head}: {'; '.join(names)}" if names else head


def points(value: float | None) -> str:
    return "" if value is None else format_number(round(value, 4))
