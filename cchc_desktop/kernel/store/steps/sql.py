"""Helpers for writing schema steps."""

from __future__ import annotations

from typing import Any


def run_script(db: Any, script: str) -> None:
    """Run DDL statements one by one inside the migration's transaction.

    ``executescript`` would commit first and break the migration's atomicity.
    """
    for statement in script.split(";\n"):
        if statement.strip():
            db.execute(statement)
