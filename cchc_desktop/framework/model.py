"""Khung kế hoạch: the default framework a commune plan is created from.

A framework is data (JSON under ``resources/framework/``), not code: a province can ship its
own. Texts carry placeholders ({year}, {unit_short}, {receiver_name} …) filled per unit and year.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.kernel.paths import resource_path
from cchc_desktop.kernel.text import nfc
from cchc_desktop.profile.model import UnitProfile

DEFAULT_FRAMEWORK = ("framework", "commune-default.json")
_PLACEHOLDER = re.compile(r"\{(year|prev_year|unit_short|unit_full|receiver_name|province_name|province_name_lower)\}")


@dataclass
class Framework:
    """A loaded framework: identity (id, version, hash) and its content."""

    id: str
    version: str
    title: str
    hash: str
    areas: list[dict[str, str]]
    plan: dict[str, Any]
    indicators: list[dict[str, Any]]
    tasks: list[dict[str, Any]]
    extra: dict[str, Any] = field(default_factory=dict)


def load_framework(path: str | Path | None = None) -> Framework:
    """Read a framework file (the embedded default when ``path`` is None)."""
    file = Path(path) if path else resource_path(*DEFAULT_FRAMEWORK)
    try:
        raw = file.read_bytes()
        data = json.loads(raw.decode("utf-8"))
        return Framework(
            id=data["id"],
            version=str(data["version"]),
            title=nfc(data["title"]),
            hash=hashlib.sha256(raw).hexdigest(),
            areas=data["areas"],
            plan=data["plan"],
            indicators=data["indicators"],
            tasks=data["tasks"],
            extra={k: v for k, v in data.items() if k not in _KNOWN},
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ValidationError("plan.framework.invalid", path=str(file), reason=str(exc)) from exc


_KNOWN = {"id", "version", "title", "note", "areas", "plan", "indicators", "tasks"}


def placeholders(profile: UnitProfile, year: int) -> dict[str, str]:
    province = profile.province_name
    return {
        "year": str(year),
        "prev_year": str(year - 1),
        "unit_short": profile.short_name,
        "unit_full": profile.full_name,
        "receiver_name": profile.receiver_name,
        "province_name": province,
        "province_name_lower": province[:1].lower() + province[1:],
    }


def fill(value: Any, values: dict[str, str]) -> Any:
    """Fill placeholders in strings, recursively through lists and dicts."""
    if isinstance(value, str):
        return nfc(_PLACEHOLDER.sub(lambda m: values[m.group(1)], value))
    if isinstance(value, list):
        return [fill(v, values) for v in value]
    if isinstance(value, dict):
        return {k: fill(v, values) for k, v in value.items()}
    return value
