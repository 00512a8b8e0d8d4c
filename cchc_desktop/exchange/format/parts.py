"""Thành phần của gói: the files that go into a package, prepared and hashed before writing.

Evidence comes as bytes or as a path to a file on disk; a path is hashed in one pass and re-hashed while
written, so a file changed in between is caught instead of producing a package the receiver refuses.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath

from cchc_desktop.exchange.format.errors import EvidenceReadError, EvidenceTooLargeError, SecretEvidenceError
from cchc_desktop.exchange.format.limits import Limits
from cchc_desktop.exchange.format.manifest import Member
from cchc_desktop.kernel.errors import JobCancelled
from cchc_desktop.kernel.files import describe_os_error
from cchc_desktop.kernel.text import nfc

CHUNK = 1024 * 1024
_EXTENSION = re.compile(r"[a-z0-9]{1,10}")
#: Already-compressed formats are stored: deflating them costs time and saves nothing.
STORED_EXTENSIONS = frozenset(
    [
        "pdf",
        "jpg",
        "jpeg",
        "png",
        "gif",
        "webp",
        "heic",
        "zip",
        "7z",
        "rar",
        "gz",
        "docx",
        "xlsx",
        "pptx",
        "odt",
        "ods",
        "odp",
        "mp3",
        "mp4",
        "m4a",
    ]
)

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class EvidenceFile:
    """Một tài liệu kiểm chứng to attach: ``data`` bytes or a ``path`` to read; ``secret`` = tài liệu mật."""

    original_name: str
    mime: str = "application/octet-stream"
    data: bytes | None = None
    path: Path | None = None
    secret: bool = False

    def __post_init__(self) -> None:
        if (self.data is None) == (self.path is None):
            raise ValueError("EvidenceFile needs exactly one of data or path")


@dataclass(frozen=True)
class Part:
    """One member ready to write: its manifest entry and where its bytes come from."""

    member: Member
    source: bytes | Path

    @property
    def name(self) -> str:
        return self.member.name

    @property
    def from_disk(self) -> bool:
        return isinstance(self.source, Path)


class Ticker:
    """Progress and cancellation over a known number of bytes."""

    def __init__(self, total: int, progress: Progress | None, cancelled: Cancelled | None) -> None:
        self.total = total
        self.done = 0
        self._progress = progress
        self._cancelled = cancelled

    def check(self) -> None:
        """Raise JobCancelled when the user asked to stop."""
        if self._cancelled is not None and self._cancelled():
            raise JobCancelled()

    def advance(self, count: int) -> None:
        self.done += count
        if self._progress is not None:
            self._progress(self.done, self.total)


def extension_of(original_name: str) -> str:
    """ "Quyết định 12.PDF" → "pdf"; anything unusual → "bin"."""
    suffix = PurePath(original_name).suffix.lower().lstrip(".")
    return suffix if _EXTENSION.fullmatch(suffix) else "bin"


def bytes_part(name: str, role: str, data: bytes) -> Part:
    """A member held in memory (data.json, document.pdf, the announced key)."""
    member = Member(name=name, sha256=hashlib.sha256(data).hexdigest(), size=len(data), role=role)
    return Part(member, data)


def check_evidence(evidence: list[EvidenceFile], limits: Limits) -> None:
    """Refuse secret evidence and evidence over the per-member limit, before anything is written."""
    for item in evidence:
        if item.secret:
            raise SecretEvidenceError(name=nfc(item.original_name))
        size = evidence_size(item)
        if size > limits.max_member_bytes:
            raise EvidenceTooLargeError(
                name=nfc(item.original_name), size=_mib(size), limit=_mib(limits.max_member_bytes)
            )


def evidence_size(item: EvidenceFile) -> int:
    if item.data is not None:
        return len(item.data)
    assert item.path is not None
    try:
        return item.path.stat().st_size
    except OSError as exc:
        raise EvidenceReadError(name=nfc(item.original_name), detail=describe_os_error(exc)) from None


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")


def read_chunks(part: Part, ticker: Ticker) -> Iterator[bytes]:
    """The part's bytes in chunks, checking for cancellation between chunks."""
    if isinstance(part.source, bytes):
        for start in range(0, len(part.source), CHUNK):
            ticker.check()
            yield part.source[start : start + CHUNK]
        return
    yield from _file_chunks(part.source, part.member.original_name or part.name, ticker)


def _file_chunks(path: Path, label: str, ticker: Ticker) -> Iterator[bytes]:
    try:
        with path.open("rb") as handle:
            while True:
                ticker.check()
                chunk = handle.read(CHUNK)
                if not chunk:
                    return
                yield chunk
    except OSError as exc:
        raise EvidenceReadError(name=label, detail=describe_os_error(exc)) from None


def evidence_part(item: EvidenceFile, ticker: Ticker) -> Part:
    """Hash one evidence file and name it ``evidence/<sha256>.<ext>``."""
    source: bytes | Path
    if item.data is not None:
        digest, size, source = hashlib.sha256(item.data).hexdigest(), len(item.data), item.data
    else:
        assert item.path is not None
        digest, size = _hash_file(item.path, nfc(item.original_name), ticker)
        source = item.path
    member = Member(
        name=f"evidence/{digest}.{extension_of(item.original_name)}",
        sha256=digest,
        size=size,
        role="evidence",
        original_name=nfc(item.original_name),
        mime=item.mime,
    )
    return Part(member, source)


def _hash_file(path: Path, label: str, ticker: Ticker) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    for chunk in _file_chunks(path, label, ticker):
        digest.update(chunk)
        size += len(chunk)
        ticker.advance(len(chunk))
    return digest.hexdigest(), size


def evidence_parts(evidence: list[EvidenceFile], ticker: Ticker) -> list[Part]:
    """Hashed parts, the same content attached twice kept once (its name is its hash)."""
    parts: dict[str, Part] = {}
    for item in evidence:
        part = evidence_part(item, ticker)
        parts.setdefault(part.name, part)
    return list(parts.values())
