"""The one Vietnamese message catalogue, used by core, UI, PDF and Excel alike.

``tr(key, **params)`` looks a message up and fills its named placeholders.
Formatting of dates and numbers for people (dd/mm/yyyy, decimal comma) lives here too.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from cchc_desktop.kernel.i18n.vi import MESSAGES

__all__ = [
    "MESSAGES",
    "as_date",
    "tr",
    "format_date",
    "format_datetime",
    "format_number",
    "format_percent",
    "parse_date",
    "parse_number",
    "roman",
]


def tr(key: str, **params: Any) -> str:
    """Return the Vietnamese message for ``key`` with ``params`` filled in.

    An unknown key returns the key itself so a missing message is visible, never fatal;
    a test checks that every key used in the code exists.
    """
    template = MESSAGES.get(key)
    if template is None:
        return key
    if not params:
        return template
    return template.format(**params)


def format_date(value: dt.date | str | None) -> str:
    """``date(2026, 1, 5)`` → ``"05/01/2026"``; ISO strings are accepted; None → ""."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def format_datetime(value: dt.datetime | str | None) -> str:
    """``"2026-03-20T08:05:00"`` → ``"08:05 20/03/2026"``."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return f"{value.hour:02d}:{value.minute:02d} {format_date(value.date())}"


def format_number(value: float | int | None, decimals: int | None = None, *, max_decimals: int | None = None) -> str:
    """Vietnamese number: ``1234.5`` → ``"1.234,5"``; integers keep no decimals.

    ``max_decimals`` rounds half up to at most that many decimals and drops trailing zeros
    (``43.709826`` → ``"43,71"``, ``16.25`` → ``"16,25"``, ``0.125`` → ``"0,13"``)."""
    if value is None or value == "":
        return ""
    number = float(value)
    if max_decimals is not None and decimals is None:
        number = float(Decimal(repr(number)).quantize(Decimal(1).scaleb(-max_decimals), ROUND_HALF_UP))
    if decimals is None:
        decimals = 0 if number == int(number) else _needed_decimals(number)
    text = f"{number:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_percent(value: float | None, decimals: int = 1) -> str:
    """``87.25`` → ``"87,3%"`` (the value is already in percent)."""
    if value is None:
        return ""
    text = format_number(round(value, decimals), None if value == int(value) else decimals)
    return f"{text}%"


def _needed_decimals(number: float) -> int:
    text = f"{number:.6f}".rstrip("0")
    return min(len(text.split(".")[1]), 6) if "." in text else 0


_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


def parse_number(text: str | float | int | None) -> float | None:
    """Read a number typed the Vietnamese way ("2,5", "1.000", "1.234,5") or plainly ("2.5").

    Returns None for empty input; raises ValueError for text that is not a number.
    """
    if text is None:
        return None
    if isinstance(text, (int, float)):
        return float(text)
    raw = text.strip().replace(" ", "").replace("\u00a0", "").rstrip("%")
    if raw == "":
        return None
    if "," in raw:
        raw = raw.replace(".", "").replace(",", ".")
    elif _THOUSANDS.match(raw):
        raw = raw.replace(".", "")
    return float(raw)


_DATE_PATTERNS = (re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$"),)


def as_date(value: dt.date | dt.datetime | str | None) -> dt.date | None:
    """A stored value (a date, a datetime or an ISO string) as a date; None for nothing."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def parse_date(text: str | dt.date | None) -> dt.date | None:
    """Read "05/01/2026", "5/1/2026" or ISO "2026-01-05"; None for empty; ValueError if bad."""
    if text is None or isinstance(text, dt.date):
        return text
    raw = text.strip()
    if not raw:
        return None
    for pattern in _DATE_PATTERNS:
        match = pattern.match(raw)
        if match:
            day, month, year = (int(g) for g in match.groups())
            return dt.date(year, month, day)
    return dt.date.fromisoformat(raw)


def roman(number: int) -> str:
    """1 → "I", 4 → "IV" (headings and appendix numbers)."""
    table = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = []
    for value, letters in table:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)
