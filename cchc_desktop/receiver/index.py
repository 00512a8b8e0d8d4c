"""Chỉ số CCHC của các đơn vị: self-scores per unit and per area, ranking, distribution, lagging tasks.

Scores come from each unit's current self-assessment package; a unit's total is the sum of its
scored leaves as the receiver recomputes it (never a total the sender declares). Areas are the
top-level criteria (lĩnh vực). Ranking is by total, ties sharing a rank (1, 2, 2, 4).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from cchc_desktop.kernel.text import fold
from cchc_desktop.receiver.model import RosterUnit


@dataclass(frozen=True)
class CriterionScore:
    province_code: str
    unit_code: str
    code: str
    parent_code: str
    level: int
    name: str
    max_points: float | None
    self_score: float | None
    leaf: bool


@dataclass
class UnitScore:
    province_code: str
    unit_code: str
    name: str
    total: float = 0.0
    max_total: float = 0.0
    areas: dict[str, float] = field(default_factory=dict)  # top-level criterion code → points
    scored: int = 0
    scorable: int = 0
    rank: int = 0
    submitted: bool = True


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    max_points: float | None


def unit_scores(
    criteria: Iterable[CriterionScore], names: dict[tuple[str, str], str], submitted: dict[tuple[str, str], bool]
) -> tuple[list[UnitScore], list[Area]]:
    """Totals and area subtotals per unit (recomputed from the leaves), ranked; and the areas met."""
    by_unit: dict[tuple[str, str], list[CriterionScore]] = {}
    for item in criteria:
        by_unit.setdefault((item.province_code, item.unit_code), []).append(item)
    scores: list[UnitScore] = []
    areas: dict[str, Area] = {}
    for key, items in by_unit.items():
        score = _score(key, names.get(key, key[1]), items)
        score.submitted = submitted.get(key, True)
        scores.append(score)
        for item in items:
            if item.level == 1:
                areas.setdefault(item.code, Area(item.code, item.name, item.max_points))
    _rank(scores)
    return scores, sorted(areas.values(), key=lambda a: _code_key(a.code))


def _score(key: tuple[str, str], name: str, items: list[CriterionScore]) -> UnitScore:
    parents = {i.code: i.parent_code for i in items}
    score = UnitScore(key[0], key[1], name)
    for item in items:
        if not item.leaf:
            continue
        score.scorable += 1
        score.max_total += item.max_points or 0
        if item.self_score is None:
            continue
        score.scored += 1
        score.total += item.self_score
        area = _top(item.code, parents)
        score.areas[area] = score.areas.get(area, 0.0) + item.self_score
    score.total = round(score.total, 2)
    return score


def _top(code: str, parents: dict[str, str]) -> str:
    seen = set()
    while parents.get(code) and code not in seen:
        seen.add(code)
        code = parents[code]
    return code


def _rank(scores: list[UnitScore]) -> None:
    scores.sort(key=lambda s: (-s.total, fold(s.name)))
    for index, score in enumerate(scores):
        previous = scores[index - 1] if index else None
        score.rank = previous.rank if previous is not None and previous.total == score.total else index + 1


def _code_key(code: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in code.replace("-", ".").split("."))


def distribution(scores: Iterable[UnitScore], width: float = 10.0, top: float = 100.0) -> list[tuple[float, int]]:
    """How many units fall in each band of ``width`` points: [(band start, count)], lowest band first."""
    bands = [b * width for b in range(int(top // width))]
    counts = dict.fromkeys(bands, 0)
    for score in scores:
        band = min(int(score.total // width) * width, bands[-1])
        counts[band] = counts.get(band, 0) + 1
    return sorted(counts.items())


@dataclass(frozen=True)
class LaggingTask:
    """A task that is behind in at least one unit: what it is, how many units, which ones."""

    content: str
    deadline_text: str
    units: tuple[str, ...]
    not_done: int
    overdue: int


@dataclass(frozen=True)
class TaskState:
    unit_name: str
    content: str
    deadline_text: str
    deadline_due: str | None
    status: str | None


def lagging_tasks(tasks: Iterable[TaskState], as_of: str) -> list[LaggingTask]:
    """Tasks not done, or still running past their deadline on ``as_of`` (ISO date), across units;
    the same task in many units (same wording, diacritics and spacing ignored) is one line."""
    groups: dict[str, list[TaskState]] = {}
    for task in tasks:
        not_done = task.status == "not_done"
        overdue = (
            task.status in ("not_started", "in_progress")
            and bool(task.deadline_due)
            and (task.deadline_due or "") < as_of
        )
        if not_done or overdue:
            groups.setdefault(fold(" ".join(task.content.split())), []).append(task)
    found = []
    for items in groups.values():
        first = items[0]
        found.append(
            LaggingTask(
                first.content,
                first.deadline_text,
                tuple(sorted({t.unit_name for t in items}, key=fold)),
                sum(1 for t in items if t.status == "not_done"),
                sum(1 for t in items if t.status != "not_done"),
            )
        )
    return sorted(found, key=lambda t: (-len(t.units), fold(t.content)))


@dataclass(frozen=True)
class IndexView:
    year: int
    scores: list[UnitScore]
    areas: list[Area]
    distribution: list[tuple[float, int]]
    missing: list[RosterUnit]  # roster units that sent no self-assessment
