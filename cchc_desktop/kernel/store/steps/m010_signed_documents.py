"""Step 10: văn bản đã ký số (PAdES) kept in the workspace, and the unit's signature and seal images.

A signed PDF is kept per document (kind, year, period, plan version) and content: ``source_sha256``
is the SHA-256 of the unsigned PDF it was made from, so an export can tell whether the document it
sends is still the one that was signed. The images are chosen once: ``kind`` is "signature" (the
chairman's, blue) or "seal" (the unit's, red, with its real diameter). At a receiver, a package's
document.pdf checked on import: ``pdf_signature`` "" (not signed), "ok" or "invalid", ``pdf_signer``
the name in the first signature's certificate.
"""

from __future__ import annotations

from typing import Any

from cchc_desktop.kernel.store.steps.sql import run_script

M010_SQL = """
CREATE TABLE signed_documents (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    year INTEGER NOT NULL,
    period TEXT NOT NULL DEFAULT '',
    plan_id INTEGER,
    source_sha256 TEXT NOT NULL,
    pdf BLOB NOT NULL,
    pdf_sha256 TEXT NOT NULL,
    file_name TEXT NOT NULL,
    document_number TEXT NOT NULL DEFAULT '',
    signer_name TEXT NOT NULL,
    signer_subject TEXT NOT NULL DEFAULT '',
    agency_name TEXT NOT NULL DEFAULT '',
    signed_at TEXT NOT NULL,
    signed_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_signed_documents_series ON signed_documents(kind, year, period);
CREATE TABLE signature_images (
    kind TEXT PRIMARY KEY CHECK (kind IN ('signature', 'seal')),
    png BLOB NOT NULL,
    diameter_mm REAL,
    file_name TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);
ALTER TABLE received_packages ADD COLUMN pdf_signature TEXT NOT NULL DEFAULT '';
ALTER TABLE received_packages ADD COLUMN pdf_signer TEXT NOT NULL DEFAULT ''
"""


def m010_signed_documents(db: Any) -> None:
    """Văn bản đã ký số; ảnh chữ ký và con dấu của đơn vị."""
    run_script(db, M010_SQL)
