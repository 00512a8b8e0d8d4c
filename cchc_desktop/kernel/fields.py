"""Editable-field descriptions shared by the domain records and the edit layer.

A record's dataclass fields carry ``metadata`` made by :func:`editable`; the edit layer
reads it to coerce typed input and to name the field in Vietnamese messages.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.kernel.i18n import format_date, parse_date, parse_number, tr
from cchc_desktop.kernel.text import clean

KINDS = ("text", "int", "number", "bool", "date", "choice")


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: str
    label_key: str
    choices: tuple[str, ...] = ()
    required: bool = False
    multiline: bool = False

    @property
    def label(self) -> str:
        return tr(self.label_key)


def editable(
    kind: str,
    label_key: str,
    *,
    choices: tuple[str, ...] = (),
    required: bool = False,
    multiline: bool = False,
    default: Any = dataclasses.MISSING,
) -> Any:
    """Declare a dataclass field the user may edit."""
    assert kind in KINDS, kind
    meta = {"spec": (kind, label_key, choices, required, multiline)}
    if default is dataclasses.MISSING:
        default = _default_for(kind)
    return dataclasses.field(default=default, metadata=meta)


def _default_for(kind: str) -> Any:
    return {"text": "", "choice": "", "bool": False}.get(kind)


def field_specs(record_type: type) -> dict[str, FieldSpec]:
    """The editable fields of a record dataclass, in declaration order."""
    specs = {}
    for f in dataclasses.fields(record_type):
        spec = f.metadata.get("spec")
        if spec:
            kind, label_key, choices, required, multiline = spec
            specs[f.name] = FieldSpec(f.name, kind, label_key, choices, required, multiline)
    return specs


def coerce(spec: FieldSpec, value: Any) -> Any:
    """Turn user input into the stored value, or raise ValidationError naming the field."""
    try:
        result = _coerce(spec, value)
    except (ValueError, TypeError):
        raise ValidationError(
            f"field.invalid.{spec.kind}", field=spec.name, label=spec.label, value=clean(str(value))[:60]
        ) from None
    if spec.required and result in ("", None):
        raise ValidationError("field.required", field=spec.name, label=spec.label)
    return result


def _coerce(spec: FieldSpec, value: Any) -> Any:
    kind = spec.kind
    if kind == "text":
        return clean(value) if value is not None else ""
    if kind == "bool":
        return _to_bool(value)
    if value is None or (isinstance(value, str) and not value.strip()):
        return "" if kind == "choice" else None
    if kind == "int":
        number = parse_number(value)
        if number is None or number != int(number):
            raise ValueError(value)
        return int(number)
    if kind == "number":
        return parse_number(value)
    if kind == "date":
        parsed = parse_date(value) if not isinstance(value, dt.date) else value
        return parsed.isoformat() if parsed else None
    if kind == "choice":
        text = clean(value)
        if text not in spec.choices:
            raise ValueError(value)
        return text
    raise ValueError(kind)


_TRUE = {"1", "true", "x", "có", "co", "yes", "đúng", "c"}
_FALSE = {"0", "false", "", "không", "khong", "no", "k"}


def _to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return bool(value)
    text = clean(str(value)).lower() if value is not None else ""
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(value)


def display(spec: FieldSpec, value: Any) -> str:
    """The value as a person reads it (dates dd/mm/yyyy, decimal comma, Có/Không)."""
    from cchc_desktop.kernel.i18n import format_number

    if value is None or value == "":
        return ""
    if spec.kind == "date":
        return format_date(value)
    if spec.kind in ("number", "int"):
        return format_number(value)
    if spec.kind == "bool":
        return tr("common.yes") if value else tr("common.no")
    return str(value)
