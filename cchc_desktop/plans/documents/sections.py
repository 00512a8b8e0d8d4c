"""The body of a Kế hoạch CCHC năm: sections I-VI and the closing paragraph.

I. Mục đích, yêu cầu; II. Chỉ tiêu chủ yếu (targets in words); III. Nhiệm vụ, giải pháp
(per area, in plan order); IV. Nhiệm vụ cụ thể (points to Phụ lục I); V. Kinh phí;
VI. Tổ chức thực hiện (actor → duties); closing.
"""

from __future__ import annotations

from cchc_desktop.kernel.documents.model import Block, Bullet, Heading, Paragraph
from cchc_desktop.kernel.documents.wording import text_lines
from cchc_desktop.kernel.i18n import roman, tr
from cchc_desktop.plans.documents.indicator_words import indicator_sentence
from cchc_desktop.plans.model import PlanAggregate
from cchc_desktop.profile.model import UnitProfile

_BULLET_MARKERS = {"-": "-", "+": "+", "•": "-", "*": "-", "–": "-"}


def text_blocks(text: str) -> list[Block]:
    """A multi-line field as blocks: lines starting "-", "+", "•" become bullets."""
    blocks: list[Block] = []
    for line in text_lines(text):
        marker = _BULLET_MARKERS.get(line[0])
        if marker and len(line) > 1:
            blocks.append(Bullet(line[1:].strip(), marker=marker))
        else:
            blocks.append(Paragraph(line))
    return blocks


def section_heading(number: int, key: str) -> Heading:
    return Heading(tr("doc.heading.numbered", number=roman(number), title=tr(key)), level=1)


def sub_heading(number: int, title: str) -> Heading:
    return Heading(tr("doc.heading.numbered", number=number, title=title), level=2)


def purpose_section(aggregate: PlanAggregate) -> list[Block]:
    plan = aggregate.plan
    return [
        section_heading(1, "doc.plan.section.purpose"),
        sub_heading(1, tr("doc.plan.section.purpose.aim")),
        *text_blocks(plan.purpose_text),
        sub_heading(2, tr("doc.plan.section.purpose.requirement")),
        *text_blocks(plan.requirement_text),
    ]


def indicators_section(aggregate: PlanAggregate) -> list[Block]:
    blocks: list[Block] = [section_heading(2, "doc.plan.section.indicators")]
    indicators = sorted(aggregate.indicators, key=lambda i: i.position)
    if not indicators:
        return blocks + [Paragraph(tr("doc.plan.no_indicators"))]
    blocks += [Paragraph(f"{n}. {indicator_sentence(ind)}") for n, ind in enumerate(indicators, start=1)]
    return blocks + [Paragraph(tr("doc.plan.indicators_ref"))]


def solutions_section(aggregate: PlanAggregate) -> list[Block]:
    blocks: list[Block] = [section_heading(3, "doc.plan.section.solutions")]
    areas = [a for a in sorted(aggregate.areas, key=lambda a: a.position) if text_lines(a.tasks_text)]
    if not areas:
        return blocks + [Paragraph(tr("doc.plan.no_solutions"))]
    for number, area in enumerate(areas, start=1):
        blocks += [sub_heading(number, area.display_name), *text_blocks(area.tasks_text)]
    return blocks


def tasks_section() -> list[Block]:
    return [section_heading(4, "doc.plan.section.tasks"), Paragraph(tr("doc.plan.tasks_ref"))]


def budget_section(profile: UnitProfile, aggregate: PlanAggregate) -> list[Block]:
    blocks = text_blocks(aggregate.plan.budget_text)
    if not blocks:
        blocks = [Paragraph(tr("doc.plan.budget_default", year=aggregate.plan.year, unit=profile.short_name))]
    return [section_heading(5, "doc.plan.section.budget"), *blocks]


def actors_section(profile: UnitProfile, aggregate: PlanAggregate) -> list[Block]:
    blocks: list[Block] = [section_heading(6, "doc.plan.section.actors")]
    for number, actor in enumerate(sorted(aggregate.actors, key=lambda a: a.position), start=1):
        blocks += [sub_heading(number, actor.actor), *text_blocks(actor.duties)]
    closing = text_blocks(aggregate.plan.closing_text)
    if not closing:
        closing = [Paragraph(tr("doc.plan.closing_default", year=aggregate.plan.year, unit=profile.short_name))]
    return blocks + closing


def plan_body(profile: UnitProfile, aggregate: PlanAggregate) -> list[Block]:
    """Sections I-VI and the closing paragraph (the renderer adds "./." after it)."""
    return [
        *purpose_section(aggregate),
        *indicators_section(aggregate),
        *solutions_section(aggregate),
        *tasks_section(),
        *budget_section(profile, aggregate),
        *actors_section(profile, aggregate),
    ]
