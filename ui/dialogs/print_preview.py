"""Showing and printing a rendered document, and telling the user where it was saved.

Preview and printing use the system's PDF viewer: the PDF is written to a preview folder and
opened with ``QDesktopServices.openUrl``; the viewer shows every page exactly as printed and
prints with the printer's own dialog. (An in-app preview would need QtPdf, which
PySide6-Essentials does not ship, or a PDF rasteriser at runtime.)

The file dialog and the system viewer are reached through this module's functions so tests
can stand in for the user.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cchc_desktop.kernel.i18n import tr

PREVIEW_FOLDER = "cchc-xem-truoc"
#: Preview files older than this are removed the next time a preview is made.
PREVIEW_KEEP_SECONDS = 24 * 3600


def ask_save_path(parent: QWidget | None, title: str, suggested: Path, file_filter: str) -> Path | None:
    """The file the user chooses to save to; None when they cancel."""
    path, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
    return Path(path) if path else None


def open_path(path: Path) -> bool:
    """Open a file or folder with the system's program for it (PDF viewer, Excel, file manager)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def preview_folder() -> Path:
    folder = Path(tempfile.gettempdir()) / PREVIEW_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def preview_path(file_name: str) -> Path:
    """A fresh name in the preview folder (a viewer may still hold the previous one open)."""
    folder = preview_folder()
    _forget_old_previews(folder)
    stem, _, extension = file_name.rpartition(".")
    stamp = dt.datetime.now().strftime("%H%M%S")
    candidate = folder / f"{stem}-{stamp}.{extension}"
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = folder / f"{stem}-{stamp}-{counter}.{extension}"
    return candidate


def _forget_old_previews(folder: Path) -> None:
    limit = time.time() - PREVIEW_KEEP_SECONDS
    for old in folder.glob("*"):
        try:
            if old.is_file() and old.stat().st_mtime < limit:
                old.unlink()
        except OSError:
            pass  # still open in a viewer; removed another time


class SavedDialog(QDialog):
    """ "Đã lưu …" with [Mở tệp] [Mở thư mục] [Đóng]."""

    def __init__(self, path: Path, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.setWindowTitle(tr("app.name"))
        self.message = QLabel(tr("ui.print.saved", what=what, path=str(path)))
        self.message.setWordWrap(True)
        self.open_file_button = QPushButton(tr("ui.print.open_file"))
        self.open_file_button.clicked.connect(self.open_file)
        self.open_folder_button = QPushButton(tr("ui.print.open_folder"))
        self.open_folder_button.clicked.connect(self.open_folder)
        close = QPushButton(tr("ui.close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.open_file_button, self.open_folder_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.open_file_button.setDefault(True)

    def open_file(self) -> None:
        show_opened(self.parentWidget(), self.path)
        self.accept()

    def open_folder(self) -> None:
        show_opened(self.parentWidget(), self.path.parent)
        self.accept()


def show_opened(parent: QWidget | None, path: Path) -> bool:
    """Open ``path``; say so when the system has no program for it."""
    if open_path(path):
        return True
    from ui.errors import presenter

    presenter(parent, tr("ui.print.no_viewer", path=str(path)))
    return False
