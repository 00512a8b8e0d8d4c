"""Small bundled icons (cheaper to load at start-up than the style's standard icons)."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from cchc_desktop.kernel.paths import resource_path


@cache
def icon(name: str) -> QIcon:
    return QIcon(str(resource_path("icons", f"{name}.png")))


def problem_icon(blocking: bool) -> QIcon:
    return icon("error" if blocking else "warning")
