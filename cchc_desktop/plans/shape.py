"""Bố cục kế hoạch: the sections of a plan's body as data, and the two area layouts.

Communes issue plans in more than one shape ("I. MỤC TIÊU, YÊU CẦU" with "1. Mục tiêu"; targets in
a section of their own, or inside each area as "1.1. Mục tiêu / 1.2. Nhiệm vụ"; sections of their
own with free text). A plan keeps its own sections; the framework gives the default, and
without one the catalogue's wording does. Numbering is never stored: the document numbers the
sections it prints.
"""

from __future__ import annotations

from typing import Any

from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.text import clean
from cchc_desktop.plans.model import PlanSection

#: Built-in sections in their default order: kind → (title key, sub-heading keys).
DEFAULT_SECTIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("purpose", "doc.plan.section.purpose", ("doc.plan.section.purpose.aim", "doc.plan.section.purpose.requirement")),
    ("indicators", "doc.plan.section.indicators", ()),
    ("solutions", "doc.plan.section.solutions", ("doc.plan.section.area.aim", "doc.plan.section.area.tasks")),
    ("tasks", "doc.plan.section.tasks", ()),
    ("budget", "doc.plan.section.budget", ()),
    ("actors", "doc.plan.section.actors", ()),
)
BUILT_IN_KINDS = tuple(kind for kind, _, _ in DEFAULT_SECTIONS)

#: The heading of section "nhiệm vụ, giải pháp" in each layout (switching layouts swaps a default one).
SOLUTIONS_TITLES = {"separate": "doc.plan.section.solutions", "by_area": "doc.plan.section.solutions.by_area"}


def default_section(kind: str) -> dict[str, Any]:
    """The catalogue's row for a built-in section."""
    for known, title, parts in DEFAULT_SECTIONS:
        if known == kind:
            return {"kind": kind, "title": tr(title), "parts": "\n".join(tr(p) for p in parts), "shown": True}
    raise KeyError(kind)


def default_sections() -> list[dict[str, Any]]:
    return [default_section(kind) for kind in BUILT_IN_KINDS]


def sections_from_framework(items: Any) -> list[dict[str, Any]]:
    """A framework's ``plan.sections`` (kind, title, parts as a list, shown, body), completed so every
    built-in section is there once (missing ones are added, hidden, at the end)."""
    if not isinstance(items, list) or not items:
        return default_sections()
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for item in items:
        kind = item.get("kind", "custom")
        if kind in seen and kind != "custom":
            continue
        seen.add(kind)
        base = default_section(kind) if kind in BUILT_IN_KINDS else {"kind": "custom", "parts": "", "shown": True}
        parts = item.get("parts")
        rows.append(
            {
                **base,
                "title": clean(item.get("title", base.get("title", ""))),
                "parts": "\n".join(parts) if isinstance(parts, list) else base["parts"],
                "shown": bool(item.get("shown", True)),
                "body": item.get("body", ""),
            }
        )
    for kind in BUILT_IN_KINDS:
        if kind not in seen:
            rows.append(dict(default_section(kind), shown=False))
    return rows


def printed(sections: list[PlanSection]) -> list[PlanSection]:
    """The sections the document prints, in plan order."""
    return [s for s in sorted(sections, key=lambda s: s.position) if s.shown]


def section_of(sections: list[PlanSection], kind: str) -> PlanSection | None:
    return next((s for s in sections if s.kind == kind), None)


def layout_cells(sections: list[PlanSection], old: str, new: str) -> list[tuple[str, int, str, Any]]:
    """What switching the area layout from ``old`` to ``new`` changes besides the plan's own field:
    the per-area layout carries the targets inside each area, so the separate "Chỉ tiêu" section is
    hidden (and shown again on the way back); the heading of "nhiệm vụ, giải pháp" follows the
    layout while it is still the default one."""
    cells: list[tuple[str, int, str, Any]] = []
    indicators = section_of(sections, "indicators")
    if indicators is not None:
        cells.append(("plan_section", indicators.id, "shown", new == "separate"))
    solutions = section_of(sections, "solutions")
    if solutions is not None and clean(solutions.title) == tr(SOLUTIONS_TITLES[old]):
        cells.append(("plan_section", solutions.id, "title", tr(SOLUTIONS_TITLES[new])))
    return cells
