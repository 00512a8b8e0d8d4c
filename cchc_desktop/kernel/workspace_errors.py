"""What can be wrong with the workspace file itself or the disk it is on, as typed errors.

Each names the file and says what to do; none says "damaged" unless the file is (a read-only file,
a full disk or a file in use are not damage, and restoring a backup would not help them).
"""

from __future__ import annotations

from cchc_desktop.kernel.errors import WorkspaceError


class ReadOnlyWorkspaceError(WorkspaceError):
    """Tệp chỉ đọc: the file, its folder or its disk cannot be written; params: file, cause, fix."""

    key = "error.workspace.read_only"


class DiskFullError(WorkspaceError):
    """Ổ đĩa đầy; params: file, free."""

    key = "error.workspace.disk_full"


class DiskError(WorkspaceError):
    """Lỗi đọc ghi ổ đĩa (USB rút ra, ổ mạng mất kết nối); params: file."""

    key = "error.workspace.io"


class DamagedWorkspaceError(WorkspaceError):
    """Tệp hỏng (trang dữ liệu không đọc được); the message names the latest backup. params: file, …"""

    key = "error.workspace.damaged"


class EmptyWorkspaceError(WorkspaceError):
    """Tệp trống (0 byte): refused unless the user asked for a new file; params: file, path."""

    key = "error.workspace.empty"


class WorkspaceBusyError(WorkspaceError):
    """Another program holds SQLite's lock on the file longer than the app waits; params: file."""

    key = "error.workspace.busy"


class WorkspaceInUseError(WorkspaceError):
    """Another copy of the app has the file open; params: file, who, host, since."""

    key = "error.workspace.in_use"
