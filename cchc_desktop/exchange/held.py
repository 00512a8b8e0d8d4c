"""Gói chờ xác nhận khóa: listing the packages held for units not enrolled, importing them once their key
is enrolled, and removing them.

Importing a held package is importing its kept file like any package (``HeldImporter``): verified with
the keys enrolled now, then revision, payload and one transaction, which also ends the hold. A held
package the import refuses for good (a wrong key or signature, an older revision…) is no longer held;
one refused for a passing reason (a full disk, another import at the same time) stays held. A package
whose unit is still not enrolled simply stays held.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

from cchc_desktop.exchange import store, store_held
from cchc_desktop.exchange.context import ExchangeWorkspace
from cchc_desktop.exchange.format.labels import kind_label, period_label
from cchc_desktop.exchange.format.manifest import Sender
from cchc_desktop.exchange.format.signing import sender_codes_label
from cchc_desktop.exchange.import_apply import ImportOutcome
from cchc_desktop.exchange.import_errors import ConcurrentImportError, ImportWriteError, PackageStoreError
from cchc_desktop.exchange.importer import ImportBatch, Importer
from cchc_desktop.exchange.package_store import PackageStore
from cchc_desktop.exchange.prefetch import Prepared
from cchc_desktop.exchange.received import import_name_of_row
from cchc_desktop.kernel.errors import JobCancelled, NotFoundError
from cchc_desktop.kernel.i18n import tr

Unit = tuple[str, str]
#: Refusals that say nothing against the package: it stays held, to be imported again later.
PASSING = (ImportWriteError, ConcurrentImportError, PackageStoreError, JobCancelled)


@dataclass(frozen=True)
class HeldPackage:
    """A held package as the inbox lists it; the unit is named from the official list by its codes,
    never by the name the unproven package claims."""

    id: int
    province_code: str
    unit_code: str
    unit_label: str
    kind: str
    year: int
    period: str
    revision: int
    created_at: str
    held_at: str
    source_file: str
    size: int

    @property
    def code(self) -> str:
        return f"{self.province_code}-{self.unit_code}"

    @property
    def unit(self) -> Unit:
        return self.province_code, self.unit_code

    @property
    def what(self) -> str:
        """ "Báo cáo CCHC — Quý I/2026"."""
        return f"{kind_label(self.kind)} — {period_label(self.period or None, self.year)}"


def held_list(ws: ExchangeWorkspace, units: Collection[Unit] | None = None) -> list[HeldPackage]:
    return [_held(row) for row in store_held.held_packages(ws.conn, units)]


def _held(row: sqlite3.Row) -> HeldPackage:
    sender = Sender(row["province_code"], row["unit_code"], row["unit_name"], "xa")
    return HeldPackage(
        row["id"],
        row["province_code"],
        row["unit_code"],
        sender_codes_label(sender),
        row["kind"],
        row["year"],
        row["period"],
        row["revision"],
        row["created_at"],
        row["held_at"],
        row["source_file"],
        row["size"],
    )


class HeldImporter(Importer):
    """Imports held packages from their kept files, and ends each hold as its result says."""

    def __init__(self, ws: ExchangeWorkspace, rows: list[sqlite3.Row], **options) -> None:
        folder = PackageStore(ws.path)
        self.rows = {folder.path(row["stored_file"]): row for row in rows}
        super().__init__(ws, names={path: row["source_file"] for path, row in self.rows.items()}, **options)

    def files(self) -> list[Path]:
        return list(self.rows)

    def finish(self, path: Path, prepared: Prepared) -> ImportOutcome:
        outcome = super().finish(path, prepared)
        row = self.rows.get(path)
        if row is not None and _ends_hold(outcome):
            drop_held(self.ws, [row], outcome.line)
        return outcome


def _ends_hold(outcome: ImportOutcome) -> bool:
    """Imported (the hold ended in the import's own transaction), still waiting, or a passing failure:
    nothing to do; already imported or refused for good: the hold ends here."""
    if outcome.status in ("imported", "replaced", "held"):
        return False
    return not (outcome.refused and isinstance(outcome.error, PASSING))


def import_held(
    ws: ExchangeWorkspace,
    units: Collection[Unit] | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    on_outcome: Callable[[ImportOutcome], None] | None = None,
) -> ImportBatch:
    """Nhập các gói đang giữ (of ``units``, else all), each series in revision order."""
    rows = store_held.held_packages(ws.conn, units)
    importer = HeldImporter(ws, rows, progress=progress, cancelled=cancelled, on_outcome=on_outcome)
    return importer.run_files(importer.files())


def remove_held(ws: ExchangeWorkspace, held_ids: Collection[int]) -> int:
    """Bỏ gói đang giữ: its row and its kept file go; returns how many were removed."""
    rows = store_held.held_by_ids(ws.conn, held_ids)
    missing = set(held_ids) - {row["id"] for row in rows}
    if missing:
        raise NotFoundError("exchange.held.missing", id=min(missing))
    drop_held(ws, rows, tr("exchange.held.removed", count=len(rows)))
    return len(rows)


def drop_held(ws: ExchangeWorkspace, rows: list[sqlite3.Row], reason: str) -> None:
    """End holds in one transaction, then remove their kept files that nothing names any more (and the
    package store's folder when that leaves it empty)."""
    with ws.transaction() as conn:
        for row in rows:
            store_held.delete_held(conn, row["id"])
            label = import_name_of_row(row)
            store.audit(conn, ws.actor, "package_hold_remove", "held_package", row["id"], label, None, reason)
    folder = PackageStore(ws.path)
    for row in rows:
        if not store_held.file_in_use(ws.conn, row["stored_file"]):
            folder.path(row["stored_file"]).unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        folder.folder.rmdir()  # only when empty
