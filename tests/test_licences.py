"""Every runtime pin, Python, Qt, SQLite, the bootloader and the fonts have their licence named and its
text shipped (resources/licences, made by scripts/collect_licences.py): a pin changed without collecting
again fails here."""

from __future__ import annotations

import re

from cchc_desktop.kernel.licences import bundled_licences
from tests.support.paths import ROOT


def _pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        match = re.match(r"\s*([A-Za-z0-9_.-]+)==([^\s#]+)", line)
        if match:
            pins[match[1]] = match[2]
    return pins


def test_every_runtime_pin_has_its_licence_and_text_at_the_pinned_version():
    shipped = {item.name: item for item in bundled_licences() if item.group == "packages"}
    assert {name: item.version for name, item in shipped.items()} == _pins()
    for item in shipped.values():
        assert item.licence and item.licence != "?", item.name
        assert len(item.text()) > 200, item.name


def test_the_other_components_and_fonts_are_named_with_their_licence():
    others = {item.name: item.licence for item in bundled_licences() if item.group != "packages"}
    assert others["Python"] == "PSF-2.0" and others["Qt (QtCore, QtGui, QtWidgets)"] == "LGPL-3.0-only"
    assert others["Noto Sans (giao diện)"] == others["Liberation Serif (văn bản in)"] == "OFL-1.1"
    assert "Bootloader-exception" in others["PyInstaller bootloader (cchc.exe, cchc-cli.exe)"]
    qt = next(item for item in bundled_licences() if item.name.startswith("Qt"))
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in qt.text() and "GNU GENERAL PUBLIC LICENSE" in qt.text()
    assert all(item.text() for item in bundled_licences())
