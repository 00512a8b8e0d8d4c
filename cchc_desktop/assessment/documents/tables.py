"""Tables of the self-assessment report: points per lĩnh vực, and the full score table.

The score table lists every node of the catalogue: lĩnh vực and tiêu chí with children are
bold subtotal rows; scored leaves carry the self-score, the evidence (count and names) and
the giải trình. Survey leaves say that the province scores them.
"""

from __future__ import annotations

from cchc_desktop.assessment.documents.data import AssessmentData, evidence_text, explanation, override_reason
from cchc_desktop.assessment.model import ScoreLine, Subtotal, subtotal
from cchc_desktop.kernel.documents.model import Column, Row, Table
from cchc_desktop.kernel.i18n import format_number, tr


def _rate(score: float, maximum: float) -> float | None:
    return round(score * 100 / maximum, 1) if maximum > 0 else None


def area_columns() -> list[Column]:
    return [
        Column(tr("doc.col.stt"), 0.6, "center"),
        Column(tr("doc.col.area"), 3.3),
        Column(tr("doc.col.max_points"), 0.9, "center", kind="number"),
        Column(tr("doc.col.self_points"), 0.9, "center", kind="number"),
        Column(tr("doc.col.rate"), 0.9, "center", kind="percent"),
        Column(tr("doc.col.note"), 1.8),
    ]


def area_note(total: Subtotal) -> str:
    """What the maximum of a lĩnh vực holds besides self-scored points."""
    if total.bonus_max or total.penalty_max:
        return tr(
            "doc.assessment.note.bonus", bonus=format_number(total.bonus_max), penalty=format_number(total.penalty_max)
        )
    if total.survey_max:
        return tr("doc.assessment.note.survey", points=format_number(total.survey_max))
    return ""


def area_row(number: int, root: ScoreLine, total: Subtotal) -> Row:
    rate = None if total.bonus_max or total.penalty_max else _rate(total.self_score, total.self_max)
    score = round(total.total, 4) if total.scorable else None
    return Row([str(number), root.criterion.name, root.criterion.max_points, score, rate, area_note(total)])


def area_rows(data: AssessmentData) -> list[Row]:
    """One row per lĩnh vực and the total (of 100: self-scored part plus the survey's maximum)."""
    rows = [area_row(number, root, total) for number, (root, total) in enumerate(data.view.area_totals(), start=1)]
    totals = data.view.totals
    note = tr("doc.assessment.note.total", points=format_number(totals.self_max))
    rows.append(
        Row(
            [
                "",
                tr("doc.assessment.total"),
                totals.max_total,
                round(totals.total, 4),
                _rate(totals.self_score, totals.self_max),
                note,
            ],
            bold=True,
        )
    )
    return rows


def area_table(data: AssessmentData) -> Table:
    return Table(area_columns(), area_rows(data), font_size=12)


def score_columns() -> list[Column]:
    return [
        Column(tr("assessment.col.code"), 0.75, "center"),
        Column(tr("doc.col.criterion"), 3.6),
        Column(tr("doc.col.max_points"), 0.8, "center", kind="number"),
        Column(tr("doc.col.self_points"), 0.8, "center", kind="number"),
        Column(tr("doc.col.evidence"), 2.2),
        Column(tr("assessment.col.explanation"), 2.6),
    ]


def leaf_note(line: ScoreLine) -> str:
    """Giải trình and, when the score differs from the proposal, the reason for it."""
    parts = [explanation(line)]
    reason = override_reason(line)
    if reason:
        parts.append(tr("doc.assessment.override_note", proposed=format_number(line.proposed or 0), reason=reason))
    return "\n".join(p for p in parts if p)


def score_row(data: AssessmentData, line: ScoreLine) -> Row:
    criterion = line.criterion
    if not line.is_leaf:
        return Row([criterion.code, criterion.name, criterion.max_points, round(subtotal(line).total, 4)], bold=True)
    if criterion.method == "survey":
        return Row([criterion.code, criterion.name, criterion.max_points, tr("doc.assessment.survey_cell")])
    return Row(
        [
            criterion.code,
            criterion.name,
            criterion.max_points,
            line.self_score,
            evidence_text(data, line),
            leaf_note(line),
        ]
    )


def score_rows(data: AssessmentData) -> list[Row]:
    rows = [score_row(data, line) for line in data.view.lines]
    totals = data.view.totals
    rows.append(Row(["", tr("doc.assessment.total"), totals.max_total, round(totals.total, 4)], bold=True))
    return rows


def score_table(data: AssessmentData) -> Table:
    return Table(score_columns(), score_rows(data), font_size=11)
