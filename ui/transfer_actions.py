"""Tệp → Chuyển sang máy khác: export the whole workspace as one file, and take such a file in on the
new computer (checked whole first, then opened). Both run off the UI thread with progress."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.paths import data_dir, default_workspace_path
from cchc_desktop.transfer import (
    SUFFIX,
    TransferSummary,
    default_name,
    export_workspace,
    import_workspace,
    read_summary,
)
from cchc_desktop.workspace import Workspace
from ui import preferences
from ui.jobs import run_job
from ui.widgets import asking

if TYPE_CHECKING:
    from ui.main_window import MainWindow

FILTER_KEY = "ui.transfer.filter"


def export_all(window: MainWindow) -> None:
    if window.session is None:
        return
    source = window.session.ws.path
    suggested = str(preferences.last_folder("transfer", Path.home()) / default_name(window.session.ws))
    chosen, _ = QFileDialog.getSaveFileName(window, tr("ui.transfer.export.title"), suggested, tr(FILTER_KEY))
    if not chosen:
        return
    preferences.remember_folder("transfer", chosen)
    target = Path(chosen if chosen.endswith(SUFFIX) else chosen + SUFFIX)

    def work(progress, cancelled) -> TransferSummary:
        with Workspace.open(source) as own:  # never the window's connection
            return export_workspace(own, target, progress, cancelled)

    def done(summary: TransferSummary) -> None:
        asking.inform(window, tr("ui.transfer.exported", file=str(target), summary=summary.text))

    window.export_job = run_job(window, tr("ui.transfer.exporting"), work, done)


def import_all(window: MainWindow) -> None:
    chosen = asking.open_file(window, tr("ui.transfer.import.title"), tr(FILTER_KEY))
    if not chosen or window.session is None:
        return
    source = Path(chosen)
    summary = window.session.call(window, lambda: read_summary(source))
    if summary is None:
        return
    target = _target(window, summary)
    if target is None or not asking.confirm(window, tr("ui.transfer.confirm", summary=summary.text, path=str(target))):
        return
    window.import_job = run_job(
        window,
        tr("ui.transfer.importing"),
        lambda progress, cancelled: import_workspace(source, target, progress, cancelled),
        lambda _: window.switch_workspace(target),
    )


def _target(window: MainWindow, summary: TransferSummary) -> Path | None:
    """Where the moved workspace goes: the usual data file when this computer has none yet, or a name
    the user gives (never over an existing file)."""
    usual = default_workspace_path()
    if Workspace.is_free(usual):
        return usual
    suggested = str(data_dir() / (Path(summary.source_file).stem or "cchc"))
    chosen, _ = QFileDialog.getSaveFileName(window, tr("ui.transfer.target.title"), suggested, tr("ui.open.filter"))
    if not chosen:
        return None
    return Path(chosen if chosen.endswith((".sqlite", ".db")) else chosen + ".sqlite")
