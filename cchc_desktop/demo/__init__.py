"""Tạo dữ liệu mẫu: a fictional commune's workspace for first-time users and tests.

The commune, its officials and its choices come from ``resources/demo/demo-commune.json``; the
plan is created from the embedded framework the way a user would, then the reports and the
self-assessment are built on it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cchc_desktop.demo import assessment as demo_assessment
from cchc_desktop.demo import plan as demo_plan
from cchc_desktop.demo import reports as demo_reports
from cchc_desktop.demo.data import load_demo_data
from cchc_desktop.kernel.errors import WorkspaceError
from cchc_desktop.profile.model import UnitProfile
from cchc_desktop.workspace import Workspace


def create_demo(path: str | Path, *, year: int | None = None) -> Workspace:
    """Create the demo workspace at ``path`` (refuses an existing file; made whole, or not at all)."""
    target = Path(path)
    if not Workspace.is_free(target):
        raise WorkspaceError("demo.exists", path=str(target))
    year = year or dt.date.today().year
    data = load_demo_data()

    def fill(ws: Workspace) -> None:
        profile = ws.profile.save(UnitProfile.from_dict(data["profile"]))
        ws.set_actor(profile.focal_name)
        demo_plan.build(ws, data["plan"], profile, year)
        demo_reports.build(ws, year)
        demo_assessment.build(ws, year)

    return Workspace.create(target, fill)
