"""Names for the audit trail: entity, field and action labels and values, as people read them.

Registered entities name themselves and their editable fields; other records (the unit
profile, status changes) have their labels in the catalogue under ``audit.*``.
"""

from __future__ import annotations

import json

from cchc_desktop.kernel.fields import display
from cchc_desktop.kernel.i18n import MESSAGES, tr
from cchc_desktop.kernel.store import records

LONG_VALUE = 200


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _first_known(*keys: str) -> str | None:
    return next((MESSAGES[key] for key in keys if key in MESSAGES), None)


def action_label(action: str) -> str:
    """ "update" → "Sửa"; actions of later parts may live under ``audit.action.extra.*``."""
    return _first_known(f"audit.action.{action}", f"audit.action.extra.{action}") or action


def entity_label(entity: str) -> str:
    """ "task" → "Nhiệm vụ"."""
    ent = records.ENTITIES.get(entity)
    if ent is not None:
        return _capitalised(tr(ent.label_key))
    return _first_known(f"audit.entity.{entity}") or entity


def field_label(entity: str, field: str) -> str:
    if not field:
        return ""
    ent = records.ENTITIES.get(entity)
    spec = ent.specs.get(field) if ent is not None else None
    if spec is not None:
        return spec.label
    return _first_known(f"audit.field.{entity}.{field}", f"audit.field.{field}", f"unit.field.{field}") or field


def value_text(entity: str, field: str, value: str | None) -> str:
    """The stored text of a value as a person reads it ("2.5" → "2,5", "2026-01-08" → "08/01/2026")."""
    if value is None or value == "":
        return ""
    if field == "status":
        return _first_known(f"{entity}.status.{value}", f"audit.status.{value}") or value
    ent = records.ENTITIES.get(entity)
    spec = ent.specs.get(field) if ent is not None else None
    text = _typed(spec, value) if spec is not None else _untyped(entity, value)
    return text if len(text) <= LONG_VALUE else text[: LONG_VALUE - 1] + "…"


def _typed(spec, value: str) -> str:
    try:
        if spec.kind in ("number", "int"):
            return display(spec, float(value))
        if spec.kind == "bool":
            return display(spec, value in ("True", "1", "true"))
        if spec.kind == "date":
            return display(spec, value)
    except ValueError:
        return value
    return value


def _untyped(entity: str, value: str) -> str:
    if entity != "unit_profile":
        return value
    try:
        decoded = json.loads(value)
    except ValueError:
        return value
    if isinstance(decoded, list):
        return "; ".join(str(item) for item in decoded)
    return "" if decoded is None else str(decoded)
