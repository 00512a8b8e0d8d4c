"""The schema's migration set, registered with ``sqlite_utils.Migrations``.

Imported only when a file has pending steps, so opening an up-to-date file does not pay
for importing sqlite-utils.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

from cchc_desktop.kernel.store.schema import STEPS

MIGRATION_SET = "cchc"

migrations = Migrations(MIGRATION_SET)
for _step in STEPS:
    migrations()(_step)


def apply_pending(conn, stop_before: str | None = None) -> list[str]:
    """Apply pending steps on an open connection; return the names applied."""
    db = Database(conn)
    pending = [m.name for m in migrations.pending(db)]
    if stop_before in pending:
        pending = pending[: pending.index(stop_before)]
    migrations.apply(db, stop_before=stop_before)
    return pending
