"""Trợ giúp → Giới thiệu: version, where the data is, and every bundled part with its licence text."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from cchc_desktop import __version__


def test_about_shows_the_version_the_data_folder_and_the_licences(app, qtbot):
    from ui.dialogs.about_dialog import AboutDialog

    dialog = AboutDialog("/thu-muc/du-lieu")
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert f"Phiên bản {__version__}" in texts and "«/thu-muc/du-lieu»" in texts
    names = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]
    assert names[:2] == ["Noto Sans (giao diện)", "Liberation Serif (văn bản in)"]
    assert "vietnam-provinces" in names and "PySide6-Essentials" in names
    assert "SIL OPEN FONT LICENSE" in dialog.text.toPlainText().upper()
    row = names.index("vietnam-provinces")
    dialog.table.selectRow(row)
    assert dialog.table.item(row, 2).text() == "GPL-3.0-or-later"
    assert "GNU GENERAL PUBLIC LICENSE" in dialog.text.toPlainText()
