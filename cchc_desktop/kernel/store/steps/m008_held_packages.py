"""Step 8: packages a receiver holds until their unit's key is enrolled (chờ xác nhận khóa).

Such a package is kept beside the file like an imported one (in the package store, named by the
SHA-256 of its manifest) but not imported: its signature cannot be checked yet. The row records what
the package says of itself — unproven until the key is enrolled and the package imported — so the
inbox can list it under its unit.
"""

from __future__ import annotations

from typing import Any

from cchc_desktop.kernel.store.steps.sql import run_script

M008_SQL = """
CREATE TABLE held_packages (
    id INTEGER PRIMARY KEY,
    manifest_sha256 TEXT NOT NULL UNIQUE,
    package_id TEXT NOT NULL,
    province_code TEXT NOT NULL,
    unit_code TEXT NOT NULL,
    unit_name TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,
    year INTEGER NOT NULL,
    period TEXT NOT NULL DEFAULT '',
    revision INTEGER NOT NULL,
    created_at TEXT NOT NULL DEFAULT '',
    key_fingerprint TEXT NOT NULL,
    stored_file TEXT NOT NULL,
    source_file TEXT NOT NULL,
    size INTEGER NOT NULL DEFAULT 0,
    held_at TEXT NOT NULL,
    held_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_held_packages_unit ON held_packages(province_code, unit_code)
"""


def m008_held_packages(db: Any) -> None:
    """Gói chờ xác nhận khóa (nơi nhận)."""
    run_script(db, M008_SQL)
