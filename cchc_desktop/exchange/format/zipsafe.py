"""Opening a zip defensively (docs/package-format.md §5 steps 1–2).

``SafeZip.open`` checks the file size, that it is a zip at all, member count and sizes, the compression
ratio, and refuses every name or entry that could escape a folder or hide content: absolute paths, drive
letters, "..", backslashes, control characters, symlinks, directories, duplicates, other compression
methods, zip encryption and overlapping entries. Members are then read in bounded chunks. Nothing is
ever extracted to disk.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from cchc_desktop.exchange.format import errors as e
from cchc_desktop.exchange.format.limits import Limits
from cchc_desktop.kernel.files import describe_os_error, display_name

CHUNK = 1024 * 1024
_ZIP_MAGIC = b"PK\x03\x04"
_DRIVE = re.compile(r"[A-Za-z]:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_LOCAL_HEADER_FIXED = 30
_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError)


class SafeZip:
    """A checked, read-only view of a package zip; use as a context manager."""

    def __init__(self, archive: zipfile.ZipFile, handle: BinaryIO, file: str, limits: Limits) -> None:
        self._zip = archive
        self._handle = handle
        self.file = file
        self.limits = limits
        self._infos = {info.filename: info for info in archive.infolist()}

    @classmethod
    def open(cls, path: str | os.PathLike[str], limits: Limits) -> SafeZip:
        """Open ``path`` and run the size, limit and safety checks; raise the precise refusal."""
        file = display_name(path)
        _check_file(Path(path), file, limits)
        handle, archive = _open_zip(Path(path), file)
        try:
            infos = archive.infolist()
            check_limits(infos, file, limits)
            check_safety(infos, file, getattr(archive, "start_dir", None))
        except BaseException:
            archive.close()
            handle.close()
            raise
        return cls(archive, handle, file, limits)

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()
        self._handle.close()

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._infos)

    def size(self, name: str) -> int:
        """Declared uncompressed size of member ``name``."""
        return self._infos[name].file_size

    def chunks(self, name: str) -> Iterator[bytes]:
        """The member's bytes in chunks, never more than its declared size (checked by CRC at the end)."""
        info = self._infos[name]
        remaining = info.file_size
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(min(CHUNK, remaining + 1)):
                    remaining -= len(chunk)
                    if remaining < 0:
                        raise e.CorruptMemberError(self.file, member=name)
                    yield chunk
        except _READ_ERRORS:
            raise e.CorruptMemberError(self.file, member=name) from None
        except OSError as exc:
            if exc.errno == errno.EINVAL:  # a seek to a negative offset: the directory points nowhere
                raise e.CorruptMemberError(self.file, member=name) from None
            raise e.PackageReadError(self.file, detail=describe_os_error(exc)) from None
        if remaining != 0:
            raise e.CorruptMemberError(self.file, member=name)

    def read(self, name: str) -> bytes:
        """The whole member (already bounded by the limits checked at open)."""
        return b"".join(self.chunks(name))


def _check_file(path: Path, file: str, limits: Limits) -> None:
    try:
        info = path.stat()
    except OSError as exc:
        raise e.PackageReadError(file, detail=describe_os_error(exc)) from None
    if not stat.S_ISREG(info.st_mode):
        raise e.NotAZipError(file)
    if info.st_size > limits.max_package_bytes:
        raise e.PackageTooLargeError(file, size=_mib(info.st_size), limit=_mib(limits.max_package_bytes))


def _open_zip(path: Path, file: str) -> tuple[BinaryIO, zipfile.ZipFile]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise e.PackageReadError(file, detail=describe_os_error(exc)) from None
    head = b""
    try:
        head = handle.read(4)
        handle.seek(0)
        return handle, zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError):
        handle.close()
        if head == _ZIP_MAGIC:
            raise e.TruncatedPackageError(file) from None
        raise e.NotAZipError(file) from None


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")


def check_limits(infos: list[zipfile.ZipInfo], file: str, limits: Limits) -> None:
    """Step 1c: member count, per-member and total uncompressed size, compression ratio."""
    if len(infos) > limits.max_members:
        raise e.TooManyMembersError(file, count=len(infos), limit=limits.max_members)
    total = 0
    for info in infos:
        limit = limits.member_limit(info.filename)
        if info.file_size > limit:
            raise e.MemberTooLargeError(file, member=info.filename, size=_mib(info.file_size), limit=_mib(limit))
        if limits.ratio_too_high(info.file_size, info.compress_size):
            ratio = info.file_size // max(info.compress_size, 1)
            raise e.CompressionBombError(file, member=info.filename, ratio=ratio, limit=limits.max_ratio)
        total += info.file_size
    if total > limits.max_total_bytes:
        raise e.TotalTooLargeError(file, size=_mib(total), limit=_mib(limits.max_total_bytes))


def check_safety(infos: list[zipfile.ZipInfo], file: str, start_dir: int | None) -> None:
    """Step 2: names, entry types, methods, encryption, duplicates, overlaps."""
    seen: set[str] = set()
    for info in infos:
        check_name(info.orig_filename, file)
        _check_entry(info, file)
        if info.filename in seen:
            raise e.DuplicateMemberError(file, member=info.filename)
        seen.add(info.filename)
    _check_no_overlap(infos, file, start_dir)


def check_name(name: str, file: str) -> None:
    """Refuse a member name that is absolute, climbs out, uses backslashes or is malformed."""
    if "\\" in name:
        raise e.BackslashNameError(file, member=name)
    if name.startswith("/") or _DRIVE.match(name):
        raise e.AbsolutePathError(file, member=name)
    if name.endswith("/"):
        raise e.DirectoryMemberError(file, member=name)
    segments = name.split("/")
    if ".." in segments:
        raise e.PathTraversalError(file, member=name)
    if any(seg in ("", ".") for seg in segments) or _CONTROL.search(name):
        raise e.BadMemberNameError(file, member=name)


def _check_entry(info: zipfile.ZipInfo, file: str) -> None:
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise e.SymlinkMemberError(file, member=info.filename)
    if stat.S_ISDIR(mode) or info.is_dir():
        raise e.DirectoryMemberError(file, member=info.filename)
    if info.flag_bits & 0x1:
        raise e.EncryptedMemberError(file, member=info.filename)
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise e.UnsupportedCompressionError(file, member=info.filename, method=info.compress_type)


def _raw_name_length(info: zipfile.ZipInfo) -> int:
    encoding = "utf-8" if info.flag_bits & 0x800 else "cp437"
    try:
        return len(info.orig_filename.encode(encoding))
    except UnicodeEncodeError:
        return len(info.orig_filename.encode("utf-8"))


def _check_no_overlap(infos: list[zipfile.ZipInfo], file: str, start_dir: int | None) -> None:
    ordered = sorted(infos, key=lambda i: i.header_offset)
    bounds = [i.header_offset for i in ordered[1:]] + [start_dir]
    for info, next_start in zip(ordered, bounds, strict=False):
        end = info.header_offset + _LOCAL_HEADER_FIXED + _raw_name_length(info) + info.compress_size
        if next_start is not None and end > next_start:
            raise e.OverlappingMembersError(file, member=info.filename)
