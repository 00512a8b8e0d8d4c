"""Step 6: packages going down from the receiving unit to its communes, and the answers coming back.

The receiving unit's outbox names whom each package is for (``addressee``: an appraisal or a receipt goes
to one commune), so revisions count per addressee; the package it received remembers the receipt sent for
it. A commune keeps the appraisals it received (điểm thẩm định and nhận xét beside its self-score) and
writes its answer (giải trình) on each criterion, which its next self-assessment carries to the receiver.
"""

from __future__ import annotations

from typing import Any

from cchc_desktop.kernel.store.steps.sql import run_script

M006_SQL = """
CREATE TABLE exchange_outbox_new (
    id INTEGER PRIMARY KEY,
    package_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    year INTEGER NOT NULL,
    period TEXT NOT NULL DEFAULT '',
    addressee TEXT NOT NULL DEFAULT '',
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
    acknowledged_by TEXT NOT NULL DEFAULT '',
    UNIQUE (kind, year, period, addressee, revision)
);
INSERT INTO exchange_outbox_new (
    id, package_id, kind, year, period, revision, supersedes, created_at, folder, file_name, sha256, size,
    data_sha256, evidence_count, withheld_secret, has_document, eml_file, key_fingerprint, exported_by, status,
    acknowledged_at
)
SELECT id, package_id, kind, year, period, revision, supersedes, created_at, folder, file_name, sha256, size,
    data_sha256, evidence_count, withheld_secret, has_document, eml_file, key_fingerprint, exported_by, status,
    acknowledged_at
FROM exchange_outbox;
DROP TABLE exchange_outbox;
ALTER TABLE exchange_outbox_new RENAME TO exchange_outbox;
ALTER TABLE received_packages ADD COLUMN receipt_package_id TEXT;
ALTER TABLE received_criteria ADD COLUMN response TEXT NOT NULL DEFAULT '';
ALTER TABLE criterion_scores ADD COLUMN response TEXT NOT NULL DEFAULT '';
CREATE TABLE received_appraisal_scores (
    id INTEGER PRIMARY KEY,
    package_row_id INTEGER NOT NULL REFERENCES received_packages(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    max_points REAL,
    self_score REAL,
    appraised_score REAL,
    comment TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_received_appraisal_scores_package ON received_appraisal_scores(package_row_id, position)
"""


def m006_downward(db: Any) -> None:
    """Gói gửi xuống xã (biên nhận, thẩm định, khung năm) và giải trình của xã."""
    run_script(db, M006_SQL)
