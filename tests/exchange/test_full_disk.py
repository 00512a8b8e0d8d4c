"""A disk that fills up during an export or an import (a real, small tmpfs): never a traceback, never a
package on the stick without its revision in the outbox, never debris at the receiver."""

from __future__ import annotations

import json
import zipfile

from cchc_desktop.exchange.import_errors import ImportWriteError
from cchc_desktop.kernel.errors import CchcError
from cchc_desktop.workspace import Workspace
from tests.exchange.craft import build, plan_data
from tests.support.exchange import PASSPHRASE

#: Free bytes left on the disk before each attempt: from nothing to more than a package and its records.
FREE = (0, 4096, 8192, 16384, 32768, 49152, 65536, 98304, 131072, 196608, 262144, 393216)


def _manifest(path) -> dict:
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("manifest.json"))


def test_a_full_disk_during_export_never_leaves_a_package_without_its_revision(commune, small_disk):
    db = commune.backup_to(small_disk.root / "xa.sqlite")
    usb = small_disk.root / "usb"
    usb.mkdir()
    ws = Workspace.open(db)
    failures = 0
    try:
        for free in FREE:
            small_disk.leave_free(free)
            try:
                ws.exchange.export("plan", 2026, None, usb, PASSPHRASE)
            except CchcError:
                failures += 1
            small_disk.release()
            recorded = {row["package_id"]: row["revision"] for row in ws.exchange.outbox()}
            written = [_manifest(path) for path in usb.glob("*.cchc")]
            assert all(recorded.get(m["package_id"]) == m["revision"] for m in written), free
            assert [p.name for p in usb.iterdir() if not p.name.endswith(".cchc")] == []  # no half-written file
        last = ws.exchange.export("plan", 2026, None, usb, PASSPHRASE)
        assert last.manifest.revision > max(m["revision"] for m in written)
        assert ws.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        ws.close()
    assert failures >= 3  # the disk really was full for several attempts


def test_a_full_disk_during_import_is_a_refusal_that_leaves_nothing(receiver, commune_key, small_disk, tmp_path):
    packages = [
        build(tmp_path / "usb", commune_key, "plan", year, plan_data(year, tasks=20))[0] for year in (2026, 2027, 2028)
    ]
    db = small_disk.root / "so" / "so.sqlite"
    db.parent.mkdir()
    receiver.backup_to(db)
    ws = Workspace.open(db)
    refusals = 0
    try:
        for free in FREE:
            small_disk.leave_free(free)
            batch = ws.exchange.import_packages(packages)
            small_disk.release()
            for outcome in batch.outcomes:
                assert outcome.status in ("imported", "already") or isinstance(outcome.error, ImportWriteError), (
                    free,
                    outcome.line,
                )
                refusals += outcome.refused
            _check_no_debris(ws)
        assert {o.status for o in ws.exchange.import_packages(packages).outcomes} <= {"imported", "already"}
        assert ws.conn.execute("SELECT count(*) FROM received_packages").fetchone()[0] == 3
    finally:
        ws.close()
    assert refusals >= 3


def _check_no_debris(ws: Workspace) -> None:
    assert ws.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    named = {row[0] for row in ws.conn.execute("SELECT stored_file FROM received_packages")}
    store = ws.path.parent / f"{ws.path.stem}-goi-da-nhan"
    kept = {p.name for p in store.iterdir()} if store.exists() else set()
    assert kept == named, "a kept file for every package recorded, and nothing else"
    backups = ws.path.parent / "backups"
    parts = [p.name for p in backups.iterdir() if not p.name.endswith(".sqlite")] if backups.exists() else []
    assert parts == []
    batches = ws.conn.execute("SELECT count(DISTINCT batch) FROM import_log").fetchone()[0]
    assert len(list(backups.glob("*.sqlite"))) <= batches, "a backup only for a batch that applied something"
