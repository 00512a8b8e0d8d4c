"""Small questions to the user (pick a file, confirm, give a reason), in one replaceable place.

Screens call these through the module (``asking.confirm(...)``) so tests can answer for the
user without opening a dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from cchc_desktop.kernel.i18n import tr


def open_file(parent: QWidget | None, title: str, filters: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return path or None


def open_files(parent: QWidget | None, title: str, filters: str) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, "", filters)
    return list(paths)


def choose_folder(parent: QWidget | None, title: str, start: str = "") -> str | None:
    path = QFileDialog.getExistingDirectory(parent, title, start)
    return path or None


def confirm(parent: QWidget | None, text: str) -> bool:
    answer = QMessageBox.question(parent, tr("app.name"), text)
    return answer == QMessageBox.StandardButton.Yes


def ask_text(parent: QWidget | None, title: str, label: str) -> str | None:
    """A short free text (a reason); None when the user cancels."""
    text, ok = QInputDialog.getMultiLineText(parent, title, label)
    return text if ok else None


def choose(parent: QWidget | None, title: str, label: str, items: list[str]) -> int | None:
    """The index of the item the user picks; None when cancelled."""
    if not items:
        return None
    item, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return items.index(item) if ok and item in items else None


def open_url(url: QUrl) -> bool:
    """Open a file with the system's viewer (PDF reader, image viewer, Word…)."""
    return QDesktopServices.openUrl(url)
