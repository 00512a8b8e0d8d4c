"""Khung năm: the year's framework as rows — the framework itself, and the values the office edits.

The office edits an area's name, an indicator's target, a period's due date and a criterion's maximum
points; each is a row edited through the edit layer (audited, undoable), like any grid cell.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from cchc_desktop.kernel.fields import editable

ROLES = ("office", "received")


@dataclass
class YearFramework:
    """Khung năm của một năm: at the office, the one it prepares; at a commune, the one it received."""

    id: int
    year: int
    role: str
    framework_id: str
    title: str
    content: str
    hash: str = ""
    package_id: str | None = None
    sender: str = ""
    created_at: str = ""
    published_hash: str = ""
    published_at: str | None = None

    @property
    def data(self) -> dict[str, Any]:
        return json.loads(self.content)


@dataclass
class FrameworkArea:
    """Lĩnh vực: its name as the plans print it."""

    id: int
    framework_row_id: int
    position: int
    code: str
    name: str = editable("text", "framework.col.area_name", required=True)


@dataclass
class FrameworkIndicator:
    """Chỉ tiêu the communes must set: the target the office asks for."""

    id: int
    framework_row_id: int
    position: int
    code: str
    text: str = ""
    unit: str = ""
    target: float | None = editable("number", "framework.col.target")
    target_max: float | None = editable("number", "framework.col.target_max")


@dataclass
class FrameworkPeriod:
    """Kỳ báo cáo: its due date (hạn nộp) for the year."""

    id: int
    framework_row_id: int
    position: int
    code: str
    name: str = ""
    due_date: str | None = editable("date", "framework.col.due_date", required=True)


@dataclass
class FrameworkCriterion:
    """Tiêu chí chấm điểm: its maximum points."""

    id: int
    framework_row_id: int
    position: int
    code: str
    parent_code: str = ""
    name: str = ""
    max_points: float | None = editable("number", "framework.col.max_points", required=True)
