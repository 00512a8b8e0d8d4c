"""Helpers shared by the assessment tests."""

from __future__ import annotations

YEAR = 2026


def score_id(ws, code: str, year: int = YEAR) -> int:
    """The id of the score row of criterion ``code``."""
    line = next(line for line in ws.assessment.view(year, {}).lines if line.criterion.code == code)
    return line.score.id


def line_of(ws, code: str, values: dict | None = None, year: int = YEAR):
    return next(line for line in ws.assessment.view(year, values or {}).lines if line.criterion.code == code)
