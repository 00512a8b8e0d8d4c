"""Where things are: bundled resources (dev tree or frozen build) and per-user data."""

from __future__ import annotations

import sys
from pathlib import Path

from cchc_desktop.kernel.private import private_folder, tighten_folder

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

    path = private_folder(Path(user_data_dir("cchc", appauthor=False)))
    tighten_folder(path)  # created open by an earlier version: the data folder is the user's alone
    return path


def default_workspace_path() -> Path:
    return data_dir() / "cchc.sqlite"
