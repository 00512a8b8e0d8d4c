"""Biên nhận: the office tells each commune which of its packages arrived, in a package signed with the
office's own key, so the commune's outbox shows "đã nhận" without anyone marking it by hand.

A receipt is cumulative: it lists every package the office holds from that commune for that year (each
revision, as received), so a newer receipt says all an older one said and a lost receipt costs nothing.
Receipts are written for the units that sent something since their last receipt, one file per unit
and year, into the folder the user chooses (the stick the packages came on).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cchc_desktop.exchange import keyring, store_year
from cchc_desktop.exchange.context import ExchangeWorkspace
from cchc_desktop.exchange.down_export import Addressee, DownPackage, write_down_package
from cchc_desktop.exchange.format.manifest import Signer
from cchc_desktop.kernel.errors import JobCancelled, ValidationError
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.jobs import Cancelled, Progress
from cchc_desktop.kernel.units import DISTRICT_KINDS
from cchc_desktop.receiver.model import UNIT_KIND_WORDS
from cchc_desktop.receiver.service import ReceiverService


@dataclass(frozen=True)
class ReceiptDue:
    addressee: Addressee
    year: int
    packages: int  # how many packages of that unit and year the office holds


@dataclass(frozen=True)
class ReceiptsWritten:
    files: list[Path]
    packages: int

    @property
    def summary(self) -> str:
        return tr("receiver.receipts.done", files=len(self.files), packages=self.packages)


class ReceiptService:
    def __init__(self, receiver: ReceiverService, ws: ExchangeWorkspace) -> None:
        self.receiver = receiver
        self.ws = ws  # signing and the outbox: the exchange's view of the same workspace

    def due(self) -> list[ReceiptDue]:
        """Units (and years) with a package no receipt has named yet."""
        conn = self.ws.conn
        roster = {(u.province_code, u.unit_code): u for u in self.receiver.roster()}
        found = []
        for row in store_year.unreceipted_units(conn):
            packages = store_year.packages_of_unit(conn, row["province_code"], row["unit_code"], row["year"])
            found.append(ReceiptDue(addressee_of(packages[0], roster), row["year"], len(packages)))
        return found

    def write(
        self,
        folder: str | Path,
        passphrase: str,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> ReceiptsWritten:
        """Ghi biên nhận for every unit due one; each receipt and its marks are committed together."""
        due = self.due()
        if not due:
            raise ValidationError("receiver.receipts.none_due")
        key = keyring.unlock(self.ws, passphrase)
        files, packages = [], 0
        for done, item in enumerate(due):
            if cancelled is not None and cancelled():
                raise JobCancelled()
            rows = store_year.packages_of_unit(
                self.ws.conn, item.addressee.province_code, item.addressee.unit_code, item.year
            )
            path, manifest = write_down_package(self.ws, self._package(item, rows), item.addressee, folder, key)
            with self.ws.transaction() as conn:
                store_year.mark_receipted(conn, [r["id"] for r in rows], manifest.package_id)
            files.append(path)
            packages += len(rows)
            if progress is not None:
                progress(done + 1, len(due))
        return ReceiptsWritten(files, packages)

    def _package(self, item: ReceiptDue, rows: list) -> DownPackage:
        profile = self.ws.profile.require()
        data: dict[str, Any] = {
            "payload": "receipt",
            "payload_version": 1,
            "unit": {"name": profile.name, "province_code": profile.province_code},
            "year": item.year,
            "addressee": {
                "province_code": item.addressee.province_code,
                "unit_code": item.addressee.unit_code,
                "name": item.addressee.name,
            },
            "received": [
                {
                    "package_id": r["package_id"],
                    "kind": r["kind"],
                    "year": r["year"],
                    "period": r["period"] or None,
                    "revision": r["revision"],
                    "received_at": r["received_at"],
                    "state": r["state"],
                }
                for r in rows
            ],
        }
        signer = Signer(profile.name, tr("receiver.receipts.signer_role"), "")
        return DownPackage("receipt", item.year, data, signer)


def addressee_of(package, roster: dict) -> Addressee:
    """The unit that sent ``package``, as the roster names it (else as the package did)."""
    unit = roster.get((package["province_code"], package["unit_code"]))
    if unit is not None:
        return Addressee(unit.province_code, unit.unit_code, unit.full_name, _communal(unit.unit_type))
    name = f"{UNIT_KIND_WORDS.get(package['unit_type'], '')} {package['unit_name']}".strip()
    return Addressee(package["province_code"], package["unit_code"], name, _communal(package["unit_type"]))


def _communal(unit_type: str) -> str:
    """The manifest's level for the addressee: a commune's kind (a legacy thị trấn travels as "xa"), or
    "huyen" for a district (its consolidations are receipted too)."""
    if unit_type in DISTRICT_KINDS:
        return "huyen"
    return unit_type if unit_type in ("xa", "phuong", "dac_khu") else "xa"
