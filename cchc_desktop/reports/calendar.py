"""Kỳ báo cáo: the reporting calendar of a year, as data.

The calendar comes from the framework (key ``"periods"``), is stored per year in the
workspace, and may be changed there (dates, due dates, extra monthly or ad-hoc reports).
Defaults follow Văn bản 581/BNV-CCHC and Nghị định 09/2019/NĐ-CP: Quý I (15/12 → 14/3, nộp
trước 20/3), 6 tháng (15/12 → 14/6), Quý III (15/6 → 14/9, báo cáo kèm lũy kế 9 tháng),
Năm (15/12 → 14/12).

Everything here is pure: a period is anything with ``code``, ``name``, ``start_date``,
``end_date``, ``due_date`` (ISO strings or dates), ``cumulative_label`` and ``adhoc``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.kernel.i18n import as_date, format_date, parse_date, tr
from cchc_desktop.kernel.text import clean

CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9_-]{0,15}$")


class PeriodLike(Protocol):
    code: str
    name: str
    start_date: Any
    end_date: Any
    due_date: Any
    cumulative_label: str
    adhoc: bool


PeriodT = TypeVar("PeriodT", bound=PeriodLike)


@dataclass(frozen=True)
class PeriodSpec:
    """One period of the framework's calendar; dates are templates like "15/12/{prev_year}"."""

    code: str
    name: str
    title: str
    start: str
    end: str
    due: str
    cumulative_label: str = ""
    figures_required: bool = True
    adhoc: bool = False


def specs_from_framework(section: dict | list | None) -> list[PeriodSpec]:
    """Read the framework's ``"periods"`` section: ``{"items": [...]}`` (or a bare list)."""
    items = section.get("items", []) if isinstance(section, dict) else (section or [])
    try:
        return [_spec(item) for item in items]
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValidationError("report.calendar.invalid", reason=str(exc)) from exc


def _spec(item: dict) -> PeriodSpec:
    return PeriodSpec(
        code=item["code"],
        name=item["name"],
        title=item.get("title", item["name"]),
        start=item["start"],
        end=item["end"],
        due=item["due"],
        cumulative_label=item.get("cumulative_label", ""),
        figures_required=bool(item.get("figures_required", True)),
        adhoc=bool(item.get("adhoc", False)),
    )


def _fill(template: str, year: int) -> str:
    return clean(template.replace("{prev_year}", str(year - 1)).replace("{year}", str(year)))


def resolve(spec: PeriodSpec, year: int) -> dict[str, Any]:
    """The period of ``spec`` in ``year``: concrete dates (ISO) and texts, ready to store."""
    values = {
        "code": spec.code,
        "name": _fill(spec.name, year),
        "title": _fill(spec.title, year),
        "start_date": _date(_fill(spec.start, year)),
        "end_date": _date(_fill(spec.end, year)),
        "due_date": _date(_fill(spec.due, year)),
        "cumulative_label": clean(spec.cumulative_label),
        "figures_required": spec.figures_required,
        "adhoc": spec.adhoc,
    }
    check_dates(values["start_date"], values["end_date"], values["due_date"], spec.code)
    return values


def _date(text: str) -> str:
    try:
        parsed = parse_date(text)
    except ValueError as exc:
        raise ValidationError("report.calendar.invalid", reason=text) from exc
    if parsed is None:
        raise ValidationError("report.calendar.invalid", reason=text)
    return parsed.isoformat()


def check_dates(start: Any, end: Any, due: Any, code: str) -> None:
    """Refuse a window that ends before it starts, or a due date before the window ends."""
    first, last, deadline = as_date(start), as_date(end), as_date(due)
    if first and last and last < first:
        raise ValidationError(
            "report.period.end_before_start",
            field="end_date",
            code=code,
            start=format_date(first),
            end=format_date(last),
        )
    if last and deadline and deadline < last:
        raise ValidationError(
            "report.period.due_before_end",
            field="due_date",
            code=code,
            end=format_date(last),
            due=format_date(deadline),
        )


def check_code(code: str, taken: Sequence[str]) -> str:
    """An ad-hoc period code: upper-case letters/digits, unique in the year ("DX1", "T04")."""
    cleaned = clean(code).upper()
    if not CODE_PATTERN.match(cleaned):
        raise ValidationError("report.period.code_invalid", field="code", code=cleaned or "…")
    if cleaned in taken:
        raise ValidationError("report.period.code_taken", field="code", code=cleaned)
    return cleaned


# Reading a period ######################################################


@dataclass(frozen=True)
class Window:
    """Kỳ số liệu: the days whose data a report covers, both ends included."""

    start: dt.date
    end: dt.date

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    @property
    def text(self) -> str:
        return f"{format_date(self.start)} – {format_date(self.end)}"


def window(period: PeriodLike) -> Window:
    return Window(_required_date(period.start_date, "start_date"), _required_date(period.end_date, "end_date"))


def due_date(period: PeriodLike) -> dt.date:
    return _required_date(period.due_date, "due_date")


def _required_date(value: Any, name: str) -> dt.date:
    """One of the dates every period has; ValidationError when it is missing all the same."""
    day = as_date(value)
    if day is None:
        raise ValidationError("field.required", field=name, label=tr(f"report.period.col.{name}"))
    return day


def label(period: PeriodLike) -> str:
    """ "Quý I/2026", "6 tháng đầu năm 2026", "Quý III/2026 (9 tháng)", "Năm 2026"."""
    extra = clean(period.cumulative_label)
    return f"{period.name} ({extra})" if extra else period.name


def days_late(due: dt.date, on: dt.date) -> int:
    """Days after the due date (0 when on time)."""
    return max(0, (on - due).days)


@dataclass(frozen=True)
class PeriodState:
    """Where a period stands on a given day.

    ``kind``: upcoming (window not started), open (window running), due (window over,
    not yet due), overdue (due date passed, not submitted), on_time, late (submitted),
    not_applicable (the window ended before the year's plan was issued: a mid-year plan has
    nothing to report for the periods before it).
    ``days``: days left until due (due), days overdue / late otherwise.
    """

    kind: str
    days: int = 0

    @property
    def is_late(self) -> bool:
        return self.kind in ("overdue", "late")

    @property
    def text(self) -> str:
        return tr(f"report.state.{self.kind}", days=self.days)


def period_state(
    period: PeriodLike, today: dt.date, submitted_on: dt.date | None = None, plan_issued: dt.date | None = None
) -> PeriodState:
    due = due_date(period)
    if submitted_on is not None:
        late = days_late(due, submitted_on)
        return PeriodState("late", late) if late else PeriodState("on_time")
    span = window(period)
    if plan_issued is not None and span.end < plan_issued:
        return PeriodState("not_applicable")
    if today > due:
        return PeriodState("overdue", (today - due).days)
    if today > span.end:
        return PeriodState("due", (due - today).days)
    return PeriodState("open") if today >= span.start else PeriodState("upcoming")


# Year-to-date ##########################################################


def year_start(periods: Sequence[PeriodLike]) -> dt.date:
    """The first day of the reporting year: the earliest start of the regular periods."""
    regular = [p for p in periods if not p.adhoc] or list(periods)
    return min(window(p).start for p in regular)


def year_end(periods: Sequence[PeriodLike]) -> dt.date:
    regular = [p for p in periods if not p.adhoc] or list(periods)
    return max(window(p).end for p in regular)


def ytd_chain(
    target: PeriodT, periods: Sequence[PeriodT], available: Callable[[PeriodT], bool] = lambda p: True
) -> list[PeriodT] | None:
    """Non-overlapping windows that tile the year from its start up to ``target``'s end.

    The chain ends with ``target``; each earlier piece ends the day before the next one
    starts. Longer pieces are tried first (Quý III → 6 tháng + Quý III, not Quý I + …),
    and only pieces for which ``available`` holds are used. None when no chain exists.
    """
    if not available(target):
        return None
    return _extend([target], periods, year_start(periods), available)


def _extend(
    chain: list[PeriodT], periods: Sequence[PeriodT], start: dt.date, available: Callable[[PeriodT], bool]
) -> list[PeriodT] | None:
    first = window(chain[0]).start
    if first <= start:
        return chain
    day_before = first - dt.timedelta(days=1)
    candidates = sorted(
        (p for p in periods if window(p).end == day_before and available(p)), key=lambda p: window(p).start
    )
    for candidate in candidates:
        found = _extend([candidate, *chain], periods, start, available)
        if found is not None:
            return found
    return None


def reaches_year_end(period: PeriodLike, periods: Sequence[PeriodLike]) -> bool:
    """Whether the period's data run to the end of the reporting year (the annual report)."""
    return window(period).end >= year_end(periods)
