"""Checking the fields of a package's data.json: the reader that names each field it refuses.

Shared by the precise checker (``payload_shapes``) and the fast path (``payload_fast``).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

from cchc_desktop.exchange.import_errors import PayloadError
from cchc_desktop.kernel.i18n import tr

TASK_STATUSES = ("not_started", "in_progress", "done_on_time", "done_late", "not_done")
METHODS = ("", "self", "survey", "bonus", "penalty")


@dataclass
class PayloadRows:
    """A validated payload: rows per table, a few headline values for the diff, and when it was submitted."""

    tasks: list[tuple] = field(default_factory=list)
    indicators: list[tuple] = field(default_factory=list)
    criteria: list[tuple] = field(default_factory=list)
    evidence: list[tuple] = field(default_factory=list)
    header: dict[str, str] = field(default_factory=dict)
    submitted_at: str | None = None
    summary: str = ""  # what a kind without rows (a consolidation) says it holds, in place of row counts

    def tables(self) -> dict[str, list[tuple]]:
        return {
            "tasks": self.tasks,
            "indicators": self.indicators,
            "criteria": self.criteria,
            "evidence": self.evidence,
        }


class Check:
    """Typed reads from one JSON object at dotted ``path``, failing with PayloadError."""

    __slots__ = ("file", "path", "obj")

    def __init__(self, obj: Any, file: str, path: str) -> None:
        self.file, self.path = file, path
        if not isinstance(obj, dict):
            raise self.fail("", "exchange.reason.not_object")
        self.obj: dict[str, Any] = obj

    def fail(self, name: str, key: str, **params: Any) -> PayloadError:
        where = ".".join(p for p in (self.path, name) if p) or "data.json"
        return PayloadError(self.file, field=where, reason=tr(key, **params))

    def child(self, name: str) -> Check:
        return Check(self.obj.get(name), self.file, self._at(name))

    def items(self, name: str) -> list[Check]:
        value = self.obj.get(name)
        if not isinstance(value, list):
            raise self.fail(name, "exchange.reason.not_array")
        return [Check(item, self.file, f"{self._at(name)}[{i}]") for i, item in enumerate(value)]

    def text(self, name: str, *, required: bool = False) -> str:
        value = self.obj.get(name, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise self.fail(name, "exchange.reason.not_text")
        if required and not value:
            raise self.fail(name, "exchange.reason.empty")
        return value

    def number(self, name: str) -> float | None:
        value = self.obj.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise self.fail(name, "exchange.reason.not_number")
        return float(value)

    def integer(self, name: str, minimum: int = 0) -> int:
        value = self.obj.get(name)
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise self.fail(name, "exchange.reason.not_int")
        return value

    def flag(self, name: str) -> bool:
        value = self.obj.get(name, False)
        if not isinstance(value, bool):
            raise self.fail(name, "exchange.reason.not_bool")
        return value

    def date(self, name: str) -> str | None:
        value = self.text(name)
        if not value:
            return None
        try:
            (dt.datetime if "T" in value else dt.date).fromisoformat(value)
        except ValueError:
            raise self.fail(name, "exchange.reason.not_date", value=value[:40]) from None
        return value

    def choice(self, name: str, choices: tuple[str, ...]) -> str:
        value = self.text(name)
        if value not in choices:
            raise self.fail(
                name, "exchange.reason.choice", value=value[:40], choices=", ".join(c for c in choices if c)
            )
        return value

    def _at(self, name: str) -> str:
        return f"{self.path}.{name}" if self.path else name


def unique(check: Check, name: str, values: list[str]) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise check.fail(name, "exchange.reason.duplicate", value=value[:40])
        seen.add(value)
