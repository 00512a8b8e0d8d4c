"""Sổ văn bản đi: one run of document numbers per calendar year, shared by every kind of document.

A unit numbers its outgoing documents in one register (Decree 30/2020, Article 15): plan number 01,
report number 02 … all in the same run, restarting each year. Each feature that issues numbered
documents registers its table here (the table has ``doc_number``, ``doc_symbol`` and a date column);
the counter reads them all.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True)
class NumberedTable:
    """A table of issued documents: where the number is and which date decides its year."""

    table: str
    date_column: str


NUMBERED: dict[str, NumberedTable] = {}


def register_numbered(table: str, date_column: str) -> None:
    NUMBERED[table] = NumberedTable(table, date_column)


def used_numbers(conn: sqlite3.Connection, year: int, exclude: tuple[str, int] | None = None) -> dict[int, str]:
    """Numbers already used in ``year`` → the document using them ("02/BC-UBND").

    ``exclude`` is (table, row id) of the document being checked, which may keep its own number.
    """
    used: dict[int, str] = {}
    for numbered in NUMBERED.values():
        rows = conn.execute(
            f"SELECT id, doc_number, doc_symbol FROM {numbered.table} WHERE doc_number IS NOT NULL"
            f" AND substr(COALESCE({numbered.date_column}, year || '-'), 1, 4) = ?",
            [str(year)],
        )
        used.update(
            {
                row["doc_number"]: f"{row['doc_number']:02d}/{row['doc_symbol']}"
                for row in rows
                if (numbered.table, row["id"]) != exclude
            }
        )
    return used
