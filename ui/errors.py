"""The one place that shows errors: typed core errors as their Vietnamese message."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from cchc_desktop.kernel.errors import CchcError, JobCancelled
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.unit_file import UnitFile

log = logging.getLogger(__name__)


#: The open workspace file (set by the main window): an unexpected error met while working on it may
#: be the file's or the disk's fault (damaged, read-only, full), which is then said as such.
workspace_path: Path | None = None


def message_for(exc: BaseException) -> str:
    if isinstance(exc, CchcError):
        return str(exc)
    explained = UnitFile.explain_fault(exc, workspace_path) if workspace_path is not None else None
    if explained is not None:
        return str(explained)
    return tr("error.unexpected", detail=f"{type(exc).__name__}: {exc}")


def _message_box(parent: QWidget | None, message: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, tr("ui.error.title"), message, QMessageBox.StandardButton.Ok, parent)
    box.exec()


#: How errors reach the user; tests replace it to collect messages instead of opening a box.
presenter: Callable[[QWidget | None, str], None] = _message_box


def show_error(parent: QWidget | None, exc: BaseException, *, inline: bool = False) -> None:
    """Show ``exc`` to the user; unexpected errors are also logged with their traceback.

    ``inline`` errors (a mistyped cell or field) go to the window's message bar, so nothing
    modal interrupts typing; explicit commands get a dialog.
    """
    if isinstance(exc, JobCancelled):
        return
    if not isinstance(exc, CchcError):
        log.error("unexpected error\n%s", "".join(traceback.format_exception(exc)))
    message = message_for(exc)
    bar = _message_bar(parent) if inline else None
    if bar is not None:
        bar.show_message(message)
    else:
        presenter(parent, message)


def _message_bar(parent: QWidget | None):
    from ui.widgets.message_bar import MessageBar

    window = parent.window() if parent is not None else None
    return window.findChild(MessageBar) if window is not None else None
