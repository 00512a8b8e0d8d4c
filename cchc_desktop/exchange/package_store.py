"""Kho gói đã nhận: the original package files a receiver keeps, named by their content.

Each imported package is copied beside the receiver file into ``<tên tệp>-goi-da-nhan/``, named by the
SHA-256 of its manifest.json — the manifest commits to every member's SHA-256, so equal names mean
equal content. Evidence and document.pdf are read from here on demand and re-hashed on every read.

The copy is made *before* verification and it is the copy that is verified, so the bytes kept are
the bytes checked (a USB stick swapped halfway cannot slip in other content). Files are flushed to
disk once per batch, not once per package: the database, committed per package, is the record; a
kept file lost to a power cut is detected by its hash and restored by importing the same file again.
"""

from __future__ import annotations

import os
import secrets
import shutil
import sys
import time
from pathlib import Path

from cchc_desktop.exchange.format.errors import PackageChangedError, PackageReadError
from cchc_desktop.exchange.format.limits import DEFAULT_LIMITS, Limits
from cchc_desktop.exchange.format.manifest import Member
from cchc_desktop.exchange.format.zipsafe import SafeZip
from cchc_desktop.kernel.files import describe_os_error, display_name

STORE_SUFFIX = "-goi-da-nhan"
INCOMING_PREFIX = ".incoming-"
STALE_SECONDS = 3600


def _syncfs(folder: Path) -> bool:
    """Flush the whole file system holding ``folder`` in one call (Linux); False where unavailable."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fd = os.open(folder, os.O_RDONLY)
    except (OSError, AttributeError):
        return False
    try:
        return libc.syncfs(fd) == 0
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class PackageStore:
    def __init__(self, db_path: Path) -> None:
        self.folder = db_path.parent / f"{db_path.stem}{STORE_SUFFIX}"
        self._pending: list[Path] = []
        self._copied: set[str] = set()
        self._linked_any = False
        self._batch: Path | None = None
        self._copies = 0

    def path(self, name: str) -> Path:
        return self.folder / name

    def has(self, name: str) -> bool:
        return self.path(name).is_file()

    def open_batch(self) -> None:
        """One private folder for the copies of this batch (removed by ``close_batch``)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self._batch = self.folder / f"{INCOMING_PREFIX}{secrets.token_hex(6)}"
        self._batch.mkdir()
        self._copies = 0

    def close_batch(self) -> None:
        if self._batch is not None:
            shutil.rmtree(self._batch, ignore_errors=True)
            self._batch = None

    def incoming(self, source: Path) -> Path:
        """A private copy of ``source`` under its own name (so refusals still name the user's file)."""
        if self._batch is None:
            self.open_batch()
        assert self._batch is not None
        target = self._batch / display_name(source)
        if target.exists():  # the same name from another folder in this batch
            self._copies += 1
            target = self._batch / str(self._copies) / display_name(source)
            target.parent.mkdir()
        try:
            self._link_or_copy(source, target)
        except OSError as exc:
            target.unlink(missing_ok=True)
            raise PackageReadError(source, detail=describe_os_error(exc)) from None
        return target

    def _link_or_copy(self, source: Path, target: Path) -> None:
        """A hard link when the file is on the same disk (nothing to write or flush), else a copy.

        A file from a USB stick or another disk is always copied, so a stick swapped halfway cannot
        change what was verified; a linked local file that is later edited in place fails its hash
        when read, like any damaged kept file.
        """
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)
            self._copied.add(target.name)

    def keep(self, incoming: Path, manifest_sha256: str) -> str:
        """Move a verified copy to its content name; returns that name (an existing copy is kept)."""
        name = f"{manifest_sha256}.cchc"
        final = self.path(name)
        if final.is_file() and final.stat().st_size == incoming.stat().st_size:
            incoming.unlink()
            return name
        os.replace(incoming, final)
        if incoming.name in self._copied:  # a linked file has no new data to flush
            self._pending.append(final)
        self._linked_any = True
        return name

    @staticmethod
    def discard(incoming: Path | None) -> None:
        if incoming is not None and any(p.name.startswith(INCOMING_PREFIX) for p in incoming.parents):
            incoming.unlink(missing_ok=True)

    def flush(self) -> None:
        """Make the files kept in this batch durable: copied files' data (one flush of the store's file
        system, ``syncfs`` on Linux, else one fsync per file) and the folder's new names."""
        if self._pending and not _syncfs(self.folder):
            for path in self._pending:
                with path.open("rb+") as handle:
                    os.fsync(handle.fileno())
        if self._pending or self._linked_any:
            _fsync_folder(self.folder)
        self._pending.clear()
        self._copied.clear()
        self._linked_any = False

    def clean_stale(self) -> None:
        """Remove copies left by an import that was killed (older than an hour, so never a running one)."""
        if not self.folder.is_dir():
            return
        limit = time.time() - STALE_SECONDS
        for holder in self.folder.glob(f"{INCOMING_PREFIX}*"):
            if holder.stat().st_mtime < limit:
                shutil.rmtree(holder, ignore_errors=True)

    def read_member(self, name: str, member: Member, limits: Limits = DEFAULT_LIMITS) -> bytes:
        """A member of a kept package, re-hashed: PackageChangedError if the kept file is damaged or gone."""
        import hashlib

        path = self.path(name)
        if not path.is_file():
            raise PackageChangedError(name, member=member.name)
        with SafeZip.open(path, limits) as archive:
            if member.name not in archive.names:
                raise PackageChangedError(name, member=member.name)
            raw = archive.read(member.name)
        if len(raw) != member.size or hashlib.sha256(raw).hexdigest() != member.sha256:
            raise PackageChangedError(name, member=member.name)
        return raw
