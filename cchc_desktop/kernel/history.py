"""Undo/redo of edits within a working session (Ctrl+Z / Ctrl+Y).

A :class:`ChangeSet` is what one user action changed. Undo replays its inverse in one
transaction; the replay is audited like any edit, so the audit trail stays complete.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cchc_desktop.kernel.store.records import Change

MAX_DEPTH = 200


@dataclass
class ChangeSet:
    """What one user action changed, with a Vietnamese label for the Undo menu."""

    label: str
    changes: list[Change] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.changes)

    @property
    def entities(self) -> set[str]:
        return {c.entity for c in self.changes}

    def inverse(self) -> ChangeSet:
        return ChangeSet(self.label, [c.inverse() for c in reversed(self.changes)])


class History:
    def __init__(self) -> None:
        self._undo: list[ChangeSet] = []
        self._redo: list[ChangeSet] = []

    def record(self, changes: ChangeSet) -> None:
        if not changes:
            return
        self._undo.append(changes)
        del self._undo[:-MAX_DEPTH]
        self._redo.clear()

    def clear(self) -> None:
        self._undo.clear()
        self._redo.clear()

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_label(self) -> str:
        return self._undo[-1].label if self._undo else ""

    @property
    def redo_label(self) -> str:
        return self._redo[-1].label if self._redo else ""

    def pop_undo(self) -> ChangeSet:
        return self._undo.pop()

    def pop_redo(self) -> ChangeSet:
        return self._redo.pop()

    def push_undone(self, changes: ChangeSet) -> None:
        self._redo.append(changes)

    def push_redone(self, changes: ChangeSet) -> None:
        self._undo.append(changes)
