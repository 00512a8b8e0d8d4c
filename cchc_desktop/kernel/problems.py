"""Vấn đề: a named validation message attached to the row it is about."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypedDict

from cchc_desktop.kernel.i18n import tr


@dataclass(frozen=True)
class Problem:
    """``error`` blocks issuing/exporting; ``warning`` never blocks anything."""

    severity: str
    key: str
    params: dict[str, Any] = field(default_factory=dict)
    entity: str = ""
    row_id: int | None = None
    field: str = ""

    @property
    def message(self) -> str:
        return tr(self.key, **self.params)

    @property
    def blocking(self) -> bool:
        return self.severity == "error"

    def to_dict(self) -> dict[str, Any]:
        return {
            "severity": self.severity,
            "code": self.key,
            "message": self.message,
            "entity": self.entity,
            "row_id": self.row_id,
            "field": self.field,
        }


class RowRef(TypedDict):
    """The row a problem is about, handed on to ``error`` / ``warning`` as ``**ref``."""

    entity: str
    row_id: int | None


def error(key: str, entity: str = "", row_id: int | None = None, field: str = "", **params: Any) -> Problem:
    return Problem("error", key, params, entity, row_id, field)


def warning(key: str, entity: str = "", row_id: int | None = None, field: str = "", **params: Any) -> Problem:
    return Problem("warning", key, params, entity, row_id, field)
