"""The framework a commune received for a year (khung năm its superior sent), as plans, calendars and
self-assessments start from it."""

from __future__ import annotations

import sqlite3

from cchc_desktop.framework import store
from cchc_desktop.framework.content import framework_of
from cchc_desktop.framework.model import Framework
from cchc_desktop.framework.year import YearFramework


def received_row(conn: sqlite3.Connection, year: int) -> YearFramework | None:
    return store.for_year(conn, year, "received")


def received_framework(conn: sqlite3.Connection, year: int) -> Framework | None:
    """The year's received framework, or None (then the app's default framework applies)."""
    row = received_row(conn, year)
    return framework_of(row.framework_id, row.hash, row.data) if row else None
