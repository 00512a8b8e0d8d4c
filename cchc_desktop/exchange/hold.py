"""Giữ lại chờ xác nhận khóa: a package from a unit whose key is not enrolled yet is kept, not imported.

Refusing it would lose it from view until someone finds the stick again. Instead the importer checks
everything that needs no key (``check_without_key``: the file, its safety, its members and hashes,
the manifest, data.json and the payload's shape) and, when all of that passes, keeps the file in the
package store under its content name with a ``held_packages`` row saying what it claims to be. Once
the unit's key is enrolled, ``held.import_held`` imports it like any package: verified with the key
now, so a package whose signature turns out wrong is refused then, with the usual reason.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from cchc_desktop.exchange import store, store_held
from cchc_desktop.exchange.context import ExchangeWorkspace
from cchc_desktop.exchange.format.labels import kind_label, package_title
from cchc_desktop.exchange.format.signing import sender_codes_label
from cchc_desktop.exchange.format.verify import UncheckedPackage
from cchc_desktop.exchange.import_apply import ImportOutcome
from cchc_desktop.exchange.import_commit import describe_store_error
from cchc_desktop.exchange.import_errors import ImportWriteError, NotForThisModeError, OtherProvinceError
from cchc_desktop.exchange.package_store import PackageStore
from cchc_desktop.exchange.payload_consolidation import check_consolidation_target
from cchc_desktop.exchange.received import import_name
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.store.records import now_iso


class Holder:
    """Keeps the packages of units not enrolled (or, in a dry run, says it would)."""

    def __init__(self, ws: ExchangeWorkspace, package_store: PackageStore, dry_run: bool) -> None:
        self.ws, self.store, self.dry_run = ws, package_store, dry_run
        self.profile = ws.profile.get()
        self._seen: set[str] = set()  # a dry run: the packages it would have held already

    def hold(self, package: UncheckedPackage, file: str, incoming: Path | None) -> ImportOutcome:
        manifest = package.manifest
        sender = sender_codes_label(manifest.sender)  # nobody vouches for the name it claims
        if manifest.kind == "consolidation":
            check_consolidation_target(self.profile, file)
        if self.profile.mode != "receiver":
            raise NotForThisModeError(file, kind=kind_label(manifest.kind))
        if manifest.sender.province_code != self.profile.province_code:
            raise OtherProvinceError(file, sender=sender, province=self.profile.province_name)
        digest = hashlib.sha256(package.manifest_bytes).hexdigest()
        title = package_title(manifest, sender)
        if digest in self._seen or store_held.held_by_digest(self.ws.conn, digest) is not None:
            key = "exchange.import.line.held_already"
        else:
            key = "exchange.import.line.held" + (".dry_run" if self.dry_run else "")
            self._seen.add(digest)
        line = tr(key, title=title)
        if not self.dry_run and key != "exchange.import.line.held_already":
            assert incoming is not None
            self._keep(package, file, incoming, digest, line)
        return ImportOutcome(file, "held", line, title, import_name(manifest))

    def _keep(self, package: UncheckedPackage, file: str, incoming: Path, digest: str, line: str) -> None:
        """The file under its content name and its row, in one transaction; nothing of it on a failure."""
        made: str | None = None
        try:
            with self.ws.transaction() as conn:
                name, created = self.store.keep(incoming, digest)
                made = name if created else None
                held_id = store_held.insert_held(conn, self._values(package, file, name, digest, incoming))
                label = import_name(package.manifest)
                store.audit(conn, self.ws.actor, "package_hold", "held_package", held_id, label, None, line)
        except (sqlite3.Error, OSError) as exc:
            if made is not None:
                self.store.forget(made)
            raise ImportWriteError(file, detail=describe_store_error(exc)) from None
        except BaseException:
            if made is not None:
                self.store.forget(made)
            raise

    def _values(self, package: UncheckedPackage, file: str, stored: str, digest: str, incoming: Path) -> dict:
        m = package.manifest
        return {
            "manifest_sha256": digest,
            "package_id": m.package_id,
            "province_code": m.sender.province_code,
            "unit_code": m.sender.unit_code,
            "unit_name": m.sender.unit_name,
            "kind": m.kind,
            "year": m.year,
            "period": m.period or "",
            "revision": m.revision,
            "created_at": m.created_at,
            "key_fingerprint": m.signature.key_fingerprint,
            "stored_file": stored,
            "source_file": file,
            "size": incoming.stat().st_size,
            "held_at": now_iso(),
            "held_by": self.ws.actor,
        }
