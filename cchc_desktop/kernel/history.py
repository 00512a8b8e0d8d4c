"""Undo/redo of edits within a working session (Ctrl+Z / Ctrl+Y).

A :class:`ChangeSet` is what one user action changed. Undo replays its inverse in one
transaction; the replay is audited like any edit, so the audit trail stays complete.

Typing is saved as it goes (a field commits after a pause, or every second of continuous typing),
so one sentence reaches the file in several edits of the same field. Those edits carry the same
``typing`` key and are merged into one undo step: Ctrl+Z takes back the sentence, not a second of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from cchc_desktop.kernel.store.records import Change

MAX_DEPTH = 200


@dataclass
class ChangeSet:
    """What one user action changed, with a Vietnamese label for the Undo menu."""

    label: str
    changes: list[Change] = field(default_factory=list)
    #: Set by a field being typed in (which field, which visit): consecutive sets merge into one step.
    typing: Any = None

    def __bool__(self) -> bool:
        return bool(self.changes)

    @property
    def entities(self) -> set[str]:
        return {c.entity for c in self.changes}

    def inverse(self) -> ChangeSet:
        return ChangeSet(self.label, [c.inverse() for c in reversed(self.changes)])

    def merged_after(self, earlier: ChangeSet) -> ChangeSet | None:
        """This edit folded into ``earlier`` when both are saves of the same typing (None otherwise):
        the field goes from what it was before the first to what it is after the last."""
        if self.typing is None or earlier.typing != self.typing:
            return None
        if len(self.changes) != 1 or len(earlier.changes) != 1:
            return None
        first, last = earlier.changes[0], self.changes[0]
        if (first.action, first.entity, first.row_id, first.field) != (
            last.action,
            last.entity,
            last.row_id,
            last.field,
        ):
            return None
        return ChangeSet(earlier.label, [replace(last, old=first.old)], self.typing)


class History:
    def __init__(self) -> None:
        self._undo: list[ChangeSet] = []
        self._redo: list[ChangeSet] = []

    def record(self, changes: ChangeSet) -> None:
        if not changes:
            return
        merged = changes.merged_after(self._undo[-1]) if self._undo else None
        if merged is not None:
            self._redo.clear()
            change = merged.changes[0]
            if change.old == change.new:  # typed, then typed back: nothing left to undo
                self._undo.pop()
            else:
                self._undo[-1] = merged
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
