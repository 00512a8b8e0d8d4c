"""Guards against a Qt binding that corrupts Python's reference counts.

PySide6 6.12.0 drops one reference to ``True`` every time a signal reaches a Python slot, so a
long working session ends in a crash ("bool_dealloc"). The pinned version must not do that.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal()
    carried = Signal(object)


def test_signals_to_python_slots_keep_reference_counts(qapp):
    emitter = _Emitter()
    received = []
    emitter.fired.connect(lambda: received.append(1))
    emitter.carried.connect(received.append)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(500):
        emitter.fired.emit()
        emitter.carried.emit(None)
    assert len(received) == 1000
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert abs(after[0] - before[0]) < 50 and abs(after[1] - before[1]) < 50
