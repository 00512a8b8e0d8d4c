"""Bundled Noto Sans for the whole UI: DejaVu, the usual Linux fallback, clips Vietnamese capitals."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from cchc_desktop.kernel.paths import resource_path

UI_FAMILY = "Noto Sans"
_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf")


def install_ui_font(app: QApplication, point_size: int = 10) -> str:
    """Register the bundled font files and make the family the application default."""
    family = UI_FAMILY
    for name in _FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            family = families[0]
    app.setFont(QFont(family, point_size))
    return family
