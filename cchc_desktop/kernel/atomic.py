"""Atomic file writing (docs/package-format.md §9).

The bytes go to a temporary file in the target folder whose name does not end in ``.cchc``; it is
flushed and fsynced, then renamed over the final name, then the folder is fsynced where the system
allows it. A USB stick pulled early therefore never holds a half package under a valid name. On any
error or cancellation the temporary file is removed.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from cchc_desktop.kernel.files import FileWriteError, describe_os_error

TEMP_SUFFIX = ".part"


def temp_path_for(path: Path) -> Path:
    """A fresh temporary name next to ``path``: ``.<name>.<random>.part``."""
    return path.with_name(f".{path.name}.{secrets.token_hex(6)}{TEMP_SUFFIX}")


def _write_error(error: type[FileWriteError], path: Path, exc: OSError) -> FileWriteError:
    return error(file=path.name, folder=str(path.parent), detail=describe_os_error(exc))


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; directories cannot be opened this way on Windows.
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _discard(handle: BinaryIO, temp: Path) -> None:
    try:
        handle.close()  # flushes what is buffered, which fails again on a full disk: the file goes anyway
    except OSError:
        pass
    finally:
        temp.unlink(missing_ok=True)


def _create(temp: Path, private: bool) -> BinaryIO:
    if not private:
        return temp.open("xb")
    # Readable by its owner only (POSIX; Windows keeps the folder's permissions, the user's own).
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    return os.fdopen(fd, "wb")


@contextmanager
def atomic_output(
    path: str | os.PathLike[str], error: type[FileWriteError] = FileWriteError, *, private: bool = False
) -> Iterator[BinaryIO]:
    """Yield a binary file; on normal exit it becomes ``path`` atomically, on error it disappears.

    OSErrors are raised as ``error`` (a FileWriteError in the caller's wording) with a Vietnamese cause;
    other exceptions (JobCancelled…) pass through unchanged after the temporary file is removed.
    ``private``: the file is created readable and writable by its owner only (0600).
    """
    target = Path(path)
    temp = temp_path_for(target)
    try:
        handle = _create(temp, private)
    except OSError as exc:
        raise _write_error(error, target, exc) from None
    try:
        yield handle
        handle.flush()
        os.fsync(handle.fileno())
        handle.close()
        os.replace(temp, target)
    except OSError as exc:
        _discard(handle, temp)
        raise _write_error(error, target, exc) from None
    except BaseException:
        _discard(handle, temp)
        raise
    _fsync_folder(target.parent)


def write_bytes_atomic(
    path: str | os.PathLike[str], data: bytes, error: type[FileWriteError] = FileWriteError, *, private: bool = False
) -> None:
    """Write ``data`` to ``path`` atomically (``private``: owner-only, 0600)."""
    with atomic_output(path, error, private=private) as handle:
        handle.write(data)
