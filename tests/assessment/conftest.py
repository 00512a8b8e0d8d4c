"""Fixtures for the self-assessment, evidence and audit tests: real workspaces, real files."""

from __future__ import annotations

import pytest

from tests.assessment.helpers import YEAR


@pytest.fixture
def assessed(ws):
    """A workspace whose 2026 self-assessment has been started on the shipped catalogue."""
    ws.set_actor("Lê Thị Mai")
    ws.assessment.start(YEAR)
    return ws
