"""The core never loads Qt or the ui package, even indirectly (style guide R1)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import cchc_desktop
from tests.support.paths import ROOT


def _core_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(cchc_desktop.__path__, "cchc_desktop."))


def test_every_core_module_imports_without_qt():
    modules = _core_modules()
    assert len(modules) > 20
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'ui'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_opening_a_workspace_does_not_import_sqlite_utils(tmp_path):
    """Start-up stays fast: an up-to-date file opens without importing sqlite-utils."""
    path = tmp_path / "w.sqlite"
    from cchc_desktop.workspace import Workspace

    Workspace.open(path, create=True).close()
    script = (
        "import sys\n"
        "from cchc_desktop.workspace import Workspace\n"
        f"Workspace.open({str(path)!r}).close()\n"
        "print('sqlite_utils' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
