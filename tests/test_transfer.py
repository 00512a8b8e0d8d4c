"""Moving to a new computer: the whole workspace (data, evidence, keys with the private key still
encrypted, kept packages) as one file, checked member by member when taken in; a damaged or altered
file is refused whole and leaves nothing."""

from __future__ import annotations

import json
import sqlite3
import stat
import zipfile

import pytest
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from cchc_desktop.kernel.errors import WorkspaceError
from cchc_desktop.transfer import export_workspace, import_workspace, read_summary
from cchc_desktop.workspace import Workspace
from tests.exchange.craft import build, plan_data
from tests.support.exchange import PASSPHRASE


def _dump(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def _listing(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_communes_workspace_moves_whole_with_its_encrypted_key(commune, tmp_path):
    plan = commune.plans.current(2026)
    commune.evidence.attach("plan", plan.id, data=b"%PDF-1.4 bien ban", name="Biên bản họp.pdf", year=2026)
    moved = tmp_path / "chuyen" / "xa.cchcws"
    moved.parent.mkdir()
    summary = export_workspace(commune, moved)
    assert stat.S_IMODE(moved.stat().st_mode) == 0o600
    assert (summary.evidence, summary.keys, summary.packages) == (1, 1, 0)
    assert summary.text.startswith("Ủy ban nhân dân xã Kỳ Phong — tệp «xa.sqlite», xuất lúc ")
    with zipfile.ZipFile(moved) as archive:
        assert sorted(archive.namelist()) == ["manifest.json", "workspace.sqlite"]
        database = archive.read("workspace.sqlite")
    secret = commune.exchange.unlock(PASSPHRASE).private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    assert secret not in database and b"-----BEGIN PRIVATE KEY-----" not in database  # never in clear
    new_pc = tmp_path / "may-moi" / "cchc.sqlite"
    assert read_summary(moved).unit == "Ủy ban nhân dân xã Kỳ Phong"
    import_workspace(moved, new_pc)
    assert _dump(new_pc) == _dump(commune.path)
    with Workspace.open(new_pc) as ws:
        assert ws.exchange.unlock(PASSPHRASE) is not None  # the same key, the same passphrase
        [item] = ws.evidence.for_year(2026)
        assert ws.evidence.read(item.evidence.id) == b"%PDF-1.4 bien ban"
    assert stat.S_IMODE(new_pc.stat().st_mode) == 0o600
    assert _listing(new_pc.parent) == ["cchc.sqlite"]


def test_a_receivers_kept_packages_move_with_it(receiver, commune_key, outbox, tmp_path):
    path, _ = build(outbox, commune_key, "plan", 2026, plan_data(2026))
    receiver.exchange.import_packages([path])
    moved = tmp_path / "so.cchcws"
    assert export_workspace(receiver, moved).packages == 1
    new_pc = tmp_path / "may-moi" / "so-noi-vu.sqlite"
    import_workspace(moved, new_pc)
    with Workspace.open(new_pc) as ws:
        assert [row["year"] for row in ws.exchange.received()] == [2026]
    old_store, new_store = receiver.path.parent / "so-goi-da-nhan", new_pc.parent / "so-noi-vu-goi-da-nhan"
    assert [(p.name, p.read_bytes()) for p in new_store.iterdir()] == [
        (p.name, p.read_bytes()) for p in old_store.glob("*.cchc")
    ]


def _rewritten(source, target, change) -> None:
    """A copy of the transfer file with its members passed through ``change(name, data)``."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = change(info.filename, old.read(info.filename))
            if data is not None:
                new.writestr(info.filename, data)


@pytest.fixture
def moved(ws, tmp_path):
    target = tmp_path / "xa.cchcws"
    export_workspace(ws, target)
    return target


def _flip_a_byte(name, data):
    return data[:5000] + bytes([data[5000] ^ 1]) + data[5001:] if name == "workspace.sqlite" else data


def _extra_member(name, data):
    return data


@pytest.mark.parametrize(
    "change, reason",
    [
        (_flip_a_byte, "phần «workspace.sqlite» không khớp"),
        (lambda name, data: None if name == "workspace.sqlite" else data, "không khớp"),
        (lambda name, data: data if name != "manifest.json" else b"{", "không phải tệp chuyển dữ liệu"),
        (
            lambda name, data: data if name != "manifest.json" else data.replace(b'"version": 1', b'"version": 9'),
            "phiên bản mới hơn",
        ),
    ],
)
def test_a_damaged_or_altered_file_is_refused_and_leaves_nothing(moved, tmp_path, change, reason):
    altered = tmp_path / "sua.cchcws"
    _rewritten(moved, altered, change)
    target = tmp_path / "may-moi" / "cchc.sqlite"
    target.parent.mkdir()
    with pytest.raises(WorkspaceError) as info:
        import_workspace(altered, target)
    assert reason in str(info.value)
    assert _listing(target.parent) == []


def test_a_member_not_in_the_manifest_is_refused(moved, tmp_path):
    altered = tmp_path / "them.cchcws"
    _rewritten(moved, altered, _extra_member)
    with zipfile.ZipFile(altered, "a") as archive:
        archive.writestr("packages/la.cchc", b"not listed")
    with pytest.raises(WorkspaceError, match="danh sách các phần"):
        import_workspace(altered, tmp_path / "cchc.sqlite")


def test_not_a_transfer_file_a_truncated_one_and_a_taken_name(moved, tmp_path, ws_path):
    other = tmp_path / "ghi-chu.cchcws"
    other.write_text("không phải zip")
    with pytest.raises(WorkspaceError, match="không phải tệp chuyển dữ liệu"):
        import_workspace(other, tmp_path / "a.sqlite")
    cut = tmp_path / "cut.cchcws"
    cut.write_bytes(moved.read_bytes()[: moved.stat().st_size // 2])
    with pytest.raises(WorkspaceError):
        import_workspace(cut, tmp_path / "b.sqlite")
    with pytest.raises(WorkspaceError, match="Đã có"):
        import_workspace(moved, ws_path)
    assert not (tmp_path / "a.sqlite").exists() and not (tmp_path / "b.sqlite").exists()
    assert json.loads(zipfile.ZipFile(moved).read("manifest.json"))["format"] == "cchc-workspace"
