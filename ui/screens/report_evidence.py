"""The seam between the report screen and the evidence panel (tài liệu kiểm chứng).

The report screen emits ``subject_changed(entity, row_id)`` for the current row of its task
and indicator grids (entities ``task_progress`` and ``indicator_actual``). The evidence panel
beside the grids shows the files of that row: read-only while the report is submitted, listed
under the report's year.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cchc_desktop.kernel.i18n import tr
from ui.widgets.evidence_panel import EvidencePanel

if TYPE_CHECKING:
    from ui.screens.report_screen import ReportScreen


def evidence_panel(screen: ReportScreen) -> EvidencePanel:
    """The panel following the screen's current row."""
    panel = EvidencePanel(screen.session, screen)
    screen.subject_changed.connect(lambda entity, row_id: show_row(screen, panel, entity, row_id))
    return panel


def show_row(screen: ReportScreen, panel: EvidencePanel, entity: str, row_id: int) -> None:
    panel.setVisible(bool(entity))  # files belong to grid rows, not to the narrative or document tabs
    if screen.agg is None or row_id < 0:
        panel.set_target(None)
        return
    hint = tr("ui.report.evidence.hint", what=_row_name(screen, entity, row_id), period=screen.agg.period.label)
    panel.set_target((entity, row_id), read_only=screen.agg.report.locked, year=screen.agg.report.year, hint=hint)


def _row_name(screen: ReportScreen, entity: str, row_id: int) -> str:
    agg = screen.agg
    if entity == "task_progress":
        row = next((p for p in agg.progress if p.id == row_id), None)
        return tr("ui.report.evidence.task", row=row.position + 1) if row else ""
    actual = next((a for a in agg.actuals if a.id == row_id), None)
    if actual is None:
        return ""
    return tr("ui.report.evidence.indicator", name=agg.indicators[actual.indicator_id].code or actual.position + 1)
