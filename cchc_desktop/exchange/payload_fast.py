"""The fast path of payload validation: the same rules as ``payload_shapes``, written for speed.

A receiver imports hundreds of packages at a time; reading every field through ``Check`` costs more
than verifying the signature. These builders read the JSON objects directly and raise ``Bad`` at the
first value that is not what the shape allows; the caller then runs the precise checker, which names
the field in Vietnamese. So the fast path may only ever be stricter than ``payload_shapes``, never looser
(tests compare the two on valid and damaged payloads).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from cchc_desktop.exchange.payload_check import METHODS, TASK_STATUSES

_STATUSES = frozenset(TASK_STATUSES)
_METHODS = frozenset(METHODS)
_REPORT_STATES = frozenset(("draft", "submitted"))
EPSILON = 1e-9


class Bad(Exception):
    """Some value is off; run the precise checker to say which."""


def _obj(value: Any) -> dict:
    if type(value) is not dict:
        raise Bad
    return value


def _list(value: Any) -> list:
    if type(value) is not list:
        raise Bad
    return value


def _text(value: Any) -> str:
    if value is None:
        return ""
    if type(value) is not str:
        raise Bad
    return value


def _required(value: Any) -> str:
    if type(value) is not str or not value:
        raise Bad
    return value


def _number(value: Any) -> float | None:
    if value is None:
        return None
    kind = type(value)
    if kind is int:
        return float(value)
    if kind is not float or not math.isfinite(value):
        raise Bad
    return value


def _one_of(value: Any, choices: frozenset[str]) -> bool:
    """A text among ``choices`` (a list or an object is not looked up: it cannot be hashed)."""
    return type(value) is str and value in choices


def _date(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if type(value) is not str:
        raise Bad
    try:
        (dt.datetime if "T" in value else dt.date).fromisoformat(value)
    except ValueError:
        raise Bad from None
    return value


def _flag(value: Any) -> bool:
    if type(value) is not bool:
        raise Bad
    return value


# Kế hoạch ###############################################################


def plan_tables(data: dict, year: int) -> tuple[list[tuple], list[tuple]]:
    plan = _obj(data.get("plan"))
    if plan.get("year") != year or type(plan.get("year")) is not int:
        raise Bad
    tasks = [_plan_task(i, _obj(row)) for i, row in enumerate(_list(plan.get("tasks")))]
    indicators = [_plan_indicator(i, _obj(row)) for i, row in enumerate(_list(plan.get("indicators")))]
    return tasks, indicators


def _plan_task(position: int, row: dict) -> tuple:
    get = row.get
    deadline = _obj(get("deadline"))
    return (
        position,
        _required(get("uid")),
        _text(get("area_code")),
        _text(get("content")),
        _text(get("lead_unit")),
        _text(deadline.get("text")),
        _date(deadline.get("due")),
        int(_flag(get("not_applicable", False))),
        None,
        None,
        "",
        "",
        None,
    )


def _plan_indicator(position: int, row: dict) -> tuple:
    get = row.get
    return (
        position,
        _required(get("uid")),
        _text(get("code")),
        _text(get("text")),
        _text(get("area_code")),
        _text(get("unit")),
        _text(get("comparator")),
        _number(get("target")),
        _number(get("target_max")),
        None,
        None,
        None,
        None,
        None,
        None,
    )


# Báo cáo định kỳ ########################################################


def report_tables(data: dict, period: str) -> tuple[list[tuple], list[tuple]]:
    if _required(_obj(data.get("period")).get("code")) != period:
        raise Bad
    report = _obj(data.get("report"))
    if not _one_of(report.get("status"), _REPORT_STATES):
        raise Bad
    tasks = [_report_task(i, _obj(row)) for i, row in enumerate(_list(report.get("tasks")))]
    indicators = [_report_indicator(i, _obj(row)) for i, row in enumerate(_list(report.get("indicators")))]
    return tasks, indicators


def _report_task(position: int, row: dict) -> tuple:
    get = row.get
    progress = _number(get("progress"))
    if progress is not None and not -EPSILON <= progress <= 100 + EPSILON:
        raise Bad
    status = get("status")
    if not _one_of(status, _STATUSES):
        raise Bad
    return (
        position,
        _required(get("task_uid")),
        _text(get("area_code")),
        _text(get("content")),
        "",
        _text(get("deadline")),
        _date(get("deadline_due")),
        0,
        status,
        progress,
        _text(get("result")),
        _text(get("reason")),
        _date(get("completed_on")),
    )


def _part(row: dict, name: str) -> dict | None:
    value = row.get(name)
    return None if value is None else _obj(value)


def _report_indicator(position: int, row: dict) -> tuple:
    get = row.get
    period, ytd, attainment = _part(row, "period"), _part(row, "year_to_date"), _part(row, "attainment")
    state = _text(attainment.get("state")) or None if attainment is not None else None
    return (
        position,
        _required(get("indicator_uid")),
        _text(get("code")),
        _text(get("text")),
        "",
        _text(get("unit")),
        _text(get("comparator")),
        _number(get("target")),
        _number(get("target_max")),
        _number(period.get("numerator")) if period else None,
        _number(period.get("denominator")) if period else None,
        _number(period.get("value")) if period else None,
        _number(period.get("figure")) if period else None,
        _number(ytd.get("figure")) if ytd else None,
        state,
    )


# Tự đánh giá ############################################################


def criteria_table(data: dict) -> list[tuple]:
    body = _obj(data.get("assessment"))
    if not _one_of(body.get("status"), _REPORT_STATES):
        raise Bad
    _number(_obj(body.get("totals")).get("total"))
    return [_criterion(i, _obj(row)) for i, row in enumerate(_list(body.get("criteria")))]


def _criterion(position: int, row: dict) -> tuple:
    get = row.get
    method = get("method", "")
    if not _one_of(method, _METHODS):
        raise Bad
    level = get("level")
    if type(level) is not int or level < 1:
        raise Bad
    max_points, score = _number(get("max_points")), _number(get("self_score"))
    if score is not None:
        low, high = (-(max_points or 0.0), 0.0) if method == "penalty" else (0.0, max_points or 0.0)
        if method == "survey" or get("leaf") is False or not low - EPSILON <= score <= high + EPSILON:
            raise Bad
    return (
        position,
        _required(get("code")),
        _text(get("parent_code")),
        level,
        _text(get("name")),
        method,
        max_points,
        score,
        _text(get("explanation")),
        _text(get("override_reason")),
        _text(get("response")),
        0,
    )
