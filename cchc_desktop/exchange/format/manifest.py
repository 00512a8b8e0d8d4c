"""Bảng kê của gói (manifest.json): dataclasses, canonical serialisation and strict parsing.

Parsing is split in two (docs/package-format.md §3): the *envelope* (format, version, sender, signature,
members) keeps its shape in every format version, so any reader can check signature and hashes first;
the *body* is read only for a version this app knows (``parse_body``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from cchc_desktop.exchange.format.errors import ManifestSyntaxError, NotAPackageError
from cchc_desktop.exchange.format.fields import FieldReader
from cchc_desktop.exchange.format.jsonutil import StrictJsonError, canonical_bytes, strict_loads
from cchc_desktop.exchange.format.keys import normalise_fingerprint
from cchc_desktop.kernel.text import printable
from cchc_desktop.kernel.units import UNIT_TYPES

FORMAT = "cchc-package"
FORMAT_VERSION = 1
ACTIVE_KINDS = ("plan", "report", "assessment", "key_rotation")
RESERVED_KINDS = ("framework", "appraisal", "reminder", "consolidation", "receipt")
KINDS = ACTIVE_KINDS + RESERVED_KINDS
RECEIVER_LEVELS = ("tinh", "huyen")
#: A package going down (a receipt, an appraisal, the year's framework) is addressed to a commune.
COMMUNE_LEVELS = ("xa", "phuong", "dac_khu")
ROLES = ("data", "document", "evidence", "announce")
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
DATA_NAME = "data.json"
DOCUMENT_NAME = "document.pdf"
ANNOUNCE_NAME = "announce/new-key.pub.pem"

SHA256_HEX = re.compile(r"[0-9a-f]{64}")
PACKAGE_ID = re.compile(r"[0-9a-f]{32}")
PROVINCE_CODE = re.compile(r"\d{2}")
UNIT_CODE = re.compile(r"\d{5}")
#: The unit code a receiving unit signs with (it has no commune code).
OFFICE_CODE = "00000"
UNIT_TYPE = re.compile(r"[a-z_]{1,32}")
PERIOD_CODE = re.compile(r"[A-Za-z0-9_-]{1,32}")
EVIDENCE_NAME = re.compile(r"evidence/([0-9a-f]{64})\.([a-z0-9]{1,10})")


@dataclass(frozen=True)
class Sender:
    """Đơn vị gửi: mã tỉnh (2 chữ số), mã xã (5 chữ số), tên, loại đơn vị."""

    province_code: str
    unit_code: str
    unit_name: str
    unit_type: str

    @property
    def label(self) -> str:
        """ "xã Kỳ Phong (mã 42-18103)" as the package claims it (a receiver shows its enrolment's name)."""
        return unit_label(self.unit_type, self.unit_name, self.province_code, self.unit_code)


def unit_label(unit_type: str, name: str, province_code: str, unit_code: str) -> str:
    """ "xã Kỳ Phong (mã 42-18103)", for messages; control characters are shown escaped."""
    word = UNIT_TYPES.get(unit_type, "").lower()
    if unit_code == OFFICE_CODE:  # a receiving unit (Sở Nội vụ…) is known by its name, not a commune code
        return printable(name)
    return printable(f"{word} {name} (mã {province_code}-{unit_code})".strip())


@dataclass(frozen=True)
class Receiver:
    """Đơn vị nhận: tên, cấp ("tinh" | "huyen"; a commune's type for a package going down) and, for a
    commune, its codes (optional fields: a package going up names its receiver by name only)."""

    name: str
    level: str
    province_code: str | None = None
    unit_code: str | None = None

    @property
    def is_commune(self) -> bool:
        return self.level in COMMUNE_LEVELS

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "level": self.level}
        if self.province_code is not None:
            out["province_code"] = self.province_code
        if self.unit_code is not None:
            out["unit_code"] = self.unit_code
        return out


@dataclass(frozen=True)
class FrameworkRef:
    """Khung kế hoạch / bộ tiêu chí the content was made against."""

    id: str
    hash: str


@dataclass(frozen=True)
class Signer:
    """Người ký văn bản: "Nguyễn Văn A", "Chủ tịch", "TM. Ủy ban nhân dân" (display only)."""

    name: str
    role: str
    on_behalf_of: str = ""


@dataclass(frozen=True)
class SignatureInfo:
    """Loại chữ ký niêm phong and the grouped fingerprint of the signing key."""

    type: str
    key_fingerprint: str


@dataclass(frozen=True)
class Member:
    """One listed file of the package with its SHA-256 (lower-case hex) and size."""

    name: str
    sha256: str
    size: int
    role: str
    original_name: str | None = None
    mime: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "sha256": self.sha256, "size": self.size, "role": self.role}
        if self.original_name is not None:
            out["original_name"] = self.original_name
        if self.mime is not None:
            out["mime"] = self.mime
        return out


@dataclass(frozen=True)
class Envelope:
    """The fields every format version keeps (§3.1), plus the raw object for the body parse."""

    format_version: int
    sender: Sender
    signature: SignatureInfo
    members: tuple[Member, ...]
    raw: dict[str, Any] = field(repr=False, compare=False)


@dataclass(frozen=True)
class Manifest:
    """A complete version-1 manifest (§3)."""

    package_id: str
    kind: str
    sender: Sender
    receiver: Receiver
    year: int
    period: str | None
    revision: int
    supersedes: str | None
    created_at: str
    app_version: str
    framework: FrameworkRef | None
    members: tuple[Member, ...]
    signer: Signer
    signature: SignatureInfo
    format_version: int = FORMAT_VERSION

    @property
    def series(self) -> tuple[str, str, str, int, str | None]:
        """(province, unit, kind, year, period): the key ``revision`` counts within."""
        return (self.sender.province_code, self.sender.unit_code, self.kind, self.year, self.period)

    def member(self, name: str) -> Member | None:
        return next((m for m in self.members if m.name == name), None)

    @property
    def data_member(self) -> Member:
        """The data.json member, which every valid manifest lists (``check_member_rules``)."""
        member = self.member(DATA_NAME)
        if member is None:
            raise ValueError(f"{DATA_NAME!r} is not listed in the manifest")
        return member

    @property
    def evidence(self) -> tuple[Member, ...]:
        return tuple(m for m in self.members if m.role == "evidence")

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "format_version": self.format_version,
            "package_id": self.package_id,
            "kind": self.kind,
            "sender": vars(self.sender).copy(),
            "receiver": self.receiver.to_dict(),
            "year": self.year,
            "period": self.period,
            "revision": self.revision,
            "supersedes": self.supersedes,
            "created_at": self.created_at,
            "app_version": self.app_version,
            "framework": vars(self.framework).copy() if self.framework else None,
            "members": [m.to_dict() for m in self.members],
            "signer": vars(self.signer).copy(),
            "signature": vars(self.signature).copy(),
        }

    def to_json_bytes(self) -> bytes:
        """Canonical bytes: sorted keys, UTF-8, NFC, two-space indent, trailing newline."""
        return canonical_bytes(self.to_dict())


# Envelope ################################################################


def load_manifest_object(raw: bytes, file: str) -> dict[str, Any]:
    """Strict JSON parse of manifest.json; ManifestSyntaxError names the file and the reason."""
    try:
        return strict_loads(raw)
    except StrictJsonError as exc:
        raise ManifestSyntaxError(file, reason=exc.reason) from None


def parse_envelope(raw: bytes, file: str) -> Envelope:
    """Parse the bytes of manifest.json up to the stable envelope fields."""
    reader = FieldReader(load_manifest_object(raw, file), file)
    if reader.obj.get("format") != FORMAT:
        raise NotAPackageError(file)
    return Envelope(
        format_version=reader.integer("format_version", minimum=1),
        sender=_sender(reader.child("sender")),
        signature=_signature(reader.child("signature")),
        members=_members(reader),
        raw=reader.obj,
    )


def _sender(r: FieldReader) -> Sender:
    return Sender(
        province_code=r.text("province_code", pattern=PROVINCE_CODE),
        unit_code=r.text("unit_code", pattern=UNIT_CODE),
        unit_name=r.text("unit_name"),
        unit_type=r.text("unit_type", pattern=UNIT_TYPE),
    )


def _signature(r: FieldReader) -> SignatureInfo:
    sig_type = r.text("type")
    grouped = normalise_fingerprint(r.text("key_fingerprint"))
    if grouped is None:
        raise r.error("key_fingerprint", "exchange.reason.fingerprint")
    return SignatureInfo(type=sig_type, key_fingerprint=grouped)


def _members(reader: FieldReader) -> tuple[Member, ...]:
    members = tuple(_member(r) for r in reader.children("members"))
    seen: set[str] = set()
    for index, member in enumerate(members):
        if member.name in seen or member.name in (MANIFEST_NAME, SIGNATURE_NAME):
            raise reader.error(f"members[{index}].name", "exchange.reason.name_reused", value=member.name)
        seen.add(member.name)
    return members


def _member(r: FieldReader) -> Member:
    return Member(
        name=r.text("name"),
        sha256=r.text("sha256", pattern=SHA256_HEX),
        size=r.integer("size", minimum=0),
        role=r.text("role"),
        original_name=r.optional_text("original_name"),
        mime=r.optional_text("mime"),
    )


# Body (version 1) ########################################################


def parse_body(envelope: Envelope, file: str) -> Manifest:
    """The full version-1 manifest; call only after the version check (§5 step 7)."""
    r = FieldReader(envelope.raw, file)
    manifest = Manifest(
        package_id=r.text("package_id", pattern=PACKAGE_ID),
        kind=r.choice("kind", KINDS),
        sender=envelope.sender,
        receiver=_receiver(r.child("receiver")),
        year=r.integer("year", minimum=2000, maximum=2100),
        period=r.optional_text("period", pattern=PERIOD_CODE),
        revision=r.integer("revision", minimum=1),
        supersedes=r.optional_text("supersedes", pattern=PACKAGE_ID),
        created_at=_created_at(r),
        app_version=r.text("app_version"),
        framework=_framework(r.optional_child("framework")),
        members=envelope.members,
        signer=_signer(r.child("signer")),
        signature=envelope.signature,
        format_version=envelope.format_version,
    )
    check_member_rules(manifest, r)
    return manifest


def _receiver(r: FieldReader) -> Receiver:
    return Receiver(
        name=r.text("name"),
        level=r.choice("level", RECEIVER_LEVELS + COMMUNE_LEVELS),
        province_code=r.optional_text("province_code", pattern=PROVINCE_CODE),
        unit_code=r.optional_text("unit_code", pattern=UNIT_CODE),
    )


def _framework(r: FieldReader | None) -> FrameworkRef | None:
    return FrameworkRef(id=r.text("id"), hash=r.text("hash")) if r else None


def _signer(r: FieldReader) -> Signer:
    return Signer(
        name=r.text("name"),
        role=r.text("role", allow_empty=True),
        on_behalf_of=r.text("on_behalf_of", allow_empty=True),
    )


def _created_at(r: FieldReader) -> str:
    text = r.text("created_at")
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise r.error("created_at", "exchange.reason.datetime", value=text) from None
    if moment.tzinfo is None:
        raise r.error("created_at", "exchange.reason.datetime", value=text)
    return text


def _expected_role(name: str) -> str | None:
    fixed = {DATA_NAME: "data", DOCUMENT_NAME: "document", ANNOUNCE_NAME: "announce"}
    if name in fixed:
        return fixed[name]
    return "evidence" if EVIDENCE_NAME.fullmatch(name) else None


def check_member_rules(manifest: Manifest, r: FieldReader) -> None:
    """Version-1 member rules: known names, matching roles, evidence named by hash, data.json once,
    an announced key exactly in key_rotation packages."""
    for index, member in enumerate(manifest.members):
        where = f"members[{index}]"
        role = _expected_role(member.name)
        if role is None:
            raise r.error(f"{where}.name", "exchange.reason.member_name", value=member.name)
        if member.role != role:
            raise r.error(f"{where}.role", "exchange.reason.member_role", value=member.role, expected=role)
        _check_evidence(member, r, where)
    if manifest.member(DATA_NAME) is None:
        raise r.error("members", "exchange.reason.no_data")
    if (manifest.member(ANNOUNCE_NAME) is not None) != (manifest.kind == "key_rotation"):
        raise r.error("members", "exchange.reason.announce")


def _check_evidence(member: Member, r: FieldReader, where: str) -> None:
    match = EVIDENCE_NAME.fullmatch(member.name)
    if not match:
        return
    if match.group(1) != member.sha256:
        raise r.error(f"{where}.name", "exchange.reason.evidence_hash", value=member.name)
    if not member.original_name or not member.mime:
        raise r.error(where, "exchange.reason.evidence_meta")
