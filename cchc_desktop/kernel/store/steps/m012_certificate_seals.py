"""Step 12: chứng thư số tin cậy, and packages sealed with a unit's certificate.

``trusted_certificates`` holds what a receiver checks certificate seals against, offline: roots
(chứng thư gốc, self-signed), intermediates (chứng thư trung gian) and CRLs (danh sách thu hồi) the
user imported from files; ``sha256`` is that of the DER, so a file added twice is kept once; for a
CRL, ``subject`` names its issuer and the validity is its this/next update. A received package sealed
with a certificate has no enrolled key (``key_id`` NULL): ``seal_certificate`` names the certificate
(its CN), "" for a package sealed with the app's key.
"""

from __future__ import annotations

from typing import Any

from cchc_desktop.kernel.store.steps.sql import run_script

M012_SQL = """
CREATE TABLE trusted_certificates (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('root', 'intermediate', 'crl')),
    der BLOB NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    subject TEXT NOT NULL,
    valid_from TEXT NOT NULL DEFAULT '',
    valid_to TEXT NOT NULL DEFAULT '',
    file_name TEXT NOT NULL DEFAULT '',
    added_at TEXT NOT NULL,
    added_by TEXT NOT NULL DEFAULT ''
);
ALTER TABLE received_packages ADD COLUMN seal_certificate TEXT NOT NULL DEFAULT ''
"""


def m012_certificate_seals(db: Any) -> None:
    """Chứng thư số tin cậy; gói niêm phong bằng chứng thư số."""
    run_script(db, M012_SQL)
