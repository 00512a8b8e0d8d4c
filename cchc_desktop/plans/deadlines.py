"""Thời hạn: read the deadline text of a task into a typed form, keeping the original.

Every form the seeds use is understood ("Quý IV/2023", "Hàng năm", "Thường xuyên",
"Tháng 1/2023", "Trước ngày 20/11/2023", "Năm 2023", "Giai đoạn 2022-2025",
"Theo lộ trình…", several "Quý …: …" milestones). Text that cannot be read is kept
as typed and flagged (``kind == "unknown"``), never rejected.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from cchc_desktop.kernel.text import clean, fold

DATED_KINDS = ("date", "before", "month", "quarter", "half", "year", "period", "multi")
KIND_ORDER = {kind: i for i, kind in enumerate(DATED_KINDS + ("recurring", "continuous", "event", "empty", "unknown"))}

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_YEAR = r"((?:19|20)\d{2})"


@dataclass(frozen=True)
class Deadline:
    """A parsed deadline. ``due`` is the last day it may be done on, when there is one."""

    raw: str
    kind: str
    due: dt.date | None = None
    start: dt.date | None = None
    recurrence: str | None = None
    milestones: tuple[dt.date, ...] = field(default=())

    @property
    def flagged(self) -> bool:
        """True when the text could not be read; it is kept and shown with a warning."""
        return self.kind == "unknown"

    @property
    def is_dated(self) -> bool:
        return self.kind in DATED_KINDS

    def sort_key(self) -> tuple:
        """Dated deadlines first by date, then recurring, continuous, event, unknown."""
        return (KIND_ORDER.get(self.kind, 99), self.due or dt.date.max, fold(self.raw))

    def is_overdue(self, today: dt.date) -> bool:
        return self.due is not None and self.due < today

    def within_year(self, year: int) -> bool:
        """Whether a dated deadline falls inside ``year`` (periods: the year is covered)."""
        if self.kind == "period" and self.start and self.due:
            return self.start.year <= year <= self.due.year
        if self.due is None:
            return True
        return self.due.year == year


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _quarter_end(year: int, quarter: int) -> dt.date:
    return _month_end(year, quarter * 3)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# Each rule: (pattern on folded text, builder(match, plan_year) -> Deadline fields)
_DATE_NUMERIC = r"(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*" + _YEAR + r")?"
_DATE_WORDS = r"(\d{1,2})\s+thang\s+(\d{1,2})(?:\s+nam\s+" + _YEAR + r")?"

_RECURRING = (
    (re.compile(r"\b(hang|hom) tuan\b|\bmoi tuan\b"), "weekly"),
    (re.compile(r"\b(hang|hang|dinh ky hang) thang\b|\bmoi thang\b"), "monthly"),
    (re.compile(r"\b(hang|dinh ky hang) quy\b|\bmoi quy\b|\bdinh ky quy\b"), "quarterly"),
    (
        re.compile(r"\b(hang|hang) nam\b|\bmoi nam\b|\bmot lan trong nam\b|\bdinh ky hang nam\b|\bke hoach hang nam\b"),
        "annual",
    ),
)
_CONTINUOUS = re.compile(r"^(thuc hien )?thuong xuyen|^lien tuc")
_EVENT = re.compile(
    r"lo trinh|khi co yeu cau|theo chi dao|theo quy dinh|theo (quyet dinh|ke hoach|de an)"
    r"|ngay tu dau nam|thoi gian quy dinh|dot xuat"
)


def parse_deadline(text: str | None, plan_year: int | None = None) -> Deadline:
    """Parse ``text``; ``plan_year`` fills in a missing year ("Quý I" → Quý I/plan_year)."""
    raw = clean(text)
    if not raw:
        return Deadline(raw="", kind="empty")
    folded = fold(raw)
    for reader in (
        _read_milestones,
        _read_before,
        _read_date,
        _read_month,
        _read_quarter,
        _read_half,
        _read_period,
        _read_year,
        _read_recurring,
        _read_continuous,
        _read_event,
    ):
        result = reader(raw, folded, plan_year)
        if result is not None:
            return result
    return Deadline(raw=raw, kind="unknown")


def _year_or(value: str | None, plan_year: int | None) -> int | None:
    return int(value) if value else plan_year


def _read_milestones(raw: str, folded: str, plan_year: int | None) -> Deadline | None:
    found = re.findall(r"quy\s+(iv|iii|ii|i|[1-4])\s*/\s*" + _YEAR, folded)
    if len(found) < 2:
        return None
    dates = sorted({_quarter_end(int(y), _ROMAN[q]) for q, y in found})
    if len(dates) < 2:
        return None
    return Deadline(raw=raw, kind="multi", due=dates[-1], milestones=tuple(dates))


def _read_before(raw: str, folded: str, plan_year: int | None) -> Deadline | None:
    match = re.search(
        r"\b(truoc|cham nhat|han chot|khong qua)\s+(ngay\s+)?(" + _DATE_NUMERIC + "|" + _DATE_WORDS + ")", folded
    )
    if not match:
        return None
    target = _date_from(match.group(3), plan_year)
    if target is None:
        return None
    inclusive = match.group(1) in ("cham nhat", "han chot", "khong qua")
    due = target if inclusive else target - dt.timedelta(days=1)
    return Deadline(raw=raw, kind="before", due=due)


def _date_from(fragment: str, plan_year: int | None) -> dt.date | None:
    for pattern in (_DATE_NUMERIC, _DATE_WORDS):
        match = re.fullmatch(pattern, fragment.strip())
        if match:
            day, month, year = match.groups()
            resolved = _year_or(year, plan_year)
            if resolved is None:
                return None
            return _safe_date(resolved, int(month), int(day))
    return None


def _read_date(raw: str, folded: str, plan_year: int | None) -> Deadline | None:
    match = re.fullmatch(r"(ngay\s+)?(" + _DATE_NUMERIC + "|" + _DATE_WORDS + r")\.?", folded)
    if not match:
        return None
    due = _date_from(match.group(2), plan_year)
    return Deadline(raw=raw, kind="date", due=due) if due else None


def _read_month(raw: str, folded: str, plan_year: int | None) -> Deadline | None:
    match = re.match(r"^(trong\s+)?thang\s+(\d{1,2})(?:\s*(?:/|nam)\s*" + _YEAR + r")?\b", folded)
    if not match:
        return None
    month, year = int(match.group(2)), _year_or(match.group(3), plan_year)
    if not 1 <= month <= 12 or year is None:
        return None
    return Deadline(raw=raw, kind="month", due=_month_end(year, month), start=dt.date(year, month, 1))


def _read_quarter(raw: str, folded: str, plan_year: int | None) -> Deadline | None:
    match = re.search(r"\bquy\s+(iv|iii|ii|i|[1-4])\b(?:\s*(?:/|nam)\s*" + _YEAR + r")?", folded)
    if not match:
        return None
    year = _year_or(match.group(2), plan_year)
    if year is None:
        return None
    quarter = _ROMAN[match.group(1)]
    start = dt.date(year, quarter * 3 - 2, 1)
    return Deadline(raw=raw, kind="quarter", due=_quarter_end(year, quarter), start=start)


def _read_half(raw: str, folded: str, plan_year: int | None) -> Deadline | None:
    match = re.match(r"^(6|06|sau) thang (dau nam|cuoi nam)(?:\s*(?:/|nam)\s*" + _YEAR + r")?", folded)
    if not match:
        return None
    year = _year_or(match.group(3), plan_year)
    if year is None:
        return None
    first = match.group(2) == "dau nam"
    due = dt.date(year, 6, 30) if first else dt.date(year, 12, 31)
    start = dt.date(year, 1, 1) if first else dt.date(year, 7, 1)
    return Deadline(raw=raw, kind="half", due=due, start=start)


def _read_period(raw: str, folded: str, plan_year: int | None) -> Deadline | None:
    match = re.search(
        r"(?:^|giai doan\s+|ky\s+|nhiem ky\s+|tu nam\s+)" + _YEAR + r"\s*(?:-|–|den(?: nam)?)\s*" + _YEAR, folded
    )
    if not match:
        return None
    first, last = int(match.group(1)), int(match.group(2))
    if last < first:
        return None
    return Deadline(raw=raw, kind="period", due=dt.date(last, 12, 31), start=dt.date(first, 1, 1))


def _read_year(raw: str, folded: str, plan_year: int | None) -> Deadline | None:
    match = re.fullmatch(r"(trong\s+)?(nam\s+)?" + _YEAR + r"\.?", folded)
    if not match:
        return None
    year = int(match.group(3))
    return Deadline(raw=raw, kind="year", due=dt.date(year, 12, 31), start=dt.date(year, 1, 1))


def _read_recurring(raw: str, folded: str, plan_year: int | None) -> Deadline | None:
    for pattern, recurrence in _RECURRING:
        if pattern.search(folded):
            return Deadline(raw=raw, kind="recurring", recurrence=recurrence)
    return None


def _read_continuous(raw: str, folded: str, plan_year: int | None) -> Deadline | None:
    if _CONTINUOUS.search(folded):
        return Deadline(raw=raw, kind="continuous", recurrence="continuous")
    return None


def _read_event(raw: str, folded: str, plan_year: int | None) -> Deadline | None:
    if _EVENT.search(folded):
        return Deadline(raw=raw, kind="event")
    return None
