"""The ordered list of schema steps this build knows.

Each step is a migration applied through ``sqlite_utils.Migrations`` (see
:mod:`cchc_desktop.store.migrations`). Steps live one per module in ``store/steps``; module
``mNNN_name.py`` defines a function ``mNNN_name(db)``. The list is built without importing
sqlite-utils so that opening an up-to-date file stays fast. A step is history: never edit one
that has shipped; add a new module and append its name here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

STEP_MODULES = ("m001_initial", "m002_reports", "m003_assessment", "m004_exchange")


def _load() -> list[Callable[[Any], None]]:
    steps = []
    for name in STEP_MODULES:
        try:
            module = importlib.import_module(f"cchc_desktop.store.steps.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"cchc_desktop.store.steps.{name}":
                raise
            continue
        steps.append(getattr(module, name))
    return steps


STEPS: list[Callable[[Any], None]] = _load()
STEP_NAMES: tuple[str, ...] = tuple(step.__name__ for step in STEPS)
