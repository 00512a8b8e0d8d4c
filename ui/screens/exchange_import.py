"""Nhận gói, for whichever unit the file is: a dry run on a worker thread, the preview, then the import.

A receiving unit takes its communes' packages; a commune takes what its superior sends down. Both panels
mix this in; each says what to do with the result (``_imported``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from cchc_desktop.kernel.i18n import tr
from ui.dialogs.import_preview import ImportPreviewDialog
from ui.jobs import run_job


def import_work(db_path: Path, paths: list[Path], dry_run: bool):
    """The import, on a worker thread, with its own connection to the file."""
    from cchc_desktop.workspace import Workspace

    def work(progress, cancelled):
        with Workspace.open(db_path) as own:
            return own.exchange.import_packages(paths, dry_run=dry_run, progress=progress, cancelled=cancelled)

    return work


class PackageImport:
    """Mixed into a panel that has ``session``, ``ws``, ``job``, ``dialog`` and ``_imported(batch)``."""

    def choose_files(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(
            self, tr("ui.exchange.import.files"), str(Path.home()), tr("ui.exchange.import.filter")
        )
        if chosen:
            self.import_paths([Path(p) for p in chosen])

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, tr("ui.exchange.import.folder"), str(Path.home()))
        if chosen:
            self.import_paths([Path(chosen)])

    def import_paths(self, paths: list[Path]) -> None:
        """Preview first (a dry run on a worker thread), then apply what the user accepts."""
        self.job = run_job(
            self,
            tr("ui.exchange.import.checking"),
            import_work(self.ws.path, paths, True),
            lambda batch: self._preview(batch, paths),
        )

    def _preview(self, batch, paths: list[Path]) -> None:
        self.dialog = ImportPreviewDialog(self, batch)
        self.dialog.accepted.connect(lambda: self._apply(paths))
        self.dialog.open()

    def _apply(self, paths: list[Path]) -> None:
        self.job = run_job(
            self, tr("ui.exchange.import.running"), import_work(self.ws.path, paths, False), self._imported
        )

    # Drag and drop ######################################################

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)
