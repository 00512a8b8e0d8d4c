"""Long work off the UI thread, with a progress dialog and a Cancel button.

``run_job(parent, title, work, on_done)`` runs ``work(progress, cancelled)`` in a worker
thread. ``progress(done, total)`` moves the bar; ``cancelled()`` turns true when the user
presses Cancel, and core work then raises ``JobCancelled``. The result (or the error) comes
back to the UI thread: ``on_done(result)`` runs there, errors go to the one error display.

Work must not touch the UI or the UI's database connection: read what it needs first (a
plain model), or open its own connection to the workspace file.

The worker is a plain Python thread, not a QRunnable: the thread pool deletes a finished runnable's
C++ object on its own thread behind Python's back, and collecting its wrapper later crashed the app.
Signals emitted from the thread reach the job on the UI thread, queued.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from cchc_desktop.kernel.errors import JobCancelled
from cchc_desktop.kernel.i18n import tr
from ui.errors import show_error

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class _Signals(QObject):
    progressed = Signal(int, int)
    ended = Signal()  # the result or the error waits on the runnable: no Python object crosses threads


class _Runnable:
    """The work on its own thread. What it returns or raises is kept here and read on the UI thread
    once ``ended`` arrives: only integers travel through Qt's queued signals."""

    def __init__(self, work: Work, signals: _Signals, stop: threading.Event) -> None:
        self.work, self.signals, self.stop = work, signals, stop
        self.thread: threading.Thread | None = None
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self.work(self.signals.progressed.emit, self.stop.is_set)
        except BaseException as exc:
            self.error = exc
        self.signals.ended.emit()

    def start(self) -> None:
        # Not a daemon: quitting waits for a package or a backup being written, as the pool did.
        self.thread = threading.Thread(target=self.run, name="cchc-job")
        self.thread.start()

    def join(self) -> None:
        """Wait for the thread to leave ``run`` (it has just emitted ``ended``): its references then
        drop there while the job still holds the signals, so no Qt object is freed off the UI thread."""
        if self.thread is not None:
            self.thread.join(timeout=5)

    def outcome(self) -> tuple[Any, BaseException | None]:
        self.join()
        return self.result, self.error


class Job(QObject):
    """A running job; keeps its signals and dialog alive until it ends."""

    finished = Signal()

    def __init__(self, parent: QWidget | None, title: str, work: Work, on_done: Callable[[Any], None]) -> None:
        super().__init__(parent)
        self.stop = threading.Event()
        self.on_done = on_done
        self.parent_widget = parent
        self.dialog = QProgressDialog(title, tr("ui.cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(tr("app.name"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(400)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self.signals = _Signals()
        self.signals.progressed.connect(self._progress)
        self.signals.ended.connect(self._ended)
        self.runnable = _Runnable(work, self.signals, self.stop)
        self.done = False
        self.error: BaseException | None = None

    def start(self) -> Job:
        _running.add(self)
        self.runnable.start()
        return self

    def cancel(self) -> None:
        self.stop.set()
        self.dialog.setLabelText(tr("ui.job.cancelling"))

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def _ended(self) -> None:
        result, error = self.runnable.outcome()
        if error is None:
            self._succeeded(result)
        else:
            self._failed(error)

    def _succeeded(self, result: Any) -> None:
        self._end()
        self.on_done(result)

    def _failed(self, exc: BaseException) -> None:
        self.error = exc
        self._end()
        if not isinstance(exc, JobCancelled):
            show_error(self.parent_widget, exc)

    def _end(self) -> None:
        self.done = True
        self.dialog.close()
        _running.discard(self)
        self.finished.emit()


_running: set[Job] = set()


def run_job(parent: QWidget | None, title: str, work: Work, on_done: Callable[[Any], None]) -> Job:
    """Start ``work`` in the background; returns the job (tests may wait on ``job.finished``)."""
    return Job(parent, title, work, on_done).start()


def running_jobs() -> int:
    return len(_running)


class _QuietJob(QObject):
    """Background work nobody waits for (a daily backup): no dialog; a failure is only logged."""

    def __init__(self, work: Work, on_done: Callable[[Any], None] | None) -> None:
        super().__init__()
        self.signals = _Signals()
        self.signals.ended.connect(self._ended)
        self.on_done = on_done
        self.done = False
        self.runnable = _Runnable(work, self.signals, threading.Event())

    def _ended(self) -> None:
        result, error = self.runnable.outcome()
        self.done = True
        _running.discard(self)
        if error is not None:
            import logging

            logging.getLogger(__name__).warning("background work failed: %s", error)
        elif self.on_done:
            self.on_done(result)


def run_quiet(work: Work, on_done: Callable[[Any], None] | None = None) -> _QuietJob:
    job = _QuietJob(work, on_done)
    _running.add(job)
    job.runnable.start()
    return job
