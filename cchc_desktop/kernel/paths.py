"""Where things are: bundled resources (dev tree or frozen build) and per-user data."""

from __future__ import annotations

import sys
from pathlib import Path

_REPO_ROOT = Path(__file__).resolve().parents[2]


def resources_dir() -> Path:
    """``resources/`` in the source tree, or inside the PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources"
    return _REPO_ROOT / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def data_dir() -> Path:
    """Per-user data folder (e.g. %LOCALAPPDATA%\\cchc on Windows), never next to the program."""
    from platformdirs import user_data_dir

    path = Path(user_data_dir("cchc", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_workspace_path() -> Path:
    return data_dir() / "cchc.sqlite"
