"""What sending and receiving packages needs of the open workspace.

The exchange sits above every other feature: it reads the plan, the reports, the self-assessment
and the evidence to send them, and writes received packages into its own tables. It names here
exactly what it uses; :class:`cchc_desktop.workspace.Workspace` provides all of it.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol

from cchc_desktop.assessment.service import AssessmentService
from cchc_desktop.evidence.service import EvidenceService
from cchc_desktop.kernel.backup_set import BackupSet
from cchc_desktop.plans.service import PlanService
from cchc_desktop.profile.service import ProfileService
from cchc_desktop.reports.service import ReportService


class ExchangeWorkspace(Protocol):
    """The workspace as the exchange sees it (Gửi / nhận gói)."""

    path: Path
    conn: sqlite3.Connection
    profile: ProfileService
    plans: PlanService
    reports: ReportService
    assessment: AssessmentService
    evidence: EvidenceService
    backups: BackupSet

    @property
    def actor(self) -> str: ...

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]: ...

    def put_setting(self, key: str, value: str | None) -> None: ...
