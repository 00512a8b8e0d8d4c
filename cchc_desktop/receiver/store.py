"""The receiver's tables: roster units, appraisals and their scores, reminder letters."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from cchc_desktop.assessment import store as assessment_store
from cchc_desktop.assessment.catalogue_files import load_default_catalogue
from cchc_desktop.exchange import store as exchange_store
from cchc_desktop.kernel.errors import LockedError, NotFoundError
from cchc_desktop.kernel.store import numbering, records
from cchc_desktop.kernel.store.records import Entity, inserted_id, now_iso, register
from cchc_desktop.receiver.appraisal_view import CriterionFacts, check_appraised
from cchc_desktop.receiver.model import Appraisal, AppraisalScore, ReminderLetter, RosterUnit


def _guard_appraisal(conn: sqlite3.Connection, row: dict) -> None:
    appraisal = conn.execute(
        "SELECT status, round, year FROM appraisals WHERE id = ?", [row["appraisal_id"]]
    ).fetchone()
    if appraisal is not None and appraisal["status"] != "draft":
        raise LockedError("receiver.appraisal.locked", round=appraisal["round"], year=appraisal["year"])


def _derive_appraisal_score(conn: sqlite3.Connection, row: dict) -> dict:
    """Check a newly typed appraised score against the criterion; nothing is derived."""
    value = row.get("appraised_score")
    if value is None or (row.get("id") is not None and value == _stored_appraised(conn, row["id"])):
        return {}
    facts = criterion_facts(conn, row["appraisal_id"])
    found = facts.get(row["criterion_code"])
    if found is not None:
        check_appraised(found[0], found[1], value)
    return {}


def _stored_appraised(conn: sqlite3.Connection, score_id: int) -> float | None:
    found = conn.execute("SELECT appraised_score FROM appraisal_scores WHERE id = ?", [score_id]).fetchone()
    return found[0] if found else None


def _guard_letter(conn: sqlite3.Connection, row: dict) -> None:
    if row.get("status") == "issued":
        raise LockedError("receiver.letter.locked", number=row.get("doc_number") or "")


ROSTER = register(Entity("roster_unit", "roster_units", RosterUnit, "province_code", "name", "entity.roster_unit"))
APPRAISAL = register(Entity("appraisal", "appraisals", Appraisal, None, "unit_code", "entity.appraisal", ordered=False))
APPRAISAL_SCORE = register(
    Entity(
        "appraisal_score",
        "appraisal_scores",
        AppraisalScore,
        "appraisal_id",
        "criterion_code",
        "entity.appraisal_score",
        guard=_guard_appraisal,
        derive=_derive_appraisal_score,
    )
)
LETTER = register(
    Entity(
        "reminder_letter",
        "reminder_letters",
        ReminderLetter,
        None,
        "subject",
        "entity.reminder_letter",
        ordered=False,
        guard=_guard_letter,
    )
)


# Roster #################################################################


def roster(conn: sqlite3.Connection) -> list[RosterUnit]:
    return records.find(conn, "roster_unit", "1 = 1", [], order="position, id")


def roster_codes(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    return {(row[0], row[1]) for row in conn.execute("SELECT province_code, unit_code FROM roster_units")}


def next_position(conn: sqlite3.Connection, province_code: str) -> int:
    row = conn.execute("SELECT count(*) FROM roster_units WHERE province_code = ?", [province_code]).fetchone()
    return int(row[0])


def insert_units(conn: sqlite3.Connection, rows: Iterable[dict]) -> list[int]:
    """Insert prepared roster rows (already checked), each at the end of its province's list."""
    ids = []
    for row in rows:
        values = dict(row, position=next_position(conn, row["province_code"]))
        columns = list(values)
        cursor = conn.execute(
            f"INSERT INTO roster_units ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            [values[c] for c in columns],
        )
        ids.append(inserted_id(cursor))
    return ids


# Appraisals #############################################################


def appraisals_of(conn: sqlite3.Connection, province: str, unit: str, year: int) -> list[Appraisal]:
    return records.find(
        conn, "appraisal", "province_code = ? AND unit_code = ? AND year = ?", [province, unit, year], order="round"
    )


def appraisals_of_year(conn: sqlite3.Connection, year: int) -> list[Appraisal]:
    return records.find(conn, "appraisal", "year = ?", [year], order="province_code, unit_code, round")


def insert_appraisal(conn: sqlite3.Connection, values: dict, scores: list[dict]) -> int:
    columns = list(values) + ["created_at"]
    cursor = conn.execute(
        f"INSERT INTO appraisals ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        [*values.values(), now_iso()],
    )
    appraisal_id = inserted_id(cursor)
    for position, score in enumerate(scores):
        cols = ["appraisal_id", "position", *score]
        conn.execute(
            f"INSERT INTO appraisal_scores ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            [appraisal_id, position, *score.values()],
        )
    return appraisal_id


def scores_of(conn: sqlite3.Connection, appraisal_id: int) -> list[AppraisalScore]:
    return records.children(conn, "appraisal_score", appraisal_id)


def package_criteria(conn: sqlite3.Connection, package_id: str, year: int) -> dict[str, tuple[CriterionFacts, bool]]:
    """The criteria of a received self-assessment by code, each with whether it is scored itself (a
    leaf); steps come from the office's catalogue of ``year`` where it has the criterion."""
    package = exchange_store.package_by_id(conn, package_id)
    if package is None:
        raise NotFoundError("receiver.appraisal.package_missing", package=package_id)
    rows = exchange_store.rows_of(conn, "criteria", package["id"])
    parents = {row["parent_code"] for row in rows}
    steps = _catalogue_steps(conn, year)
    return {
        row["code"]: (
            CriterionFacts(
                row["code"],
                row["name"],
                row["parent_code"],
                row["level"],
                row["method"],
                row["max_points"],
                row["self_score"],
                row["explanation"],
                row["evidence_count"],
                steps.get(row["code"], 0.0),
                row["response"],
            ),
            row["code"] not in parents,
        )
        for row in rows
    }


def criterion_facts(conn: sqlite3.Connection, appraisal_id: int) -> dict[str, tuple[CriterionFacts, bool]]:
    appraisal = records.get(conn, "appraisal", appraisal_id)
    return package_criteria(conn, appraisal.based_on, appraisal.year)


def _catalogue_steps(conn: sqlite3.Connection, year: int) -> dict[str, float]:
    """Scoring steps by code: of the office's catalogue for ``year``, else of the shipped one that
    communes use when their province has issued none."""
    catalogue = assessment_store.catalogue_for_year(conn, year)
    if catalogue is None:
        return {node.code: node.step for node in load_default_catalogue().nodes}
    return {c.code: c.step for c in assessment_store.criteria(conn, catalogue.id)}


# Reminder letters #######################################################


def letters(conn: sqlite3.Connection, year: int) -> list[ReminderLetter]:
    return records.find(conn, "reminder_letter", "year = ?", [year], order="id DESC")


def insert_letter(conn: sqlite3.Connection, values: dict) -> int:
    values = dict(values, created_at=now_iso())
    columns = list(values)
    cursor = conn.execute(
        f"INSERT INTO reminder_letters ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        [values[c] for c in columns],
    )
    return inserted_id(cursor)


numbering.register_numbered("reminder_letters", "issue_date")
