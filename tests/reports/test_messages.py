"""Every status, state and attainment the report code can produce has its Vietnamese words."""

from __future__ import annotations

from cchc_desktop.kernel.i18n import MESSAGES
from cchc_desktop.reports.calc import ATTAINMENTS
from cchc_desktop.reports.model import REASON_STATUSES, REPORT_STATUSES, TASK_STATUSES

STATES = ("upcoming", "open", "due", "overdue", "on_time", "late")
EVENTS = ("create", "submit", "reopen", "follow_plan")


def test_dynamic_key_families_are_complete():
    families = [
        ("report.status", REPORT_STATUSES),
        ("report.task_status", TASK_STATUSES),
        ("report.attainment", ATTAINMENTS),
        ("report.state", STATES),
        ("report.event.action", EVENTS),
        ("audit.action", EVENTS),
    ]
    families += [("problem.task_progress", tuple(f"{s}_no_reason" for s in ("behind", *REASON_STATUSES)))]
    missing = [
        f"{prefix}.{value}" for prefix, values in families for value in values if f"{prefix}.{value}" not in MESSAGES
    ]
    assert missing == []
