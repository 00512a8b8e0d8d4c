"""Shared fixtures: real SQLite workspaces in temporary folders, Qt offscreen."""

from __future__ import annotations

import gc
import os
import shutil
from pathlib import Path

import pytest

from tests.support.paths import FIXTURES

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: Fixtures shared by several folders: documents rendered once per session, a commune and its receiver.
pytest_plugins = [
    "tests.support.document_fixtures",
    "tests.support.exchange",
    "tests.support.assessment",
    "tests.support.small_disk",
    "tests.support.receiver",
    "tests.support.key_batch",
    "tests.support.signing",
    "tests.support.rollup",
]


PROFILE = {
    "unit_type": "xa",
    "name": "Kỳ Phong",
    "province_code": "42",
    "commune_code": "18544",
    "place_name": "Kỳ Phong",
    "receiver_name": "Sở Nội vụ tỉnh Hà Tĩnh",
    "receiver_level": "tinh",
    "receiver_salutation": "Sở Nội vụ tỉnh Hà Tĩnh",
    "chairman_name": "Nguyễn Văn Hùng",
    "deputies": ["Trần Thị Lan"],
    "focal_name": "Lê Thị Mai",
    "focal_title": "Công chức Văn phòng - Thống kê",
}


@pytest.fixture(autouse=True)
def _collect_between_tests():
    """Once the application has switched automatic collection off (ui/collector.py), cycles are
    collected after each test, at the top level as the app's timer does between events."""
    yield
    if not gc.isenabled():
        gc.collect()


@pytest.fixture(autouse=True)
def _own_data_folder(platformdirs_isolated):
    """Every test has its own per-user data folder: remembered settings, recent files and the default
    data file never come from the machine or from another test."""
    return platformdirs_isolated


@pytest.fixture
def ws_path(tmp_path: Path) -> Path:
    return tmp_path / "xa.sqlite"


@pytest.fixture
def ws(ws_path: Path):
    """An empty workspace with a saved unit profile."""
    from cchc_desktop.profile.model import UnitProfile
    from cchc_desktop.workspace import Workspace

    workspace = Workspace.open(ws_path, create=True)
    workspace.profile.save(UnitProfile.from_dict(PROFILE))
    yield workspace
    workspace.close()


@pytest.fixture
def small_framework():
    from cchc_desktop.framework.model import load_framework

    return load_framework(FIXTURES / "framework-small.json")


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """The demo workspace, built once per test session and copied per test."""
    from cchc_desktop.demo import create_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    create_demo(path, year=2026).close()
    return path


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, target)
    return target
