"""Kho gói đã nhận: the original package files a receiver keeps, named by their content.

Each imported package is copied beside the receiver file into ``<tên tệp>-goi-da-nhan/``, named by the
SHA-256 of its manifest.json — the manifest commits to every member's SHA-256, so equal names mean
equal content. Evidence and document.pdf are read from here on demand and re-hashed on every read.

The copy is made *before* verification and it is the copy that is verified, so the bytes kept are
the bytes checked (a USB stick swapped halfway cannot slip in other content). Files are flushed to
disk once per batch, not once per package: the database, committed per package, is the record; a
kept file lost to a power cut is detected by its hash and restored by importing the same file again.

An import killed half-way leaves two kinds of debris, both removed by ``clean_debris`` on the next
start: its ``.incoming-*`` folder (each running batch holds a lock on it, so a running import is never
touched), and a kept file whose transaction never committed. The second is recognised because a copy is
kept by hard-linking it under its content name *inside* the transaction and the private copy is removed
only after the commit: a kept file that is still the same file as a private copy left behind, and that
no package row names, was kept by an import that died. (A kept file no row names is otherwise left
alone: an import rolled back keeps its file, which the backup taken before the rollback still names.)
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import secrets
import shutil
import sys
import zipfile
from collections.abc import Collection
from pathlib import Path
from typing import BinaryIO

from cchc_desktop.exchange.format.errors import PackageChangedError, PackageReadError
from cchc_desktop.exchange.format.limits import DEFAULT_LIMITS, Limits
from cchc_desktop.exchange.format.manifest import Member
from cchc_desktop.exchange.format.zipsafe import SafeZip
from cchc_desktop.exchange.import_errors import ImportWriteError, PackageStoreError
from cchc_desktop.kernel.files import describe_os_error, display_name
from cchc_desktop.kernel.text import printable

#: Errors of the disk being written (the receiver's), not of the file being read.
_WRITE_SIDE = frozenset((errno.ENOSPC, errno.EROFS, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)))
STORE_SUFFIX = "-goi-da-nhan"
INCOMING_PREFIX = ".incoming-"
LOCK_NAME = ".lock"


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


def _try_lock(path: Path) -> BinaryIO | None:
    """An exclusive, non-blocking lock on ``path`` (created if needed), held while the handle is open;
    None when another process holds it. The system releases it when the holder dies, even by kill -9."""
    try:
        handle = path.open("a+b")
    except OSError:
        return None
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        return None
    return handle


def _manifest_digest(path: Path) -> str | None:
    """SHA-256 of the manifest.json inside a private copy (its kept file's name), None if unreadable."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("manifest.json")
            if info.file_size > 8 * 1024 * 1024:
                return None
            return hashlib.sha256(archive.read(info)).hexdigest()
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, EOFError, NotImplementedError, RuntimeError):
        return None


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


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
        self._lock: BinaryIO | None = None
        self._made_folder = False
        self._copies = 0

    def path(self, name: str) -> Path:
        return self.folder / name

    def has(self, name: str) -> bool:
        return self.path(name).is_file()

    def open_batch(self) -> None:
        """One private folder for the copies of this batch, locked while it runs (removed by ``close_batch``;
        the store folder too when this batch made it and kept nothing). Call under the file's write lock."""
        if self.folder.exists() and not self.folder.is_dir():
            raise PackageStoreError("exchange.store.taken", path=printable(str(self.folder)))
        self._made_folder = not self.folder.exists()
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._batch = self.folder / f"{INCOMING_PREFIX}{secrets.token_hex(6)}"
            self._batch.mkdir()
        except OSError as exc:
            raise PackageStoreError(
                "exchange.store.unwritable", path=printable(str(self.folder)), detail=describe_os_error(exc)
            ) from None
        self._lock = _try_lock(self._batch / LOCK_NAME)
        self._copies = 0

    def close_batch(self) -> None:
        if self._batch is not None:
            if self._lock is not None:
                self._lock.close()
                self._lock = None
            shutil.rmtree(self._batch, ignore_errors=True)
            self._batch = None
        if self._made_folder:
            with contextlib.suppress(OSError):
                self.folder.rmdir()  # only when empty: nothing was kept
            self._made_folder = False

    def incoming(self, source: Path, name: str | None = None) -> Path:
        """A private copy of ``source`` under its own name, or ``name`` (so refusals still name the
        user's file)."""
        if self._batch is None:
            self.open_batch()
        assert self._batch is not None
        shown = name or display_name(source)
        target = self._batch / shown
        if target.exists():  # the same name from another folder in this batch
            self._copies += 1
            target = self._batch / str(self._copies) / shown
            target.parent.mkdir()
        try:
            self._link_or_copy(source, target)
        except OSError as exc:
            target.unlink(missing_ok=True)
            if exc.errno in _WRITE_SIDE:  # the receiver's disk, not the package, is the problem
                raise ImportWriteError(source, detail=describe_os_error(exc)) from None
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

    def keep(self, incoming: Path, manifest_sha256: str) -> tuple[str, bool]:
        """Keep a verified copy under its content name; returns that name and whether this made it (an
        existing copy is kept as it is). Call inside the transaction that records it: the private copy
        stays linked to the kept file until ``discard`` after the commit (see the module's note)."""
        name = f"{manifest_sha256}.cchc"
        final = self.path(name)
        if final.is_file() and final.stat().st_size == incoming.stat().st_size:
            return name, False
        try:
            os.link(incoming, final)
        except FileExistsError:
            os.replace(incoming, final)  # a damaged copy of another size: replaced by the checked one
        except OSError:
            shutil.copyfile(incoming, final)  # no hard links here (FAT): a real copy
            self._copied.add(incoming.name)
        if incoming.name in self._copied:  # a linked file has no new data to flush
            self._pending.append(final)
        self._linked_any = True
        return name, True

    def forget(self, name: str) -> None:
        """Remove a kept file this import made and did not record (its transaction failed)."""
        final = self.path(name)
        self._pending = [path for path in self._pending if path != final]
        final.unlink(missing_ok=True)

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

    def clean_debris(self, recorded: Collection[str]) -> tuple[int, int]:
        """Remove what killed imports left: their ``.incoming-*`` folders (never one a running import
        holds) and the kept files they made but never recorded (``recorded``: the kept names the file's
        package rows use). Returns (folders, kept files) removed. Call inside a write transaction, so no
        import commits meanwhile."""
        if not self.folder.is_dir():
            return 0, 0
        folders = files = 0
        for holder in self.folder.glob(f"{INCOMING_PREFIX}*"):
            lock = self._stale_lock(holder)
            if lock is None:
                continue
            try:
                files += self._unrecorded_kept(holder, recorded)
            finally:
                lock.close()
            shutil.rmtree(holder, ignore_errors=True)
            folders += 1
        return folders, files

    def has_debris(self) -> bool:
        """Whether a batch folder nobody holds is there (a quick look, without the file's write lock)."""
        if not self.folder.is_dir():
            return False
        for holder in self.folder.glob(f"{INCOMING_PREFIX}*"):
            lock = self._stale_lock(holder)
            if lock is not None:
                lock.close()
                return True
        return False

    def _stale_lock(self, holder: Path) -> BinaryIO | None:
        """The lock of a batch folder nobody runs any more (None: running, or ours). A batch makes its folder
        and locks it under the file's write lock, like every cleaning, so a folder without its lock file
        belongs to a batch killed in between: stale too (``_try_lock`` creates the file)."""
        if holder == self._batch or not holder.is_dir():
            return None
        return _try_lock(holder / LOCK_NAME)

    def _unrecorded_kept(self, holder: Path, recorded: Collection[str]) -> int:
        removed = 0
        for copy in holder.rglob("*"):
            if copy.name == LOCK_NAME or not copy.is_file():
                continue
            digest = _manifest_digest(copy)
            name = f"{digest}.cchc"
            if digest is not None and name not in recorded and _same_file(copy, self.path(name)):
                self.path(name).unlink(missing_ok=True)
                removed += 1
        return removed

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
