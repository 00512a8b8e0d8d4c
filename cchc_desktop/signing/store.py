"""Tables ``signed_documents`` and ``signature_images`` (step m010). Plain SQL; callers hold the
transaction; every write is audited."""

from __future__ import annotations

import hashlib
import sqlite3

from cchc_desktop.kernel.store.records import AuditEntry, append_audit, inserted_id, now_iso
from cchc_desktop.signing.model import SignatureImage, SignedDocument, SignedPdf

_COLUMNS = (
    "id, kind, year, period, plan_id, source_sha256, pdf_sha256, file_name, document_number,"
    " signer_name, signer_subject, agency_name, signed_at, signed_by"
)


def _document(row: sqlite3.Row) -> SignedDocument:
    return SignedDocument(**dict(row))


def insert_signed(conn: sqlite3.Connection, signed: SignedPdf, actor: str, label: str) -> SignedDocument:
    ref = signed.ref
    values = {
        "kind": ref.kind,
        "year": ref.year,
        "period": ref.period or "",
        "plan_id": ref.plan_id,
        "source_sha256": signed.source_sha256,
        "pdf": signed.pdf,
        "pdf_sha256": hashlib.sha256(signed.pdf).hexdigest(),
        "file_name": signed.file_name,
        "document_number": signed.document_number,
        "signer_name": signed.signer_name,
        "signer_subject": signed.signer_subject,
        "agency_name": signed.agency_name,
        "signed_at": signed.signed_at,
        "signed_by": actor,
    }
    columns = ", ".join(values)
    cursor = conn.execute(
        f"INSERT INTO signed_documents ({columns}) VALUES ({', '.join('?' * len(values))})", list(values.values())
    )
    row_id = inserted_id(cursor)
    scope = f"{ref.kind} {ref.year} {ref.period or ''}".strip()
    append_audit(
        conn, AuditEntry(actor, "sign", "signed_document", row_id, scope, label, "signer", None, signed.signer_name)
    )
    return get_signed(conn, row_id)


def get_signed(conn: sqlite3.Connection, row_id: int) -> SignedDocument:
    row = conn.execute(f"SELECT {_COLUMNS} FROM signed_documents WHERE id = ?", [row_id]).fetchone()
    return _document(row)


def latest_signed(
    conn: sqlite3.Connection, kind: str, year: int, period: str | None, plan_id: int | None
) -> SignedDocument | None:
    """The newest signed copy of one document (for a plan, of that version)."""
    sql = f"SELECT {_COLUMNS} FROM signed_documents WHERE kind = ? AND year = ? AND period = ?"
    params: list = [kind, year, period or ""]
    if plan_id is not None:
        sql += " AND plan_id = ?"
        params.append(plan_id)
    row = conn.execute(sql + " ORDER BY id DESC LIMIT 1", params).fetchone()
    return _document(row) if row else None


def signed_matching(
    conn: sqlite3.Connection, kind: str, year: int, period: str | None, source_sha256: str
) -> tuple[SignedDocument, bytes] | None:
    """The newest signed copy made from exactly this unsigned PDF, with its bytes."""
    row = conn.execute(
        f"SELECT {_COLUMNS}, pdf FROM signed_documents WHERE kind = ? AND year = ? AND period = ?"
        " AND source_sha256 = ? ORDER BY id DESC LIMIT 1",
        [kind, year, period or "", source_sha256],
    ).fetchone()
    if row is None:
        return None
    values = dict(row)
    pdf = values.pop("pdf")
    return SignedDocument(**values), bytes(pdf)


def signed_pdf(conn: sqlite3.Connection, row_id: int) -> bytes | None:
    row = conn.execute("SELECT pdf FROM signed_documents WHERE id = ?", [row_id]).fetchone()
    return bytes(row["pdf"]) if row else None


def image(conn: sqlite3.Connection, kind: str) -> SignatureImage | None:
    row = conn.execute(
        "SELECT kind, png, diameter_mm, file_name, updated_at FROM signature_images WHERE kind = ?", [kind]
    ).fetchone()
    if row is None:
        return None
    return SignatureImage(row["kind"], bytes(row["png"]), row["diameter_mm"], row["file_name"], row["updated_at"])


def put_image(
    conn: sqlite3.Connection, kind: str, png: bytes, diameter_mm: float | None, file_name: str, actor: str, label: str
) -> SignatureImage:
    old = image(conn, kind)
    conn.execute(
        "INSERT INTO signature_images (kind, png, diameter_mm, file_name, updated_at) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT(kind) DO UPDATE SET png = excluded.png, diameter_mm = excluded.diameter_mm,"
        " file_name = excluded.file_name, updated_at = excluded.updated_at",
        [kind, png, diameter_mm, file_name, now_iso()],
    )
    previous = old.file_name if old else None
    append_audit(conn, AuditEntry(actor, "update", "signature_image", None, kind, label, "file", previous, file_name))
    found = image(conn, kind)
    assert found is not None
    return found
