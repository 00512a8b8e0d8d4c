"""Bộ tiêu chí from a province's file: rows checked one by one, all or nothing.

A file (JSON or Excel) gives one row per node with its parent's code. Every bad row is
reported by its row number in Vietnamese ("Dòng 14: điểm tối đa «abc» không phải là số");
when any row is bad, nothing is imported.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from cchc_desktop.assessment.criteria import EPSILON, MAX_LEVEL, on_step, parse_method, parse_thresholds
from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.kernel.i18n import format_number, parse_number, tr
from cchc_desktop.kernel.text import clean

#: The columns of a catalogue row (JSON keys; Excel headers are matched to them).
ROW_KEYS = (
    "ma",
    "ma_cha",
    "ten",
    "diem_toi_da",
    "phuong_phap",
    "buoc_diem",
    "huong_dan",
    "tai_lieu_kiem_chung",
    "chi_tieu",
    "nguong",
)
DEFAULT_STEP = 0.25
MAX_ERRORS_SHOWN = 30


class CatalogueImportError(ValidationError):
    """Tệp bộ tiêu chí có lỗi; không nhập dòng nào. ``errors`` lists every problem, one per row."""

    def __init__(self, errors: list[str], key: str = "assessment.import.bad_rows") -> None:
        self.errors = errors
        shown = errors[:MAX_ERRORS_SHOWN]
        more = len(errors) - len(shown)
        details = "\n".join(shown) + ("\n" + tr("assessment.import.more", count=more) if more else "")
        super().__init__(key, count=len(errors), details=details)


@dataclass(frozen=True)
class RawRow:
    """One row as read from the file, with where it came from ("Dòng 14")."""

    where: str
    values: dict[str, Any]


@dataclass(frozen=True)
class NodeSpec:
    """A checked catalogue node, ready to store."""

    code: str
    parent_code: str
    name: str
    max_points: float
    method: str
    step: float
    guidance: str = ""
    evidence_required: str = ""
    indicator_code: str = ""
    thresholds: str = ""
    level: int = 1
    where: str = ""


@dataclass(frozen=True)
class CatalogueSpec:
    """A whole checked catalogue: what it is, for which year, and its nodes in file order."""

    title: str
    year: int | None
    nodes: tuple[NodeSpec, ...]
    code: str = ""
    province: str = ""
    decision: str = ""
    illustrative: bool = False
    source: str = ""
    children: dict[str, list[str]] = field(default_factory=dict, compare=False)

    @property
    def content_hash(self) -> str:
        body = {
            "title": self.title,
            "decision": self.decision,
            "illustrative": self.illustrative,
            "nodes": [{k: v for k, v in asdict(n).items() if k != "where"} for n in self.nodes],
        }
        text = json.dumps(body, ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def leaves(self) -> list[NodeSpec]:
        return [n for n in self.nodes if not self.children.get(n.code)]


# Reading one row ######################################################


class _RowErrors:
    """Collects "Dòng 14: …" messages for one row."""

    def __init__(self, where: str, sink: list[str]) -> None:
        self.where, self.sink = where, sink

    def add(self, key: str, **params: Any) -> None:
        self.sink.append(tr("assessment.import.row", where=self.where, message=tr(key, **params)))


def _text(values: dict[str, Any], key: str) -> str:
    value = values.get(key)
    if isinstance(value, float) and value == int(value) and key in ("ma", "ma_cha"):
        value = int(value)  # Excel stores the code "3" as the number 3.0
    return clean(str(value)) if value is not None else ""


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _number(values: dict[str, Any], key: str, what: str, errors: _RowErrors, default: float | None) -> float | None:
    raw = values.get(key)
    if _blank(raw):
        return default
    try:
        number = parse_number(raw if not isinstance(raw, bool) else str(raw))
    except (ValueError, TypeError):
        number = None
    if number is None:
        errors.add("assessment.import.not_number", what=tr(what), value=clean(str(raw))[:40])
        return None
    if number < 0:
        errors.add("assessment.import.negative", what=tr(what), value=format_number(number))
        return None
    return number


def read_row(row: RawRow, sink: list[str]) -> NodeSpec | None:
    """Check one row's own values; None (with messages in ``sink``) when it is bad."""
    errors = _RowErrors(row.where, sink)
    before = len(sink)
    values = row.values
    code, name = _text(values, "ma"), _text(values, "ten")
    if not code:
        errors.add("assessment.import.no_code")
    elif not name:
        errors.add("assessment.import.no_name", code=code)
    max_points = _number(values, "diem_toi_da", "assessment.import.what.max", errors, None)
    if _blank(values.get("diem_toi_da")):
        errors.add("assessment.import.no_max", code=code or "?")
    step = _number(values, "buoc_diem", "assessment.import.what.step", errors, DEFAULT_STEP)
    if step is not None and step <= 0:
        errors.add("assessment.import.bad_step", value=format_number(step))
    method = parse_method(_text(values, "phuong_phap"))
    if method is None:
        errors.add("assessment.import.bad_method", value=_text(values, "phuong_phap")[:40])
    thresholds, indicator = _text(values, "nguong"), _text(values, "chi_tieu").upper()
    _check_thresholds(thresholds, indicator, errors)
    if len(sink) > before:
        return None
    return NodeSpec(
        code,
        _text(values, "ma_cha"),
        name,
        max_points or 0.0,
        method or "",
        step or DEFAULT_STEP,
        _text(values, "huong_dan"),
        _text(values, "tai_lieu_kiem_chung"),
        indicator,
        thresholds,
        where=row.where,
    )


def _check_thresholds(thresholds: str, indicator: str, errors: _RowErrors) -> None:
    if not thresholds:
        return
    try:
        parse_thresholds(thresholds)
    except ValueError:
        errors.add("assessment.import.bad_thresholds", value=thresholds[:60])
        return
    if not indicator:
        errors.add("assessment.import.thresholds_without_indicator")


# The whole tree ########################################################


def build_catalogue(rows: list[RawRow], meta: dict[str, Any], source: str = "") -> CatalogueSpec:
    """Check every row and the tree they make; raise CatalogueImportError listing all problems."""
    sink: list[str] = []
    if not rows:
        raise CatalogueImportError([tr("assessment.import.empty")])
    nodes = [node for node in (read_row(row, sink) for row in rows) if node is not None]
    _duplicates(rows, sink)
    year = _year(meta.get("nam"), sink)
    if not sink:
        nodes = _check_tree(nodes, sink)
    if sink:
        raise CatalogueImportError(sorted(sink, key=_row_number))
    children: dict[str, list[str]] = {}
    for node in nodes:
        if node.parent_code:
            children.setdefault(node.parent_code, []).append(node.code)
    return CatalogueSpec(
        clean(str(meta.get("ten") or "")) or tr("assessment.catalogue.untitled", source=source),
        year,
        tuple(nodes),
        code=clean(str(meta.get("ma_bo") or "")),
        province=clean(str(meta.get("tinh") or "")),
        decision=clean(str(meta.get("quyet_dinh") or "")),
        illustrative=_flag(meta.get("minh_hoa")),
        source=source,
        children=children,
    )


def _row_number(message: str) -> int:
    """Messages in row order: "Dòng 9: …" after "Dòng 3: …"; file-level messages first."""
    match = re.match(r"\D*?(\d+):", message)
    return int(match.group(1)) if match else 0


def _year(raw: Any, sink: list[str]) -> int | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    try:
        year = int(parse_number(raw) or 0)
    except (TypeError, ValueError):
        year = 0
    if not 2000 <= year <= 2100:
        sink.append(tr("assessment.import.bad_year", value=clean(str(raw))[:20]))
        return None
    return year


def _flag(raw: Any) -> bool:
    if isinstance(raw, str):
        return raw.strip().casefold() in ("1", "true", "x", "có", "co", "yes")
    return bool(raw)


def _duplicates(rows: list[RawRow], sink: list[str]) -> None:
    """A code used twice, reported at its second row (also when the first row is bad)."""
    first: dict[str, str] = {}
    for row in rows:
        code = _text(row.values, "ma")
        if code and code in first:
            sink.append(
                tr(
                    "assessment.import.row",
                    where=row.where,
                    message=tr("assessment.import.duplicate", code=code, other=first[code]),
                )
            )
        first.setdefault(code, row.where)


def _check_tree(nodes: list[NodeSpec], sink: list[str]) -> list[NodeSpec]:
    by_code = {node.code: node for node in nodes}
    levels = {node.code: _level(node, by_code, sink) for node in by_code.values()}
    if sink:
        return nodes
    parents = {node.parent_code for node in nodes if node.parent_code}
    placed = [_placed(node, levels[node.code], node.code in parents, by_code) for node in nodes]
    kinds = _leaf_methods(placed)
    for node in placed:
        _check_node(node, [n for n in placed if n.parent_code == node.code], kinds, sink)
    return placed


def _leaf_methods(nodes: list[NodeSpec]) -> dict[str, set[str]]:
    """Code → the methods of the leaves under it (a leaf: its own)."""
    by_code = {node.code: node for node in nodes}
    kinds: dict[str, set[str]] = {node.code: set() for node in nodes}
    for node in nodes:
        if not node.method:
            continue
        current: NodeSpec | None = node
        while current is not None:
            kinds[current.code].add(node.method)
            current = by_code.get(current.parent_code) if current.parent_code else None
    return kinds


def _add(sink: list[str], node: NodeSpec, key: str, **params: Any) -> None:
    sink.append(tr("assessment.import.row", where=node.where, message=tr(key, **params)))


def _level(node: NodeSpec, by_code: dict[str, NodeSpec], sink: list[str]) -> int:
    level, seen, current = 1, {node.code}, node
    while current.parent_code:
        parent = by_code.get(current.parent_code)
        if parent is None:
            _add(sink, current, "assessment.import.unknown_parent", parent=current.parent_code)
            return level
        if parent.code in seen:
            _add(sink, node, "assessment.import.cycle", parent=node.parent_code)
            return level
        seen.add(parent.code)
        level, current = level + 1, parent
    if level > MAX_LEVEL:
        _add(sink, node, "assessment.import.too_deep", code=node.code, level=level)
    return level


def _placed(node: NodeSpec, level: int, is_parent: bool, by_code: dict[str, NodeSpec]) -> NodeSpec:
    """Fix the level; a leaf without a method takes its nearest ancestor's (or tự chấm)."""
    from dataclasses import replace

    if is_parent:
        return replace(node, level=level, method="")
    method, current = node.method, node
    while not method and current.parent_code:
        current = by_code[current.parent_code]
        method = current.method
    return replace(node, level=level, method=method or "self")


def _check_node(node: NodeSpec, children: list[NodeSpec], kinds: dict[str, set[str]], sink: list[str]) -> None:
    if not children:
        if not on_step(node.max_points, node.step):
            _add(
                sink,
                node,
                "assessment.import.off_step",
                max=format_number(node.max_points),
                step=format_number(node.step),
            )
        return
    if any(kinds[child.code] & {"bonus", "penalty"} for child in children):
        return
    total = sum(child.max_points for child in children)
    if abs(total - node.max_points) > EPSILON:
        _add(
            sink,
            node,
            "assessment.import.sum_mismatch",
            code=node.code,
            sum=format_number(total),
            max=format_number(node.max_points),
        )
