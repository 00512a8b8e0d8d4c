"""The PyInstaller spec parses, names only modules and resources that exist, and reads the one version;
it builds the windowed app and its console twin, both in UTF-8 mode, into one folder."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from tests.support.paths import ROOT


class _Recorder:
    def __init__(self) -> None:
        self.calls: dict[str, tuple] = {}
        self.all_calls: dict[str, list[tuple]] = {}

    def make(self, name: str):
        def record(*args, **kwargs):
            self.calls[name] = (args, kwargs)
            self.all_calls.setdefault(name, []).append((args, kwargs))
            return SimpleNamespace(
                pure=[], scripts=[], binaries=[], datas=kwargs.get("datas", []), name=kwargs.get("name")
            )

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
    exes = {kwargs["name"]: (args, kwargs) for args, kwargs in _run_spec().all_calls["EXE"]}
    app_args, app = exes["cchc"]
    assert app["console"] is False and app["upx"] is False and app["exclude_binaries"]
    cli_args, cli = exes["cchc-cli"]  # the console twin: output shows in cmd
    assert cli["console"] is True and cli["upx"] is False and cli["exclude_binaries"]
    # UTF-8 mode in both exes ("X utf8"; "X utf8_mode=1" would be silently ignored).
    assert ("X utf8", None, "OPTION") in app_args[2] and ("X utf8", None, "OPTION") in cli_args[2]
    assert app["icon"] == cli["icon"] and app["icon"].endswith("cchc.ico") and Path(app["icon"]).is_file()
    collected = calls["COLLECT"][0]
    assert {getattr(item, "name", None) for item in collected} >= {"cchc", "cchc-cli"}
    assert calls["COLLECT"][1]["upx"] is False


def test_version_resource_numbers():
    namespace = {"SPECPATH": str(ROOT), "__file__": str(ROOT / "build.spec")}
    namespace.update({name: _Recorder().make(name) for name in ("Analysis", "PYZ", "EXE", "COLLECT")})
    exec(compile((ROOT / "build.spec").read_text(encoding="utf-8"), "build.spec", "exec"), namespace)
    assert namespace["_version_numbers"]("0.1.0") == (0, 1, 0, 0)
    assert namespace["_version_numbers"]("1.2.3rc1") == (1, 2, 3, 0)


def test_unused_qt_parts_are_left_out_and_the_used_ones_kept():
    namespace = {"SPECPATH": str(ROOT), "__file__": str(ROOT / "build.spec")}
    namespace.update({name: _Recorder().make(name) for name in ("Analysis", "PYZ", "EXE", "COLLECT")})
    exec(compile((ROOT / "build.spec").read_text(encoding="utf-8"), "build.spec", "exec"), namespace)
    unused = namespace["_unused_qt_file"]
    for dest in (
        "PySide6/opengl32sw.dll",
        "PySide6/Qt6Network.dll",
        "PySide6/Qt6Pdf.dll",
        "PySide6/translations/qtbase_vi.qm",
        "PySide6/plugins/imageformats/qsvg.dll",
        "PySide6/plugins/tls/qschannelbackend.dll",
    ):
        assert unused(dest), dest
    for dest in (
        "PySide6/Qt6Core.dll",
        "PySide6/Qt6Gui.dll",
        "PySide6/Qt6Widgets.dll",
        "PySide6/QtWidgets.pyd",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/plugins/styles/qmodernwindowsstyle.dll",
        "PySide6/plugins/imageformats/qjpeg.dll",
        "PySide6/plugins/imageformats/qico.dll",
        "resources/fonts/NotoSans-Regular.ttf",
    ):
        assert not unused(dest), dest


def test_no_module_needs_to_be_named_by_hand():
    """Every module is reachable by static imports from main.py, so the spec names none."""
    _, kwargs = _run_spec().calls["Analysis"]
    assert kwargs["hiddenimports"] == []


def test_the_installer_and_uninstaller_carry_the_app_icon():
    script = (ROOT / "packaging" / "windows" / "installer.nsi").read_text(encoding="utf-8")
    for define in ("MUI_ICON", "MUI_UNICON"):
        line = next(line for line in script.splitlines() if line.startswith(f"!define {define} "))
        relative = line.split('"')[1]  # makensis works in the script's folder
        assert (ROOT / "packaging" / "windows" / relative).resolve() == ROOT / "resources" / "icons" / "cchc.ico"


def test_the_icon_holds_every_size_windows_asks_for():
    from PIL import Image

    with Image.open(ROOT / "resources" / "icons" / "cchc.ico") as icon:
        assert {(16, 16), (24, 24), (32, 32), (48, 48), (256, 256)} <= icon.info["sizes"]
