"""Cycles are collected by the UI thread between events, never in the middle of Qt's own work."""

from __future__ import annotations

import gc


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_automatic_collection_is_off_and_the_event_loop_collects(app, qtbot):
    import weakref

    from ui.collector import INTERVAL_MS, MainThreadCollector

    assert not gc.isenabled() and app.findChild(MainThreadCollector) is not None
    gc.collect()
    cycle = _Cycle()
    gone = weakref.ref(cycle)
    del cycle
    # Well past the threshold: objects freed meanwhile (by the wait itself) lower the young count.
    for _ in range(gc.get_threshold()[0] * 5):
        _Cycle()
    assert gone() is not None  # nothing collects behind the event loop's back
    qtbot.waitUntil(lambda: gone() is None, timeout=INTERVAL_MS * 20)
