"""GUI fixtures: the real main window over a real workspace, offscreen."""

from __future__ import annotations

import pytest


@pytest.fixture
def shown_errors(monkeypatch):
    """Collect error dialogs instead of opening them."""
    import ui.errors

    messages: list[str] = []
    monkeypatch.setattr(ui.errors, "presenter", lambda parent, message: messages.append(message))
    return messages


@pytest.fixture
def app(qapp):
    from ui.app import create_application

    return create_application()


@pytest.fixture
def draft_plan(ws, small_framework):
    return ws.plans.create(2026, "framework", small_framework)


@pytest.fixture
def window(app, qtbot, ws, draft_plan, shown_errors):
    from ui.main_window import MainWindow
    from ui.session import Session

    win = MainWindow(Session(ws))
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitActive(win)
    win.set_year(2026)
    yield win
    from ui.jobs import running_jobs

    qtbot.waitUntil(lambda: running_jobs() == 0, timeout=10000)  # e.g. the daily backup


@pytest.fixture
def demo_window(app, qtbot, demo_path, shown_errors):
    """The main window over the demo commune, on 2026."""
    from cchc_desktop.workspace import Workspace
    from ui.main_window import MainWindow
    from ui.session import Session

    ws = Workspace.open(demo_path)
    win = MainWindow(Session(ws))
    qtbot.addWidget(win)
    win.show()
    win.set_year(2026)
    yield win
    ws.close()
