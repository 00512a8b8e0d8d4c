"""Python's cyclic garbage collector, run only when control is back in the event loop.

Automatic collection starts inside whatever allocation crosses its threshold: also inside a Python
method Qt is calling in the middle of its own work (a layout asking ``hasHeightForWidth``, a timer's
slot), or in a job's worker thread. Collecting a cycle that holds Qt objects there deletes them under
Qt's feet; the app crashed that way. So automatic collection is switched off and a timer on the UI
thread collects, generation by generation as Python itself would, between events.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect_due)
        self.timer.start(INTERVAL_MS)

    def collect_due(self) -> None:
        """What Python would have collected by now: the young generation, and older ones in turn."""
        young, middle, old = gc.get_count()
        if young > self.threshold[0]:
            gc.collect(0)
            if middle > self.threshold[1]:
                gc.collect(1)
                if old > self.threshold[2]:
                    gc.collect(2)


def install(app: QObject) -> None:
    """Once per application."""
    if app.findChild(MainThreadCollector) is None:
        MainThreadCollector(app)
