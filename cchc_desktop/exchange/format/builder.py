"""Tạo gói: writing a signed ``.cchc`` package atomically (docs/package-format.md §8).

``build_package`` checks its input, hashes every member, writes and signs manifest.json, then writes the
zip through ``atomic_output`` so a cancelled or failed build leaves no file behind.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from cchc_desktop import __version__
from cchc_desktop.exchange.format.errors import (
    EvidenceReadError,
    InvalidDocumentError,
    ManifestFieldError,
    OutputNameError,
    PackageError,
    PackageFieldError,
    PackageOverLimitError,
    PackageWriteError,
)
from cchc_desktop.exchange.format.jsonutil import canonical_bytes
from cchc_desktop.exchange.format.keys import fingerprint, public_pem, raw_public_bytes
from cchc_desktop.exchange.format.limits import DEFAULT_LIMITS, Limits
from cchc_desktop.exchange.format.manifest import (
    ANNOUNCE_NAME,
    DATA_NAME,
    DOCUMENT_NAME,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    FrameworkRef,
    Manifest,
    Receiver,
    Sender,
    Signer,
    parse_body,
    parse_envelope,
)
from cchc_desktop.exchange.format.parts import (
    STORED_EXTENSIONS,
    Cancelled,
    EvidenceFile,
    Part,
    Progress,
    Ticker,
    bytes_part,
    check_evidence,
    evidence_parts,
    evidence_size,
    read_chunks,
)
from cchc_desktop.exchange.format.seal import Sealer, as_sealer
from cchc_desktop.kernel.atomic import atomic_output
from cchc_desktop.kernel.i18n import tr

PACKAGE_SUFFIX = ".cchc"
VN_TZ = dt.timezone(dt.timedelta(hours=7), "+07:00")


@dataclass(frozen=True)
class ManifestFields:
    """What the caller decides about a package; the builder adds members, ids, time and signature."""

    kind: str
    sender: Sender
    receiver: Receiver
    year: int
    period: str | None
    revision: int
    signer: Signer
    supersedes: str | None = None
    framework: FrameworkRef | None = None
    app_version: str = __version__
    package_id: str | None = None
    created_at: str | None = None


def package_file_name(fields: ManifestFields) -> str:
    """ASCII file name safe on FAT sticks and in mail: "42-18103_report_2026_Q1_r2.cchc"."""
    period = f"_{fields.period}" if fields.period else ""
    sender = f"{fields.sender.province_code}-{fields.sender.unit_code}"
    return f"{sender}_{fields.kind}_{fields.year}{period}_r{fields.revision}{PACKAGE_SUFFIX}"


def build_package(
    manifest_fields: ManifestFields,
    data: dict[str, Any],
    document_pdf: bytes | None,
    evidence: list[EvidenceFile],
    private_key: Ed25519PrivateKey | Sealer,
    out_path: str | Path,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    *,
    announce_key: Ed25519PublicKey | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Manifest:
    """Write a signed package to ``out_path`` (must end in .cchc) atomically and return its manifest.

    ``progress(done, total)`` receives byte counts; when ``cancelled()`` returns True the build stops with
    JobCancelled and no file is left. Secret evidence, oversized evidence, a document that is not a PDF
    and fields that would not make a valid manifest are refused before anything is written. The seal is
    the app's Ed25519 key (a private key given) or a unit's certificate (a ``CertificateSealer``).
    """
    out = _checked_output(Path(out_path))
    check_evidence(evidence, limits)
    sealer = as_sealer(private_key)
    fixed = _fixed_parts(data, document_pdf, announce_key, private_key, limits)
    _make_manifest(manifest_fields, fixed, sealer, out.name)  # refuse bad fields before hashing evidence
    ticker = Ticker(_total_work(fixed, evidence), progress, cancelled)
    parts = fixed + evidence_parts(evidence, ticker)
    ticker.total = ticker.done + sum(p.member.size for p in parts)  # duplicates are written once
    _check_totals(parts, limits)
    manifest = _make_manifest(manifest_fields, parts, sealer, out.name)
    manifest_bytes = manifest.to_json_bytes()
    _write(out, manifest, manifest_bytes, sealer.seal(manifest_bytes), parts, ticker, limits)
    return manifest


def build_key_rotation_package(
    fields: ManifestFields,
    old_private_key: Ed25519PrivateKey,
    new_public_key: Ed25519PublicKey,
    out_path: str | Path,
) -> Manifest:
    """Gói đổi khóa: signed with the OLD key, announcing the new public key (§6.3)."""
    data = {"new_key_fingerprint": fingerprint(new_public_key)}
    rotation = replace(fields, kind="key_rotation")
    return build_package(rotation, data, None, [], old_private_key, out_path, announce_key=new_public_key)


def _checked_output(out: Path) -> Path:
    if out.suffix.lower() != PACKAGE_SUFFIX:
        raise OutputNameError(file=out.name)
    return out


def _fixed_parts(
    data: dict[str, Any],
    document_pdf: bytes | None,
    announce_key: Ed25519PublicKey | None,
    private_key: Ed25519PrivateKey | Sealer,
    limits: Limits,
) -> list[Part]:
    try:
        data_bytes = canonical_bytes(data)
    except (TypeError, ValueError):
        raise PackageFieldError(field=DATA_NAME, reason=tr("exchange.reason.data_not_json")) from None
    _check_size(tr("exchange.build.what.data"), len(data_bytes), limits.max_data_bytes)
    parts = [bytes_part(DATA_NAME, "data", data_bytes)]
    if document_pdf is not None:
        if not document_pdf.startswith(b"%PDF-"):
            raise InvalidDocumentError()
        _check_size(tr("exchange.build.what.document"), len(document_pdf), limits.max_member_bytes)
        parts.append(bytes_part(DOCUMENT_NAME, "document", document_pdf))
    if announce_key is not None:
        if not isinstance(private_key, Ed25519PrivateKey):  # a rotation is sealed with the key it replaces
            raise PackageFieldError(field=ANNOUNCE_NAME, reason=tr("exchange.reason.rotation_needs_key"))
        if raw_public_bytes(announce_key) == raw_public_bytes(private_key):
            raise PackageFieldError(field=ANNOUNCE_NAME, reason=tr("exchange.reason.same_key"))
        parts.append(bytes_part(ANNOUNCE_NAME, "announce", public_pem(announce_key)))
    return parts


def _total_work(fixed: list[Part], evidence: list[EvidenceFile]) -> int:
    hashing = sum(evidence_size(item) for item in evidence if item.path is not None)
    writing = sum(p.member.size for p in fixed) + sum(evidence_size(item) for item in evidence)
    return hashing + writing


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",") + " MiB"


def _check_size(what: str, size: int, limit: int) -> None:
    if size > limit:
        raise PackageOverLimitError(what=what, size=_mib(size), limit=_mib(limit))


def _check_totals(parts: list[Part], limits: Limits) -> None:
    count = len(parts) + 2
    if count > limits.max_members:
        raise PackageOverLimitError(
            what=tr("exchange.build.what.count"), size=str(count), limit=str(limits.max_members)
        )
    total = sum(p.member.size for p in parts)
    _check_size(tr("exchange.build.what.total"), total, limits.max_total_bytes)


def now_vietnam() -> str:
    return dt.datetime.now(VN_TZ).replace(microsecond=0).isoformat()


def _make_manifest(fields: ManifestFields, parts: list[Part], sealer: Sealer, file: str) -> Manifest:
    manifest = Manifest(
        package_id=fields.package_id or uuid.uuid4().hex,
        kind=fields.kind,
        sender=fields.sender,
        receiver=fields.receiver,
        year=fields.year,
        period=fields.period,
        revision=fields.revision,
        supersedes=fields.supersedes,
        created_at=fields.created_at or now_vietnam(),
        app_version=fields.app_version,
        framework=fields.framework,
        members=tuple(p.member for p in parts),
        signer=fields.signer,
        signature=sealer.signature_info(),
    )
    _validate(manifest, file)
    return manifest


def _validate(manifest: Manifest, file: str) -> None:
    """Read the manifest back exactly as a receiver would, so the builder never writes one it refuses."""
    try:
        parse_body(parse_envelope(manifest.to_json_bytes(), file), file)
    except ManifestFieldError as exc:
        raise PackageFieldError(field=exc.field, reason=exc.reason) from None
    except (PackageError, TypeError, ValueError):
        raise PackageFieldError(field="manifest", reason=tr("exchange.reason.not_serialisable")) from None


class _RatioRetry(Exception):
    """Some members compressed beyond the ratio limit; rewrite them stored."""

    def __init__(self, names: set[str]) -> None:
        super().__init__(sorted(names))
        self.names = names


@dataclass(frozen=True)
class _Content:
    """Everything that goes into the zip, in writing order after manifest.json and manifest.sig."""

    manifest_bytes: bytes
    signature: bytes
    parts: list[Part]
    when: tuple[int, int, int, int, int, int]


def _zip_time(created_at: str) -> tuple[int, int, int, int, int, int]:
    moment = dt.datetime.fromisoformat(created_at)
    return (
        (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
        if moment.year >= 1980
        else (1980, 1, 1, 0, 0, 0)
    )


def _write(
    out: Path,
    manifest: Manifest,
    manifest_bytes: bytes,
    signature: bytes,
    parts: list[Part],
    ticker: Ticker,
    limits: Limits,
) -> None:
    content = _Content(manifest_bytes, signature, parts, _zip_time(manifest.created_at))
    stored: set[str] = set()
    start = ticker.done
    while True:
        try:
            with atomic_output(out, PackageWriteError) as handle:
                _write_zip(handle, content, ticker, limits, stored)
                _check_size(tr("exchange.build.what.package"), handle.tell(), limits.max_package_bytes)
            return
        except _RatioRetry as retry:
            stored |= retry.names
            ticker.done = start


def _zip_info(name: str, size: int, when: tuple[int, int, int, int, int, int], compress: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=when)
    info.compress_type = compress
    info.external_attr = 0o100644 << 16
    info.file_size = size
    return info


def _compression(name: str, stored: set[str]) -> int:
    extension = name.rsplit(".", 1)[-1]
    if name in stored or (name.startswith("evidence/") and extension in STORED_EXTENSIONS):
        return zipfile.ZIP_STORED
    return zipfile.ZIP_DEFLATED


def _write_zip(handle: BinaryIO, content: _Content, ticker: Ticker, limits: Limits, stored: set[str]) -> None:
    with zipfile.ZipFile(handle, "w", allowZip64=True) as archive:
        for name, raw, method in (
            (MANIFEST_NAME, content.manifest_bytes, zipfile.ZIP_DEFLATED),
            (SIGNATURE_NAME, content.signature, zipfile.ZIP_STORED),
        ):
            with archive.open(_zip_info(name, len(raw), content.when, method), "w") as sink:
                sink.write(raw)
        for part in content.parts:
            _write_part(archive, part, content.when, _compression(part.name, stored), ticker)
        too_compressed = {i.filename for i in archive.infolist() if limits.ratio_too_high(i.file_size, i.compress_size)}
        if too_compressed:
            raise _RatioRetry(too_compressed)


def _write_part(
    archive: zipfile.ZipFile, part: Part, when: tuple[int, int, int, int, int, int], compress: int, ticker: Ticker
) -> None:
    digest = hashlib.sha256()
    size = 0
    with archive.open(_zip_info(part.name, part.member.size, when, compress), "w") as sink:
        for chunk in read_chunks(part, ticker):
            sink.write(chunk)
            digest.update(chunk)
            size += len(chunk)
            ticker.advance(len(chunk))
    if digest.hexdigest() != part.member.sha256 or size != part.member.size:
        label = part.member.original_name or part.name
        raise EvidenceReadError(name=label, detail=tr("exchange.build.changed_while_writing"))
