"""Gói gửi xuống: the receiving unit signs a package for one of its communes (a receipt, an appraisal,
the year's framework) with its own key.

The sender is the office itself (its province's code, unit code ``00000``, type ``tinh`` or ``huyen``); the
receiver is the commune, named and coded. Revisions count per addressee: the third appraisal sent to one
commune is revision 3 of that commune's series, whatever went to the others. The outbox row is reserved
before the file is written, as for every package (``outbox``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from cchc_desktop.exchange import outbox, store
from cchc_desktop.exchange.context import ExchangeWorkspace
from cchc_desktop.exchange.format.builder import PACKAGE_SUFFIX, ManifestFields, build_package, now_vietnam
from cchc_desktop.exchange.format.keys import fingerprint
from cchc_desktop.exchange.format.manifest import OFFICE_CODE, FrameworkRef, Manifest, Receiver, Sender, Signer
from cchc_desktop.kernel.jobs import Cancelled, Progress

OFFICE_UNIT_CODE = OFFICE_CODE
DOWN_KINDS = ("receipt", "appraisal", "framework")


@dataclass(frozen=True)
class Addressee:
    """The unit a package goes down to: a commune, or a district for the receipts of its consolidations."""

    province_code: str
    unit_code: str
    name: str  # "Xã Hương Xuân"
    unit_type: str  # xa, phuong, dac_khu; huyen for a district

    @property
    def code(self) -> str:
        return f"{self.province_code}-{self.unit_code}"


@dataclass(frozen=True)
class DownPackage:
    """What the office decided to send: kind, year (and period), data.json, an optional document."""

    kind: str
    year: int
    data: dict[str, Any]
    signer: Signer
    period: str | None = None
    document: bytes | None = None
    framework: FrameworkRef | None = None  # the year's framework: the one it carries


def office_sender(ws: ExchangeWorkspace) -> Sender:
    profile = ws.profile.get()
    level = profile.receiver_level if profile.receiver_level in ("tinh", "huyen") else "tinh"
    return Sender(profile.province_code, OFFICE_UNIT_CODE, profile.name, level)


def down_file_name(fields: ManifestFields, addressee: Addressee) -> str:
    """ "42-00000_appraisal_2026_den-42-18544_r2.cchc": ASCII, one name per commune and revision."""
    sender = f"{fields.sender.province_code}-{fields.sender.unit_code}"
    period = f"_{fields.period}" if fields.period else ""
    return f"{sender}_{fields.kind}_{fields.year}{period}_den-{addressee.code}_r{fields.revision}{PACKAGE_SUFFIX}"


def write_down_package(
    ws: ExchangeWorkspace,
    package: DownPackage,
    addressee: Addressee,
    folder: str | Path,
    private_key: Ed25519PrivateKey,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> tuple[Path, Manifest]:
    """Sign and write ``package`` for ``addressee`` into ``folder``; recorded in the outbox."""
    previous = store.last_export(ws.conn, package.kind, package.year, package.period or "", addressee.code)
    fields = ManifestFields(
        kind=package.kind,
        sender=office_sender(ws),
        receiver=Receiver(addressee.name, addressee.unit_type, addressee.province_code, addressee.unit_code),
        year=package.year,
        period=package.period,
        revision=previous["revision"] + 1 if previous else 1,
        signer=package.signer,
        supersedes=previous["package_id"] if previous else None,
        package_id=uuid.uuid4().hex,
        created_at=now_vietnam(),
        framework=package.framework,
    )
    out = Path(folder) / down_file_name(fields, addressee)
    row_id = outbox.reserve(ws, fields, out, fingerprint(private_key), addressee=addressee.code)
    try:
        manifest = build_package(fields, package.data, package.document, [], private_key, out, progress, cancelled)
    except BaseException:
        outbox.release(ws, row_id)
        raise
    outbox.complete(ws, row_id, manifest, out, None, 0, 0, package.document is not None)
    return out, manifest
