"""Files only their owner may read: the workspace, its backups, its lock and a whole-workspace export.

On POSIX they are created 0600 in folders the app creates 0700 (a commune's data — officials' names,
the encrypted signing key, evidence — is nobody else's business on a shared machine). On Windows the
per-user data folder is already private to its user, and modes mean nothing: nothing is changed there.
"""

from __future__ import annotations

import os
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def private_folder(folder: Path) -> Path:
    """Create ``folder`` (and missing parents) for its owner only; an existing folder is left as it is."""
    if folder.is_dir():
        return folder
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    if os.name != "nt":
        os.chmod(folder, FOLDER_MODE)  # mkdir's mode passes through the umask
    return folder


def tighten_folder(folder: Path) -> None:
    """Make a folder the app owns (its per-user data folder) private again if it was created open."""
    if os.name == "nt":
        return
    try:
        if folder.stat().st_mode & 0o077:
            os.chmod(folder, FOLDER_MODE)
    except OSError:
        pass  # not ours to change (another owner, a read-only medium): it stays as it is


def make_private(descriptor: int) -> None:
    """Make an open file (a whole-workspace export being written) readable by its owner only."""
    if os.name != "nt":
        os.fchmod(descriptor, FILE_MODE)


def create_private_file(path: Path) -> None:
    """An empty file at ``path`` only its owner may read; FileExistsError when the name is taken.

    SQLite gives its -wal and -shm files the database file's mode, so they are private too.
    """
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    os.close(descriptor)
    if os.name != "nt":
        os.chmod(path, FILE_MODE)  # os.open's mode passes through the umask as well
