"""The body of a Kế hoạch CCHC năm, section by section, in the plan's own shape.

The plan's section rows say which sections print, in which order and under which headings;
the numbers (I, II, … and 1., 2., … or 1.1., 1.2.) are given here, to what is printed. Kinds:
mục đích, yêu cầu (two parts); chỉ tiêu (targets in words); nhiệm vụ, giải pháp by area, either
text alone or, in the per-area layout, each area with "Mục tiêu" (its objectives and targets) and
"Nhiệm vụ"; nhiệm vụ cụ thể (points to Phụ lục I); kinh phí; tổ chức thực hiện (actor → duties);
and sections of the commune's own (heading and free text). The closing paragraph comes last.
"""

from __future__ import annotations

from collections.abc import Callable

from cchc_desktop.kernel.documents.model import Block, Bullet, Heading, Paragraph
from cchc_desktop.kernel.documents.wording import text_lines
from cchc_desktop.kernel.i18n import roman, tr
from cchc_desktop.kernel.text import clean
from cchc_desktop.plans.documents.indicator_words import indicator_sentence
from cchc_desktop.plans.model import Indicator, PlanAggregate, PlanArea, PlanSection
from cchc_desktop.plans.shape import default_sections, printed, section_of
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
    """ "II. KẾT QUẢ …" from a catalogue key (the report's fixed sections)."""
    return numbered_heading(number, tr(key))


def numbered_heading(number: int, title: str) -> Heading:
    return Heading(tr("doc.heading.numbered", number=roman(number), title=clean(title).upper()), level=1)


def sub_heading(number: int | str, title: str) -> Heading:
    return Heading(tr("doc.heading.numbered", number=number, title=title), level=2)


class _Parts:
    """Numbered sub-headings inside one section; a part without a title prints its content only."""

    def __init__(self, prefix: str = "") -> None:
        self.prefix, self.count = prefix, 0

    def heading(self, title: str) -> list[Block]:
        if not clean(title):
            return []
        self.count += 1
        return [sub_heading(f"{self.prefix}{self.count}", clean(title))]


def _purpose(section: PlanSection, agg: PlanAggregate, profile: UnitProfile) -> list[Block]:
    parts = _Parts()
    plan = agg.plan
    return [
        *parts.heading(section.part(0)),
        *text_blocks(plan.purpose_text),
        *parts.heading(section.part(1)),
        *text_blocks(plan.requirement_text),
    ]


def _ordered_indicators(agg: PlanAggregate) -> list[Indicator]:
    return sorted(agg.indicators, key=lambda i: i.position)


def _indicators(section: PlanSection, agg: PlanAggregate, profile: UnitProfile) -> list[Block]:
    indicators = _ordered_indicators(agg)
    if not indicators:
        return [Paragraph(tr("doc.plan.no_indicators"))]
    blocks: list[Block] = [Paragraph(f"{n}. {indicator_sentence(i)}") for n, i in enumerate(indicators, start=1)]
    return blocks + [Paragraph(tr("doc.plan.indicators_ref"))]


def _areas(agg: PlanAggregate) -> list[PlanArea]:
    return sorted(agg.areas, key=lambda a: a.position)


def _solutions(section: PlanSection, agg: PlanAggregate, profile: UnitProfile) -> list[Block]:
    if agg.plan.area_layout == "by_area":
        return _solutions_by_area(section, agg)
    areas = [a for a in _areas(agg) if text_lines(a.tasks_text)]
    if not areas:
        return [Paragraph(tr("doc.plan.no_solutions"))]
    blocks: list[Block] = []
    for number, area in enumerate(areas, start=1):
        blocks += [sub_heading(number, area.display_name), *text_blocks(area.tasks_text)]
    return blocks


def _solutions_by_area(section: PlanSection, agg: PlanAggregate) -> list[Block]:
    """ "1. Cải cách thể chế" / "1.1. Mục tiêu" (objectives, targets) / "1.2. Nhiệm vụ" (tasks text)."""
    indicators = _ordered_indicators(agg)
    blocks: list[Block] = []
    number = 0
    for area in _areas(agg):
        aims = text_blocks(area.objective_text)
        aims += [Bullet(indicator_sentence(i)) for i in indicators if i.area_code == area.code]
        tasks = text_blocks(area.tasks_text)
        if not aims and not tasks:
            continue
        number += 1
        parts = _Parts(f"{number}.")
        blocks.append(sub_heading(number, area.display_name))
        if aims:
            blocks += [*parts.heading(section.part(0)), *aims]
        if tasks:
            blocks += [*parts.heading(section.part(1)), *tasks]
    if _tasks_closing_section_two(agg):
        blocks.append(Paragraph(tr("doc.plan.tasks_ref")))
    return blocks or [Paragraph(tr("doc.plan.no_solutions"))]


def _tasks_closing_section_two(agg: PlanAggregate) -> bool:
    """In the per-area layout section II already says "nhiệm vụ cụ thể": the tasks' reference to
    Phụ lục I closes it, rather than a section of its own repeating the words."""
    tasks = section_of(_sections(agg), "tasks")
    return agg.plan.area_layout == "by_area" and tasks is not None and tasks.shown


def _tasks(section: PlanSection, agg: PlanAggregate, profile: UnitProfile) -> list[Block]:
    return [Paragraph(tr("doc.plan.tasks_ref"))]


def _budget(section: PlanSection, agg: PlanAggregate, profile: UnitProfile) -> list[Block]:
    blocks = text_blocks(agg.plan.budget_text)
    return blocks or [Paragraph(tr("doc.plan.budget_default", year=agg.plan.year, unit=profile.short_name))]


def _actors(section: PlanSection, agg: PlanAggregate, profile: UnitProfile) -> list[Block]:
    blocks: list[Block] = []
    for number, actor in enumerate(sorted(agg.actors, key=lambda a: a.position), start=1):
        blocks += [sub_heading(number, actor.actor), *text_blocks(actor.duties)]
    return blocks


def _custom(section: PlanSection, agg: PlanAggregate, profile: UnitProfile) -> list[Block]:
    return text_blocks(section.body)


_CONTENT: dict[str, Callable[[PlanSection, PlanAggregate, UnitProfile], list[Block]]] = {
    "purpose": _purpose,
    "indicators": _indicators,
    "solutions": _solutions,
    "tasks": _tasks,
    "budget": _budget,
    "actors": _actors,
    "custom": _custom,
}


def _sections(agg: PlanAggregate) -> list[PlanSection]:
    """The plan's sections; a plan read without any (built in memory) prints the default ones."""
    if agg.sections:
        return agg.sections
    return [PlanSection(0, agg.plan.id, n, **row) for n, row in enumerate(default_sections())]


def closing_blocks(profile: UnitProfile, agg: PlanAggregate) -> list[Block]:
    closing = text_blocks(agg.plan.closing_text)
    return closing or [Paragraph(tr("doc.plan.closing_default", year=agg.plan.year, unit=profile.short_name))]


def plan_body(profile: UnitProfile, aggregate: PlanAggregate) -> list[Block]:
    """The printed sections, numbered I, II, … in plan order, then the closing paragraph (the
    renderer adds "./." after it)."""
    blocks: list[Block] = []
    sections = printed(_sections(aggregate))
    if _tasks_closing_section_two(aggregate) and any(s.kind == "solutions" for s in sections):
        sections = [s for s in sections if s.kind != "tasks"]
    for number, section in enumerate(sections, start=1):
        blocks += [numbered_heading(number, section.title), *_CONTENT[section.kind](section, aggregate, profile)]
    return blocks + closing_blocks(profile, aggregate)
