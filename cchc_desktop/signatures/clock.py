"""Thời gian ký: Vietnam time (UTC+07:00, no daylight saving) written as ISO 8601."""

from __future__ import annotations

import datetime as dt

VIETNAM = dt.timezone(dt.timedelta(hours=7), "ICT")


def vietnam_now() -> dt.datetime:
    """Now, in Vietnam time, to the second."""
    return dt.datetime.now(VIETNAM).replace(microsecond=0)


def in_vietnam(moment: dt.datetime | None) -> dt.datetime:
    """``moment`` (default now) in Vietnam time, to the second; a naive time is taken as Vietnam time."""
    if moment is None:
        return vietnam_now()
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=VIETNAM)
    return moment.astimezone(VIETNAM).replace(microsecond=0)


def iso_vietnam(moment: dt.datetime) -> str:
    """ "2026-04-03T09:15:00+07:00"."""
    return in_vietnam(moment).isoformat()
