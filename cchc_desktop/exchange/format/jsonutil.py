"""Canonical JSON for writing, strict JSON for reading.

Writers produce one byte sequence for one value (sorted keys, NFC strings, UTF-8, two-space indent,
trailing newline) so packages are reproducible. Readers refuse the JSON corners that let two parsers
disagree about a signed document: duplicate keys, NaN/Infinity, a byte-order mark, invalid UTF-8.
They also refuse what no field of a package needs and what would break later steps: an integer
outside SQLite's 64-bit range (a 5,000-digit number would otherwise stop the parser itself), a
number too large for a float, and a lone surrogate (``\\ud800``), which no UTF-8 text can hold.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.text import nfc


class StrictJsonError(ValueError):
    """Raised by ``strict_loads``; callers turn it into a typed, file-naming refusal.

    ``reason`` is a short Vietnamese phrase ("sai cú pháp JSON ở dòng 3, cột 7").
    """

    def __init__(self, key: str, **params: Any) -> None:
        self.reason = tr(key, **params)
        super().__init__(self.reason)


def normalise(value: Any) -> Any:
    """Return ``value`` with every string (keys included) in Unicode NFC; tuples become lists."""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, dict):
        return {nfc(str(k)): normalise(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [normalise(v) for v in value]
    return value


def canonical_bytes(value: Any) -> bytes:
    """Serialise ``value`` canonically; NaN and Infinity are refused (ValueError)."""
    text = json.dumps(normalise(value), sort_keys=True, ensure_ascii=False, indent=2, allow_nan=False)
    return (text + "\n").encode("utf-8")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)  # built in C; only a repeated key makes it shorter than the pairs
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise StrictJsonError("exchange.json.duplicate_key", name=key)
            seen.add(key)
    return result


def _no_constant(name: str) -> Any:
    raise StrictJsonError("exchange.json.constant", name=name)


#: The integers a package may hold: SQLite's signed 64-bit range (every stored number fits).
INT_MIN, INT_MAX = -(2**63), 2**63 - 1
_LONGEST_INT = len(str(INT_MIN))
_SHOWN_DIGITS = 24


def _shown_number(text: str) -> str:
    return text if len(text) <= _SHOWN_DIGITS else text[: _SHOWN_DIGITS - 1] + "…"


def _bounded_int(text: str) -> int:
    """An integer of the 64-bit range; the length is checked before converting (no digit-limit error)."""
    value = int(text) if len(text) <= _LONGEST_INT else None
    if value is None or not INT_MIN <= value <= INT_MAX:
        raise StrictJsonError("exchange.json.number_range", value=_shown_number(text))
    return value


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise StrictJsonError("exchange.json.number_range", value=_shown_number(text))
    return value


_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def _lone_surrogate(value: Any) -> bool:
    """True when a string (key or value) anywhere in ``value`` holds a surrogate code point."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if any(0xD800 <= ord(ch) <= 0xDFFF for ch in item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def strict_loads(raw: bytes) -> dict[str, Any]:
    """Parse ``raw`` as one UTF-8 JSON object; raise StrictJsonError with a Vietnamese reason."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raise StrictJsonError("exchange.json.bom")
    try:
        text = raw.decode("utf-8")
        value = json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_constant=_no_constant,
            parse_int=_bounded_int,
            parse_float=_finite_float,
        )
    except UnicodeDecodeError as exc:
        raise StrictJsonError("exchange.json.not_utf8", position=exc.start) from None
    except json.JSONDecodeError as exc:
        raise StrictJsonError("exchange.json.syntax", line=exc.lineno, column=exc.colno) from None
    except RecursionError:
        raise StrictJsonError("exchange.json.too_deep") from None
    if not isinstance(value, dict):
        raise StrictJsonError("exchange.json.not_object")
    # Surrogates come only from \u escapes (the UTF-8 decoder refuses them): look only when one is there.
    if _SURROGATE_ESCAPE.search(raw) and _lone_surrogate(value):
        raise StrictJsonError("exchange.json.surrogate")
    return value
