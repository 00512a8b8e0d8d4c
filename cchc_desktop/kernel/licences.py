"""The licences of what the app ships (resources/licences/, collected by scripts/collect_licences.py):
fonts, Python, Qt, SQLite, the exe's bootloader and every runtime package, each with its text."""

from __future__ import annotations

import json
from dataclasses import dataclass

from cchc_desktop.kernel.paths import resource_path

GROUPS = ("fonts", "components", "packages")


@dataclass(frozen=True)
class Licence:
    group: str
    name: str
    version: str
    licence: str
    file: str

    def text(self) -> str:
        return resource_path("licences", self.file).read_text(encoding="utf-8")


def bundled_licences() -> list[Licence]:
    index = json.loads(resource_path("licences", "index.json").read_text(encoding="utf-8"))
    return [
        Licence(group, entry["name"], entry["version"], entry["licence"], entry["file"])
        for group in GROUPS
        for entry in index[group]
    ]
