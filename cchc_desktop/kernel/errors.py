"""Typed errors. Each carries a catalogue key; ``str(error)`` is the Vietnamese message.

The UI shows them in one place (``ui.errors.show_error``); core never prints.
"""

from __future__ import annotations

from typing import Any

from cchc_desktop.kernel.i18n import tr


class CchcError(Exception):
    """Lỗi trong cchc-desktop."""

    key = "error.generic"

    def __init__(self, key: str | None = None, **params: Any) -> None:
        self.key = key or self.key
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return tr(self.key, **self.params)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):
        """Errors survive pickling intact (a message is rebuilt from its key, never from English text)."""
        return (_rebuild_error, (type(self), dict(self.__dict__)))


def _rebuild_error(cls: type[CchcError], state: dict[str, Any]) -> CchcError:
    error = cls.__new__(cls)
    error.__dict__.update(state)
    Exception.__init__(error, error.message)
    return error


class WorkspaceError(CchcError):
    """Không mở được tệp dữ liệu."""

    key = "error.workspace"


class SchemaTooNewError(WorkspaceError):
    """Tệp dữ liệu do phiên bản mới hơn tạo ra."""

    key = "error.schema_too_new"


class NotFoundError(CchcError):
    """Không tìm thấy dữ liệu."""

    key = "error.not_found"


class ValidationError(CchcError):
    """Dữ liệu nhập không hợp lệ."""

    key = "error.validation"

    def __init__(self, key: str | None = None, *, field: str | None = None, **params: Any) -> None:
        self.field = field
        super().__init__(key, **params)


class LockedError(CchcError):
    """Dữ liệu đã khóa, không sửa được."""

    key = "error.locked"


class NothingToUndoError(CchcError):
    """Không còn thao tác để hoàn tác."""

    key = "error.nothing_to_undo"


class JobCancelled(CchcError):
    """Người dùng đã hủy thao tác."""

    key = "error.cancelled"
