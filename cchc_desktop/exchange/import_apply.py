"""Applying one verified package to the receiver file (§5.1 steps 8–12), or describing it (dry run).

Replace semantics per series (sender unit, kind, year, period): a newer revision replaces every row
of the previous one in the same transaction, so nothing stale survives; the previous package record
and its data.json stay (marked superseded) so an import can be rolled back.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from cchc_desktop.exchange import store, store_held, store_log
from cchc_desktop.exchange.assessment_check import KnownCatalogue, check_assessment, known_catalogues
from cchc_desktop.exchange.context import ExchangeWorkspace
from cchc_desktop.exchange.diff import DiffLine, diff_rows, summary_counts
from cchc_desktop.exchange.dry_run import PlannedSeries
from cchc_desktop.exchange.format.cert_seal import CertificatePolicy, seal_description
from cchc_desktop.exchange.format.keys import load_public_pem
from cchc_desktop.exchange.format.labels import kind_label, package_title
from cchc_desktop.exchange.format.manifest import OFFICE_CODE, Manifest
from cchc_desktop.exchange.format.revisions import ImportedRevision, RevisionVerdict, check_revision
from cchc_desktop.exchange.format.signing import TrustedKey, sender_codes_label
from cchc_desktop.exchange.format.verify import VerifiedPackage
from cchc_desktop.exchange.import_commit import commit_package
from cchc_desktop.exchange.import_errors import (
    ConcurrentImportError,
    KindNotHandledError,
    NotForThisModeError,
    OtherProvinceError,
    PackageIdReusedError,
)
from cchc_desktop.exchange.import_prepare import PreparedContent, prepare
from cchc_desktop.exchange.package_store import PackageStore
from cchc_desktop.exchange.payload_check import PayloadRows
from cchc_desktop.exchange.payload_consolidation import check_consolidation
from cchc_desktop.exchange.payloads import RECEIVED_KINDS
from cchc_desktop.exchange.pdf_check import DocumentSignatures, check_document
from cchc_desktop.exchange.received import import_name, import_name_of_row, package_row_values, series_of
from cchc_desktop.exchange.senders import KEY_STATUSES, sender_note, trusted_key
from cchc_desktop.exchange.trust_roots import certificate_policy
from cchc_desktop.kernel.errors import CchcError
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.store.records import now_iso
from cchc_desktop.kernel.text import fold, printable


@dataclass
class ImportOutcome:
    """The result for one file: ``status`` (imported, replaced, already, refused, rotated), the Vietnamese
    line, and in a dry run the diff against what the series holds now."""

    file: str
    status: str
    line: str
    title: str = ""
    name: str = ""
    diff: list[DiffLine] = field(default_factory=list)
    error: CchcError | None = None
    notes: list[str] = field(default_factory=list)  # warnings, also at the end of ``line``
    signed: str = ""  # "Văn bản đã ký số: …" when document.pdf carries verified signatures, also in ``line``

    def __post_init__(self) -> None:
        # Lines carry names from packages and file names from disks: shown as visible text only.
        self.file, self.line, self.title = printable(self.file), printable(self.line), printable(self.title)
        self.notes = [printable(note) for note in self.notes]
        self.signed = printable(self.signed)

    @property
    def refused(self) -> bool:
        return self.status == "refused"


class Applier:
    def __init__(self, ws: ExchangeWorkspace, package_store: PackageStore, dry_run: bool) -> None:
        self.ws = ws
        self.store = package_store
        self.dry_run = dry_run
        self.profile = ws.profile.get()
        self.batch = uuid.uuid4().hex[:12]
        self.backup_file: Path | None = None
        self.applied = 0  # packages written in this batch (a failure before the first undoes the backup)
        self._keys: dict[tuple[str, str], list[TrustedKey]] = {}
        self.certificates: CertificatePolicy | None = None
        self._holders: dict[int, sqlite3.Row] = {}
        self._catalogues: list[KnownCatalogue] | None = None
        self.planned = PlannedSeries()  # a dry run: what it would have written so far

    # Keys ###############################################################

    def preload_keys(self) -> None:
        """Every sender's keys, read once (verification may then run in another thread). Revoked and
        retired keys come too, so a package signed with one is refused by name, not as "not enrolled"."""
        self._keys = {}
        for row in store.enrolled_keys(self.ws.conn):
            self._keys.setdefault((row["province_code"], row["unit_code"]), []).append(trusted_key(row))
            self._holders[row["id"]] = row
        for identity in self._own_identities():
            self._keys.setdefault(identity, []).extend(self._own_keys())
        self.certificates = certificate_policy(self.ws.conn, self.profile.province_name)

    def _own_identities(self) -> set[tuple[str, str]]:
        """As a commune, an office, or a district reporting up (its consolidation dropped here by mistake)."""
        p = self.profile
        codes = (p.commune_code if p.mode == "commune" else OFFICE_CODE, p.district_unit_code)
        return {(p.province_code, c) for c in codes if c}

    def _own_keys(self) -> list[TrustedKey]:
        """This unit's own keys: a package it signed itself, dropped here by mistake, is then refused for
        what it is (a package going the other way), not as one from an unknown sender."""
        return [
            TrustedKey(load_public_pem(row["public_pem"].encode("ascii")), ("own", row["id"]), self.profile.name)
            for row in store.own_keys(self.ws.conn)
            if row["status"] != "lost"
        ]

    def key_lookup(self, province: str, unit: str) -> list[TrustedKey]:
        """The sender's enrolled keys (from the preloaded set; none for an unknown sender)."""
        return self._keys.get((province, unit), [])

    def forget_keys(self, province: str, unit: str) -> None:
        """Keys changed (a rotation): read that sender's keys again."""
        rows = store.keys_of_sender(self.ws.conn, province, unit, KEY_STATUSES)
        self._keys[(province, unit)] = [trusted_key(row) for row in rows]
        self._holders.update({row["id"]: row for row in rows})

    def holder(self, package: VerifiedPackage) -> sqlite3.Row | dict[str, str] | None:
        """The enrolled_keys row of the key that verified ``package`` (its unit's name and type); for a
        package sealed with a certificate, the roster unit the certificate names."""
        sender = package.manifest.sender
        if package.key.certificate is not None and self.certificates is not None:
            unit = self.certificates.unit_of(sender.province_code, sender.unit_code)
            return {"unit_name": unit.name, "unit_type": unit.unit_type} if unit else None
        return self._holders.get(package.key.key_id)

    def catalogues(self) -> list[KnownCatalogue]:
        """The criteria catalogues this receiver holds (read once per batch, when first needed)."""
        if self._catalogues is None:
            self._catalogues = known_catalogues(self.ws.conn)
        return self._catalogues

    @staticmethod
    def sender_label(package: VerifiedPackage) -> str:
        """The sender as this receiver enrolled it, never the name the package claims (§5.1 step 8)."""
        return package.key.label or sender_codes_label(package.manifest.sender)

    def title(self, package: VerifiedPackage) -> str:
        return package_title(package.manifest, self.sender_label(package))

    def notes(self, package: VerifiedPackage) -> list[str]:
        """Warnings for the result: another receiver named, a sender named unlike its enrolment, what the
        receiver should know of a certificate's seal (revocation not checked, expired since)."""
        notes = (self.receiver_note(package.manifest), sender_note(package), *package.key.notes)
        return [note.strip() for note in notes if note]

    # Dispatch ###########################################################

    def handle(
        self, package: VerifiedPackage, file: str, incoming: Path | None, prepared: PreparedContent | None = None
    ) -> ImportOutcome:
        """A plan, report or assessment package (a key rotation goes to ``rotation.apply_rotation``)."""
        manifest = package.manifest
        if manifest.kind not in RECEIVED_KINDS:
            raise KindNotHandledError(file, kind=kind_label(manifest.kind))
        self.check_addressing(package, file)
        return self._content(package, file, incoming, prepared or prepare(package, file))

    def check_addressing(self, package: VerifiedPackage, file: str) -> None:
        manifest = package.manifest
        if manifest.kind == "consolidation":  # a province's only, from a district
            holder, sender = self.holder(package), self.sender_label(package)
            check_consolidation(self.profile, manifest, holder, sender, file, package.key.certificate is not None)
        if self.profile.mode != "receiver":
            raise NotForThisModeError(file, kind=kind_label(manifest.kind))
        if manifest.sender.province_code != self.profile.province_code:
            raise OtherProvinceError(file, sender=self.sender_label(package), province=self.profile.province_name)

    def receiver_note(self, manifest: Manifest) -> str:
        """Step 8: a package addressed to another unit is imported, but never silently."""
        if fold(" ".join(manifest.receiver.name.split())) == fold(" ".join(self.profile.name.split())):
            return ""
        return " " + tr("exchange.import.other_receiver", name=manifest.receiver.name)

    # Revision ###########################################################

    def verdict(self, package: VerifiedPackage, file: str) -> tuple[RevisionVerdict, store.SeriesState]:
        """Step 9, after the package id: one already used by another package (another series, or other
        content under the same id) is refused as such, never taken for "already imported"."""
        manifest = package.manifest
        known = store.package_by_id(self.ws.conn, manifest.package_id)
        if known is not None and known["manifest_sha256"] != hashlib.sha256(package.manifest_bytes).hexdigest():
            raise PackageIdReusedError(file, sender=self.sender_label(package), other=import_name_of_row(known))
        state = store.series_state(self.ws.conn, series_of(manifest))
        if self.dry_run:
            state = self.planned.state(manifest, state)
        latest = (
            ImportedRevision(state.current_package_id, state.current_revision)
            if state.current_package_id is not None and state.current_revision is not None
            else None
        )
        return check_revision(manifest, latest, file, state.package_ids, self.sender_label(package)), state

    def already(self, package: VerifiedPackage, file: str, incoming: Path | None) -> ImportOutcome:
        """The same package again: a no-op, except that a kept copy lost since is put back."""
        row = store.package_by_id(self.ws.conn, package.manifest.package_id)
        digest = hashlib.sha256(package.manifest_bytes).hexdigest()
        if (
            incoming is not None
            and row is not None
            and row["manifest_sha256"] == digest
            and not self.store.has(row["stored_file"])
        ):
            try:
                with self.ws.transaction():  # kept under the write lock, like every kept file
                    self.store.keep(incoming, digest)
            except (sqlite3.Error, OSError):
                pass  # the record is there; the copy is put back by a later import of the same file
        title = self.title(package)
        return ImportOutcome(
            file, "already", tr("exchange.import.line.already", title=title), title, import_name(package.manifest)
        )

    # Content packages ###################################################

    def _content(
        self, package: VerifiedPackage, file: str, incoming: Path | None, prepared: PreparedContent
    ) -> ImportOutcome:
        manifest = package.manifest
        verdict, state = self.verdict(package, file)
        if verdict is RevisionVerdict.ALREADY_IMPORTED:
            return self.already(package, file, incoming)
        rows = prepared.checked_rows()
        if manifest.kind == "assessment":
            rows = check_assessment(rows, package.data, manifest.year, file, self.catalogues())
        status = "replaced" if verdict is RevisionVerdict.NEWER else "imported"
        title = self.title(package)
        trust = self.certificates.trust if self.certificates is not None else None
        signatures = check_document(package, trust)  # the signer's and agency's PAdES signatures, if any
        diff = diff_rows(self.planned.current_rows(self.ws.conn, manifest, state), rows) if self.dry_run else []
        if self.dry_run:
            self.planned.record(manifest, state, rows)
        else:
            assert incoming is not None
            self._apply(package, incoming, rows, state, status, file, prepared.data_zlib, signatures)
        line = tr(
            f"exchange.import.line.{status}{'.dry_run' if self.dry_run else ''}",
            title=title,
            counts=summary_counts(rows),
            old=state.current_revision or "",
            new=manifest.revision,
        )
        if self.dry_run and status == "replaced" and not diff:
            line += " " + tr("exchange.import.no_change", old=state.current_revision)
        notes = [*self.notes(package), *filter(None, [signatures.note])]
        sealed = seal_description(package.key)
        line = " ".join(filter(None, [line, sealed and sealed[0].upper() + sealed[1:] + ".", signatures.line, *notes]))
        return ImportOutcome(
            file, status, line, title, import_name(manifest), diff, notes=notes, signed=signatures.line
        )

    def _apply(
        self,
        package: VerifiedPackage,
        incoming: Path,
        rows: PayloadRows,
        state: store.SeriesState,
        status: str,
        file: str,
        data_zlib: bytes,
        signatures: DocumentSignatures,
    ) -> None:
        line = tr(
            f"exchange.import.line.{status}",
            title=self.title(package),
            counts=summary_counts(rows),
            old=state.current_revision or "",
            new=package.manifest.revision,
        )

        def write(conn: sqlite3.Connection, kept: str) -> None:
            if store.series_state(conn, series_of(package.manifest)) != state:
                raise ConcurrentImportError(file)  # another import of this series committed meanwhile
            if state.current_row_id is not None:
                store.set_state(conn, state.current_row_id, "superseded")
                store.delete_rows(conn, state.current_row_id)
            values = self.package_values(package, file, kept, rows.submitted_at, data_zlib)
            values.update(pdf_signature=signatures.state, pdf_signer=signatures.signer)
            row_id = store.insert_package(conn, values)
            store_held.release(conn, hashlib.sha256(package.manifest_bytes).hexdigest())  # held until now
            store.insert_rows(conn, row_id, rows.tables())
            verdict = "newer" if status == "replaced" else "new"
            self.log(conn, package, file, verdict, row_id, state.current_row_id, line)

        commit_package(self, package, incoming, file, write)

    def package_values(
        self, package: VerifiedPackage, file: str, stored: str, submitted_at: str | None, data_zlib: bytes
    ) -> dict:
        """The received_packages row (the package file is kept as ``stored``); the unit's name and type
        are the enrolment's."""
        return package_row_values(package, self.holder(package), file, stored, submitted_at, data_zlib)

    def log(
        self,
        conn,
        package: VerifiedPackage,
        file: str,
        verdict: str,
        row_id: int,
        replaced: int | None,
        line: str,
        key_changes: dict | None = None,
    ) -> int:
        m = package.manifest
        entry = store_log.insert_log(
            conn,
            {
                "name": import_name(m),
                "batch": self.batch,
                "at": now_iso(),
                "actor": self.ws.actor,
                "package_id": m.package_id,
                "source_file": file,
                "province_code": m.sender.province_code,
                "unit_code": m.sender.unit_code,
                "kind": m.kind,
                "year": m.year,
                "period": m.period or "",
                "revision": m.revision,
                "verdict": verdict,
                "result_line": line,
                "backup_file": str(self.backup_file or ""),
                "package_row_id": row_id,
                "replaced_row_id": replaced,
                "key_changes": json.dumps(key_changes or {}),
            },
        )
        store.audit(conn, self.ws.actor, "package_import", "received_package", row_id, import_name(m), None, line)
        return entry

    # Backup #############################################################

    def ensure_backup(self) -> Path:
        """Back the receiver file up once per batch, before its first change (into the rotating set; the
        set is pruned once a package is applied: see import_commit)."""
        if self.backup_file is None:
            self.backup_file = self.ws.backups.before("import", prune=False)
        return self.backup_file
