"""Step 3: criteria catalogues, the yearly self-assessment and evidence files.

Evidence (tài liệu kiểm chứng) lives in this file too: one blob per distinct content, keyed by
its SHA-256, and one row per attachment naming the entity row it is attached to (any entity:
a criterion score, a task, an indicator actual…), so no foreign key points at the target.
"""

from __future__ import annotations

from typing import Any

from cchc_desktop.kernel.store.steps.sql import run_script

M003_SQL = """
CREATE TABLE criteria_catalogues (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    code TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    province TEXT NOT NULL DEFAULT '',
    decision TEXT NOT NULL DEFAULT '',
    year INTEGER NOT NULL,
    illustrative INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL DEFAULT '',
    content_hash TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL
);
CREATE TABLE criteria (
    id INTEGER PRIMARY KEY,
    catalogue_id INTEGER NOT NULL REFERENCES criteria_catalogues(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES criteria(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    level INTEGER NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    max_points REAL NOT NULL DEFAULT 0,
    method TEXT NOT NULL DEFAULT '' CHECK (method IN ('', 'self', 'survey', 'bonus', 'penalty')),
    step REAL NOT NULL DEFAULT 0.25,
    guidance TEXT NOT NULL DEFAULT '',
    evidence_required TEXT NOT NULL DEFAULT '',
    indicator_code TEXT NOT NULL DEFAULT '',
    thresholds TEXT NOT NULL DEFAULT '',
    UNIQUE (catalogue_id, code)
);
CREATE TABLE assessments (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    year INTEGER NOT NULL UNIQUE,
    catalogue_id INTEGER NOT NULL REFERENCES criteria_catalogues(id),
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
    submitted_at TEXT,
    reopen_reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE TABLE criterion_scores (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    criterion_id INTEGER NOT NULL REFERENCES criteria(id),
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    self_score REAL,
    explanation TEXT NOT NULL DEFAULT '',
    override_reason TEXT NOT NULL DEFAULT '',
    appraised_score REAL,
    appraisal_comment TEXT NOT NULL DEFAULT '',
    UNIQUE (assessment_id, code)
);
CREATE TABLE evidence_blobs (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    data BLOB NOT NULL
);
CREATE TABLE evidence_files (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL REFERENCES evidence_blobs(sha256),
    entity TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    year INTEGER NOT NULL,
    name TEXT NOT NULL,
    extension TEXT NOT NULL,
    mime TEXT NOT NULL,
    size INTEGER NOT NULL,
    secret INTEGER NOT NULL DEFAULT 0,
    doc_ref TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    added_at TEXT NOT NULL,
    added_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_criteria_catalogue ON criteria(catalogue_id, position);
CREATE INDEX idx_criterion_scores_assessment ON criterion_scores(assessment_id, position);
CREATE INDEX idx_evidence_target ON evidence_files(entity, row_id);
CREATE INDEX idx_evidence_year ON evidence_files(year);
CREATE INDEX idx_evidence_sha ON evidence_files(sha256);
CREATE INDEX idx_audit_actor ON audit_log(actor)
"""


def m003_assessment(db: Any) -> None:
    """Bộ tiêu chí chỉ số CCHC, bản tự đánh giá hằng năm, tài liệu kiểm chứng."""
    run_script(db, M003_SQL)
