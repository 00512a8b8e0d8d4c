"""Reading typed fields out of a parsed JSON object, naming the dotted path in every refusal.

Unknown fields are ignored (forward compatibility); strings come back in NFC.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from cchc_desktop.exchange.format.errors import ManifestFieldError
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.text import nfc

_MISSING = object()


def _shown(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


class FieldReader:
    """One JSON object of a manifest; ``path`` is its dotted location ("sender", "members[2]")."""

    def __init__(self, obj: Any, file: str, path: str = "") -> None:
        self.file = file
        self.path = path
        if not isinstance(obj, dict):
            raise self.error("", "exchange.reason.not_object")
        self.obj: dict[str, Any] = obj

    def error(self, name: str, key: str, **params: Any) -> ManifestFieldError:
        """The refusal for field ``name`` of this object, with a catalogue reason."""
        field = ".".join(part for part in (self.path, name) if part) or "manifest"
        return ManifestFieldError(self.file, field=field, reason=tr(key, **params))

    def _get(self, name: str) -> Any:
        value = self.obj.get(name, _MISSING)
        if value is _MISSING:
            raise self.error(name, "exchange.reason.missing")
        return value

    def has(self, name: str) -> bool:
        """True when ``name`` is present and not null."""
        return self.obj.get(name) is not None

    def child(self, name: str) -> FieldReader:
        """A required nested object."""
        return FieldReader(self._get(name), self.file, self._join(name))

    def optional_child(self, name: str) -> FieldReader | None:
        """A nested object that may be null or absent."""
        return self.child(name) if self.has(name) else None

    def children(self, name: str) -> list[FieldReader]:
        """A required array of objects."""
        value = self._get(name)
        if not isinstance(value, list):
            raise self.error(name, "exchange.reason.not_array")
        return [FieldReader(item, self.file, f"{self._join(name)}[{i}]") for i, item in enumerate(value)]

    def text(self, name: str, *, pattern: re.Pattern[str] | None = None, allow_empty: bool = False) -> str:
        """A required string, NFC; ``pattern`` must match the whole value when given."""
        value = self._get(name)
        if not isinstance(value, str):
            raise self.error(name, "exchange.reason.not_text")
        if not value and not allow_empty:
            raise self.error(name, "exchange.reason.empty")
        if pattern is not None and not pattern.fullmatch(value):
            raise self.error(name, "exchange.reason.pattern", value=_shown(value))
        return nfc(value)

    def optional_text(self, name: str, *, pattern: re.Pattern[str] | None = None) -> str | None:
        """A string that may be null or absent."""
        return self.text(name, pattern=pattern) if self.has(name) else None

    def integer(self, name: str, *, minimum: int, maximum: int | None = None) -> int:
        """A required integer (booleans are not integers here) within the bounds."""
        value = self._get(name)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(name, "exchange.reason.not_int")
        if value < minimum or (maximum is not None and value > maximum):
            high = maximum if maximum is not None else "∞"
            raise self.error(name, "exchange.reason.range", value=value, minimum=minimum, maximum=high)
        return value

    def choice(self, name: str, choices: Iterable[str]) -> str:
        """A required string out of ``choices``."""
        allowed = tuple(choices)
        value = self.text(name)
        if value not in allowed:
            raise self.error(name, "exchange.reason.choice", value=_shown(value), choices=", ".join(allowed))
        return value

    def _join(self, name: str) -> str:
        return f"{self.path}.{name}" if self.path else name
