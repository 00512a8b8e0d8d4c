"""Evidence files on report rows: listed under the report's year, locked with the report."""

from __future__ import annotations

import datetime as dt

import pytest

from cchc_desktop.kernel.errors import LockedError
from tests.reports.conftest import ready_to_submit

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_files_attach_to_report_rows_and_lock_with_the_report(ws, reports):
    report = reports.create(2026, "Q1")
    progress = reports.aggregate(report.id).progress[0]
    ws.evidence.attach("task_progress", progress.id, data=PDF, name="ke-hoach-05.pdf")
    targets = [label for entity, _, label in ws.evidence.targets(2026) if entity == "task_progress"]
    assert targets[0].startswith("Quý I/2026 — Nhiệm vụ 1: Ban hành Kế hoạch CCHC năm 2026")
    ready_to_submit(ws, report.id, 12)
    reports.submit(report.id, at=dt.datetime(2026, 3, 14, 9, 0))
    actual = reports.aggregate(report.id).actuals[0]
    with pytest.raises(LockedError):
        ws.evidence.attach("indicator_actual", actual.id, data=PDF, name="so-lieu.pdf")


def test_deleting_a_draft_removes_its_files(ws, reports):
    report = reports.create(2026, "Q1")
    actual = reports.aggregate(report.id).actuals[0]
    ws.evidence.attach("indicator_actual", actual.id, data=PDF, name="so-lieu.pdf")
    reports.delete_draft(report.id)
    assert ws.evidence.for_row("indicator_actual", actual.id) == []
