"""Gửi gói: write a signed package of the plan, a report or the self-assessment, and list it in the outbox.

Every export is a new revision of its series (kind, year, period) superseding the previous package id,
so the receiver replaces what it holds. The package is written atomically to the folder the user
chose; an optional ``.eml`` draft goes beside it. Secret evidence never goes in; the result says how
many files were withheld.
"""

from __future__ import annotations

import dataclasses
import hashlib
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from cchc_desktop.evidence.service import ExportFile
from cchc_desktop.exchange import keyring, outbox, store
from cchc_desktop.exchange.context import ExchangeWorkspace
from cchc_desktop.exchange.format.builder import ManifestFields, build_package, now_vietnam, package_file_name
from cchc_desktop.exchange.format.eml import build_eml_draft
from cchc_desktop.exchange.format.jsonutil import canonical_bytes
from cchc_desktop.exchange.format.labels import package_title
from cchc_desktop.exchange.format.manifest import Manifest, Receiver, Sender
from cchc_desktop.exchange.format.parts import EvidenceFile
from cchc_desktop.exchange.format.seal import CertificateSealer, Sealer, as_sealer
from cchc_desktop.exchange.payload_kinds import export_content
from cchc_desktop.exchange.payloads import ExportContent, export_problems, with_evidence
from cchc_desktop.exchange.unit_certificate import unit_certificate
from cchc_desktop.kernel.errors import JobCancelled, ValidationError
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.jobs import Cancelled, Progress
from cchc_desktop.signing.lookup import signed_copy

if TYPE_CHECKING:
    from cchc_desktop.signing.task import Credentials

_STEPS = 1000  # progress is reported in thousandths: document, then package bytes, then the draft


@dataclass(frozen=True)
class ExportResult:
    """What was written: the package (and draft), its manifest and what the user should know."""

    path: Path
    eml_path: Path | None
    manifest: Manifest
    evidence_count: int
    withheld_secret: int
    has_document: bool
    signed_by: str = ""  # the signer of the signed PDF the package carries, "" when unsigned

    @property
    def title(self) -> str:
        return package_title(self.manifest)

    @property
    def summary(self) -> str:
        lines = [tr("exchange.export.done", title=self.title, file=self.path.name, folder=str(self.path.parent))]
        lines.append(tr("exchange.export.evidence", count=self.evidence_count))
        if self.withheld_secret:
            lines.append(tr("exchange.export.withheld", count=self.withheld_secret))
        if not self.has_document:
            lines.append(tr("exchange.export.no_document"))
        if self.signed_by:
            lines.append(tr("exchange.export.signed_pdf", signer=self.signed_by))
        if self.eml_path is not None:
            lines.append(tr("exchange.export.eml", file=self.eml_path.name))
        return "\n".join(lines)


class _Phases:
    """Map each phase's own progress onto one bar: document 0–30%, package 30–95%, draft to 100%."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress

    def phase(self, start: float, end: float) -> Progress | None:
        if self.progress is None:
            return None
        report = self.progress

        def scaled(done: int, total: int) -> None:
            fraction = done / total if total else 1.0
            report(int(_STEPS * (start + (end - start) * min(fraction, 1.0))), _STEPS)

        return scaled


def export_package(
    ws: ExchangeWorkspace,
    kind: str,
    year: int,
    period: str | None,
    folder: str | Path,
    seal: str | Credentials,
    *,
    eml: bool = False,
    to: str = "",
    file_name: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ExportResult:
    """Check, seal and write the package into ``folder`` (named by ``package_file_name`` unless
    ``file_name`` is given); refused with the blocking problems listed first. ``seal`` is the passphrase
    of the app's key, or the unit's certificate (a token or .p12 file and its PIN or password)."""
    by_certificate = not isinstance(seal, str)
    blocking = [p for p in export_problems(ws, kind, year, period, by_certificate=by_certificate) if p.blocking]
    if blocking:
        raise ValidationError(
            "exchange.export.blocked", count=len(blocking), problems="\n".join(f"– {p.message}" for p in blocking)
        )

    def write(sealer: Ed25519PrivateKey | Sealer) -> ExportResult:
        return write_package(
            ws,
            kind,
            year,
            period,
            folder,
            sealer,
            eml=eml,
            to=to,
            file_name=file_name,
            progress=progress,
            cancelled=cancelled,
        )

    if isinstance(seal, str):
        return write(keyring.unlock(ws, seal))
    with unit_certificate(ws, seal) as signer:
        return write(CertificateSealer(signer))


def write_package(
    ws: ExchangeWorkspace,
    kind: str,
    year: int,
    period: str | None,
    folder: str | Path,
    private_key: Ed25519PrivateKey | Sealer,
    *,
    created_at: str | None = None,
    eml: bool = False,
    to: str = "",
    file_name: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ExportResult:
    """Seal and write the package with ``private_key`` (already unlocked) or a certificate's sealer,
    and list it in the outbox.

    ``created_at`` dates the signature (ISO with the +07:00 offset); None means now. Only a caller that
    builds data for others sets it (the receiver's demo: packages signed over a year).
    """
    content = export_content(ws, kind, year, period)
    files, withheld = _evidence(ws, content)
    phases = _Phases(progress)
    document = _render(content, phases.phase(0.0, 0.3), cancelled)
    signed = signed_copy(ws.conn, kind, year, period, document) if document is not None else None
    if signed is not None:
        document = signed[1]  # the document signed by the signer and the agency (PAdES)
    fields = _fields(ws, content)
    fields = dataclasses.replace(fields, created_at=created_at or fields.created_at)
    out = Path(folder) / (file_name or package_file_name(fields))
    sealer = as_sealer(private_key)
    row_id = outbox.reserve(ws, fields, out, sealer.signature_info().key_fingerprint)  # the revision is taken first
    try:
        manifest = build_package(
            fields,
            with_evidence(content, files, withheld),
            document,
            [EvidenceFile(original_name=f.name, mime=f.mime, data=f.data) for f in files],
            sealer,
            out,
            phases.phase(0.3, 0.95),
            cancelled,
        )
    except BaseException:
        outbox.release(ws, row_id)  # no file was written (atomic): the revision is free again
        raise
    outbox.complete(ws, row_id, manifest, out, None, len(files), withheld, document is not None)
    eml_path = write_draft(ws, row_id, out, manifest, to) if eml else None
    if progress is not None:
        progress(_STEPS, _STEPS)
    signer = signed[0].signer_name if signed else ""
    return ExportResult(out, eml_path, manifest, len(files), withheld, document is not None, signer)


def same_as_last_export(ws: ExchangeWorkspace, kind: str, year: int, period: str | None) -> dict | None:
    """The outbox row of the series' last package when what would be sent now is exactly what it
    carried (data.json byte for byte, evidence list included); None when something changed or nothing
    was sent. Sending the same again is allowed, but the user is asked first."""
    last = store.last_export(ws.conn, kind, year, period or "")
    if last is None:
        return None
    content = export_content(ws, kind, year, period)
    files, withheld = _evidence(ws, content)
    data = canonical_bytes(with_evidence(content, files, withheld))
    return dict(last) if hashlib.sha256(data).hexdigest() == last["data_sha256"] else None


def write_draft(ws: ExchangeWorkspace, row_id: int, out: Path, manifest: Manifest, to: str = "") -> Path:
    """The .eml draft beside a package already recorded; the outbox row then names it."""
    eml_path = build_eml_draft(out, out.with_suffix(".eml"), manifest, to)
    with ws.transaction() as conn:
        store.complete_export(conn, row_id, {"eml_file": eml_path.name})
    return eml_path


def _evidence(ws: ExchangeWorkspace, content: ExportContent) -> tuple[list[ExportFile], int]:
    if not content.targets:
        return [], 0
    found = ws.evidence.for_export(list(content.targets))
    return found.files, found.withheld_secret


def _render(content: ExportContent, progress: Progress | None, cancelled: Cancelled | None) -> bytes | None:
    if content.render is None:
        return None
    if cancelled is not None and cancelled():
        raise JobCancelled()
    return content.render(progress, cancelled)


def _fields(ws: ExchangeWorkspace, content: ExportContent) -> ManifestFields:
    profile = ws.profile.get()
    previous = store.last_export(ws.conn, content.kind, content.year, content.period or "")
    return ManifestFields(
        package_id=uuid.uuid4().hex,
        created_at=now_vietnam(),
        kind=content.kind,
        sender=Sender(profile.province_code, profile.commune_code, profile.name, profile.unit_type),
        receiver=Receiver(profile.receiver_name, profile.receiver_level),
        year=content.year,
        period=content.period,
        revision=previous["revision"] + 1 if previous else 1,
        signer=content.signer,
        supersedes=previous["package_id"] if previous else None,
        framework=content.framework,
    )
