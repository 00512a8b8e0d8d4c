"""Step 9: the year's framework the receiving unit publishes to its communes (khung năm).

* ``frameworks``: one framework per year and role. At the office (``office``) it is the framework being
  prepared for the communes: its content (``content``, the canonical JSON it started from) and the values
  the office edited, kept as rows below; ``published_hash`` is what it last sent. At a commune
  (``received``) it is the framework its superior sent: the content exactly as received, its id and hash,
  and the package that brought it. A plan, calendar or self-assessment started later for that year
  starts from it.
* ``framework_areas``, ``framework_indicators``, ``framework_periods``, ``framework_criteria``: the
  values the office may change (an area's name, an indicator's target, a period's due date, a
  criterion's maximum points), one row each, edited like any grid row (audited, undoable).
* ``criteria_catalogues.framework_id`` / ``framework_hash``: a catalogue that came in a framework
  names it, so the self-assessment's packages say which framework they were made under.
"""

from __future__ import annotations

from typing import Any

from cchc_desktop.kernel.store.steps.sql import run_script

M008_SQL = """
CREATE TABLE frameworks (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('office', 'received')),
    framework_id TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL,
    hash TEXT NOT NULL DEFAULT '',
    package_id TEXT,
    sender TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    published_hash TEXT NOT NULL DEFAULT '',
    published_at TEXT,
    UNIQUE (year, role)
);
CREATE TABLE framework_areas (
    id INTEGER PRIMARY KEY,
    framework_row_id INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT ''
);
CREATE TABLE framework_indicators (
    id INTEGER PRIMARY KEY,
    framework_row_id INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT '',
    target REAL,
    target_max REAL
);
CREATE TABLE framework_periods (
    id INTEGER PRIMARY KEY,
    framework_row_id INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    due_date TEXT
);
CREATE TABLE framework_criteria (
    id INTEGER PRIMARY KEY,
    framework_row_id INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    parent_code TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    max_points REAL
);
CREATE INDEX idx_framework_areas_parent ON framework_areas(framework_row_id, position);
CREATE INDEX idx_framework_indicators_parent ON framework_indicators(framework_row_id, position);
CREATE INDEX idx_framework_periods_parent ON framework_periods(framework_row_id, position);
CREATE INDEX idx_framework_criteria_parent ON framework_criteria(framework_row_id, position);
ALTER TABLE criteria_catalogues ADD COLUMN framework_id TEXT NOT NULL DEFAULT '';
ALTER TABLE criteria_catalogues ADD COLUMN framework_hash TEXT NOT NULL DEFAULT ''
"""


def m009_framework(db: Any) -> None:
    """Khung năm nơi nhận gửi xuống xã: khung đang soạn ở nơi nhận, khung xã đã nhận."""
    run_script(db, M008_SQL)
