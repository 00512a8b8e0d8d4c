"""The ordered list of schema steps this build knows.

Each step is a migration applied through ``sqlite_utils.Migrations`` (see
:mod:`cchc_desktop.store.migrations`). Steps live one per module in ``store/steps``; a module
``mNNN_name.py`` defines a function ``mNNN_name(db)`` and steps run in name order. The list is
built without importing sqlite-utils so that opening an up-to-date file stays fast. A step is
history: never edit one that has shipped; add a new module.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import Any

from cchc_desktop.store import steps as _steps_package


def _discover() -> list[Callable[[Any], None]]:
    names = sorted(m.name for m in pkgutil.iter_modules(_steps_package.__path__) if m.name[:1] == "m")
    return [getattr(importlib.import_module(f"cchc_desktop.store.steps.{name}"), name) for name in names]


STEPS: list[Callable[[Any], None]] = _discover()
STEP_NAMES: tuple[str, ...] = tuple(step.__name__ for step in STEPS)
