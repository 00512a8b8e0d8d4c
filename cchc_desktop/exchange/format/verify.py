"""Kiểm tra gói: verifying a ``.cchc`` package before anything in it is trusted (docs/package-format.md §5).

``verify_package`` runs steps 1–7 in order and returns a ``VerifiedPackage``; it never extracts to disk
and never writes anywhere. Revision checks, payload validation and applying are the importer's steps
(§5.1): see ``exchange.revisions`` and the database layer.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from cchc_desktop.exchange.format import errors as e
from cchc_desktop.exchange.format.jsonutil import StrictJsonError, strict_loads
from cchc_desktop.exchange.format.keys import load_public_pem, raw_public_bytes
from cchc_desktop.exchange.format.limits import DEFAULT_LIMITS, Limits
from cchc_desktop.exchange.format.manifest import (
    ANNOUNCE_NAME,
    DATA_NAME,
    DOCUMENT_NAME,
    FORMAT_VERSION,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    Envelope,
    Manifest,
    Member,
    parse_body,
    parse_envelope,
)
from cchc_desktop.exchange.format.parts import Cancelled, Progress, Ticker
from cchc_desktop.exchange.format.signing import (
    ACTIVE_ONLY,
    KeyLookup,
    TrustedKey,
    sender_codes_label,
    verify_manifest_signature,
)
from cchc_desktop.exchange.format.zipsafe import SafeZip
from cchc_desktop.kernel.files import display_name
from cchc_desktop.kernel.i18n import tr

if TYPE_CHECKING:
    from cchc_desktop.exchange.format.cert_seal import CertificatePolicy

_KEPT_IN_MEMORY = (DATA_NAME, ANNOUNCE_NAME)


@dataclass(frozen=True)
class VerifiedPackage:
    """A package whose origin and integrity are proven. Member bytes are read lazily and re-checked."""

    path: Path
    manifest: Manifest
    manifest_bytes: bytes = field(repr=False)
    signature: bytes = field(repr=False)
    data: dict[str, Any] = field(repr=False)
    key: TrustedKey
    limits: Limits = field(default=DEFAULT_LIMITS, repr=False)
    data_bytes: bytes = field(default=b"", repr=False)  # the exact data.json, for a receiver to store

    @property
    def file(self) -> str:
        return display_name(self.path)

    def read_member(self, name: str) -> bytes:
        """Bytes of a listed member, re-hashed now: PackageChangedError if the file changed since."""
        member = self.manifest.member(name)
        if member is None:
            raise ValueError(f"{name!r} is not listed in the manifest")
        with SafeZip.open(self.path, self.limits) as archive:
            if name not in archive.names:
                raise e.PackageChangedError(self.file, member=name)
            raw = archive.read(name)
        if len(raw) != member.size or hashlib.sha256(raw).hexdigest() != member.sha256:
            raise e.PackageChangedError(self.file, member=name)
        return raw

    def read_document(self) -> bytes | None:
        """document.pdf, or None when the package has none."""
        return self.read_member(DOCUMENT_NAME) if self.manifest.member(DOCUMENT_NAME) else None

    def read_evidence(self, sha256: str) -> bytes:
        """The evidence file whose SHA-256 (lower-case hex, as data.json refers to it) is ``sha256``."""
        member = next((m for m in self.manifest.evidence if m.sha256 == sha256), None)
        if member is None:
            raise ValueError(f"no evidence with sha256 {sha256}")
        return self.read_member(member.name)

    def read_announced_key(self) -> Ed25519PublicKey | None:
        """The new public key of a key_rotation package (already checked at verification)."""
        if self.manifest.member(ANNOUNCE_NAME) is None:
            return None
        return load_public_pem(self.read_member(ANNOUNCE_NAME))


def verify_package(
    path: str | Path,
    key_lookup: KeyLookup,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    accepted: tuple[str, ...] = ACTIVE_ONLY,
    certificates: CertificatePolicy | None = None,
) -> VerifiedPackage:
    """Verify ``path`` (steps 1–7) and return it; every refusal is its own ``PackageError`` subclass.

    ``key_lookup(province_code, unit_code)`` returns the public keys (or ``TrustedKey``s) enrolled for
    that sender, whatever their status; a key whose status is not ``accepted`` is refused by name
    (revoked, retired); ``progress(done, total)`` gets bytes hashed; ``cancelled()`` True → JobCancelled.
    A package sealed with a certificate is checked against ``certificates`` (trust roots and roster).
    """
    path = Path(path)
    file = display_name(path)
    with SafeZip.open(path, limits) as archive:  # steps 1–2
        manifest_bytes, signature = _read_seal(archive, file)
        envelope = parse_envelope(manifest_bytes, file)  # step 3
        key = verify_manifest_signature(
            manifest_bytes, signature, envelope.signature, envelope.sender, key_lookup, file, accepted, certificates
        )  # step 4
        _check_member_set(archive, envelope, file)  # step 5
        kept = _check_member_contents(archive, envelope, file, Ticker(_listed_bytes(envelope), progress, cancelled))
    _check_version(envelope, key.label or sender_codes_label(envelope.sender), file)  # step 6
    manifest = parse_body(envelope, file)  # step 7
    data = _parse_data(kept[DATA_NAME], file)
    _check_announced_key(manifest, kept.get(ANNOUNCE_NAME), key, file)
    return VerifiedPackage(path, manifest, manifest_bytes, signature, data, key, limits, kept[DATA_NAME])


@dataclass(frozen=True)
class UncheckedPackage:
    """A package whose sender has no enrolled key: every check of steps 1–7 passed except the signature,
    which cannot be checked yet. What it says of itself (sender included) is unproven."""

    path: Path
    manifest: Manifest
    manifest_bytes: bytes = field(repr=False)
    data: dict[str, Any] = field(repr=False)


def check_without_key(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> UncheckedPackage:
    """Steps 1–3 and 5–7 for a package whose sender is not enrolled (chờ xác nhận khóa): a damaged,
    unsafe or malformed file is refused now, with the same refusals; only step 4 waits for the key."""
    path = Path(path)
    file = display_name(path)
    with SafeZip.open(path, limits) as archive:
        manifest_bytes, _ = _read_seal(archive, file)
        envelope = parse_envelope(manifest_bytes, file)
        _check_member_set(archive, envelope, file)
        kept = _check_member_contents(archive, envelope, file, Ticker(_listed_bytes(envelope), None, None))
    _check_version(envelope, sender_codes_label(envelope.sender), file)
    manifest = parse_body(envelope, file)
    return UncheckedPackage(path, manifest, manifest_bytes, _parse_data(kept[DATA_NAME], file))


def _read_seal(archive: SafeZip, file: str) -> tuple[bytes, bytes]:
    if MANIFEST_NAME not in archive.names:
        raise e.ManifestMissingError(file)
    if SIGNATURE_NAME not in archive.names:
        raise e.SignatureMissingError(file)
    return archive.read(MANIFEST_NAME), archive.read(SIGNATURE_NAME)


def _check_member_set(archive: SafeZip, envelope: Envelope, file: str) -> None:
    listed = {m.name for m in envelope.members}
    present = set(archive.names) - {MANIFEST_NAME, SIGNATURE_NAME}
    for member in envelope.members:
        if member.name not in present:
            raise e.MissingMemberError(file, member=member.name)
    for name in archive.names:
        if name in present - listed:
            raise e.UnlistedMemberError(file, member=name)
    for member in envelope.members:
        if archive.size(member.name) != member.size:
            raise e.MemberSizeMismatchError(file, member=member.name)


def _listed_bytes(envelope: Envelope) -> int:
    return sum(m.size for m in envelope.members)


def _check_member_contents(archive: SafeZip, envelope: Envelope, file: str, ticker: Ticker) -> dict[str, bytes]:
    """Hash every listed member in bounded chunks; return the small ones parsed later (data.json, key)."""
    kept: dict[str, bytes] = {}
    for member in envelope.members:
        keep = member.name in _KEPT_IN_MEMORY
        content = _hash_member(archive, member, file, ticker, keep)
        if keep:
            kept[member.name] = content
    return kept


def _hash_member(archive: SafeZip, member: Member, file: str, ticker: Ticker, keep: bool) -> bytes:
    digest = hashlib.sha256()
    pieces: list[bytes] = []
    for chunk in archive.chunks(member.name):
        ticker.check()
        digest.update(chunk)
        if keep:
            pieces.append(chunk)
        ticker.advance(len(chunk))
    if digest.hexdigest() != member.sha256:
        raise e.MemberHashMismatchError(file, member=member.name)
    return b"".join(pieces)


def _check_version(envelope: Envelope, sender: str, file: str) -> None:
    if envelope.format_version > FORMAT_VERSION:
        raise e.FormatTooNewError(file, version=envelope.format_version, supported=FORMAT_VERSION, sender=sender)


def _parse_data(raw: bytes, file: str) -> dict[str, Any]:
    try:
        return strict_loads(raw)
    except StrictJsonError as exc:
        raise e.DataJsonError(file, reason=exc.reason) from None


def _check_announced_key(manifest: Manifest, raw: bytes | None, signer: TrustedKey, file: str) -> None:
    if raw is None:
        return
    if signer.public_key is None:  # a rotation announces the key that replaces the sealing key
        raise e.AnnouncedKeyError(file, reason=tr("exchange.reason.rotation_needs_key"))
    try:
        announced = load_public_pem(raw)
    except e.PublicKeyFileError:
        raise e.AnnouncedKeyError(file, reason=tr("exchange.reason.announce_unreadable")) from None
    if raw_public_bytes(announced) == raw_public_bytes(signer.public_key):
        raise e.AnnouncedKeyError(file, reason=tr("exchange.reason.same_key"))
