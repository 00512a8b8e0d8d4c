"""The ordered list of schema steps this build knows.

Each step is a migration applied through ``sqlite_utils.Migrations`` (see
:mod:`cchc_desktop.store.migrations`). The list is importable without sqlite-utils so that
opening an up-to-date file stays fast. A step is history: never edit one that has shipped;
add a new module under ``store/steps`` and append it here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cchc_desktop.store.steps.m001_initial import m001_initial

STEPS: list[Callable[[Any], None]] = [m001_initial]
STEP_NAMES: tuple[str, ...] = tuple(step.__name__ for step in STEPS)
