"""Kết quả thẩm định nhận được (at a commune): the appraised scores and comments its superior sent.

The package's ``data.json`` holds the round, the office's note and one line per criterion (the self-score
appraised, the appraised score, the comment). The lines are stored as rows of the received package
(``received_appraisal_scores``), so a newer round replaces them and a rollback takes them away; the
commune reads the current round beside its own scores and answers it (giải trình) before re-submitting.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from cchc_desktop.assessment.criteria import EPSILON
from cchc_desktop.exchange import store
from cchc_desktop.exchange.payload_check import Check
from cchc_desktop.kernel.i18n import format_number, tr


@dataclass(frozen=True)
class AppraisedLine:
    code: str
    name: str
    max_points: float | None
    self_score: float | None  # the score the office appraised (as the unit had sent it)
    appraised_score: float | None
    comment: str

    @property
    def differs(self) -> bool:
        if self.appraised_score is None:
            return False
        return abs(self.appraised_score - (self.self_score or 0.0)) > EPSILON


@dataclass(frozen=True)
class ReceivedAppraisal:
    """The current appraisal round the commune holds for a year."""

    year: int
    round: int
    sender: str
    sent_at: str
    note: str
    lines: dict[str, AppraisedLine]

    @property
    def changed(self) -> list[AppraisedLine]:
        return [line for line in self.lines.values() if line.differs]

    @property
    def appraised_total(self) -> float:
        return round(sum(line.appraised_score or 0.0 for line in self.lines.values()), 4)

    @property
    def self_total(self) -> float:
        return round(sum(line.self_score or 0.0 for line in self.lines.values()), 4)


def appraisal_rows(root: Check) -> list[tuple]:
    """The lines of an appraisal package in ``store.ROW_TABLES["appraisal_scores"]`` order."""
    rows = []
    for position, item in enumerate(root.items("scores")):
        rows.append(
            (
                position,
                item.text("code", required=True),
                item.text("name"),
                item.number("max_points"),
                item.number("self_score"),
                item.number("appraised_score"),
                item.text("comment"),
            )
        )
    return rows


def appraisal_summary(root: Check, rows: list[tuple]) -> str:
    """ "vòng 2: 78,5 điểm tự chấm, 76 điểm sau thẩm định, 3 tiêu chí được điều chỉnh" """
    header = root.child("appraisal")
    lines = [_line(row) for row in rows]
    changed = sum(1 for line in lines if line.differs)
    return tr(
        "exchange.down.appraisal.summary",
        round=header.integer("round", 1),
        self_total=format_number(round(sum(line.self_score or 0.0 for line in lines), 4)),
        appraised=format_number(round(sum(line.appraised_score or 0.0 for line in lines), 4)),
        changed=changed,
    )


def received_appraisal(conn: sqlite3.Connection, year: int) -> ReceivedAppraisal | None:
    """The current appraisal of ``year`` (None when the superior has sent none, or it was rolled back)."""
    current = [r for r in store.received(conn, current_only=True) if r["kind"] == "appraisal" and r["year"] == year]
    if not current:
        return None
    row = current[0]
    header = json.loads(store.stored_data_json(store.package_row(conn, row["id"]))).get("appraisal", {})
    lines = {r["code"]: _line(tuple(r)) for r in store.rows_of(conn, "appraisal_scores", row["id"])}
    round_ = int(header.get("round", 1))
    return ReceivedAppraisal(year, round_, row["unit_name"], row["created_at"], header.get("note", ""), lines)


def _line(row: tuple) -> AppraisedLine:
    _, code, name, max_points, self_score, appraised, comment = row
    return AppraisedLine(code, name, max_points, self_score, appraised, comment)
