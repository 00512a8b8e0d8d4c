"""The signed copy a package carries instead of the unsigned PDF, when it still matches the document."""

from __future__ import annotations

import hashlib
import sqlite3

from cchc_desktop.signing import store
from cchc_desktop.signing.model import SignedDocument


def signed_copy(
    conn: sqlite3.Connection, kind: str, year: int, period: str | None, unsigned_pdf: bytes
) -> tuple[SignedDocument, bytes] | None:
    """The newest signed PDF made from exactly ``unsigned_pdf`` (same content, byte for byte), or None
    when the document was never signed or changed since (then the package carries the unsigned one)."""
    return store.signed_matching(conn, kind, year, period, hashlib.sha256(unsigned_pdf).hexdigest())
