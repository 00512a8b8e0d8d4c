"""Self-assessment fixtures and helpers (used by the assessment, evidence, audit and screen tests)."""

from __future__ import annotations

import pytest

YEAR = 2026


@pytest.fixture
def assessed(ws):
    """A workspace whose 2026 self-assessment has been started on the shipped catalogue."""
    ws.set_actor("Lê Thị Mai")
    ws.assessment.start(YEAR)
    return ws


def score_id(ws, code: str, year: int = YEAR) -> int:
    """The id of the score row of criterion ``code``."""
    line = next(line for line in ws.assessment.view(year, {}).lines if line.criterion.code == code)
    return line.score.id


def line_of(ws, code: str, values: dict | None = None, year: int = YEAR):
    return next(line for line in ws.assessment.view(year, values or {}).lines if line.criterion.code == code)
