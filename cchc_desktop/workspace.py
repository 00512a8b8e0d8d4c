"""Workspace: the facade over one unit's SQLite file (one file per unit).

``Workspace.open(path)`` brings the schema up to date and hands out the features' services:
``ws.profile``, ``ws.plans``, ``ws.reports``, ``ws.assessment``, ``ws.evidence``, ``ws.audit``,
``ws.exchange``. Every user action is one method call, one transaction, and returns what changed.
The generic parts (connection, transactions, audited edits, undo) are :class:`UnitFile`'s.
"""

from __future__ import annotations

import sqlite3
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_desktop.assessment.service import AssessmentService
from cchc_desktop.audit.service import AuditService
from cchc_desktop.evidence.service import EvidenceService
from cchc_desktop.kernel.errors import WorkspaceError
from cchc_desktop.kernel.lock import WorkspaceLock
from cchc_desktop.kernel.unit_file import UnitFile
from cchc_desktop.plans.service import PlanService
from cchc_desktop.profile.model import receiver_profile
from cchc_desktop.profile.service import ProfileService
from cchc_desktop.reports.service import ReportService

if TYPE_CHECKING:
    from cchc_desktop.exchange.service import ExchangeService
    from cchc_desktop.receiver.appraisal import AppraisalService
    from cchc_desktop.receiver.frameworks import FrameworkService
    from cchc_desktop.receiver.letters import LetterService
    from cchc_desktop.receiver.receipts import ReceiptService
    from cchc_desktop.receiver.rollup import RollupService
    from cchc_desktop.receiver.service import ReceiverService
    from cchc_desktop.signing.service import SigningService


class Workspace(UnitFile):
    """Một tệp dữ liệu của một đơn vị, với các chức năng."""

    def __init__(
        self, path: Path, conn: sqlite3.Connection, migrated: list[str], lock: WorkspaceLock | None = None
    ) -> None:
        super().__init__(path, conn, migrated, lock)
        self.profile = ProfileService(self)
        self.plans = PlanService(self, self.profile)
        self.reports = ReportService(self, self.plans, self.profile)
        self.assessment = AssessmentService(self, self.reports)
        self.evidence = EvidenceService(self)
        self.audit = AuditService(self)

    def default_actor(self) -> str:
        return self.profile.get().focal_name or ""

    @cached_property
    def exchange(self) -> ExchangeService:
        """Gửi / nhận gói dữ liệu có ký số."""
        # Imported on first use: its cryptography and zip modules would add ~50 ms to every start,
        # and it owns no edited entity, so nothing else depends on it being loaded.
        from cchc_desktop.exchange.service import ExchangeService

        return ExchangeService(self)

    @cached_property
    def signing(self) -> SigningService:
        """Ký số văn bản: the signed copies of the plan, reports and self-assessment."""
        from cchc_desktop.signing.service import SigningService  # pyHanko only when signing

        return SigningService(self)

    @cached_property
    def receiver(self) -> ReceiverService:
        """Nơi nhận: the roster and the consolidation of what the units sent."""
        from cchc_desktop.receiver.service import ReceiverService  # beside the exchange it reads

        return ReceiverService(self)

    @cached_property
    def letters(self) -> LetterService:
        """Văn bản đôn đốc and the consolidated report of the receiving unit."""
        from cchc_desktop.receiver.letters import LetterService

        return LetterService(self.receiver)

    @cached_property
    def receipts(self) -> ReceiptService:
        """Biên nhận the office sends back to its communes."""
        from cchc_desktop.receiver.receipts import ReceiptService

        return ReceiptService(self.receiver, self)

    @cached_property
    def frameworks(self) -> FrameworkService:
        """Khung năm the office prepares and sends to its communes."""
        from cchc_desktop.receiver.frameworks import FrameworkService

        return FrameworkService(self.receiver, self)

    @cached_property
    def appraisals(self) -> AppraisalService:
        """Thẩm định điểm tự chấm of the units, round by round."""
        from cchc_desktop.receiver.appraisal import AppraisalService

        return AppraisalService(self.receiver, self)

    @cached_property
    def rollup(self) -> RollupService:
        """Báo cáo tổng hợp a district sends up to its province, and those a province received."""
        from cchc_desktop.receiver.rollup import RollupService

        return RollupService(self.letters, self)


def create_receiver(
    path: str | Path,
    name: str,
    province_code: str,
    level: str = "tinh",
    *,
    roster: bool = False,
    lock: str | None = None,
    district_code: str = "",
    superior_name: str = "",
) -> Workspace:
    """A new receiver workspace (Sở Nội vụ…): profile mode "receiver" and, with ``roster``, the province's
    communes from the official list (a district, for older data, lists its own by hand); made whole,
    or not at all."""
    target = Path(path)
    if not Workspace.is_free(target):
        raise WorkspaceError("exchange.receiver.exists", path=str(target))
    profile = receiver_profile(name, province_code, level)
    profile.district_code, profile.superior_name = district_code, superior_name  # a district reporting up

    def fill(ws: Workspace) -> None:
        ws.profile.save(profile)
        if roster and level == "tinh":
            ws.receiver.fill_roster()

    return Workspace.create(target, fill, lock=lock)
