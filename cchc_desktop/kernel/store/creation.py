"""Tạo tệp dữ liệu mới: made whole under a hidden temporary name beside it, then renamed.

A new workspace (an empty one, the demo, a receiver's) is built in ``.<tên tệp>.<ngẫu nhiên>.part``
and gets its name only when complete, so a refusal, an error or a kill half-way never leaves a
half-made file under the name the user chose: trying again simply works. Leftovers of a killed
creation are removed by the next creation in that folder. An existing file is never replaced,
except an empty (0-byte) one, which holds nothing.
"""

from __future__ import annotations

import os
import re
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cchc_desktop.kernel.errors import WorkspaceError
from cchc_desktop.kernel.private import create_private_file, private_folder

TEMP_SUFFIX = ".part"
#: A temporary file untouched this long belongs to a creation that was killed (one takes seconds).
STALE_SECONDS = 120
_SIDE_FILES = ("", "-wal", "-shm", "-journal")
#: ``.<tên tệp>.<8 hex digits>.part`` and SQLite's side files: only this module makes such names.
_TEMPORARY = re.compile(r"\..+\.[0-9a-f]{8}\.part(-wal|-shm|-journal)?")


def is_free(path: Path) -> bool:
    """No file at ``path``, or an empty one (a new file may take its place)."""
    if not path.exists():
        return True
    return path.is_file() and path.stat().st_size == 0


def temporary_names(path: Path) -> list[Path]:
    """Temporary files of creations of ``path`` (this one's and killed ones'), with SQLite's side files."""
    return sorted(path.parent.glob(f".{path.name}.*{TEMP_SUFFIX}*"))


def _remove(temporary: Path) -> None:
    for side in _SIDE_FILES:
        temporary.with_name(temporary.name + side).unlink(missing_ok=True)


def remove_stale(path: Path, now: float | None = None) -> list[Path]:
    """Remove what killed creations in the folder of ``path`` left behind (of any name)."""
    limit = (now or time.time()) - STALE_SECONDS
    removed = []
    leftovers = (p for p in path.parent.glob(f".*{TEMP_SUFFIX}*") if _TEMPORARY.fullmatch(p.name))
    for leftover in leftovers:
        try:
            if leftover.stat().st_mtime < limit:
                leftover.unlink()
                removed.append(leftover)
        except OSError:
            continue
    return removed


@contextmanager
def creating(path: Path) -> Iterator[Path]:
    """Yield an empty private file beside ``path`` to build the new workspace in; when the block ends
    normally (every connection to it closed), it becomes ``path``; otherwise it is removed."""
    if not is_free(path):
        raise WorkspaceError("error.workspace.exists", path=str(path))
    folder = private_folder(path.parent)
    remove_stale(path)
    temporary = folder / f".{path.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
    create_private_file(temporary)
    try:
        yield temporary
        _move_into_place(temporary, path)
    except BaseException:
        _remove(temporary)
        raise
    _sync_folder(folder)


def _move_into_place(temporary: Path, path: Path) -> None:
    """Rename without ever replacing a file that appeared meanwhile (an empty one excepted)."""
    if path.exists() and is_free(path):
        os.replace(temporary, path)
        return
    try:
        _rename_exclusive(temporary, path)
    except FileExistsError:
        raise WorkspaceError("error.workspace.exists", path=str(path)) from None


def _rename_exclusive(temporary: Path, path: Path) -> None:
    if os.name != "nt":
        try:
            os.link(temporary, path)  # fails on an existing name, where a rename would replace it
        except FileExistsError:
            raise
        except OSError:
            pass  # a file system without hard links (FAT on a USB stick): rename below
        else:
            temporary.unlink()
            return
    if path.exists():
        raise FileExistsError(path)
    os.rename(temporary, path)  # on Windows, refuses an existing name by itself


def _sync_folder(folder: Path) -> None:
    """Make the rename durable (a power cut right after creation keeps the new name)."""
    if os.name == "nt":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
