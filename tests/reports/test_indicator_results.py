"""The latest figure of each indicator feeds the self-assessment's proposed scores."""

from __future__ import annotations

from cchc_desktop.workspace import Workspace


def test_latest_figures_by_code_and_proposals(demo_path):
    ws = Workspace.open(demo_path)
    results = ws.reports.indicator_results(2026)
    assert len(results) >= 20 and all(code.startswith(("CX-", "KP-")) for code in results)
    values = ws.assessment.indicator_values(2026)
    assert values == results
    view = ws.assessment.view(2026, values)
    proposed = [line for line in view.lines if line.proposed is not None]
    ws.close()
    assert proposed, "criteria tied to an indicator get a proposed score"
