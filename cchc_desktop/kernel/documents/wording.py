"""Decree-30 wording rules shared by document builders and renderers.

Dates are written "ngày 08 tháng 01 năm 2026": days below 10 and the months 1 and 2 are
zero-padded, other months are not ("tháng 3"). A draft leaves day and month blank for
hand filling.
"""

from __future__ import annotations

import datetime as dt

from cchc_desktop.kernel.i18n import as_date, format_number, tr
from cchc_desktop.kernel.text import clean

#: Width of a blank left for hand filling (non-breaking spaces survive paragraph layout).
BLANK = "\u00a0" * 6
END_MARK = "./."
_TRAILING = " \t;.,:"


def long_date(value: dt.date | str | None, year: int | None = None) -> str:
    """ "ngày 08 tháng 01 năm 2026"; with no date, blanks and ``year`` (or a blank year)."""
    date = as_date(value)
    if date is None:
        year_text = str(year) if year else BLANK
        return tr("doc.date.long", day=BLANK, month=BLANK, year=year_text)
    month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
    return tr("doc.date.long", day=f"{date.day:02d}", month=month, year=date.year)


def place_date(place: str, value: dt.date | str | None, year: int | None = None) -> str:
    """ "Kỳ Phong, ngày 08 tháng 01 năm 2026"."""
    return tr("doc.place_date", place=clean(place), date=long_date(value, year))


def strip_end(text: str) -> str:
    """Text without trailing punctuation and spaces (before adding ";" or ".")."""
    return clean(text).rstrip(_TRAILING)


def punctuate(items: list[str], between: str = ";", last: str = ".") -> list[str]:
    """Decree-30 list punctuation: every item ends with ``between``, the last with ``last``."""
    cleaned = [strip_end(item) for item in items if strip_end(item)]
    return [item + (last if i == len(cleaned) - 1 else between) for i, item in enumerate(cleaned)]


def with_end_mark(text: str) -> str:
    """ "… thi hành Quyết định này./." (the end mark replaces a final full stop)."""
    return strip_end(text) + END_MARK


def lower_first(text: str) -> str:
    """ "Cải cách hành chính" → "cải cách hành chính"; acronyms ("UBND …") are kept."""
    text = clean(text)
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def text_lines(text: str) -> list[str]:
    """The non-empty lines of a multi-line field."""
    return [line.strip() for line in clean(text).split("\n") if line.strip()]


def count_text(count: int) -> str:
    """Counts the way documents write them: 7 → "07", 12 → "12", 0 → "0"."""
    return f"{count:02d}" if 0 < count < 10 else format_number(count)
