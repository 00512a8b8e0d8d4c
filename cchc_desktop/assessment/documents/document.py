"""Builder: the self-assessment report ("BÁO CÁO Kết quả tự đánh giá, chấm điểm Chỉ số cải
cách hành chính năm 2026"), Decree 30/2020 Mẫu 1.4, sent to the Sở Nội vụ for appraisal.

Body: I. the points (total and per lĩnh vực, a table); II. giải trình for every criterion
that claims points without tài liệu kiểm chứng or differs from its indicator's proposal;
III. khó khăn, vướng mắc; IV. đề xuất, kiến nghị. Appendix: the full score table,
landscape. The illustrative default catalogue is named as such on the first page and in the
appendix, so nobody mistakes it for the province's official one.
"""

from __future__ import annotations

from cchc_desktop.assessment.documents.data import (
    AssessmentData,
    explanation,
    overridden,
    override_reason,
    points,
    unscored,
    without_evidence,
)
from cchc_desktop.assessment.documents.tables import area_table, score_table
from cchc_desktop.assessment.model import ScoreLine
from cchc_desktop.kernel.documents.model import Appendix, Block, Bullet, OfficialDocument, Paragraph, Signature
from cchc_desktop.kernel.documents.wording import BLANK, count_text, long_date, place_date, strip_end
from cchc_desktop.kernel.i18n import format_number, tr
from cchc_desktop.kernel.text import clean
from cchc_desktop.plans.documents.document import agency_header
from cchc_desktop.plans.documents.sections import section_heading, sub_heading, text_blocks
from cchc_desktop.plans.model import signature_lines
from cchc_desktop.reports.model import DEFAULT_SYMBOL

NUMBER_TEXT = f"{BLANK}/{DEFAULT_SYMBOL}"


def _receiver(data: AssessmentData) -> str:
    return clean(data.profile.receiver_salutation) or clean(data.profile.receiver_name)


def _basis(data: AssessmentData) -> str:
    catalogue = data.view.catalogue
    if data.illustrative:
        return tr("doc.assessment.basis.illustrative")
    return clean(catalogue.decision) or clean(catalogue.title)


def totals_blocks(data: AssessmentData) -> list[Block]:
    totals = data.view.totals
    text = tr(
        "doc.assessment.totals",
        total=points(totals.total),
        self=points(totals.self_score),
        self_max=points(totals.self_max),
        bonus=points(totals.bonus),
        penalty=points(totals.penalty),
        survey=points(totals.survey_max),
    )
    scored = tr("doc.assessment.scored", scored=totals.scored, scorable=totals.scorable)
    return [Paragraph(text), Paragraph(scored)]


def score_section(data: AssessmentData) -> list[Block]:
    return [
        section_heading(1, "doc.assessment.section.scores"),
        sub_heading(1, tr("doc.assessment.section.total")),
        *totals_blocks(data),
        sub_heading(2, tr("doc.assessment.section.by_area")),
        area_table(data),
    ]


def _claim(line: ScoreLine) -> str:
    return tr(
        "doc.assessment.claim",
        code=line.criterion.code,
        name=strip_end(line.criterion.name),
        score=points(line.self_score) or "—",
        max=points(line.criterion.max_points),
    )


def explanation_section(data: AssessmentData) -> list[Block]:
    """II. Giải trình: criteria without evidence, then scores that differ from the proposal."""
    blocks: list[Block] = [section_heading(2, "doc.assessment.section.explanations")]
    missing = without_evidence(data)
    if missing:
        blocks.append(Paragraph(tr("doc.assessment.no_evidence_intro", count=count_text(len(missing)))))
        blocks += [
            Bullet(f"{_claim(line)}: {strip_end(explanation(line)) or tr('doc.assessment.no_explanation')}.")
            for line in missing
        ]
    else:
        blocks.append(Paragraph(tr("doc.assessment.all_evidenced")))
    changed = overridden(data)
    if changed:
        blocks.append(Paragraph(tr("doc.assessment.override_intro", count=count_text(len(changed)))))
        blocks += [
            Bullet(
                tr(
                    "doc.assessment.override_line",
                    claim=_claim(line),
                    proposed=format_number(line.proposed or 0),
                    reason=strip_end(override_reason(line)) or tr("doc.assessment.no_explanation"),
                )
            )
            for line in changed
        ]
    return blocks


def _default_difficulties(data: AssessmentData) -> list[Block]:
    blocks: list[Block] = []
    if unscored(data):
        blocks.append(Bullet(tr("doc.assessment.default.unscored", count=count_text(len(unscored(data))))))
    if without_evidence(data):
        blocks.append(Bullet(tr("doc.assessment.default.no_evidence", count=count_text(len(without_evidence(data))))))
    return blocks or [Paragraph(tr("doc.assessment.default.no_difficulties"))]


def closing_sections(data: AssessmentData) -> list[Block]:
    """III. Khó khăn, vướng mắc; IV. Đề xuất, kiến nghị; the closing paragraph."""
    difficulties = text_blocks(data.difficulties) or _default_difficulties(data)
    receiver = _receiver(data) or tr("doc.assessment.default.receiver")
    proposals = text_blocks(data.proposals) or [Paragraph(tr("doc.assessment.default.proposals", receiver=receiver))]
    closing = tr("doc.assessment.closing", year=data.year, unit=data.profile.full_name)
    return [
        section_heading(3, "doc.assessment.section.difficulties"),
        *difficulties,
        section_heading(4, "doc.assessment.section.proposals"),
        *proposals,
        Paragraph(closing),
    ]


def _body(data: AssessmentData) -> list[Block]:
    intro = Paragraph(tr("doc.assessment.intro", basis=_basis(data), unit=data.profile.full_name, year=data.year))
    note = [Paragraph(tr("doc.assessment.illustrative_note"), italic=True)] if data.illustrative else []
    return [intro, *note, *score_section(data), *explanation_section(data), *closing_sections(data)]


def _issued_on(data: AssessmentData) -> str | None:
    submitted = data.view.assessment.submitted_at
    return submitted[:10] if submitted else None


def _appendix(data: AssessmentData) -> Appendix:
    reference = tr(
        "doc.report.appendix_ref",
        number=NUMBER_TEXT,
        date=long_date(_issued_on(data), data.year),
        unit=data.profile.full_name,
    )
    blocks: list[Block] = []
    if data.illustrative:
        blocks.append(Paragraph(tr("doc.assessment.illustrative_mark"), italic=True, align="center", indent=False))
    blocks.append(score_table(data))
    return Appendix(
        tr("doc.appendix.single"),
        tr("doc.assessment.appendix.title", year=data.year),
        reference,
        blocks,
        landscape=True,
    )


def build_assessment_document(data: AssessmentData, *, draft_mark: bool = False) -> OfficialDocument:
    """The self-assessment report with its score table appendix."""
    profile = data.profile
    # Unsent, the day and month are left to fill by hand; the year is the assessed one, never blank.
    when = place_date(profile.place_name, _issued_on(data), data.year)
    receiver = _receiver(data)
    return OfficialDocument(
        header=agency_header(profile, NUMBER_TEXT, when, tr("doc.mark.draft") if draft_mark else ""),
        type_name=tr("doc.type.report"),
        summary=tr("doc.assessment.summary", year=data.year),
        subtitle=tr("doc.assessment.illustrative_mark") if data.illustrative else "",
        salutation=[receiver] if receiver else [],
        body=_body(data),
        signature=Signature(signature_lines("TM", "CHỦ TỊCH"), profile.chairman_name),
        recipients=[tr("doc.recipients.as_above"), tr("doc.recipients.archive")]
        if receiver
        else [tr("doc.recipients.archive")],
        appendices=[_appendix(data)],
        title=tr("doc.assessment.summary", year=data.year),
        author=profile.full_name,
    )
