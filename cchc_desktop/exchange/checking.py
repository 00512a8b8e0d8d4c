"""Kiểm tra gói without importing it, and reading what a kept package holds (document, evidence)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cchc_desktop.exchange import store
from cchc_desktop.exchange.context import ExchangeWorkspace
from cchc_desktop.exchange.format.cert_seal import seal_description
from cchc_desktop.exchange.format.labels import package_title
from cchc_desktop.exchange.format.signing import TrustedKey
from cchc_desktop.exchange.format.verify import verify_package
from cchc_desktop.exchange.package_store import PackageStore
from cchc_desktop.exchange.senders import KEY_STATUSES, sender_note, trusted_key
from cchc_desktop.exchange.trust_roots import certificate_policy
from cchc_desktop.kernel.errors import NotFoundError
from cchc_desktop.kernel.files import display_name
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.text import printable


@dataclass(frozen=True)
class VerifyResult:
    """A package checked without importing it: who sent what, with which key."""

    file: str
    title: str
    line: str
    key_status: str


def verify_only(ws: ExchangeWorkspace, path: Path) -> VerifyResult:
    """Steps 1–7 against the sender's active and retired keys (a retired key still proves old packages;
    a revoked one is refused by name)."""

    def lookup(province: str, unit: str) -> list[TrustedKey]:
        return [trusted_key(row) for row in store.keys_of_sender(ws.conn, province, unit, KEY_STATUSES)]

    policy = certificate_policy(ws.conn, ws.profile.get().province_name)
    package = verify_package(path, lookup, accepted=("active", "retired"), certificates=policy)
    status = package.key.status
    title = package_title(package.manifest, package.key.label)
    key = "exchange.verify.ok.retired" if status == "retired" else "exchange.verify.ok"
    line = tr(
        key,
        file=display_name(path),
        title=title,
        fingerprint=package.key.fingerprint,
        signer=package.manifest.signer.name,
    )
    line = " ".join([line, seal_description(package.key), *package.key.notes]).strip()
    return VerifyResult(printable(display_name(path)), printable(title), printable(line) + sender_note(package), status)


def _kept(ws: ExchangeWorkspace, package_row_id: int):
    row = store.package_row(ws.conn, package_row_id)
    if row is None:
        raise NotFoundError("error.row_missing", what=tr("audit.entity.received_package"), id=package_row_id)
    from cchc_desktop.exchange.received import stored_manifest

    return row, stored_manifest(row)


def read_kept_member(ws: ExchangeWorkspace, package_row_id: int, name: str) -> bytes | None:
    """A member of a received package from the kept file (None when the package has no such member)."""
    row, manifest = _kept(ws, package_row_id)
    member = manifest.member(name)
    if member is None:
        return None
    return PackageStore(ws.path).read_member(row["stored_file"], member)


def read_kept_evidence(ws: ExchangeWorkspace, package_row_id: int, sha256: str) -> bytes:
    row, manifest = _kept(ws, package_row_id)
    member = next((m for m in manifest.evidence if m.sha256 == sha256), None)
    if member is None:
        raise NotFoundError("evidence.blob_missing", sha=sha256[:12])
    return PackageStore(ws.path).read_member(row["stored_file"], member)
