"""Nhận gói: verify, check revision and payload, then apply each package in one transaction.

The order is the spec's (docs/package-format.md §5 and §5.1): steps 1–7 by ``verify_package``, then
addressing, revision, payload validation, and — unless this is a dry run — a backup of the file
(once per batch, before the first change) and one transaction per package. A refused package
changes nothing; a package seen before is reported and skipped. ``run`` never stops at a refusal:
every file gets one Vietnamese result line.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from cchc_desktop.exchange import store, store_held
from cchc_desktop.exchange.context import ExchangeWorkspace
from cchc_desktop.exchange.down_apply import apply_down, check_down_addressing, is_down_kind
from cchc_desktop.exchange.format.errors import UnknownSenderError
from cchc_desktop.exchange.format.limits import DEFAULT_LIMITS, Limits
from cchc_desktop.exchange.format.verify import UncheckedPackage, check_without_key, verify_package
from cchc_desktop.exchange.hold import Holder
from cchc_desktop.exchange.import_apply import Applier, ImportOutcome
from cchc_desktop.exchange.import_errors import UnexpectedImportError
from cchc_desktop.exchange.import_prepare import prepare_content
from cchc_desktop.exchange.package_store import PackageStore
from cchc_desktop.exchange.payload_rows import payload_rows
from cchc_desktop.exchange.payloads import RECEIVED_KINDS
from cchc_desktop.exchange.prefetch import Prefetch, Prepared
from cchc_desktop.exchange.rotation import apply_rotation
from cchc_desktop.kernel.errors import CchcError
from cchc_desktop.kernel.files import display_name
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.store import db as store_db

PACKAGE_GLOB = "*.[cC][cC][hH][cC]"
log = logging.getLogger(__name__)
_REVISION_IN_NAME = re.compile(r"_r(\d+)\.cchc$", re.I)


@dataclass
class ImportBatch:
    """All results of one import (or dry run), the backup taken before it, and whether it was cut short."""

    outcomes: list[ImportOutcome]
    dry_run: bool
    backup_file: Path | None = None
    cancelled: bool = False

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def summary(self) -> str:
        key = "exchange.import.summary.dry_run" if self.dry_run else "exchange.import.summary"
        return tr(
            key,
            total=len(self.outcomes),
            imported=self.count("imported") + self.count("rotated"),
            replaced=self.count("replaced"),
            already=self.count("already"),
            held=self.count("held"),
            refused=self.count("refused"),
        )


def package_files(paths: Iterable[str | Path]) -> list[Path]:
    """The .cchc files named or found in the folders given (not recursive), oldest revision first."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        found += sorted(path.glob(PACKAGE_GLOB)) if path.is_dir() else [path]
    return sorted(dict.fromkeys(found), key=_order)


def _order(path: Path) -> tuple[str, int, str]:
    """Revisions of one series in order (r2 before r10), so a folder with several imports cleanly."""
    match = _REVISION_IN_NAME.search(path.name)
    stem = path.name[: match.start()] if match else path.name
    return (stem, int(match.group(1)) if match else 0, path.name)


def refused(file: str, error: CchcError) -> ImportOutcome:
    return ImportOutcome(file, "refused", tr("exchange.import.line.refused", file=file, reason=str(error)), error=error)


def unexpected(path: Path, exc: Exception) -> UnexpectedImportError:
    """A fault of the program on one file, as that file's refusal (the details go to the log)."""
    log.warning("package %s: unexpected %s", path.name, type(exc).__name__, exc_info=exc)
    return UnexpectedImportError(path, detail=type(exc).__name__)


def clean_debris(ws: ExchangeWorkspace, package_store: PackageStore) -> tuple[int, int]:
    """Remove what killed imports left (``PackageStore.clean_debris``) under the write lock, so no import
    commits meanwhile; returns (folders, kept files) removed. Never fails: debris can wait."""
    if not package_store.has_debris():  # the usual case: no write lock taken, nobody kept waiting
        return 0, 0
    try:
        with ws.transaction() as conn:
            return package_store.clean_debris(store.stored_files_in_use(conn) | store_held.held_files(conn))
    except (sqlite3.Error, OSError):
        return 0, 0


class Importer:
    def __init__(
        self,
        ws: ExchangeWorkspace,
        *,
        dry_run: bool = False,
        limits: Limits = DEFAULT_LIMITS,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        on_outcome: Callable[[ImportOutcome], None] | None = None,
        names: dict[Path, str] | None = None,
    ) -> None:
        self.ws = ws
        self.names = names or {}  # files shown under another name (held ones: the name they came with)
        self.dry_run = dry_run
        self.limits = limits
        self.progress = progress
        self.cancelled = cancelled
        self.on_outcome = on_outcome
        self.store = PackageStore(ws.path)
        self.applier = Applier(ws, self.store, dry_run)
        self.holder = Holder(ws, self.store, dry_run)

    def run(self, paths: Iterable[str | Path]) -> ImportBatch:
        return self.run_files(package_files(paths))

    def run_files(self, files: list[Path]) -> ImportBatch:
        """Import ``files`` in the order given."""
        batch = ImportBatch([], self.dry_run)
        if not self.dry_run:
            self._start()
        try:
            self._each(files, batch)
        finally:
            if not self.dry_run:
                self._finish()
        batch.backup_file = self.applier.backup_file
        return batch

    def _each(self, files: list[Path], batch: ImportBatch) -> None:
        """Prepare packages ahead (verify, hash, build rows: no database) while applying this one.

        The senders' keys are read before the batch; a key rotation changes them, so what was
        prepared after one is prepared again.
        """
        self.applier.preload_keys()
        ahead = Prefetch(files, self.prepare)
        try:
            for index, (path, prepared) in enumerate(ahead):
                if self.cancelled is not None and self.cancelled():
                    batch.cancelled = True
                    self._discard(prepared)
                    break
                outcome = self.finish(path, prepared)
                if outcome.status == "rotated":
                    for dropped in ahead.restart():
                        self._discard_copy(dropped)
                self._report(batch, outcome, index, len(files))
        finally:
            for dropped in ahead.drain():
                self._discard_copy(dropped)
            ahead.close()

    def _report(self, batch: ImportBatch, outcome: ImportOutcome, index: int, total: int) -> None:
        batch.outcomes.append(outcome)
        if self.on_outcome is not None:
            self.on_outcome(outcome)
        if self.progress is not None:
            self.progress(index + 1, total)

    def _discard(self, prepared: Prepared) -> None:
        self._discard_copy(prepared.incoming)

    def _discard_copy(self, incoming: Path | None) -> None:
        if not self.dry_run:
            self.store.discard(incoming)

    def _start(self) -> None:
        """Each package commits on its own; the batch is made durable once, at its end (``_finish``).
        What killed imports left behind goes first."""
        clean_debris(self.ws, self.store)
        with self.ws.transaction():  # under the write lock, as every cleaning: made and locked before one runs
            self.store.open_batch()
        store_db.batch_commits(self.ws.conn, True)

    def _finish(self) -> None:
        """Flush the kept packages, then one fully synced commit, which makes every commit of the batch
        durable (WAL: they precede it in the same file). A power cut before this point keeps the file
        consistent and loses at most the batch's last imports, which importing again restores."""
        try:
            self.store.flush()
        finally:
            self.store.close_batch()
            store_db.batch_commits(self.ws.conn, False)
            if self.applier.backup_file is not None:
                with self.ws.transaction():
                    self.ws.put_setting("last_import_batch", self.applier.batch)

    def one(self, path: Path) -> ImportOutcome:
        """Import (or dry-run) one file on its own."""
        self.applier.preload_keys()
        return self.finish(path, self.prepare(path))

    def prepare(self, path: Path) -> Prepared:
        """Steps 1–7 and the rows the payload makes, without the database (so on the preparing thread).

        Whatever a file holds, this returns: a fault of the program on one file is that file's refusal."""
        incoming = None
        file = self.file_name(path)
        try:
            incoming = path if self.dry_run else self.store.incoming(path, self.names.get(path))
            try:
                package = verify_package(
                    incoming, self.applier.key_lookup, self.limits, certificates=self.applier.certificates
                )
            except UnknownSenderError as exc:
                return Prepared(incoming, None, exc, unchecked=self._unchecked(incoming, exc, file))
            return Prepared(incoming, package, None, prepare_content(package, file))
        except CchcError as exc:
            return Prepared(incoming, None, exc)
        except Exception as exc:  # one file's fault must not stop the batch
            return Prepared(incoming, None, unexpected(path, exc))

    def _unchecked(self, incoming: Path, unknown: UnknownSenderError, file: str) -> UncheckedPackage:
        """A content package of a sender not enrolled, checked as far as it can be without the key (its
        payload's shape too); any other kind stays refused as not enrolled."""
        unchecked = check_without_key(incoming, self.limits)
        if unchecked.manifest.kind not in RECEIVED_KINDS:
            raise unknown
        payload_rows(unchecked.manifest, unchecked.data, file)
        return unchecked

    def file_name(self, path: Path) -> str:
        return self.names.get(path) or display_name(path)

    def finish(self, path: Path, prepared: Prepared) -> ImportOutcome:
        """Steps 8 on, in the database: one Vietnamese result line whatever happens."""
        file = self.file_name(path)
        incoming = prepared.incoming
        try:
            if prepared.unchecked is not None:
                return self.holder.hold(prepared.unchecked, file, None if self.dry_run else incoming)
            package = prepared.checked_package()
            kept = None if self.dry_run else incoming
            if is_down_kind(package.manifest.kind):
                check_down_addressing(self.applier, package, file)
                return apply_down(self.applier, package, file, kept)
            if package.manifest.kind == "key_rotation":
                self.applier.check_addressing(package, file)
                return apply_rotation(self.applier, package, file, kept)
            return self.applier.handle(package, file, kept, prepared.content)
        except CchcError as exc:
            return refused(file, exc)
        except Exception as exc:  # one file's fault must not stop the batch
            return refused(file, unexpected(path, exc))
        finally:
            if not self.dry_run:
                self.store.discard(incoming)
