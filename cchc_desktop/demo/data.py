"""Dữ liệu mẫu: the fictional commune's facts (``resources/demo/demo-commune.json``)."""

from __future__ import annotations

import json
from typing import Any

from cchc_desktop.kernel.paths import resource_path
from cchc_desktop.kernel.text import fold

DEMO_FILE = ("demo", "demo-commune.json")


def load_demo_data() -> dict[str, Any]:
    return json.loads(resource_path(*DEMO_FILE).read_text(encoding="utf-8"))


def match_task(tasks: list, needle: str) -> Any:
    """The one task whose content contains ``needle`` (diacritics ignored)."""
    folded = fold(needle)
    found = [t for t in tasks if folded in fold(t.content)]
    if len(found) != 1:
        raise ValueError(f"demo override must match one task: {needle!r} matched {len(found)}")
    return found[0]
