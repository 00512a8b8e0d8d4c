"""Opening a zip defensively (docs/package-format.md §5 steps 1–2).

``SafeZip.open`` checks the file size, that it is a zip at all, member count and sizes, the compression
ratio, and refuses every name or entry that could escape a folder or hide content: absolute paths, drive
letters, "..", backslashes, control characters, symlinks, directories, duplicates, other compression
methods, zip encryption, overlapping entries, and bytes outside the members (a gap between them,
anything after the central directory). Members are then read in bounded chunks from their raw bytes:
the compressed stream must end exactly where the entry says, inflate to exactly the declared size and
match the declared CRC-32, and the local header must agree with the central directory, so nothing can
hide inside a member either. Nothing is ever extracted to disk.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import struct
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
_LOCAL_HEADER = struct.Struct("<4s5H3L2H")  # signature, version, flags, method, time, date, crc, sizes, lengths
_CENTRAL_FIXED = 46
_END_RECORD = 22
_ZIP64_END = 56 + 20  # the zip64 end record and its locator
_DESCRIPTOR_FLAG = 0x08
_UNKNOWN_32 = 0xFFFFFFFF


class SafeZip:
    """A checked, read-only view of a package zip; use as a context manager."""

    def __init__(self, archive: zipfile.ZipFile, handle: BinaryIO, file: str, limits: Limits) -> None:
        self._zip = archive
        self._handle = handle
        self.file = file
        self.limits = limits
        self._infos = {info.filename: info for info in archive.infolist()}
        self._data_start: dict[str, int] = {}

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
            starts = _check_layout(handle, archive, file)
        except BaseException:
            archive.close()
            handle.close()
            raise
        opened = cls(archive, handle, file, limits)
        opened._data_start = starts
        return opened

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
        """The member's bytes in chunks: exactly its declared size, its CRC-32 checked at the end, and no
        byte of the compressed stream left over (CorruptMemberError / HiddenDataError otherwise)."""
        info = self._infos[name]
        try:
            yield from _inflated(self._raw(info), info, self.file)
        except zlib.error:
            raise e.CorruptMemberError(self.file, member=name) from None
        except OSError as exc:
            if exc.errno == errno.EINVAL:  # a seek to a negative offset: the directory points nowhere
                raise e.CorruptMemberError(self.file, member=name) from None
            raise e.PackageReadError(self.file, detail=describe_os_error(exc)) from None

    def _raw(self, info: zipfile.ZipInfo) -> Iterator[bytes]:
        """The member's compressed bytes, exactly ``compress_size`` of them."""
        self._handle.seek(self._data_start[info.filename])
        remaining = info.compress_size
        while remaining > 0:
            chunk = self._handle.read(min(CHUNK, remaining))
            if not chunk:
                raise e.CorruptMemberError(self.file, member=info.filename)
            remaining -= len(chunk)
            yield chunk

    def read(self, name: str) -> bytes:
        """The whole member (already bounded by the limits checked at open)."""
        return b"".join(self.chunks(name))


def _inflated(raw: Iterator[bytes], info: zipfile.ZipInfo, file: str) -> Iterator[bytes]:
    """Decompress ``raw`` with bounded output; refuse any size, CRC or stream-end mismatch."""
    name = info.filename
    remaining, crc = info.file_size, 0
    inflater = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
    if inflater is None and info.compress_size != info.file_size:
        raise e.CorruptMemberError(file, member=name)
    for chunk in raw:
        if inflater is not None and inflater.eof:
            raise e.HiddenDataError(file, member=name)  # bytes after the end of the compressed stream
        for piece in _pieces(inflater, chunk):
            remaining -= len(piece)
            if remaining < 0:
                raise e.HiddenDataError(file, member=name)  # the stream holds more than the declared size
            crc = zlib.crc32(piece, crc)
            yield piece
    if inflater is not None and (not inflater.eof or inflater.unused_data):
        raise (e.HiddenDataError if inflater.eof else e.CorruptMemberError)(file, member=name)
    if remaining != 0 or crc != info.CRC:
        raise e.CorruptMemberError(file, member=name)


def _pieces(inflater: zlib._Decompress | None, chunk: bytes) -> Iterator[bytes]:
    """The output of one input chunk, at most CHUNK bytes at a time (a bomb never fills memory)."""
    if inflater is None:
        yield chunk
        return
    data = chunk
    while True:
        piece = inflater.decompress(data, CHUNK)
        data = inflater.unconsumed_tail
        if piece:
            yield piece
        if inflater.eof or (not data and len(piece) < CHUNK):
            return


def _check_layout(handle: BinaryIO, archive: zipfile.ZipFile, file: str) -> dict[str, int]:
    """Where each member's data starts, after checking its local header against the central directory,
    and that the members, the central directory and the end record fill the file without a gap."""
    starts: dict[str, int] = {}
    position = 0
    for info in sorted(archive.infolist(), key=lambda i: i.header_offset):
        if info.header_offset != position:
            raise e.HiddenDataError(file, member=info.filename)
        start = info.header_offset + _local_header_length(handle, info, file)
        starts[info.filename] = start
        position = start + info.compress_size + _descriptor_length(handle, info, start)
    start_dir = getattr(archive, "start_dir", position)
    central = sum(_CENTRAL_FIXED + _raw_name_length(i) + len(i.extra) + len(i.comment) for i in archive.infolist())
    end = os.fstat(handle.fileno()).st_size
    if start_dir != position or end - (start_dir + central + _END_RECORD + len(archive.comment)) not in (0, _ZIP64_END):
        raise e.HiddenDataError(file, member="")
    return starts


def _local_header_length(handle: BinaryIO, info: zipfile.ZipInfo, file: str) -> int:
    handle.seek(info.header_offset)
    fixed = handle.read(_LOCAL_HEADER_FIXED)
    if len(fixed) != _LOCAL_HEADER_FIXED:
        raise e.CorruptMemberError(file, member=info.filename)
    magic, _, flags, method, _, _, crc, compressed, size, name_length, extra_length = _LOCAL_HEADER.unpack(fixed)
    name = handle.read(name_length)
    declared = (crc, compressed, size)
    sizes_agree = declared == (info.CRC, info.compress_size, info.file_size)
    agrees = (
        magic == _ZIP_MAGIC
        and method == info.compress_type
        and name.decode("utf-8" if flags & 0x800 else "cp437", "replace") == info.orig_filename
        and bool(flags & _DESCRIPTOR_FLAG or _UNKNOWN_32 in declared or sizes_agree)
    )
    if not agrees:
        raise e.CorruptMemberError(file, member=info.filename)
    return _LOCAL_HEADER_FIXED + name_length + extra_length


def _descriptor_length(handle: BinaryIO, info: zipfile.ZipInfo, start: int) -> int:
    """The data descriptor after a member written in one pass (12 bytes, 16 with its signature)."""
    if not info.flag_bits & _DESCRIPTOR_FLAG:
        return 0
    handle.seek(start + info.compress_size)
    return 16 if handle.read(4) == b"PK\x07\x08" else 12


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
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError, NotImplementedError, struct.error):
        # NotImplementedError: a damaged directory naming a zip version or feature zipfile lacks
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
