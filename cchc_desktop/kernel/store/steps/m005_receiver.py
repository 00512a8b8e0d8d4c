"""Step 5: the receiving unit's own records — its roster of subordinate units, the appraisal of their
self-assessments (rounds of appraised scores and comments), and its reminder letters (công văn đôn đốc).
"""

from __future__ import annotations

from typing import Any

from cchc_desktop.kernel.store.steps.sql import run_script

M005_SQL = """
CREATE TABLE roster_units (
    id INTEGER PRIMARY KEY,
    province_code TEXT NOT NULL,
    unit_code TEXT NOT NULL,
    name TEXT NOT NULL,
    unit_type TEXT NOT NULL DEFAULT 'xa',
    source TEXT NOT NULL DEFAULT 'official' CHECK (source IN ('official', 'manual')),
    valid_from TEXT,
    valid_to TEXT,
    note TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (province_code, unit_code)
);
CREATE TABLE appraisals (
    id INTEGER PRIMARY KEY,
    province_code TEXT NOT NULL,
    unit_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    round INTEGER NOT NULL DEFAULT 1,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent')),
    based_on TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    sent_at TEXT,
    UNIQUE (province_code, unit_code, year, round)
);
CREATE TABLE appraisal_scores (
    id INTEGER PRIMARY KEY,
    appraisal_id INTEGER NOT NULL REFERENCES appraisals(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    criterion_code TEXT NOT NULL,
    criterion_name TEXT NOT NULL DEFAULT '',
    max_points REAL,
    self_score REAL,
    appraised_score REAL,
    comment TEXT NOT NULL DEFAULT '',
    UNIQUE (appraisal_id, criterion_code)
);
CREATE TABLE reminder_letters (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    period TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued')),
    doc_number INTEGER,
    doc_symbol TEXT NOT NULL DEFAULT 'SNV-CCHC',
    issue_place TEXT NOT NULL DEFAULT '',
    issue_date TEXT,
    subject TEXT NOT NULL DEFAULT '',
    addressees TEXT NOT NULL DEFAULT '',
    body_text TEXT NOT NULL DEFAULT '',
    requests_text TEXT NOT NULL DEFAULT '',
    closing_text TEXT NOT NULL DEFAULT '',
    recipients TEXT NOT NULL DEFAULT '',
    signer_mode TEXT NOT NULL DEFAULT 'KT',
    signer_title TEXT NOT NULL DEFAULT '',
    signer_name TEXT NOT NULL DEFAULT '',
    units TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    issued_at TEXT
);
CREATE INDEX idx_roster_units_position ON roster_units(position, id);
CREATE INDEX idx_appraisals_unit ON appraisals(province_code, unit_code, year, round);
CREATE INDEX idx_received_packages_year ON received_packages(year, kind, period, state)
"""


def m005_receiver(db: Any) -> None:
    """Danh sách đơn vị trực thuộc, thẩm định điểm tự chấm, văn bản đôn đốc (nơi nhận)."""
    run_script(db, M005_SQL)
