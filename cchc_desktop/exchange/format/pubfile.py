"""Tệp khóa công khai (.pub.pem) that travels with the enrolment card.

The file is a plain SubjectPublicKeyInfo PEM preceded by explanatory lines (allowed by RFC 7468 §5.2;
OpenSSL and ``cryptography`` skip them). The ``Unit-…`` lines tell the receiver which unit the key is
for, so enrolling needs no retyping. They are a convenience, not a proof: the receiver trusts the key
only after comparing its fingerprint with the signed and stamped card (docs/package-format.md §6.4).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from cchc_desktop.exchange.format.errors import KeyFileNotFoundError, PublicKeyFileError
from cchc_desktop.exchange.format.keys import fingerprint, load_public_pem
from cchc_desktop.exchange.format.manifest import PROVINCE_CODE, UNIT_CODE
from cchc_desktop.kernel.files import describe_os_error
from cchc_desktop.kernel.text import clean, printable

PUB_SUFFIX = ".pub.pem"
MAX_PUB_FILE = 64 * 1024
_BLOCK = re.compile(rb"-----BEGIN PUBLIC KEY-----.*?-----END PUBLIC KEY-----\s*", re.S)
_HEADER = re.compile(r"^(Unit-[A-Za-z]+):\s*(.*)$")


@dataclass(frozen=True)
class UnitIdentity:
    """Who a key belongs to: mã tỉnh, mã đơn vị (5 digits), tên, loại (xa | phuong | dac_khu | tinh)."""

    province_code: str
    unit_code: str
    unit_name: str
    unit_type: str = "xa"

    @property
    def code(self) -> str:
        return f"{self.province_code}-{self.unit_code}"

    def valid(self) -> bool:
        return bool(
            PROVINCE_CODE.fullmatch(self.province_code) and UNIT_CODE.fullmatch(self.unit_code) and self.unit_name
        )


@dataclass(frozen=True)
class PublicKeyFile:
    """A read ``.pub.pem``: the key, its fingerprint, and the unit named in its header (if any)."""

    key: Ed25519PublicKey
    pem: bytes
    identity: UnitIdentity | None

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.key)


def pub_file_name(identity: UnitIdentity) -> str:
    """ "42-18544.pub.pem"."""
    return f"{identity.code}{PUB_SUFFIX}"


def pub_file_text(key: Ed25519PublicKey, identity: UnitIdentity, title: str, created: str) -> bytes:
    """The file body: a readable header, the ``Unit-…`` lines, then the PEM block."""
    from cchc_desktop.exchange.format.keys import public_pem

    header = [
        title,
        f"Unit-Province: {identity.province_code}",
        f"Unit-Code: {identity.unit_code}",
        f"Unit-Type: {identity.unit_type}",
        f"Unit-Name: {clean(identity.unit_name)}",
        f"Key-Fingerprint: {fingerprint(key)}",
        f"Created: {created}",
        "",
    ]
    return "\n".join(header).encode("utf-8") + public_pem(key)


def parse_pub_file(raw: bytes) -> PublicKeyFile:
    """Read a ``.pub.pem`` (with or without header lines); PublicKeyFileError if it holds no Ed25519 key."""
    if len(raw) > MAX_PUB_FILE:
        raise PublicKeyFileError()
    match = _BLOCK.search(raw)
    if match is None:
        raise PublicKeyFileError()
    pem = match.group(0).strip() + b"\n"
    key = load_public_pem(pem)
    return PublicKeyFile(key, pem, _identity(raw[: match.start()]))


def read_pub_file(path: str | Path) -> PublicKeyFile:
    """A .pub.pem file; a missing file or a folder is said to be so (not called a damaged key)."""
    file = Path(path)
    if file.is_dir():
        raise KeyFileNotFoundError("exchange.key.file_is_folder", path=printable(str(file)))
    try:
        with file.open("rb") as handle:
            raw = handle.read(MAX_PUB_FILE + 1)
    except FileNotFoundError:
        raise KeyFileNotFoundError("exchange.key.file_missing", path=printable(str(file))) from None
    except OSError as exc:
        raise KeyFileNotFoundError(
            "exchange.key.file_unreadable", path=printable(str(file)), detail=describe_os_error(exc)
        ) from None
    return parse_pub_file(raw)


def _identity(header: bytes) -> UnitIdentity | None:
    values: dict[str, str] = {}
    for line in header.decode("utf-8", errors="replace").splitlines():
        match = _HEADER.match(line.strip())
        if match:
            values[match.group(1)] = clean(match.group(2))
    identity = UnitIdentity(
        values.get("Unit-Province", ""),
        values.get("Unit-Code", ""),
        values.get("Unit-Name", ""),
        values.get("Unit-Type", "") or "xa",
    )
    return identity if identity.valid() else None


_CODE_PREFIX = re.compile(r"^(\d{2}-\d{5})")


def find_pub_beside(card: Path, only_one: bool = True) -> Path | None:
    """The ``.pub.pem`` saved beside an enrolment card: same stem, or named by the unit code the card's
    name starts with ("42-18544-phieu-dang-ky-khoa.pdf" → "42-18544.pub.pem"), else (``only_one``) the
    only one there."""
    candidates = [card.with_name(card.stem + PUB_SUFFIX)]
    code = _CODE_PREFIX.match(card.name)
    if code:
        candidates.append(card.with_name(code.group(1) + PUB_SUFFIX))
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    found = sorted(card.parent.glob(f"*{PUB_SUFFIX}")) if only_one else []
    return found[0] if len(found) == 1 else None
