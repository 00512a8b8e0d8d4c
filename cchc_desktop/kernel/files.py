"""Files the user names: how to show them and how to explain an operating-system error.

Every message names a file the way a user recognises it (its name, not the full path) and gives the
cause in Vietnamese (the system's English strerror is never shown).
"""

from __future__ import annotations

import errno
import os
from pathlib import PurePath

from cchc_desktop.kernel.errors import CchcError
from cchc_desktop.kernel.i18n import tr


def display_name(path: str | os.PathLike[str]) -> str:
    """The file name a user recognises ("x.cchc"), without the folder."""
    return PurePath(os.fspath(path)).name or os.fspath(path)


_ERRNO_KEYS = {
    errno.ENOSPC: "exchange.oserror.no_space",
    errno.EROFS: "exchange.oserror.read_only",
    errno.EACCES: "exchange.oserror.no_permission",
    errno.EPERM: "exchange.oserror.no_permission",
    errno.ENOENT: "exchange.oserror.not_found",
    errno.EIO: "exchange.oserror.io",
    errno.EISDIR: "exchange.oserror.is_folder",
    errno.ENOTDIR: "exchange.oserror.not_folder",
}

#: SQLite's primary result codes → the cause a user can act on.
_SQLITE_KEYS = {
    13: "exchange.oserror.no_space",  # SQLITE_FULL
    8: "exchange.oserror.read_only",  # SQLITE_READONLY
    10: "exchange.oserror.io",  # SQLITE_IOERR
    14: "exchange.oserror.cannot_open",  # SQLITE_CANTOPEN
    5: "exchange.oserror.busy",  # SQLITE_BUSY
    6: "exchange.oserror.busy",  # SQLITE_LOCKED
    11: "exchange.oserror.corrupt",  # SQLITE_CORRUPT
    26: "exchange.oserror.not_database",  # SQLITE_NOTADB
}


def describe_os_error(exc: OSError) -> str:
    """A Vietnamese cause for an operating-system error (the English strerror is not shown)."""
    key = _ERRNO_KEYS.get(exc.errno or 0)
    if key:
        return tr(key)
    return tr("exchange.oserror.other", code=exc.errno if exc.errno is not None else "?")


def describe_sqlite_error(exc: Exception) -> str:
    """A Vietnamese cause for an error of SQLite (its English message is not shown)."""
    code = getattr(exc, "sqlite_errorcode", None)
    key = _SQLITE_KEYS.get(code & 0xFF) if isinstance(code, int) else None
    if key is not None:
        return tr(key)
    return tr("exchange.oserror.other", code=getattr(exc, "sqlite_errorname", None) or type(exc).__name__)


class FileWriteError(CchcError):
    """Không ghi được tệp (ổ đầy, không có quyền, USB bị rút…); params: file, folder, detail."""

    key = "error.file_write"
