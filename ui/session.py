"""Session: the UI's one gateway to core actions on the open workspace.

Every mutation goes through here: the core call runs in one transaction; errors are shown
in one place; on success ``changed`` tells the screens what to refresh and the status bar
shows "Đã lưu".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from cchc_desktop.kernel.history import ChangeSet
from cchc_desktop.workspace import Workspace
from ui.errors import show_error

T = TypeVar("T")


class Session(QObject):
    changed = Signal(object)  # ChangeSet, or None when a whole document changed (create, issue…)
    saved = Signal()
    history_changed = Signal()
    notice = Signal(str)  # a short confirmation for the status bar ("Đã dán 5 dòng")

    def __init__(self, ws: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self._typing: Any = None

    @contextmanager
    def typing(self, key: Any) -> Iterator[None]:
        """Edits made inside are saves of text being typed (``key``: which field, which visit): they
        merge into one undo step, and screens refresh the row without rebuilding what is being typed in."""
        self._typing = key
        try:
            yield
        finally:
            self._typing = None

    @property
    def typing_now(self) -> bool:
        return self._typing is not None

    def call(
        self, parent: QWidget | None, action: Callable[[], T], *, structural: bool = False, inline: bool = False
    ) -> T | None:
        """Run a core action; show its error, or announce what changed. Returns its result or None."""
        try:
            result = action()
        except Exception as exc:
            show_error(parent, exc, inline=inline)
            return None
        changes = result if isinstance(result, ChangeSet) else None
        if structural or changes is None or changes:
            self.changed.emit(None if structural else changes)
            self.saved.emit()
        self.history_changed.emit()
        return result

    # Shorthands for grid and form edits ###############################

    def edit(self, parent: QWidget | None, entity: str, row_id: int, field: str, value: Any) -> ChangeSet | None:
        typing = self._typing
        return self.call(parent, lambda: self.ws.edit(entity, row_id, field, value, typing=typing), inline=True)

    def edit_cells(self, parent: QWidget | None, entity: str, cells: list[tuple[int, str, Any]]) -> ChangeSet | None:
        return self.call(parent, lambda: self.ws.edit_cells(entity, cells), inline=True)

    def insert(
        self,
        parent: QWidget | None,
        entity: str,
        parent_id: int,
        values: dict | None = None,
        position: int | None = None,
    ) -> ChangeSet | None:
        return self.call(parent, lambda: self.ws.insert(entity, parent_id, values or {}, position))

    def delete(self, parent: QWidget | None, entity: str, row_ids: list[int]) -> ChangeSet | None:
        return self.call(parent, lambda: self.ws.delete(entity, row_ids))

    def move(self, parent: QWidget | None, entity: str, row_id: int, position: int) -> ChangeSet | None:
        return self.call(parent, lambda: self.ws.move(entity, row_id, position))

    def undo(self, parent: QWidget | None) -> ChangeSet | None:
        return self.call(parent, self.ws.undo)

    def redo(self, parent: QWidget | None) -> ChangeSet | None:
        return self.call(parent, self.ws.redo)
