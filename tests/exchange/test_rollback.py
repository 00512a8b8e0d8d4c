"""Dry run (names, old → new), backups before every batch, rollback by name that keeps later imports."""

from __future__ import annotations

import sqlite3

import pytest

from cchc_desktop.exchange.format.manifest import Sender
from cchc_desktop.exchange.import_errors import ImportNotFoundError, RollbackRefusedError
from tests.exchange.craft import build, plan_data, report_data
from tests.support.exchange import table_counts


def _report(folder, key, revision=1, supersedes=None, changes=None):
    data = report_data(2026, "Q1", tasks=3)
    for (index, field), value in (changes or {}).items():
        data["report"]["tasks"][index][field] = value
    return build(folder, key, "report", 2026, data, period="Q1", revision=revision, supersedes=supersedes)


def test_dry_run_shows_names_and_old_to_new_values_and_writes_nothing(receiver, commune_key, outbox):
    first, first_id = _report(outbox, commune_key)
    data = report_data(2026, "Q1", tasks=2)
    data["report"]["tasks"][1].update(status="in_progress", progress=60.0)
    data["report"]["indicators"][0]["period"].update(numerator=55.0, figure=68.75)
    second, _ = build(outbox, commune_key, "report", 2026, data, period="Q1", revision=2, supersedes=first_id)
    receiver.exchange.import_packages([first])
    before = table_counts(receiver.conn)
    outcome = receiver.exchange.import_packages([second], dry_run=True).outcomes[0]
    assert outcome.status == "replaced" and outcome.line.startswith("Sẽ thay lần gửi 1 bằng lần gửi 2")
    texts = [d.text for d in outcome.diff]
    assert "Thay đổi — nhiệm vụ «Nhiệm vụ 1»: tình trạng Hoàn thành đúng hạn → Đang thực hiện" in texts
    assert "Thay đổi — nhiệm vụ «Nhiệm vụ 1»: tiến độ (%) 100 → 60" in texts
    assert "Thay đổi — chỉ tiêu «CX-00 Chỉ tiêu 0»: tử số 40 → 55" in texts
    assert "Thay đổi — chỉ tiêu «CX-00 Chỉ tiêu 0»: số liệu kỳ 50% → 68,8%" in texts
    assert "Bỏ — nhiệm vụ «Nhiệm vụ 2» (không còn trong lần gửi mới)" in texts
    assert not any("t1" in t or "i0" in t for t in texts)  # names, never ids
    assert table_counts(receiver.conn) == before


def test_dry_run_of_a_first_package_lists_new_rows(receiver, commune_key, outbox):
    path, _ = _report(outbox, commune_key)
    outcome = receiver.exchange.import_packages([path], dry_run=True).outcomes[0]
    assert outcome.line.startswith("Sẽ nhận mới: Báo cáo CCHC Quý I/2026 của xã Kỳ Phong (mã 42-18544)")
    assert "Mới — nhiệm vụ «Nhiệm vụ 0»: tình trạng Hoàn thành đúng hạn" in [d.text for d in outcome.diff]
    assert receiver.exchange.received() == []


def test_backup_before_each_batch_and_rollback_restores_the_previous_revision(receiver, commune_key, outbox):
    first, first_id = _report(outbox / "1", commune_key)
    second, _ = _report(outbox / "2", commune_key, revision=2, supersedes=first_id, changes={(0, "status"): "not_done"})
    one = receiver.exchange.import_packages([first])
    two = receiver.exchange.import_packages([second])
    assert one.backup_file.is_file() and two.backup_file.is_file() and one.backup_file != two.backup_file
    old = sqlite3.connect(two.backup_file)
    assert old.execute("SELECT count(*) FROM received_packages").fetchone()[0] == 1
    old.close()
    log = receiver.exchange.import_log()
    assert [e["name"] for e in log] == ["42-18544_report_2026_Q1_r2", "42-18544_report_2026_Q1_r1"]
    assert log[0]["backup_file"] == str(two.backup_file)
    result = receiver.exchange.rollback("42-18544_report_2026_Q1_r2")
    assert result.line == "Đã hoàn tác lần nhận «42-18544_report_2026_Q1_r2»: số liệu trở lại như lần gửi 1."
    statuses = [r[0] for r in receiver.conn.execute("SELECT status FROM received_tasks ORDER BY position")]
    assert statuses == ["done_on_time"] * 3
    assert [(r["revision"], r["state"]) for r in receiver.exchange.received()] == [(1, "current")]
    again = receiver.exchange.import_packages([second])
    assert again.outcomes[0].status == "replaced"


def test_rollback_keeps_later_unrelated_imports_and_refuses_when_a_later_one_depends(receiver, commune_key, outbox):
    first, first_id = _report(outbox / "1", commune_key)
    receiver.exchange.import_packages([first])
    second, _ = _report(outbox / "2", commune_key, revision=2, supersedes=first_id)
    receiver.exchange.import_packages([second])
    plan_path, _ = build(outbox / "3", commune_key, "plan", 2027, plan_data(2027))
    receiver.exchange.import_packages([plan_path])
    with pytest.raises(RollbackRefusedError) as raised:
        receiver.exchange.rollback("42-18544_report_2026_Q1_r1")
    assert "hãy hoàn tác lần đó trước" in str(raised.value) and "42-18544_report_2026_Q1_r2" in str(raised.value)
    receiver.exchange.rollback("42-18544_report_2026_Q1_r2")
    receiver.exchange.rollback("42-18544_report_2026_Q1_r1")
    kinds = [(r["kind"], r["year"]) for r in receiver.exchange.received()]
    assert kinds == [("plan", 2027)]  # the later, unrelated plan import is still there
    assert receiver.conn.execute("SELECT count(*) FROM received_tasks").fetchone()[0] == 3
    with pytest.raises(ImportNotFoundError):
        receiver.exchange.rollback("42-18544_report_2026_Q1_r1")


def test_rolling_back_a_key_rotation_restores_the_old_key(receiver, commune, outbox):
    from tests.support.exchange import PASSPHRASE

    rotation = commune.exchange.rotate_key(PASSPHRASE, "khóa mới 12345", "khóa mới 12345", outbox)
    receiver.exchange.import_packages([rotation.path])
    name = receiver.exchange.import_log()[0]["name"]
    receiver.exchange.rollback(name)
    assert [(k.status, k.source) for k in receiver.exchange.senders()] == [("active", "card")]


def test_other_communes_are_independent_series(receiver, commune_key, outbox):
    from cchc_desktop.exchange import store

    neighbour = Sender("42", "18601", "Kỳ Thọ", "xa")
    pem = receiver.conn.execute("SELECT public_pem FROM enrolled_keys").fetchone()[0]
    with receiver.transaction() as conn:
        store.insert_enrolled_key(
            conn,
            {
                "province_code": "42",
                "unit_code": "18601",
                "unit_name": "Kỳ Thọ",
                "fingerprint": "same key, other unit (test only)",
                "public_pem": pem,
            },
        )
    ours, _ = _report(outbox / "a", commune_key)
    theirs, _ = build(
        outbox / "b",
        commune_key,
        "report",
        2026,
        report_data(2026, "Q1", sender=neighbour),
        period="Q1",
        sender=neighbour,
    )
    batch = receiver.exchange.import_packages([ours, theirs])
    assert [o.status for o in batch.outcomes] == ["imported", "imported"]
    assert len(receiver.exchange.received(current_only=True)) == 2


def test_dry_run_of_a_resend_without_changes_says_so(receiver, commune_key, outbox):
    first, first_id = _report(outbox / "1", commune_key)
    second, _ = _report(outbox / "2", commune_key, revision=2, supersedes=first_id)
    receiver.exchange.import_packages([first])
    outcome = receiver.exchange.import_packages([second], dry_run=True).outcomes[0]
    assert outcome.diff == [] and outcome.line.endswith("Số liệu không khác lần gửi 1.")


def test_imports_and_rollbacks_back_up_into_the_one_bounded_set(receiver, commune_key, outbox):
    receiver.backups.set_keep(2)
    made = []
    for year in (2023, 2024, 2025, 2026):
        path, _ = build(outbox / str(year), commune_key, "plan", year, plan_data(year))
        made.append(receiver.exchange.import_packages([path]).backup_file)
    assert [b.path for b in receiver.backups.list()] == [made[3], made[2]]
    assert {b.reason for b in receiver.backups.list()} == {"import"}
    result = receiver.exchange.rollback("42-18544_plan_2026_r1")
    assert result.backup_file.name.endswith("-truoc-hoan-tac.sqlite")
    assert [b.path for b in receiver.backups.list()] == [result.backup_file, made[3]]
