"""Small bundled icons (cheaper to load at start-up than the style's standard icons)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from cchc_desktop.kernel.paths import resource_path


@cache
def icon(name: str) -> QIcon:
    return QIcon(str(resource_path("icons", f"{name}.png")))


def app_icon() -> QIcon:
    """The app's icon for its windows, in the sizes drawn for them (scripts/make_icon.py)."""
    result = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        result.addFile(str(resource_path("icons", f"cchc-{size}.png")), QSize(size, size))
    return result


def problem_icon(blocking: bool) -> QIcon:
    return icon("error" if blocking else "warning")
