"""Background jobs: result on the UI thread, progress, cancel, errors shown once."""

from __future__ import annotations

import time

from cchc_desktop.kernel.errors import JobCancelled, ValidationError
from ui.jobs import run_job


def test_job_delivers_its_result_on_the_ui_thread(app, qtbot):
    import threading

    results = []
    main = threading.get_ident()

    def work(progress, cancelled):
        progress(1, 2)
        progress(2, 2)
        return threading.get_ident()

    job = run_job(None, "…", work, lambda r: results.append((r, threading.get_ident())))
    qtbot.waitUntil(lambda: job.done, timeout=5000)
    worker, delivered_on = results[0]
    assert worker != main and delivered_on == main


def test_cancel_stops_the_work_quietly(app, qtbot, shown_errors):
    def work(progress, cancelled):
        for step in range(200):
            if cancelled():
                raise JobCancelled()
            time.sleep(0.005)
            progress(step, 200)
        return "done"

    results = []
    job = run_job(None, "…", work, results.append)
    job.cancel()
    qtbot.waitUntil(lambda: job.done, timeout=5000)
    assert results == [] and isinstance(job.error, JobCancelled) and shown_errors == []


def test_error_is_shown_in_vietnamese(app, qtbot, shown_errors):
    def work(progress, cancelled):
        raise ValidationError("paste.empty")

    job = run_job(None, "…", work, lambda r: None)
    qtbot.waitUntil(lambda: job.done, timeout=5000)
    assert shown_errors == ["Không có dòng nào để dán. Hãy sao chép các dòng từ bảng Word hoặc Excel rồi dán lại."]
