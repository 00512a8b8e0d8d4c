"""Step 4: signed exchange packages — own keys and outbox (commune), enrolled keys, received
packages, their normalised rows and the import log (receiver).

Received evidence and document.pdf are not copied into this file: the original package is kept
beside it, named by the SHA-256 of its manifest (which commits to every member's hash), so a
backup of the receiver file before each import stays small (docs/package-format.md §12).
"""

from __future__ import annotations

from typing import Any

from cchc_desktop.kernel.store.steps.sql import run_script

M004_SQL = """
CREATE TABLE exchange_own_keys (
    id INTEGER PRIMARY KEY,
    fingerprint TEXT NOT NULL UNIQUE,
    public_pem TEXT NOT NULL,
    private_pem TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired', 'lost')),
    created_at TEXT NOT NULL,
    ended_at TEXT
);
CREATE UNIQUE INDEX idx_own_keys_one_active ON exchange_own_keys(status) WHERE status = 'active';
CREATE TABLE exchange_outbox (
    id INTEGER PRIMARY KEY,
    package_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    year INTEGER NOT NULL,
    period TEXT NOT NULL DEFAULT '',
    revision INTEGER NOT NULL,
    supersedes TEXT,
    created_at TEXT NOT NULL,
    folder TEXT NOT NULL,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    data_sha256 TEXT NOT NULL,
    evidence_count INTEGER NOT NULL DEFAULT 0,
    withheld_secret INTEGER NOT NULL DEFAULT 0,
    has_document INTEGER NOT NULL DEFAULT 0,
    eml_file TEXT NOT NULL DEFAULT '',
    key_fingerprint TEXT NOT NULL,
    exported_by TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'exported' CHECK (status IN ('exported', 'acknowledged')),
    acknowledged_at TEXT,
    UNIQUE (kind, year, period, revision)
);
CREATE TABLE enrolled_keys (
    id INTEGER PRIMARY KEY,
    province_code TEXT NOT NULL,
    unit_code TEXT NOT NULL,
    unit_name TEXT NOT NULL DEFAULT '',
    unit_type TEXT NOT NULL DEFAULT 'xa',
    fingerprint TEXT NOT NULL,
    public_pem TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired', 'revoked')),
    source TEXT NOT NULL DEFAULT 'card' CHECK (source IN ('card', 'rotation')),
    enrolled_at TEXT NOT NULL,
    enrolled_by TEXT NOT NULL DEFAULT '',
    ended_at TEXT,
    end_reason TEXT NOT NULL DEFAULT '',
    UNIQUE (province_code, unit_code, fingerprint)
);
CREATE TABLE received_packages (
    id INTEGER PRIMARY KEY,
    package_id TEXT NOT NULL UNIQUE,
    province_code TEXT NOT NULL,
    unit_code TEXT NOT NULL,
    unit_name TEXT NOT NULL,
    unit_type TEXT NOT NULL,
    kind TEXT NOT NULL,
    year INTEGER NOT NULL,
    period TEXT NOT NULL DEFAULT '',
    revision INTEGER NOT NULL,
    supersedes TEXT,
    state TEXT NOT NULL DEFAULT 'current' CHECK (state IN ('current', 'superseded')),
    created_at TEXT NOT NULL,
    submitted_at TEXT,
    received_at TEXT NOT NULL,
    receiver_name TEXT NOT NULL DEFAULT '',
    signer_name TEXT NOT NULL DEFAULT '',
    signer_role TEXT NOT NULL DEFAULT '',
    signer_on_behalf TEXT NOT NULL DEFAULT '',
    key_id INTEGER REFERENCES enrolled_keys(id),
    key_fingerprint TEXT NOT NULL,
    framework_id TEXT,
    framework_hash TEXT,
    manifest_json TEXT NOT NULL,
    signature BLOB NOT NULL,
    manifest_sha256 TEXT NOT NULL,
    data_sha256 TEXT NOT NULL,
    data_zlib BLOB NOT NULL,
    document_sha256 TEXT,
    evidence_count INTEGER NOT NULL DEFAULT 0,
    stored_file TEXT NOT NULL,
    source_file TEXT NOT NULL,
    UNIQUE (province_code, unit_code, kind, year, period, revision)
);
CREATE UNIQUE INDEX idx_received_one_current ON received_packages(province_code, unit_code, kind, year, period)
    WHERE state = 'current';
CREATE TABLE received_tasks (
    id INTEGER PRIMARY KEY,
    package_row_id INTEGER NOT NULL REFERENCES received_packages(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    uid TEXT NOT NULL,
    area_code TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL DEFAULT '',
    lead_unit TEXT NOT NULL DEFAULT '',
    deadline_text TEXT NOT NULL DEFAULT '',
    deadline_due TEXT,
    not_applicable INTEGER NOT NULL DEFAULT 0,
    status TEXT,
    progress REAL,
    result TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    completed_on TEXT
);
CREATE TABLE received_indicators (
    id INTEGER PRIMARY KEY,
    package_row_id INTEGER NOT NULL REFERENCES received_packages(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    uid TEXT NOT NULL,
    code TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    area_code TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT '',
    comparator TEXT NOT NULL DEFAULT '',
    target REAL,
    target_max REAL,
    numerator REAL,
    denominator REAL,
    value REAL,
    figure REAL,
    ytd_figure REAL,
    attainment TEXT
);
CREATE TABLE received_criteria (
    id INTEGER PRIMARY KEY,
    package_row_id INTEGER NOT NULL REFERENCES received_packages(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    parent_code TEXT NOT NULL DEFAULT '',
    level INTEGER NOT NULL DEFAULT 1,
    name TEXT NOT NULL DEFAULT '',
    method TEXT NOT NULL DEFAULT '',
    max_points REAL,
    self_score REAL,
    explanation TEXT NOT NULL DEFAULT '',
    override_reason TEXT NOT NULL DEFAULT '',
    evidence_count INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE received_evidence (
    id INTEGER PRIMARY KEY,
    package_row_id INTEGER NOT NULL REFERENCES received_packages(id) ON DELETE CASCADE,
    sha256 TEXT NOT NULL,
    name TEXT NOT NULL,
    mime TEXT NOT NULL DEFAULT '',
    size INTEGER NOT NULL,
    member_name TEXT NOT NULL,
    refs TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE import_log (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    batch TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL DEFAULT '',
    package_id TEXT NOT NULL,
    source_file TEXT NOT NULL,
    province_code TEXT NOT NULL,
    unit_code TEXT NOT NULL,
    kind TEXT NOT NULL,
    year INTEGER NOT NULL,
    period TEXT NOT NULL DEFAULT '',
    revision INTEGER NOT NULL,
    verdict TEXT NOT NULL CHECK (verdict IN ('new', 'newer', 'key_rotation', 'receipt')),
    result_line TEXT NOT NULL,
    backup_file TEXT NOT NULL DEFAULT '',
    package_row_id INTEGER,
    replaced_row_id INTEGER,
    key_changes TEXT NOT NULL DEFAULT '{}',
    rolled_back_at TEXT,
    rolled_back_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_enrolled_keys_sender ON enrolled_keys(province_code, unit_code, status);
CREATE INDEX idx_received_tasks_package ON received_tasks(package_row_id, position);
CREATE INDEX idx_received_indicators_package ON received_indicators(package_row_id, position);
CREATE INDEX idx_received_criteria_package ON received_criteria(package_row_id, position);
CREATE INDEX idx_received_evidence_package ON received_evidence(package_row_id);
CREATE INDEX idx_import_log_name ON import_log(name);
CREATE INDEX idx_import_log_series ON import_log(province_code, unit_code, kind, year, period)
"""


def m004_exchange(db: Any) -> None:
    """Khóa và hộp thư đi (xã); khóa đã đăng ký, gói đã nhận, số liệu của gói, nhật ký nhận gói (nơi nhận)."""
    run_script(db, M004_SQL)
