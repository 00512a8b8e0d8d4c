"""Assessment tables: entity registration (lock, score checks), catalogue storage, queries."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

from cchc_desktop.assessment.catalogue import CatalogueSpec
from cchc_desktop.assessment.criteria import Criterion, parse_thresholds, score_problem, score_range
from cchc_desktop.assessment.model import Assessment, Catalogue, CriterionScore
from cchc_desktop.evidence import store as store_evidence
from cchc_desktop.kernel.errors import LockedError, NotFoundError, ValidationError
from cchc_desktop.kernel.i18n import format_date, format_number
from cchc_desktop.kernel.store import records
from cchc_desktop.kernel.store.records import Entity, inserted_id, new_uid, now_iso, register

SCORE_ENTITY = "criterion_score"


def assessment_row(conn: sqlite3.Connection, assessment_id: int) -> dict:
    row = conn.execute("SELECT * FROM assessments WHERE id = ?", [assessment_id]).fetchone()
    if row is None:
        raise NotFoundError("error.row_missing", what="bản tự đánh giá", id=assessment_id)
    return dict(row)


def ensure_assessment_editable(conn: sqlite3.Connection, assessment_id: int) -> dict:
    """Raise LockedError, saying when it was submitted and how to reopen, unless it is a draft."""
    row = assessment_row(conn, assessment_id)
    if row["status"] == "draft":
        return row
    raise LockedError("assessment.locked", year=row["year"], date=format_date(row["submitted_at"]))


def _guard_score(conn: sqlite3.Connection, row: dict) -> None:
    ensure_assessment_editable(conn, row["assessment_id"])


def _derive_score(conn: sqlite3.Connection, row: dict) -> dict:
    """Check a newly typed score against the criterion (method, range, step); nothing is derived.

    A stored score is not checked again here (editing the explanation of a criterion whose
    score a new catalogue no longer accepts must still work); the checks report it instead.
    """
    value = row.get("self_score")
    if value is None or (row.get("id") is not None and value == _stored_score(conn, row["id"])):
        return {}
    criterion = criterion_by_id(conn, row["criterion_id"])
    problem = score_problem(criterion, value)
    if problem is None:
        return {}
    low, high = score_range(criterion)
    key = {
        "survey": "assessment.score.survey",
        "step": "assessment.score.step",
        "range": "assessment.score.penalty_range" if criterion.method == "penalty" else "assessment.score.range",
    }
    raise ValidationError(
        key[problem],
        field="self_score",
        code=criterion.code,
        value=format_number(value),
        low=format_number(low),
        high=format_number(high),
        step=format_number(criterion.step),
    )


def _stored_score(conn: sqlite3.Connection, score_id: int) -> float | None:
    found = conn.execute("SELECT self_score FROM criterion_scores WHERE id = ?", [score_id]).fetchone()
    return found[0] if found else None


SCORE = register(
    Entity(
        SCORE_ENTITY,
        "criterion_scores",
        CriterionScore,
        "assessment_id",
        "label",
        "entity.criterion_score",
        guard=_guard_score,
        derive=_derive_score,
    )
)
ASSESSMENT = register(Entity("assessment", "assessments", Assessment, None, "year", "entity.assessment", ordered=False))
CATALOGUE = register(
    Entity(
        "criteria_catalogue",
        "criteria_catalogues",
        Catalogue,
        None,
        "title",
        "entity.criteria_catalogue",
        ordered=False,
    )
)


# Evidence on scores: listed under the assessment's year, locked with it ###


def _score_year(conn: sqlite3.Connection, score_id: int) -> int:
    row = conn.execute(
        "SELECT a.year FROM criterion_scores s JOIN assessments a ON a.id = s.assessment_id WHERE s.id = ?", [score_id]
    ).fetchone()
    if row is None:
        raise NotFoundError("error.row_missing", what="tiêu chí", id=score_id)
    return int(row[0])


def _score_guard(conn: sqlite3.Connection, score_id: int) -> None:
    _guard_score(conn, records.fetch_row(conn, SCORE, score_id))


def _score_targets(conn: sqlite3.Connection, year: int) -> list[tuple[int, str]]:
    rows = conn.execute(
        "SELECT s.id, s.label FROM criterion_scores s JOIN assessments a ON a.id = s.assessment_id"
        " JOIN criteria c ON c.id = s.criterion_id WHERE a.year = ? AND c.method != 'survey'"
        " ORDER BY s.position",
        [year],
    )
    return [(row[0], row[1]) for row in rows]


store_evidence.register_owner(SCORE_ENTITY, store_evidence.EvidenceOwner(_score_year, _score_guard, _score_targets))


# Catalogues ###########################################################


def _catalogue(row: sqlite3.Row) -> Catalogue:
    values = dict(row)
    values["illustrative"] = bool(values["illustrative"])
    return Catalogue(**values)


def catalogue_row(conn: sqlite3.Connection, catalogue_id: int) -> dict:
    return dict(conn.execute("SELECT * FROM criteria_catalogues WHERE id = ?", [catalogue_id]).fetchone())


def set_catalogue(conn: sqlite3.Connection, assessment_id: int, catalogue_id: int) -> None:
    """The assessment is now scored against ``catalogue_id`` (a re-imported catalogue)."""
    conn.execute("UPDATE assessments SET catalogue_id = ? WHERE id = ?", [catalogue_id, assessment_id])


def catalogue(conn: sqlite3.Connection, catalogue_id: int) -> Catalogue:
    row = conn.execute("SELECT * FROM criteria_catalogues WHERE id = ?", [catalogue_id]).fetchone()
    if row is None:
        raise NotFoundError("error.row_missing", what="bộ tiêu chí", id=catalogue_id)
    return _catalogue(row)


def catalogue_for_year(conn: sqlite3.Connection, year: int) -> Catalogue | None:
    """The newest catalogue in force for ``year``: imported for it, or for an earlier year."""
    row = conn.execute(
        "SELECT * FROM criteria_catalogues WHERE year <= ? ORDER BY year DESC, id DESC LIMIT 1", [year]
    ).fetchone()
    return _catalogue(row) if row else None


def catalogue_of_framework(conn: sqlite3.Connection, framework_id: str, digest: str) -> Catalogue | None:
    """The catalogue that came in the framework ``framework_id`` of hash ``digest``, once stored."""
    row = conn.execute(
        "SELECT * FROM criteria_catalogues WHERE framework_id = ? AND framework_hash = ? ORDER BY id DESC LIMIT 1",
        [framework_id, digest],
    ).fetchone()
    return _catalogue(row) if row else None


def set_catalogue_framework(conn: sqlite3.Connection, catalogue_id: int, framework_id: str, digest: str) -> None:
    conn.execute(
        "UPDATE criteria_catalogues SET framework_id = ?, framework_hash = ? WHERE id = ?",
        [framework_id, digest, catalogue_id],
    )


def catalogues(conn: sqlite3.Connection) -> list[Catalogue]:
    return [_catalogue(row) for row in conn.execute("SELECT * FROM criteria_catalogues ORDER BY year, id")]


def _criterion(row: sqlite3.Row) -> Criterion:
    values = dict(row)
    return Criterion(**values, rules=parse_thresholds(values["thresholds"]))


def criterion_by_id(conn: sqlite3.Connection, criterion_id: int) -> Criterion:
    row = conn.execute("SELECT * FROM criteria WHERE id = ?", [criterion_id]).fetchone()
    if row is None:
        raise NotFoundError("error.row_missing", what="tiêu chí", id=criterion_id)
    return _criterion(row)


def criteria(conn: sqlite3.Connection, catalogue_id: int) -> list[Criterion]:
    rows = conn.execute("SELECT * FROM criteria WHERE catalogue_id = ? ORDER BY position", [catalogue_id])
    return [_criterion(row) for row in rows]


def insert_catalogue(conn: sqlite3.Connection, spec: CatalogueSpec, year: int) -> int:
    """Store a checked catalogue for ``year``; parents are linked once every node exists."""
    cursor = conn.execute(
        "INSERT INTO criteria_catalogues (uid, code, title, province, decision, year, illustrative, source,"
        " content_hash, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            new_uid(),
            spec.code,
            spec.title,
            spec.province,
            spec.decision,
            year,
            int(spec.illustrative),
            spec.source,
            spec.content_hash,
            now_iso(),
        ],
    )
    catalogue_id = inserted_id(cursor)
    ids: dict[str, int] = {}
    for position, node in enumerate(spec.nodes):
        cursor = conn.execute(
            "INSERT INTO criteria (catalogue_id, position, level, code, name, max_points, method, step, guidance,"
            " evidence_required, indicator_code, thresholds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                catalogue_id,
                position,
                node.level,
                node.code,
                node.name,
                node.max_points,
                node.method,
                node.step,
                node.guidance,
                node.evidence_required,
                node.indicator_code,
                node.thresholds,
            ],
        )
        ids[node.code] = inserted_id(cursor)
    for node in spec.nodes:
        if node.parent_code:
            conn.execute("UPDATE criteria SET parent_id = ? WHERE id = ?", [ids[node.parent_code], ids[node.code]])
    return catalogue_id


# Assessments and scores ################################################


def _assessment(row: sqlite3.Row | Mapping[str, Any]) -> Assessment:
    return Assessment(**dict(row))


def assessment(conn: sqlite3.Connection, assessment_id: int) -> Assessment:
    return _assessment(assessment_row(conn, assessment_id))


def assessment_for_year(conn: sqlite3.Connection, year: int) -> Assessment | None:
    row = conn.execute("SELECT * FROM assessments WHERE year = ?", [year]).fetchone()
    return _assessment(row) if row else None


def insert_assessment(conn: sqlite3.Connection, year: int, catalogue_id: int) -> int:
    cursor = conn.execute(
        "INSERT INTO assessments (uid, year, catalogue_id, created_at) VALUES (?, ?, ?, ?)",
        [new_uid(), year, catalogue_id, now_iso()],
    )
    return inserted_id(cursor)


def scores(conn: sqlite3.Connection, assessment_id: int) -> list[CriterionScore]:
    return records.children(conn, SCORE_ENTITY, assessment_id)


def leaf_criteria(conn: sqlite3.Connection, catalogue_id: int) -> list[Criterion]:
    rows = conn.execute(
        "SELECT * FROM criteria c WHERE catalogue_id = ? AND NOT EXISTS"
        " (SELECT 1 FROM criteria k WHERE k.parent_id = c.id) ORDER BY position",
        [catalogue_id],
    )
    return [_criterion(row) for row in rows]


def scores_with_data(conn: sqlite3.Connection, assessment_id: int) -> dict[str, int]:
    """Code → score id of every criterion the unit has written something on (score, text, files)."""
    rows = conn.execute(
        "SELECT code, id FROM criterion_scores s WHERE assessment_id = ? AND (self_score IS NOT NULL"
        " OR explanation != '' OR override_reason != '' OR response != '' OR EXISTS (SELECT 1 FROM evidence_files e"
        " WHERE e.entity = ? AND e.row_id = s.id))",
        [assessment_id, SCORE_ENTITY],
    )
    return {row[0]: row[1] for row in rows}


def sync_scores(conn: sqlite3.Connection, assessment_id: int, catalogue_id: int) -> tuple[int, int, list[int]]:
    """Point the assessment's score rows at the catalogue's leaves, matching by code.

    Returns (kept, added, removed ids). Rows whose code is no longer a leaf are deleted with
    their evidence (the caller has asked the user first).
    """
    existing = {s.code: s for s in scores(conn, assessment_id)}
    leaves = leaf_criteria(conn, catalogue_id)
    kept = added = 0
    for position, criterion in enumerate(leaves):
        label = f"{criterion.code} {criterion.name}"
        current = existing.pop(criterion.code, None)
        if current is None:
            conn.execute(
                "INSERT INTO criterion_scores (uid, assessment_id, criterion_id, position, code, label)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [new_uid(), assessment_id, criterion.id, position, criterion.code, label],
            )
            added += 1
        else:
            conn.execute(
                "UPDATE criterion_scores SET criterion_id = ?, position = ?, label = ? WHERE id = ?",
                [criterion.id, position, label, current.id],
            )
            kept += 1
    removed = [s.id for s in existing.values()]
    store_evidence.delete_for_rows(conn, SCORE_ENTITY, removed)
    for score_id in removed:
        conn.execute("DELETE FROM criterion_scores WHERE id = ?", [score_id])
    return kept, added, removed
