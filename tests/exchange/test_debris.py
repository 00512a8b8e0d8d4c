"""What a killed import leaves — its private copies and a kept file it never recorded — is removed on the
next start; a batch still running, and kept files a backup may name, are never touched."""

from __future__ import annotations

import hashlib
import os
import zipfile

from cchc_desktop.exchange.package_store import PackageStore
from tests.exchange.craft import build, plan_data


def _digest(path) -> str:
    with zipfile.ZipFile(path) as archive:
        return hashlib.sha256(archive.read("manifest.json")).hexdigest()


def test_killed_batch_debris_is_cleaned_and_a_running_batch_is_not(receiver, commune_key, outbox):
    first, _ = build(outbox / "a", commune_key, "plan", 2027, plan_data(2027))
    second, _ = build(outbox / "b", commune_key, "plan", 2028, plan_data(2028))
    receiver.exchange.import_packages([first])
    running = PackageStore(receiver.path)
    running.open_batch()
    running_copy = running.incoming(second)
    dead = running.folder / ".incoming-killed"
    dead.mkdir()
    (dead / ".lock").touch()
    orphan_copy = dead / second.name
    os.link(second, orphan_copy)
    orphan = running.folder / f"{_digest(second)}.cchc"
    os.link(orphan_copy, orphan)  # kept inside a transaction that never committed
    rolled_back = running.folder / ("0" * 64 + ".cchc")
    rolled_back.write_bytes(b"kept by an import rolled back since")
    recorded = receiver.conn.execute("SELECT stored_file FROM received_packages").fetchone()[0]

    assert receiver.exchange.clean_debris() == (1, 1)
    assert not dead.exists() and not orphan.exists()
    assert running_copy.is_file() and (running.folder / recorded).is_file() and rolled_back.is_file()
    running.close_batch()
    batch = receiver.exchange.import_packages([second])
    assert batch.outcomes[0].status == "imported"
    assert sorted(p.name for p in running.folder.iterdir() if p.name.startswith(".")) == []


def test_a_batch_folder_killed_before_its_lock_was_taken_is_cleaned(receiver, commune_key, outbox):
    """Batches make and lock their folder under the file's write lock, like every cleaning: a folder without
    its lock file is one a kill interrupted."""
    first, _ = build(outbox, commune_key, "plan", 2027, plan_data(2027))
    receiver.exchange.import_packages([first])
    store = PackageStore(receiver.path)
    starting = store.folder / ".incoming-starting"
    starting.mkdir()
    assert receiver.exchange.clean_debris() == (1, 0) and not starting.exists()


def test_the_store_folder_taken_by_a_file_is_a_refusal_of_the_batch(receiver, commune_key, outbox):
    from cchc_desktop.exchange.import_errors import PackageStoreError
    from tests.support.exchange import debris_snapshot

    path, _ = build(outbox, commune_key, "plan", 2027, plan_data(2027))
    taken = PackageStore(receiver.path).folder
    taken.write_text("một tệp trùng tên thư mục")
    before = debris_snapshot(receiver)
    try:
        receiver.exchange.import_packages([path])
    except PackageStoreError as refused:
        assert "đã có một tệp cùng tên" in str(refused) and taken.name in str(refused)
    else:
        raise AssertionError("the batch must be refused")
    assert debris_snapshot(receiver) == before and taken.read_text() == "một tệp trùng tên thư mục"
    assert receiver.exchange.import_packages([path], dry_run=True).outcomes[0].status == "imported"
