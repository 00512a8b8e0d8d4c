"""A batch is prepared one file ahead: results in file order, what was prepared before a key rotation checked again."""

from __future__ import annotations

from tests.support.exchange import PASSPHRASE


def test_batch_gives_one_line_per_file_in_order(receiver, commune, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    first = commune.exchange.export("plan", 2026, None, folder, PASSPHRASE).path
    second = commune.exchange.export("plan", 2026, None, folder, PASSPHRASE).path
    (folder / "hong.cchc").write_bytes(b"not a zip at all")
    batch = receiver.exchange.import_packages([folder])
    assert [(o.file, o.status) for o in batch.outcomes] == [
        (first.name, "imported"),
        (second.name, "replaced"),
        ("hong.cchc", "refused"),
    ]
    assert "hong.cchc" in batch.outcomes[2].line
    assert receiver.conn.execute("SELECT count(*) FROM received_packages WHERE state = 'current'").fetchone()[0] == 1
    assert receiver.exchange.import_packages([folder]).count("already") == 2


def test_key_rotation_mid_batch_is_verified_again_with_the_new_key(receiver, commune, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    signed_old = commune.exchange.export("plan", 2026, None, folder, PASSPHRASE).path
    rotation = commune.exchange.rotate_key(PASSPHRASE, "khóa mới của xã", "khóa mới của xã", folder)
    signed_new = commune.exchange.export("plan", 2026, None, folder, "khóa mới của xã").path
    # "42-18544_key_rotation…" sorts first: once it is applied the old key is retired, so the package
    # signed with it is refused and the one signed with the new key (verified ahead with the old keys)
    # is verified again and imported.
    batch = receiver.exchange.import_packages([folder])
    assert [(o.file, o.status) for o in batch.outcomes] == [
        (rotation.path.name, "rotated"),
        (signed_old.name, "refused"),
        (signed_new.name, "imported"),
    ]
