"""Every screen fits a 1366×768 office screen (the window's minimum size stays within it)."""

from __future__ import annotations

from pathlib import Path


def test_every_screen_fits_1366x768(app, qtbot, demo_path):
    from ui.app import attach_workspace
    from ui.main_window import SCREENS, MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    ws = attach_workspace(window, Path(demo_path))
    window.set_year(2026)
    too_big = {}
    for row, (key, _, _) in enumerate(SCREENS):
        window.nav.setCurrentRow(row)
        hint = window.minimumSizeHint()
        if hint.width() > 1366 or hint.height() > 740:
            too_big[key] = (hint.width(), hint.height())
    from ui.jobs import running_jobs

    qtbot.waitUntil(lambda: running_jobs() == 0, timeout=10000)
    ws.close()
    assert too_big == {}
