"""Helpers for the exchange tests: build real packages and craft hostile or tampered zips from them."""

from __future__ import annotations

import hashlib
import io
import json
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from cchc_desktop.exchange.format import (
    EvidenceFile,
    ManifestFields,
    Receiver,
    Sender,
    Signer,
    build_package,
    package_file_name,
)
from cchc_desktop.exchange.format.jsonutil import canonical_bytes
from cchc_desktop.exchange.format.signing import sign_manifest

FIELDS = ManifestFields(
    kind="report",
    sender=Sender("42", "18103", "Kỳ Phong", "xa"),
    receiver=Receiver("Sở Nội vụ tỉnh Hà Tĩnh", "tinh"),
    year=2026,
    period="Q1",
    revision=2,
    signer=Signer("Nguyễn Văn A", "Chủ tịch", "TM. Ủy ban nhân dân"),
    supersedes="77aa" * 8,
    created_at="2026-04-03T09:15:00+07:00",
)
DATA: dict[str, Any] = {
    "narrative": "Kết quả thực hiện nhiệm vụ cải cách hành chính Quý I",
    "indicators": [{"code": "CT01", "value": 87.5}, {"code": "CT02", "value": None}],
}
DOCUMENT = b"%PDF-1.7\n" + bytes(range(256)) * 4 + b"\n%%EOF\n"
EVIDENCE = [
    EvidenceFile("Quyết định 12.pdf", "application/pdf", data=b"%PDF-1.4 quyet dinh " + bytes(range(200))),
    EvidenceFile("Ảnh hội nghị.jpg", "image/jpeg", data=b"\xff\xd8\xff" + bytes(reversed(range(256))) * 3),
]

Members = list[tuple[str, bytes]]


def build(folder: Path, key: Ed25519PrivateKey, **kwargs: Any) -> Path:
    """Build the standard test package in ``folder`` and return its path."""
    out = folder / package_file_name(FIELDS)
    args: dict[str, Any] = {
        "manifest_fields": FIELDS,
        "data": DATA,
        "document_pdf": DOCUMENT,
        "evidence": EVIDENCE,
        "private_key": key,
        "out_path": out,
    }
    args.update(kwargs)
    build_package(**args)
    return Path(args["out_path"])


def read_members(path: Path) -> Members:
    with zipfile.ZipFile(path) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def zip_bytes(members: list[tuple[str | zipfile.ZipInfo, bytes]], method: int = zipfile.ZIP_STORED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in members:
            archive.writestr(name, content)
    return buffer.getvalue()


def write_zip(path: Path, members: list[tuple[str | zipfile.ZipInfo, bytes]], method: int = zipfile.ZIP_STORED) -> Path:
    path.write_bytes(zip_bytes(members, method))
    return path


def replace_member(members: Members, name: str, content: bytes) -> Members:
    return [(n, content if n == name else c) for n, c in members]


def manifest_of(members: Members) -> dict[str, Any]:
    return json.loads(dict(members)["manifest.json"])


def resign(members: Members, key: Ed25519PrivateKey, change: Callable[[dict[str, Any]], None]) -> Members:
    """Apply ``change`` to the manifest object, re-serialise and re-sign it with ``key``."""
    manifest = manifest_of(members)
    change(manifest)
    raw = canonical_bytes(manifest)
    members = replace_member(members, "manifest.json", raw)
    return replace_member(members, "manifest.sig", sign_manifest(raw, key))


def relist(manifest: dict[str, Any], name: str, content: bytes, role: str = "evidence", **extra: str) -> None:
    """Add or update the manifest entry of ``name`` to match ``content``."""
    entry = {"name": name, "sha256": hashlib.sha256(content).hexdigest(), "size": len(content), "role": role}
    entry.update(extra)
    manifest["members"] = [m for m in manifest["members"] if m["name"] != name] + [entry]


def flip(data: bytes, position: int, mask: int = 0x01) -> bytes:
    return data[:position] + bytes([data[position] ^ mask]) + data[position + 1 :]


def central_entries(raw: bytes) -> dict[str, int]:
    """Offsets of the central-directory headers, by member name."""
    found: dict[str, int] = {}
    start = raw.find(b"PK\x01\x02")
    while start != -1:
        name_length = struct.unpack_from("<H", raw, start + 28)[0]
        found[raw[start + 46 : start + 46 + name_length].decode("utf-8")] = start
        start = raw.find(b"PK\x01\x02", start + 46 + name_length)
    return found


def patch_central(raw: bytes, name: str, offset: int, fmt: str, value: int) -> bytes:
    """Overwrite one field of ``name``'s central-directory header (offsets per APPNOTE 4.3.12)."""
    buffer = bytearray(raw)
    struct.pack_into(fmt, buffer, central_entries(raw)[name] + offset, value)
    return bytes(buffer)
