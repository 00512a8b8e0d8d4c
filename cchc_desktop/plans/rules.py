"""Kiểm tra kế hoạch: named Vietnamese problems, each attached to the row it is about.

Warnings never block editing. Errors block issuing and exporting only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from cchc_desktop.kernel.documents.glyphs import editable_texts, text_problems
from cchc_desktop.kernel.i18n import format_date, format_number, tr
from cchc_desktop.kernel.problems import Problem, RowRef, error, warning
from cchc_desktop.plans.deadlines import parse_deadline
from cchc_desktop.plans.model import PlanAggregate

# "năm 2025" in running text — but not in dates ("tháng 12 năm 2025"), baselines ("so với năm
# 2025") or ranges ("đến năm 2030"), which legitimately name other years.
_YEAR_MENTION = re.compile(
    r"(?<![Tt]háng \d )(?<![Tt]háng \d\d )(?<!so với )(?<!đến )(?<!từ )\b([Nn]ăm) ((?:19|20)\d{2})\b"
)


def check_plan(agg: PlanAggregate, used_numbers: dict[int, str] | None = None) -> list[Problem]:
    """All problems of a plan, in reading order."""
    problems: list[Problem] = []
    problems += _metadata(agg, used_numbers or {})
    problems += list(_bases(agg))
    problems += list(_indicators(agg))
    problems += list(_tasks(agg))
    problems += list(_stale_years(agg))
    problems += text_problems(editable_texts(_records(agg)))
    return problems


def _records(agg: PlanAggregate) -> Iterator[tuple[str, object]]:
    """(entity, record) of every row of the plan a user types into."""
    yield "plan", agg.plan
    yield from (("plan_basis", row) for row in agg.bases)
    yield from (("plan_area", row) for row in agg.areas)
    yield from (("indicator", row) for row in agg.indicators)
    yield from (("task", row) for row in agg.tasks)
    yield from (("plan_actor", row) for row in agg.actors)
    yield from (("plan_recipient", row) for row in agg.recipients)


def _metadata(agg: PlanAggregate, used_numbers: dict[int, str]) -> list[Problem]:
    plan = agg.plan
    found: list[Problem] = []
    if plan.doc_number is None:
        found.append(error("problem.plan.no_number", "plan", plan.id, "doc_number"))
    elif plan.doc_number in used_numbers:
        found.append(
            error(
                "problem.plan.duplicate_number",
                "plan",
                plan.id,
                "doc_number",
                number=plan.number_text,
                year=_numbering_year(agg),
                other=used_numbers[plan.doc_number],
            )
        )
    if not plan.issue_date:
        found.append(error("problem.plan.no_date", "plan", plan.id, "issue_date"))
    elif not _date_fits(plan.issue_date, plan.year):
        found.append(
            warning(
                "problem.plan.date_outside_year",
                "plan",
                plan.id,
                "issue_date",
                date=format_date(plan.issue_date),
                year=plan.year,
            )
        )
    if not plan.signer_name:
        found.append(warning("problem.plan.no_signer", "plan", plan.id, "signer_name"))
    return found


#: Words that open a reference to a document (a căn cứ that names no document, such as "tình hình
#: thực tế tại địa phương", needs no number).
_DOCUMENT_WORDS = re.compile(
    r"\b(Hiến pháp|Bộ luật|Luật|Pháp lệnh|Nghị quyết|Nghị định|Quyết định|Chỉ thị|Thông tư|Kế hoạch|Công văn|"
    r"Văn bản|Hướng dẫn|Kết luận|Thông báo|Đề án|Chương trình)\b"
)
_HAS_NUMBER = re.compile(r"(?:\bsố:?\s*\d+|\b\d+\s*/\s*(?:\d{4}\s*/\s*)?[A-ZĐ]|\b\d+-[A-ZĐ]+/[A-ZĐ]+)")
_HAS_DATE = re.compile(
    r"\bngày\s*\d{1,2}\s*(?:[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|tháng\s*\d{1,2}\s*năm\s*\d{4})", re.IGNORECASE
)
_BLANK = re.compile(r"…|\.\.\.")
_NAMED_LAWS = ("Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh")


def basis_is_complete(text: str) -> bool:
    """A căn cứ that cites a document gives its number and date ("Kế hoạch số 25/KH-UBND ngày
    15/01/2026"); a law may be cited by its name and date. Blanks left to fill ("số …/KH-UBND") are
    not a number."""
    found = _DOCUMENT_WORDS.search(text or "")
    if found is None:
        return True
    if _BLANK.search(text):
        return False
    dated = bool(_HAS_DATE.search(text))
    return dated and (found.group(1) in _NAMED_LAWS or bool(_HAS_NUMBER.search(text)))


def _bases(agg: PlanAggregate) -> Iterator[Problem]:
    for row, basis in enumerate(sorted(agg.bases, key=lambda b: b.position), start=1):
        if basis.text.strip() and not basis_is_complete(basis.text):
            # An error: a plan is not issued on a legal basis that cites no number or date.
            yield error("problem.basis.incomplete", "plan_basis", basis.id, "text", row=row, year=agg.plan.year)


def _numbering_year(agg: PlanAggregate) -> int:
    return int(agg.plan.issue_date[:4]) if agg.plan.issue_date else agg.plan.year


def _date_fits(iso: str, year: int) -> bool:
    date = dt.date.fromisoformat(iso)
    return date.year == year or (date.year == year - 1 and date.month == 12)


def _area_codes(agg: PlanAggregate) -> set[str]:
    return {a.code for a in agg.areas}


def _indicators(agg: PlanAggregate) -> Iterator[Problem]:
    codes = _area_codes(agg)
    for row, ind in enumerate(agg.indicators, start=1):
        ref: RowRef = {"entity": "indicator", "row_id": ind.id}
        if ind.area_code and ind.area_code not in codes:
            yield warning("problem.indicator.unknown_area", field="area_code", row=row, code=ind.area_code, **ref)
        if ind.target is None and not ind.target_text:
            yield warning("problem.indicator.no_target", field="target", row=row, **ref)
        elif ind.target is not None and ind.is_percent and max(ind.target, ind.target_max or 0) > 100:
            yield error(
                "problem.indicator.percent_over_100",
                field="target",
                row=row,
                target=format_number(max(ind.target, ind.target_max or 0)),
                **ref,
            )
        if ind.comparator == "range" and (ind.target is None or ind.target_max is None or ind.target_max < ind.target):
            yield error("problem.indicator.range_incomplete", field="target_max", row=row, **ref)


def _tasks(agg: PlanAggregate) -> Iterator[Problem]:
    year, codes = agg.plan.year, _area_codes(agg)
    for row, task in enumerate(agg.tasks, start=1):
        ref: RowRef = {"entity": "task", "row_id": task.id}
        if not task.content:
            yield error("problem.task.no_content", field="content", row=row, **ref)
        if task.not_applicable:
            if not task.na_reason:
                yield warning("problem.task.na_without_reason", field="na_reason", row=row, **ref)
            continue
        if task.area_code and task.area_code not in codes:
            yield warning("problem.task.unknown_area", field="area_code", row=row, code=task.area_code, **ref)
        if not task.lead_unit:
            yield warning("problem.task.no_lead", field="lead_unit", row=row, **ref)
        yield from _deadline(task, row, year, ref)


def _deadline(task, row: int, year: int, ref: RowRef) -> Iterator[Problem]:
    parsed = parse_deadline(task.deadline_text, year)
    if parsed.kind == "empty":
        yield warning("problem.task.no_deadline", field="deadline_text", row=row, **ref)
    elif parsed.flagged:
        yield warning(
            "problem.task.deadline_unreadable",
            field="deadline_text",
            row=row,
            deadline=task.deadline_text,
            year=year,
            **ref,
        )
    elif not parsed.within_year(year):
        yield warning(
            "problem.task.deadline_outside_year",
            field="deadline_text",
            row=row,
            deadline=task.deadline_text,
            year=year,
            **ref,
        )


def _texts(agg: PlanAggregate) -> Iterator[tuple[str, str, str, int, str]]:
    """(where, text, entity, row_id, field) for every free text of the plan."""
    plan = agg.plan
    for key, field_name in (
        ("title", "title"),
        ("purpose", "purpose_text"),
        ("requirement", "requirement_text"),
        ("budget", "budget_text"),
        ("closing", "closing_text"),
    ):
        yield tr(f"problem.where.{key}"), getattr(plan, field_name), "plan", plan.id, field_name
    for row, basis in enumerate(agg.bases, start=1):
        yield tr("problem.where.basis", row=row), basis.text, "plan_basis", basis.id, "text"
    for area in agg.areas:
        yield tr("problem.where.area", name=area.display_name), area.tasks_text, "plan_area", area.id, "tasks_text"
    for row, ind in enumerate(agg.indicators, start=1):
        yield tr("problem.where.indicator", row=row), ind.text, "indicator", ind.id, "text"
    for row, task in enumerate(agg.tasks, start=1):
        yield tr("problem.where.task", row=row), task.content, "task", task.id, "content"
    for row, actor in enumerate(agg.actors, start=1):
        yield tr("problem.where.actor", row=row), actor.duties, "plan_actor", actor.id, "duties"


def shift_year_mentions(text: str, old: int, new: int) -> str:
    """Replace running-text mentions "năm <old>" by "năm <new>" (dates, baselines, ranges untouched)."""
    return _YEAR_MENTION.sub(lambda m: f"{m.group(1)} {new}" if int(m.group(2)) == old else m.group(0), text)


def shift_deadline_year(text: str, year: int) -> str | None:
    """A deadline copied from last year ("Quý I/2025" in a 2026 plan) moved to ``year``; None if fine."""
    parsed = parse_deadline(text, year)
    if parsed.kind in ("empty", "unknown") or parsed.within_year(year):
        return None
    shifted = re.sub(rf"\b{year - 1}\b", str(year), text)
    return shifted if shifted != text and parse_deadline(shifted, year).within_year(year) else None


def _stale_years(agg: PlanAggregate) -> Iterator[Problem]:
    year = agg.plan.year
    for where, text, entity, row_id, field_name in _texts(agg):
        for match in _YEAR_MENTION.finditer(text or ""):
            if int(match.group(2)) < year:
                yield warning(
                    "problem.stale_year", entity, row_id, field_name, where=where, found=match.group(0), year=year
                )
                break
