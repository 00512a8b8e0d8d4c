"""Tự đánh giá nhận được, checked against the criteria catalogue the receiver knows (§12.2).

A self-assessment package declares each criterion's maximum, method and the totals; none of that is
trusted. The receiver takes the catalogue it holds — the one whose content hash the package names, else
the one in force for the year, else the shipped illustrative one that communes use when their province
has issued none — and checks every criterion against it: a code it does not know, a maximum other than
its own, a score on a node that is not scored, or a score outside the catalogue's range is refused. The
rows it stores carry the catalogue's names, maxima and methods; the total is computed again from the
scores, and a declared total that differs is refused.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from cchc_desktop.assessment import store as assessment_store
from cchc_desktop.assessment.catalogue_files import load_default_catalogue
from cchc_desktop.exchange.import_errors import CatalogueUnknownError
from cchc_desktop.exchange.payload_check import Check, PayloadRows
from cchc_desktop.kernel.i18n import format_number

EPSILON = 1e-6


@dataclass(frozen=True)
class KnownCriterion:
    code: str
    parent_code: str
    level: int
    name: str
    method: str  # "" for an inner node; self, survey, bonus or penalty for a leaf
    max_points: float


@dataclass(frozen=True)
class KnownCatalogue:
    """A catalogue as the receiver holds it: its criteria by code, in catalogue order."""

    title: str
    content_hash: str
    year: int | None
    criteria: dict[str, KnownCriterion]


def known_catalogues(conn: sqlite3.Connection) -> list[KnownCatalogue]:
    """The catalogues this file holds, newest year first, then the shipped illustrative one."""
    held = []
    for catalogue in sorted(assessment_store.catalogues(conn), key=lambda c: (-c.year, -c.id)):
        rows = assessment_store.criteria(conn, catalogue.id)
        codes = {row.id: row.code for row in rows}
        parents = {row.parent_id for row in rows if row.parent_id is not None}
        criteria = {
            row.code: KnownCriterion(
                row.code,
                codes.get(row.parent_id, "") if row.parent_id else "",
                row.level,
                row.name,
                "" if row.id in parents else (row.method or "self"),
                row.max_points,
            )
            for row in rows
        }
        held.append(KnownCatalogue(catalogue.title, catalogue.content_hash, catalogue.year, criteria))
    return [*held, _shipped()]


def _shipped() -> KnownCatalogue:
    spec = load_default_catalogue()
    criteria = {
        node.code: KnownCriterion(
            node.code,
            node.parent_code,
            node.level,
            node.name,
            "" if spec.children.get(node.code) else (node.method or "self"),
            node.max_points,
        )
        for node in spec.nodes
    }
    return KnownCatalogue(spec.title, spec.content_hash, None, criteria)


def choose(known: list[KnownCatalogue], year: int, declared_hash: str) -> KnownCatalogue:
    """The catalogue the package names by its hash, else the one in force for ``year`` (imported for it or
    an earlier year), else the shipped one (always last in ``known``)."""
    named = next((c for c in known if declared_hash and c.content_hash == declared_hash), None)
    if named is not None:
        return named
    return next((c for c in known if c.year is not None and c.year <= year), known[-1])


def check_assessment(
    rows: PayloadRows, data: dict[str, Any], year: int, file: str, known: list[KnownCatalogue]
) -> PayloadRows:
    """The criteria rows rebuilt from the catalogue with the package's scores and texts; the header's total
    computed here. Refusals name the field (``assessment.criteria[3].max_points``…)."""
    root = Check(data, file, "")
    body = root.child("assessment")
    declared = body.obj.get("catalogue")
    declared_hash = declared.get("content_hash", "") if isinstance(declared, dict) else ""
    catalogue = choose(known, year, declared_hash if isinstance(declared_hash, str) else "")
    checked = [_criterion(body, index, row, catalogue) for index, row in enumerate(rows.criteria)]
    total = round(sum(_points(catalogue.criteria[row[1]], row[7]) for row in checked), 6)
    claimed = body.child("totals").number("total")
    if claimed is not None and abs(claimed - total) > EPSILON:
        raise body.child("totals").fail(
            "total", "exchange.reason.total_mismatch", value=format_number(claimed), total=format_number(total)
        )
    rows.criteria = checked
    rows.header = dict(rows.header, **{"exchange.diff.header.total": str(total)})
    return rows


def _criterion(body: Check, index: int, row: tuple, catalogue: KnownCatalogue) -> tuple:
    at = Check({}, body.file, f"assessment.criteria[{index}]")
    code, max_points, score = row[1], row[6], row[7]
    known = catalogue.criteria.get(code)
    if known is None:
        raise CatalogueUnknownError(body.file, field=at.path, code=code[:40], catalogue=catalogue.title)
    if max_points is not None and abs(max_points - known.max_points) > EPSILON:
        raise at.fail(
            "max_points",
            "exchange.reason.catalogue_max",
            value=format_number(max_points),
            expected=format_number(known.max_points),
        )
    if score is not None:
        if known.method in ("", "survey"):
            raise at.fail("self_score", "exchange.reason.score_not_allowed")
        low, high = (-known.max_points, 0.0) if known.method == "penalty" else (0.0, known.max_points)
        if not low - EPSILON <= score <= high + EPSILON:
            raise at.fail(
                "self_score",
                "exchange.reason.range",
                value=format_number(score),
                minimum=format_number(low),
                maximum=format_number(high),
            )
    position, _, _, _, _, _, _, _, explanation, override_reason, response, evidence = row
    return (
        position,
        code,
        known.parent_code,
        known.level,
        known.name,
        known.method,
        known.max_points,
        score,
        explanation,
        override_reason,
        response,
        evidence,
    )


def _points(criterion: KnownCriterion, score: float | None) -> float:
    """What a score adds to the unit's own total (survey points are the province's to give)."""
    if score is None or criterion.method in ("", "survey"):
        return 0.0
    return score
