"""The body of a period report (báo cáo kết quả thực hiện CCHC), section by section.

I. Công tác chỉ đạo, điều hành (the plan's first area); II. Kết quả thực hiện (each other
area: task results, indicator figures in words); III. Đánh giá chung (kết quả đạt được, tồn
tại hạn chế, nguyên nhân); IV. Nhiệm vụ kỳ tới; V. Đề xuất, kiến nghị; the closing line.
What the official wrote is printed as written; where a narrative is empty a sentence built
from the figures stands in, so a draft never prints an empty section.
"""

from __future__ import annotations

from cchc_desktop.kernel.documents.model import Block, Bullet, Paragraph
from cchc_desktop.kernel.documents.wording import count_text, strip_end
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.plans.documents.sections import numbered_heading, section_heading, sub_heading, text_blocks
from cchc_desktop.reports.documents.data import DIRECTION_AREA, AreaSection, ReportData, status_counts, task_lines
from cchc_desktop.reports.documents.words import indicator_sentence, status_summary, task_result_sentence
from cchc_desktop.reports.model import DONE_STATUSES


def area_blocks(data: ReportData, section: AreaSection) -> list[Block]:
    """One area: how many tasks and where they stand, each written result, each indicator."""
    blocks: list[Block] = []
    if section.tasks:
        summary = status_summary(status_counts(section.tasks))
        blocks.append(Paragraph(tr("doc.report.area_tasks", count=count_text(len(section.tasks)), summary=summary)))
    blocks += [Bullet(text) for line in section.tasks if (text := task_result_sentence(line))]
    blocks += [Bullet(indicator_sentence(line, data.period)) for line in section.indicators]
    return blocks


def direction_section(data: ReportData, sections: list[AreaSection]) -> list[Block]:
    """I. Công tác chỉ đạo, điều hành: the results of the plan's direction area."""
    blocks: list[Block] = [section_heading(1, "doc.report.section.direction")]
    direction = [s for s in sections if s.code == DIRECTION_AREA]
    if not direction:
        plan = data.aggregate.plan
        return blocks + [Paragraph(tr("doc.report.direction_default", unit=data.profile.short_name, year=plan.year))]
    for section in direction:
        blocks += area_blocks(data, section)
    return blocks


def _overview(data: ReportData, sections: list[AreaSection]) -> list[Block]:
    lines = task_lines(data)
    counts = status_counts(lines)
    indicators = [line for s in sections for line in s.indicators]
    met = sum(1 for line in indicators if line.figures.attainment == "met")
    behind = sum(1 for line in lines if line.behind)
    behind_text = tr("doc.report.behind_count", count=count_text(behind)) if behind else tr("doc.report.none_behind")
    blocks: list[Block] = [
        Paragraph(
            tr(
                "doc.report.overview_tasks",
                count=count_text(len(lines)),
                summary=status_summary(counts) or "—",
                behind=behind_text,
            )
        )
    ]
    if indicators:
        blocks.append(
            Paragraph(tr("doc.report.overview_indicators", count=count_text(len(indicators)), met=count_text(met)))
        )
    return blocks


def results_section(data: ReportData, sections: list[AreaSection]) -> list[Block]:
    """II. Kết quả thực hiện: an overview, then one numbered part per area (not the first)."""
    blocks: list[Block] = [section_heading(2, "doc.report.section.results"), *_overview(data, sections)]
    others = [s for s in sections if s.code != DIRECTION_AREA]
    for number, section in enumerate(others, start=1):
        blocks += [sub_heading(number, section.name), *area_blocks(data, section)]
    return blocks


def _shortcomings_default(data: ReportData, sections: list[AreaSection]) -> list[Block]:
    lines = task_lines(data)
    blocks: list[Block] = []
    late = [line for line in lines if line.behind or line.progress.status in ("done_late", "not_done")]
    if late:
        names = "; ".join(strip_end(line.task.content) for line in late)
        blocks.append(Bullet(tr("doc.report.default.late_tasks", count=count_text(len(late)), names=names)))
    missed = [line for s in sections for line in s.indicators if line.figures.attainment == "not_met"]
    if missed:
        names = "; ".join(strip_end(line.figures.indicator.text) for line in missed)
        blocks.append(Bullet(tr("doc.report.default.missed", count=count_text(len(missed)), names=names)))
    return blocks


def _achievements_default(data: ReportData) -> list[Block]:
    lines = task_lines(data)
    done = sum(1 for line in lines if line.progress.status in DONE_STATUSES)
    return [Paragraph(tr("doc.report.default.achievements", done=count_text(done), count=count_text(len(lines))))]


def assessment_section(data: ReportData, sections: list[AreaSection]) -> list[Block]:
    """III. Đánh giá chung: numbered parts that have something to say."""
    report = data.report
    parts = [
        ("doc.report.section.achievements", text_blocks(report.achievements_text) or _achievements_default(data)),
        (
            "doc.report.section.shortcomings",
            text_blocks(report.shortcomings_text) or _shortcomings_default(data, sections),
        ),
        ("doc.report.section.causes", text_blocks(report.causes_text)),
    ]
    blocks: list[Block] = [section_heading(3, "doc.report.section.assessment")]
    for number, (key, content) in enumerate([(k, c) for k, c in parts if c], start=1):
        blocks += [sub_heading(number, tr(key)), *content]
    return blocks


def next_tasks_section(data: ReportData, plan_reference: str) -> list[Block]:
    """IV. Nhiệm vụ kỳ tới; the annual report looks to next year ("Phương hướng, nhiệm vụ năm 2027")."""
    blocks = text_blocks(data.report.next_tasks_text)
    next_year = data.report.year + 1
    if data.annual:
        heading = numbered_heading(4, tr("doc.report.section.next_year", year=next_year))
        default = tr("doc.report.default.next_year", year=next_year)
    else:
        heading = section_heading(4, "doc.report.section.next_tasks")
        default = tr("doc.report.default.next_tasks", plan=plan_reference)
    return [heading, *(blocks or [Paragraph(default)])]


def proposals_section(data: ReportData) -> list[Block]:
    blocks = text_blocks(data.report.proposals_text) or [Paragraph(tr("doc.report.default.proposals"))]
    return [section_heading(5, "doc.report.section.proposals"), *blocks]
