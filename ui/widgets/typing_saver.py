"""Save typing as it goes: after a pause, and at the latest every second of continuous typing.

A crash or a power cut then loses at most about a second of what was typed, whatever the rhythm:
the pause timer restarts with each key, the other does not. Each save is tagged with the field and
the visit (``key``), so the saves of one visit make a single undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import count
from typing import Any

from PySide6.QtCore import QObject, QTimer

#: A pause this long in typing saves what was typed.
IDLE_MS = 600
#: Continuous typing is saved at least this often.
MAX_WAIT_MS = 1000

_visits = count(1)


class TypingSaver(QObject):
    def __init__(self, parent: QObject, save: Callable[[], None]) -> None:
        super().__init__(parent)
        self._save = save
        self._idle = QTimer(self, singleShot=True, interval=IDLE_MS)
        self._deadline = QTimer(self, singleShot=True, interval=MAX_WAIT_MS)
        for timer in (self._idle, self._deadline):
            timer.timeout.connect(self.flush)
        self.visit = next(_visits)

    def typed(self) -> None:
        """A key was typed: restart the pause timer; start the deadline if none is running."""
        self._idle.start()
        if not self._deadline.isActive():
            self._deadline.start()

    def flush(self) -> None:
        """Save now (a timer fired, or the field is being left)."""
        self.stop()
        self._save()

    def stop(self) -> None:
        self._idle.stop()
        self._deadline.stop()

    @property
    def pending(self) -> bool:
        return self._idle.isActive()

    def new_visit(self) -> None:
        """The user came back to the field (or it shows another row): the next saves are a new undo step."""
        self.visit = next(_visits)

    def key(self, *where: Any) -> tuple:
        return (*where, self.visit)
