"""Gửi / nhận gói: keys, export with the outbox (commune), enrolment, verify, import, rollback (receiver).

``ws.exchange`` is this service. Each public method is one user action. Long actions (export, import)
take ``progress(done, total)`` and ``cancelled()``; the GUI runs them on a worker thread that opens its
own Workspace on the same file. The package format is docs/package-format.md; the modules doing the
work live in ``cchc_desktop.exchange.format``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cchc_desktop.exchange import enrolment, keyring, rotation_export, store, store_log
from cchc_desktop.exchange.appraisal_received import ReceivedAppraisal, received_appraisal
from cchc_desktop.exchange.card_key import read_key_source
from cchc_desktop.exchange.checking import VerifyResult, read_kept_evidence, read_kept_member, verify_only
from cchc_desktop.exchange.context import ExchangeWorkspace
from cchc_desktop.exchange.enrolment import EnrolledKey
from cchc_desktop.exchange.exporter import export_package, same_as_last_export
from cchc_desktop.exchange.format.manifest import OFFICE_CODE
from cchc_desktop.exchange.format.pubfile import (
    PublicKeyFile,
    UnitIdentity,
    parse_pub_file,
)
from cchc_desktop.exchange.held import HeldPackage, held_list, import_held, remove_held
from cchc_desktop.exchange.import_errors import NotReceiverError, SenderIdentityError
from cchc_desktop.exchange.importer import Importer, clean_debris
from cchc_desktop.exchange.keyring import KeyInfo
from cchc_desktop.exchange.package_store import PackageStore
from cchc_desktop.exchange.payloads import export_problems
from cchc_desktop.exchange.rollback import rollback_import
from cchc_desktop.exchange.trust_roots import (
    TrustAdded,
    TrustEntry,
    add_trust_files,
    read_trust_files,
    remove_trusted,
    trust_entries,
)
from cchc_desktop.kernel.problems import Problem
from cchc_desktop.kernel.units import is_district_unit_code

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from cchc_desktop.exchange.exporter import ExportResult
    from cchc_desktop.exchange.importer import ImportBatch
    from cchc_desktop.exchange.rollback import RollbackResult
    from cchc_desktop.signing.task import Credentials

Progress = Callable[[int, int], None] | None
Cancelled = Callable[[], bool] | None


class ExchangeService:
    def __init__(self, ws: ExchangeWorkspace) -> None:
        self.ws = ws

    @property
    def is_receiver(self) -> bool:
        return self.ws.profile.get().mode == "receiver"

    # This unit's key ####################################################

    def key_info(self) -> KeyInfo | None:
        return keyring.key_info(self.ws)

    def keys(self) -> list[KeyInfo]:
        return keyring.all_keys(self.ws)

    def create_key(self, passphrase: str, confirm: str | None = None) -> KeyInfo:
        """Tạo khóa gửi gói (once, at setup)."""
        return keyring.create_key(self.ws, passphrase, confirm)

    def replace_lost_key(self, passphrase: str, confirm: str | None = None) -> KeyInfo:
        """Tạo khóa mới khi mất khóa / quên mật khẩu: the old key is marked lost; print a new card."""
        return keyring.create_key(self.ws, passphrase, confirm, replace="lost")

    def unlock(self, passphrase: str) -> Ed25519PrivateKey:
        return keyring.unlock(self.ws, passphrase)

    def check_passphrase(self, passphrase: str) -> None:
        """Raise WrongPassphraseError unless ``passphrase`` opens the active key."""
        keyring.unlock(self.ws, passphrase)

    def rotate_key(
        self, old_passphrase: str, new_passphrase: str, confirm: str | None, folder: str | Path, *, eml: bool = False
    ) -> ExportResult:
        """Đổi khóa: new key, announced in a package signed with the old one, written to ``folder``."""
        return rotation_export.rotate_key(self.ws, old_passphrase, new_passphrase, confirm, folder, eml=eml)

    def write_card(self, out_pdf: str | Path, today: dt.date | None = None) -> tuple[Path, Path]:
        """Phiếu đăng ký khóa (PDF) and ``<tỉnh>-<xã>.pub.pem`` beside it."""
        return keyring.write_card(self.ws, out_pdf, today)

    def default_card_name(self) -> str:
        return keyring.default_card_name(self.ws)

    # Export (commune) ###################################################

    def export_problems(
        self, kind: str, year: int, period: str | None = None, *, by_certificate: bool = False
    ) -> list[Problem]:
        """Lỗi, cảnh báo trước khi gửi: sealed with the unit's certificate, no app key is needed."""
        return export_problems(self.ws, kind, year, period, by_certificate=by_certificate)

    def export(
        self,
        kind: str,
        year: int,
        period: str | None,
        folder: str | Path,
        seal: str | Credentials,
        *,
        eml: bool = False,
        to: str = "",
        file_name: str | None = None,
        progress: Progress = None,
        cancelled: Cancelled = None,
    ) -> ExportResult:
        """Gửi gói: refused with the blocking problems listed; otherwise sealed (the app key's passphrase,
        or the unit's certificate), written and added to the outbox."""

        return export_package(
            self.ws,
            kind,
            year,
            period,
            folder,
            seal,
            eml=eml,
            to=to,
            file_name=file_name,
            progress=progress,
            cancelled=cancelled,
        )

    def same_as_last_export(self, kind: str, year: int, period: str | None = None) -> dict[str, Any] | None:
        """The last package of this series when nothing has changed since it was sent (asked before a
        new export: re-sending unchanged data is rarely meant)."""
        return same_as_last_export(self.ws, kind, year, period)

    def outbox(self) -> list[dict[str, Any]]:
        return [dict(row) for row in store.outbox(self.ws.conn)]

    def acknowledge(self, package_ids: Iterable[str]) -> int:
        """Đánh dấu nơi nhận đã xác nhận (by phone, email or a receipt); returns how many rows changed."""
        with self.ws.transaction() as conn:
            return store.acknowledge(conn, package_ids, dt.datetime.now().replace(microsecond=0).isoformat())

    # Senders' keys (receiver) ###########################################

    def read_public_key(self, source: str | Path | bytes) -> PublicKeyFile:
        """A .pub.pem (path or its bytes), or an enrolment card PDF: the key embedded in it, else (a card
        printed before cards carried it) the .pub.pem saved beside it."""
        if isinstance(source, bytes):
            return parse_pub_file(source)
        return read_key_source(Path(source))

    def enrol(
        self,
        pub: PublicKeyFile,
        confirmed_fingerprint: str | None,
        identity: UnitIdentity | None = None,
        *,
        revoke_old: bool = False,
    ) -> EnrolledKey:
        return enrolment.enrol(self.ws, pub, confirmed_fingerprint, identity, revoke_old=revoke_old)

    def enrol_superior(self, pub: PublicKeyFile, confirmed_fingerprint: str | None) -> EnrolledKey:
        """Đăng ký khóa của nơi nhận (at a commune): the key its superior signs receipts, appraisals and
        frameworks with; only a receiving unit's key of the commune's own province is taken. A district
        enrols its province's key the same way, for the receipts of its consolidations."""
        profile = self.ws.profile.get()
        who = pub.identity
        # A district's card names its own code (90xxx, for its province); it signs what goes down as its office.
        district = who is not None and who.unit_type == "huyen" and is_district_unit_code(who.unit_code)
        if (
            (self.is_receiver and (not profile.is_district or district))
            or who is None
            or who.province_code != profile.province_code
            or (who.unit_code != OFFICE_CODE and not district)
        ):
            superior = profile.superior_name if profile.is_district else profile.receiver_name
            superior = superior or profile.province_name
            raise SenderIdentityError("exchange.enrol.not_superior", field="unit_code", superior=superior)
        office = replace(who, unit_code=OFFICE_CODE) if district else None
        active = [k for k in self.superior_keys() if k.status == "active" and k.fingerprint != pub.fingerprint]
        return enrolment.enrol(self.ws, pub, confirmed_fingerprint, office, revoke_old=bool(active))

    def superior_keys(self) -> list[EnrolledKey]:
        """The keys of this commune's receiving unit it enrolled (newest first)."""
        profile = self.ws.profile.get()
        keys = [k for k in self.senders() if (k.province_code, k.unit_code) == (profile.province_code, OFFICE_CODE)]
        return sorted(keys, key=lambda k: k.enrolled_at, reverse=True)

    def has_active_key(self, identity: UnitIdentity) -> bool:
        """Whether the unit named on a key file already has an enrolled, active key here."""
        return any(
            k.province_code == identity.province_code and k.unit_code == identity.unit_code and k.status == "active"
            for k in self.senders()
        )

    def senders(self) -> list[EnrolledKey]:
        return enrolment.senders(self.ws)

    def revoke(self, key_id: int, reason: str = "") -> EnrolledKey:
        return enrolment.revoke(self.ws, key_id, reason)

    # Trusted certificates (receiver) ####################################

    def trust_entries(self) -> list[TrustEntry]:
        """Chứng thư gốc, trung gian and CRLs this unit checks certificate seals against."""
        return trust_entries(self.ws.conn)

    def read_trust_files(self, paths: Iterable[str | Path]) -> list[TrustEntry]:
        """What the chosen files hold (kinds, names, fingerprints), shown to be checked before adding."""
        return read_trust_files(paths)

    def add_trust_files(self, paths: Iterable[str | Path], confirmed_roots: Collection[str] = ()) -> TrustAdded:
        """Thêm chứng thư số tin cậy from files; a file that is neither a CA certificate nor a CRL is refused,
        and so is a root whose SHA-256 the user did not confirm (``confirmed_roots``)."""
        return add_trust_files(self.ws, paths, confirmed_roots)

    def remove_trusted(self, row_id: int) -> TrustEntry:
        return remove_trusted(self.ws, row_id)

    # Import (receiver) ##################################################

    def _require_receiver(self) -> None:
        if not self.is_receiver:
            raise NotReceiverError()

    def import_packages(
        self,
        paths: Iterable[str | Path],
        *,
        dry_run: bool = False,
        progress: Progress = None,
        cancelled: Cancelled = None,
        on_outcome: Callable[[Any], None] | None = None,
    ) -> ImportBatch:
        """Nhận gói: one result per file (also handed to ``on_outcome`` as each finishes); a backup is
        taken before the first change of the batch. A receiver takes the communes' packages; a commune
        takes what its superior sends down (receipts, appraisals, the year's framework)."""

        return Importer(self.ws, dry_run=dry_run, progress=progress, cancelled=cancelled, on_outcome=on_outcome).run(
            paths
        )

    def held(self, units: Collection[tuple[str, str]] | None = None) -> list[HeldPackage]:
        """Gói chờ xác nhận khóa: packages of units not enrolled, kept but not imported."""
        return held_list(self.ws, units)

    def import_held(
        self,
        units: Collection[tuple[str, str]] | None = None,
        *,
        progress: Progress = None,
        cancelled: Cancelled = None,
        on_outcome: Callable[[Any], None] | None = None,
    ) -> ImportBatch:
        """Nhập các gói đang giữ (of ``units``, else all) now that keys are enrolled: imported, refused with
        the usual reason, or still held when the unit's key is still missing."""
        self._require_receiver()
        return import_held(self.ws, units, progress=progress, cancelled=cancelled, on_outcome=on_outcome)

    def remove_held(self, held_ids: Collection[int]) -> int:
        """Bỏ gói đang giữ: nothing of them is left (row, kept file); returns how many."""
        self._require_receiver()
        return remove_held(self.ws, held_ids)

    def clean_debris(self) -> tuple[int, int]:
        """Dọn phần thừa của lần nhận gói bị ngắt: the private copies and unrecorded kept files a killed
        import left (never those of an import still running); returns (folders, kept files) removed."""
        return clean_debris(self.ws, PackageStore(self.ws.path))

    def verify(self, path: str | Path) -> VerifyResult:
        """Kiểm tra gói without importing: enrolled keys, retired ones included (old archived packages)."""

        return verify_only(self.ws, Path(path))

    def received(self, current_only: bool = False) -> list[dict[str, Any]]:
        return [dict(row) for row in store.received(self.ws.conn, current_only)]

    def received_appraisal(self, year: int) -> ReceivedAppraisal | None:
        """Kết quả thẩm định the superior sent for ``year`` (its current round), at a commune."""
        return received_appraisal(self.ws.conn, year)

    def received_rows(self, package_row_id: int, table: str) -> list[dict[str, Any]]:
        return [dict(row) for row in store.rows_of(self.ws.conn, table, package_row_id)]

    def received_document(self, package_row_id: int) -> bytes | None:

        return read_kept_member(self.ws, package_row_id, "document.pdf")

    def received_evidence(self, package_row_id: int, sha256: str) -> bytes:

        return read_kept_evidence(self.ws, package_row_id, sha256)

    def import_log(self) -> list[dict[str, Any]]:
        return [dict(row) for row in store_log.import_log(self.ws.conn)]

    def rollback(self, name: str) -> RollbackResult:
        """Hoàn tác lần nhận gói ``name``; refused with the reason when a later import depends on it."""

        self._require_receiver()
        return rollback_import(self.ws, name)
