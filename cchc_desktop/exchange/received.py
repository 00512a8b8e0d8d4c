"""What a receiver holds for each import: its name, its series, and its rows rebuilt from the stored
data.json (for the dry-run diff and for rolling an import back)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Mapping
from typing import Any

from cchc_desktop.exchange import store
from cchc_desktop.exchange.assessment_check import check_assessment, known_catalogues
from cchc_desktop.exchange.format.manifest import Manifest, parse_body, parse_envelope
from cchc_desktop.exchange.format.verify import VerifiedPackage
from cchc_desktop.exchange.payload_check import PayloadRows
from cchc_desktop.exchange.payload_rows import rows_from_stored
from cchc_desktop.exchange.payloads import RECEIVED_KINDS
from cchc_desktop.kernel.errors import CchcError
from cchc_desktop.kernel.store.records import now_iso


def import_name(manifest: Manifest) -> str:
    """The name an import is rolled back by: "42-18544_report_2026_Q1_r2"."""
    period = f"_{manifest.period}" if manifest.period else ""
    return (
        f"{manifest.sender.province_code}-{manifest.sender.unit_code}_{manifest.kind}_{manifest.year}"
        f"{period}_r{manifest.revision}"
    )


def import_name_of_row(row: sqlite3.Row) -> str:
    """The import name of a received_packages row."""
    period = f"_{row['period']}" if row["period"] else ""
    return f"{row['province_code']}-{row['unit_code']}_{row['kind']}_{row['year']}{period}_r{row['revision']}"


def series_of(manifest: Manifest) -> store.Series:
    sender = manifest.sender
    return (sender.province_code, sender.unit_code, manifest.kind, manifest.year, manifest.period or "")


def stored_manifest(row) -> Manifest:
    raw = row["manifest_json"].encode("utf-8")
    return parse_body(parse_envelope(raw, row["source_file"]), row["source_file"])


def stored_rows(conn, row_id: int | None) -> PayloadRows | None:
    """The rows of an imported package, rebuilt from its stored data.json (None when there is none);
    a self-assessment's criteria from the catalogue held now, as at import (as sent, if it no longer fits)."""
    row = store.package_row(conn, row_id) if row_id is not None else None
    if row is None or row["kind"] not in RECEIVED_KINDS:
        return None
    data = store.stored_data_json(row)
    manifest = stored_manifest(row)
    rows = rows_from_stored(row["kind"], data, manifest)
    if row["kind"] == "assessment":
        try:
            return check_assessment(rows, json.loads(data), manifest.year, row["source_file"], known_catalogues(conn))
        except CchcError:
            return rows_from_stored(row["kind"], data, manifest)
    return rows


def package_row_values(
    package: VerifiedPackage,
    holder: sqlite3.Row | Mapping[str, Any] | None,
    file: str,
    stored: str,
    submitted_at: str | None,
    data_zlib: bytes,
) -> dict[str, Any]:
    """The received_packages row of a verified package (kept as ``stored``); the unit's name and type
    are its enrolment's (or the roster's, for a certificate's seal), never what the package claims."""
    m = package.manifest
    digest = hashlib.sha256(package.manifest_bytes).hexdigest()
    document = m.member("document.pdf")
    return {
        "package_id": m.package_id,
        "province_code": m.sender.province_code,
        "unit_code": m.sender.unit_code,
        "unit_name": holder["unit_name"] if holder else m.sender.unit_name,
        "unit_type": holder["unit_type"] if holder else m.sender.unit_type,
        "kind": m.kind,
        "year": m.year,
        "period": m.period or "",
        "revision": m.revision,
        "supersedes": m.supersedes,
        "state": "current",
        "created_at": m.created_at,
        "submitted_at": submitted_at,
        "received_at": now_iso(),
        "receiver_name": m.receiver.name,
        "signer_name": m.signer.name,
        "signer_role": m.signer.role,
        "signer_on_behalf": m.signer.on_behalf_of,
        "key_id": None if package.key.certificate else package.key.key_id,
        "seal_certificate": package.key.certificate.common_name if package.key.certificate else "",
        "key_fingerprint": m.signature.key_fingerprint,
        "framework_id": m.framework.id if m.framework else None,
        "framework_hash": m.framework.hash if m.framework else None,
        "manifest_json": package.manifest_bytes.decode("utf-8"),
        "signature": package.signature,
        "manifest_sha256": digest,
        "data_sha256": m.data_member.sha256,
        "data_zlib": data_zlib,
        "document_sha256": document.sha256 if document else None,
        "evidence_count": len(m.evidence),
        "stored_file": stored,
        "source_file": file,
    }
