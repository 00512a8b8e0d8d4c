"""The PyInstaller spec parses, names only modules and resources that exist, and reads the one version."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from tests.support.paths import ROOT


class _Recorder:
    def __init__(self) -> None:
        self.calls: dict[str, tuple] = {}

    def make(self, name: str):
        def record(*args, **kwargs):
            self.calls[name] = (args, kwargs)
            return SimpleNamespace(pure=[], scripts=[], binaries=[], datas=kwargs.get("datas", []))

        return record


def _run_spec() -> _Recorder:
    recorder = _Recorder()
    namespace = {"SPECPATH": str(ROOT), "__file__": str(ROOT / "build.spec")}
    namespace.update({name: recorder.make(name) for name in ("Analysis", "PYZ", "EXE", "COLLECT")})
    exec(compile((ROOT / "build.spec").read_text(encoding="utf-8"), "build.spec", "exec"), namespace)
    return recorder


def test_spec_builds_a_windowed_onedir_app_with_all_resources():
    calls = _run_spec().calls
    args, kwargs = calls["Analysis"]
    datas = kwargs["datas"]
    assert any(src.endswith("LiberationSerif-Regular.ttf") for src, _ in datas)
    assert any(src.endswith("LICENSE-NotoSans.txt") for src, _ in datas)
    assert any(src.endswith("commune-default.json") for src, _ in datas)
    assert all(Path(src).is_file() for src, _ in datas)
    exe_kwargs = calls["EXE"][1]
    assert exe_kwargs["console"] is False and exe_kwargs["upx"] is False and exe_kwargs["exclude_binaries"]
    assert "COLLECT" in calls


def test_no_module_needs_to_be_named_by_hand():
    """Every module is reachable by static imports from main.py, so the spec names none."""
    _, kwargs = _run_spec().calls["Analysis"]
    assert kwargs["hiddenimports"] == []
