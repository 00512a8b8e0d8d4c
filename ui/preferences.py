"""What the app remembers between runs for its user: the window's size and place, the recent files,
the last screen and year, the folders last used in file dialogs.

Kept with Qt's QSettings in an INI file in the per-user data folder (``cai-dat.ini``), beside the data
and never beside the program. None of it is data: losing the file only loses these conveniences.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

from cchc_desktop.kernel.paths import data_dir

FILE_NAME = "cai-dat.ini"
RECENT_MAX = 8


def settings() -> QSettings:
    return QSettings(str(data_dir() / FILE_NAME), QSettings.Format.IniFormat)


def _list(value: object) -> list[str]:
    """QSettings gives one string for a one-item list, a list for more, None for none."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    return [str(item) for item in value]  # type: ignore[attr-defined]


# Recent files ###########################################################


def recent_files() -> list[Path]:
    """The files opened last, newest first (those still there)."""
    return [Path(p) for p in _list(settings().value("recent/files")) if Path(p).is_file()]


def remember_file(path: Path) -> None:
    resolved = str(path.resolve())
    files = [resolved, *(p for p in _list(settings().value("recent/files")) if p != resolved)]
    settings().setValue("recent/files", files[:RECENT_MAX])


def last_file() -> Path | None:
    files = recent_files()
    return files[0] if files else None


# The window #############################################################


def save_window(window: QMainWindow) -> None:
    store = settings()
    store.setValue("window/geometry", window.saveGeometry())
    store.setValue("window/state", window.saveState())


def restore_window(window: QMainWindow) -> bool:
    """Put the window where it was; False when nothing was remembered (first run)."""
    store = settings()
    geometry = store.value("window/geometry")
    if not isinstance(geometry, QByteArray) or geometry.isEmpty():
        return False
    window.restoreGeometry(geometry)
    state = store.value("window/state")
    if isinstance(state, QByteArray):
        window.restoreState(state)
    return True


# Last choices ###########################################################


def last_choice(name: str) -> str:
    value = settings().value(f"last/{name}")
    return str(value) if value is not None else ""


def remember_choice(name: str, value: object) -> None:
    settings().setValue(f"last/{name}", str(value))


def last_folder(purpose: str, default: Path) -> Path:
    """The folder a file dialog for ``purpose`` ("open", "backup", "transfer"…) used last, if it is still there."""
    chosen = last_choice(f"folder/{purpose}")
    return Path(chosen) if chosen and Path(chosen).is_dir() else default


def remember_folder(purpose: str, chosen: str | Path) -> None:
    remember_choice(f"folder/{purpose}", str(Path(chosen).parent))
