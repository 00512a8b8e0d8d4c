"""Packages of a unit whose key is not enrolled are held (chờ xác nhận khóa), not refused: kept, listed,
imported once the key is enrolled, refused then if the key turns out wrong, removable without a trace."""

from __future__ import annotations

import zipfile

import pytest

from cchc_desktop.exchange.format import generate_private_key
from cchc_desktop.exchange.format.manifest import Sender
from cchc_desktop.exchange.format.pubfile import UnitIdentity, parse_pub_file, pub_file_text
from cchc_desktop.exchange.package_store import PackageStore
from tests.exchange.craft import build, plan_data, report_data
from tests.support.exchange import debris_snapshot

STRANGER = Sender("42", "18601", "Việt Xuyên", "xa")
LABEL = "xã Việt Xuyên (mã 42-18601)"


@pytest.fixture
def stranger_key():
    return generate_private_key()


def _pub(key, sender: Sender = STRANGER):
    identity = UnitIdentity(sender.province_code, sender.unit_code, sender.unit_name, sender.unit_type)
    return parse_pub_file(pub_file_text(key.public_key(), identity, "Khóa", "2026-01-05"))


def _plan(folder, key, revision=1, supersedes=None, tasks=3, sender=STRANGER):
    data = plan_data(2027, tasks=tasks, sender=sender)
    return build(folder, key, "plan", 2027, data, sender=sender, revision=revision, supersedes=supersedes)


def _kept(receiver) -> list[str]:
    folder = PackageStore(receiver.path).folder
    return sorted(p.name for p in folder.glob("*.cchc")) if folder.is_dir() else []


def test_a_package_of_a_unit_not_enrolled_is_held_not_refused(receiver, stranger_key, outbox):
    path, package_id = _plan(outbox, stranger_key)
    before = debris_snapshot(receiver)
    preview = receiver.exchange.import_packages([path], dry_run=True)
    assert [o.status for o in preview.outcomes] == ["held"]
    assert preview.outcomes[0].line.startswith(f"Sẽ giữ lại chờ xác nhận khóa: Kế hoạch CCHC năm 2027 của {LABEL}")
    assert "sẽ giữ lại chờ xác nhận khóa 1, không nhận 0" in preview.summary
    assert debris_snapshot(receiver) == before  # a preview writes nothing
    batch = receiver.exchange.import_packages([path])
    assert [o.status for o in batch.outcomes] == ["held"] and not batch.count("refused")
    assert batch.outcomes[0].line.startswith(f"Giữ lại chờ xác nhận khóa: Kế hoạch CCHC năm 2027 của {LABEL}")
    assert receiver.exchange.received() == []
    [held] = receiver.exchange.held()
    assert (held.code, held.unit_label, held.what, held.revision) == ("42-18601", LABEL, "Kế hoạch CCHC — năm 2027", 1)
    assert held.source_file == path.name and len(_kept(receiver)) == 1
    again = receiver.exchange.import_packages([path]).outcomes[0]
    assert again.status == "held" and again.line.startswith("Đang giữ gói này từ trước")
    assert len(receiver.exchange.held()) == 1


def test_held_packages_survive_a_restart_and_import_once_the_key_is_enrolled(receiver, stranger_key, outbox):
    from cchc_desktop.workspace import Workspace

    first, first_id = _plan(outbox / "a", stranger_key, tasks=5)
    second, _ = _plan(outbox / "b", stranger_key, revision=2, supersedes=first_id, tasks=2)
    receiver.exchange.import_packages([second, first])
    path = receiver.path
    receiver.close()
    with Workspace.open(path) as reopened:
        assert [h.revision for h in reopened.exchange.held()] == [1, 2]
        pub = _pub(stranger_key)
        reopened.exchange.enrol(pub, pub.fingerprint)
        batch = reopened.exchange.import_held([("42", "18601")])
        assert [(o.file, o.status) for o in batch.outcomes] == [(first.name, "imported"), (second.name, "replaced")]
        assert batch.backup_file is not None
        assert reopened.exchange.held() == []
        states = reopened.conn.execute("SELECT revision, state FROM received_packages ORDER BY revision").fetchall()
        assert [tuple(s) for s in states] == [(1, "superseded"), (2, "current")]
        tasks = reopened.conn.execute("SELECT count(*) FROM received_tasks").fetchone()[0]
        assert tasks == 2 and len(_kept(reopened)) == 2  # the held files are the kept ones now


def test_a_held_package_whose_key_turns_out_wrong_is_refused_then(receiver, stranger_key, outbox):
    forged, _ = _plan(outbox, generate_private_key())  # someone else's key, claiming the unit
    receiver.exchange.import_packages([forged])
    pub = _pub(stranger_key)
    receiver.exchange.enrol(pub, pub.fingerprint)
    outcome = receiver.exchange.import_held().outcomes[0]
    assert outcome.status == "refused" and "chữ ký không khớp với khóa đã đăng ký" in outcome.line
    assert receiver.exchange.held() == [] and receiver.exchange.received() == [] and _kept(receiver) == []


def test_a_unit_still_not_enrolled_keeps_its_package_held(receiver, stranger_key, outbox):
    path, _ = _plan(outbox, stranger_key)
    receiver.exchange.import_packages([path])
    outcome = receiver.exchange.import_held().outcomes[0]
    assert outcome.status == "held" and len(receiver.exchange.held()) == 1


def test_importing_the_file_again_after_enrolment_ends_the_hold(receiver, stranger_key, outbox):
    path, _ = _plan(outbox, stranger_key)
    receiver.exchange.import_packages([path])
    pub = _pub(stranger_key)
    receiver.exchange.enrol(pub, pub.fingerprint)
    assert receiver.exchange.import_packages([path]).outcomes[0].status == "imported"
    assert receiver.exchange.held() == [] and len(_kept(receiver)) == 1


def test_removing_a_held_package_leaves_nothing_behind(receiver, stranger_key, outbox):
    path, _ = _plan(outbox, stranger_key)
    dump, names = debris_snapshot(receiver)
    receiver.exchange.import_packages([path])
    assert len(_kept(receiver)) == 1
    [held] = receiver.exchange.held()
    assert receiver.exchange.remove_held([held.id]) == 1
    after_dump, after_names = debris_snapshot(receiver)
    assert after_names == names  # no kept file, no store folder, no private copy
    audit = [line for line in after_dump if "audit_log" in line]
    assert [line for line in after_dump if "audit_log" not in line] == [
        line for line in dump if "audit_log" not in line
    ]
    assert any("package_hold_remove" in line for line in audit)
    assert receiver.exchange.held() == []


def test_what_can_be_checked_without_the_key_is_checked(receiver, stranger_key, outbox, tmp_path):
    path, _ = _plan(outbox, stranger_key)
    damaged = tmp_path / "hong" / path.name
    damaged.parent.mkdir()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(damaged, "w") as target:
        for info in source.infolist():
            raw = source.read(info)
            target.writestr(info, raw.replace(b"Nhi\xe1\xbb\x87m v\xe1\xbb\xa5 0", b"Nhi\xe1\xbb\x87m v\xe1\xbb\xa5 9"))
    other = Sender("01", "00004", "Ba Đình", "phuong")
    elsewhere, _ = _plan(outbox / "khac", stranger_key, sender=other)
    before = debris_snapshot(receiver)
    lines = {o.file: o.line for o in receiver.exchange.import_packages([damaged, elsewhere]).outcomes}
    assert lines[damaged.name].startswith("Không nhận") and "data.json" in lines[damaged.name]
    assert lines[elsewhere.name].startswith("Không nhận") and "thuộc tỉnh khác" in lines[elsewhere.name]
    assert debris_snapshot(receiver) == before and receiver.exchange.held() == []


def test_a_report_revision_pair_is_held_and_previewed_in_order(receiver, stranger_key, outbox):
    data = report_data(2026, "Q1", sender=STRANGER)
    first, first_id = build(outbox, stranger_key, "report", 2026, data, period="Q1", sender=STRANGER)
    second, _ = build(
        outbox, stranger_key, "report", 2026, data, period="Q1", sender=STRANGER, revision=2, supersedes=first_id
    )
    preview = receiver.exchange.import_packages([outbox], dry_run=True)
    assert [o.status for o in preview.outcomes] == ["held", "held"]
    assert [o.file for o in preview.outcomes] == [first.name, second.name]


def test_a_held_file_is_never_taken_for_what_a_killed_import_left(receiver, stranger_key, outbox):
    import os

    path, _ = _plan(outbox, stranger_key)
    receiver.exchange.import_packages([path])
    [kept] = _kept(receiver)
    folder = PackageStore(receiver.path).folder
    dead = folder / ".incoming-killed"
    dead.mkdir()
    os.link(folder / kept, dead / path.name)  # killed after the hold's commit, before its copy was removed
    assert receiver.exchange.clean_debris() == (1, 0)
    assert _kept(receiver) == [kept] and len(receiver.exchange.held()) == 1
