"""Import at the receiver: round trip, replace semantics, and every refusal leaves the file untouched."""

from __future__ import annotations

import json
import zipfile

import pytest

from cchc_desktop.exchange.format import generate_private_key
from cchc_desktop.exchange.format.manifest import Sender
from cchc_desktop.exchange.format.verify import verify_package
from cchc_desktop.exchange.payload_rows import payload_rows
from cchc_desktop.exchange.received import series_of
from cchc_desktop.exchange.store import stored_data_json
from tests.exchange.craft import build, plan_data, report_data
from tests.support.exchange import PASSPHRASE, file_hash, table_counts


def _export_plan(commune, folder):
    return commune.exchange.export("plan", 2026, None, folder, PASSPHRASE)


def test_plan_round_trip_records_what_the_commune_sent(commune, receiver, outbox):
    result = _export_plan(commune, outbox)
    batch = receiver.exchange.import_packages([result.path])
    assert [o.status for o in batch.outcomes] == ["imported"]
    assert batch.outcomes[0].line.startswith("Đã nhận: Kế hoạch CCHC năm 2026 của xã Kỳ Phong (mã 42-18544)")
    row = receiver.conn.execute("SELECT * FROM received_packages").fetchone()
    with zipfile.ZipFile(result.path) as archive:
        sent = json.loads(archive.read("data.json"))
    assert json.loads(stored_data_json(row)) == sent
    assert (row["package_id"], row["revision"], row["state"]) == (result.manifest.package_id, 1, "current")
    assert row["signer_name"] == "Nguyễn Văn Hùng" and row["document_sha256"]
    agg = commune.plans.aggregate(commune.plans.in_force(2026).id)
    tasks = receiver.exchange.received_rows(row["id"], "tasks")
    assert [(t["uid"], t["content"], t["lead_unit"], t["deadline_text"]) for t in tasks] == [
        (t.uid, t.content, t.lead_unit, t.deadline_text) for t in agg.tasks
    ]
    indicators = receiver.exchange.received_rows(row["id"], "indicators")
    assert [(i["code"], i["target"], i["unit"]) for i in indicators] == [
        (i.code, i.target, i.unit) for i in agg.indicators
    ]
    assert receiver.exchange.received_document(row["id"]).startswith(b"%PDF-")


def test_report_round_trip_from_the_demo(demo_path, tmp_path):
    from cchc_desktop.workspace import Workspace, create_receiver
    from tests.support.exchange import pub_file_of

    ws = Workspace.open(demo_path)
    ws.exchange.create_key(PASSPHRASE, PASSPHRASE)
    result = ws.exchange.export("report", 2026, "Q1", tmp_path, PASSPHRASE)
    rv = create_receiver(tmp_path / "so.sqlite", "Sở Nội vụ tỉnh Hà Tĩnh", ws.profile.get().province_code)
    pub = pub_file_of(ws)
    rv.exchange.enrol(pub, pub.fingerprint)
    assert rv.exchange.import_packages([result.path]).outcomes[0].status == "imported"
    row = rv.conn.execute("SELECT id, data_zlib FROM received_packages").fetchone()
    report = ws.reports.aggregate(ws.reports.for_period(2026, "Q1").id)
    received = rv.exchange.received_rows(row["id"], "tasks")
    assert [(r["uid"], r["status"], r["progress"], r["result"]) for r in received] == [
        (report.tasks[p.task_id].uid, p.status, p.progress, p.result) for p in report.progress
    ]
    actuals = rv.exchange.received_rows(row["id"], "indicators")
    assert [(a["numerator"], a["denominator"], a["value"]) for a in actuals] == [
        (a.numerator, a.denominator, a.value) for a in report.actuals
    ]
    ws.close()
    rv.close()


def test_same_package_twice_is_a_no_op(commune, receiver, outbox):
    result = _export_plan(commune, outbox)
    receiver.exchange.import_packages([result.path])
    before = table_counts(receiver.conn)
    batch = receiver.exchange.import_packages([result.path])
    assert batch.outcomes[0].status == "already"
    assert batch.outcomes[0].line.startswith("Đã nhận gói này trước đây, không nhập lại")
    assert batch.backup_file is None and table_counts(receiver.conn) == before


def test_newer_revision_replaces_and_nothing_stale_survives(receiver, commune_key, outbox):
    first, first_id = build(outbox, commune_key, "plan", 2027, plan_data(2027, tasks=5))
    second, _ = build(
        outbox, commune_key, "plan", 2027, plan_data(2027, tasks=2, tag="mới"), revision=2, supersedes=first_id
    )
    receiver.exchange.import_packages([first])
    batch = receiver.exchange.import_packages([second])
    assert batch.outcomes[0].status == "replaced"
    assert batch.outcomes[0].line.startswith("Đã thay lần gửi 1 bằng lần gửi 2")
    contents = [r[0] for r in receiver.conn.execute("SELECT content FROM received_tasks ORDER BY position")]
    assert contents == ["Nhiệm vụ 0 mới", "Nhiệm vụ 1 mới"]
    states = receiver.conn.execute("SELECT revision, state FROM received_packages ORDER BY revision").fetchall()
    assert [tuple(s) for s in states] == [(1, "superseded"), (2, "current")]


def test_older_revision_is_refused_and_changes_nothing(receiver, commune_key, outbox):
    first, first_id = build(outbox, commune_key, "plan", 2027, plan_data(2027))
    second, _ = build(outbox, commune_key, "plan", 2027, plan_data(2027), revision=2, supersedes=first_id)
    receiver.exchange.import_packages([second])
    before = file_hash(receiver.path), table_counts(receiver.conn)
    outcome = receiver.exchange.import_packages([first]).outcomes[0]
    assert outcome.status == "refused" and "lần gửi 1, cũ hơn lần gửi 2" in outcome.line
    assert (file_hash(receiver.path), table_counts(receiver.conn)) == before


def test_a_wrong_key_is_refused_with_its_reason(receiver, commune_key, outbox):
    forged, _ = build(outbox / "b", generate_private_key(), "plan", 2027, plan_data(2027))
    before = file_hash(receiver.path), table_counts(receiver.conn)
    batch = receiver.exchange.import_packages([forged])
    lines = {o.file: o.line for o in batch.outcomes if o.status == "refused"}
    assert "chữ ký không khớp với khóa đã đăng ký" in lines[forged.name]
    assert batch.backup_file is None
    assert (file_hash(receiver.path), table_counts(receiver.conn)) == before


@pytest.mark.parametrize(
    "damage, expected",
    [
        (lambda d: d["plan"].__setitem__("tasks", "không phải danh sách"), "plan.tasks"),
        (lambda d: d["plan"]["tasks"][1].__setitem__("uid", "t0"), "plan.tasks"),
        (lambda d: d["unit"].__setitem__("commune_code", "18601"), "unit.commune_code"),
        (lambda d: d.__setitem__("payload", "report"), "payload"),
    ],
)
def test_payload_validation_failure_writes_nothing(receiver, commune_key, outbox, damage, expected):
    data = plan_data(2027)
    damage(data)
    path, _ = build(outbox, commune_key, "plan", 2027, data)
    before = file_hash(receiver.path), table_counts(receiver.conn)
    outcome = receiver.exchange.import_packages([path]).outcomes[0]
    assert outcome.status == "refused" and f"trường «{expected}" in outcome.line
    assert (file_hash(receiver.path), table_counts(receiver.conn)) == before
    assert not (receiver.path.parent / "backups").exists()


def test_report_scores_and_statuses_are_checked(receiver, commune_key, outbox):
    bad, _ = build(outbox, commune_key, "report", 2026, report_data(2026, "Q1", status="xong"), period="Q1")
    outcome = receiver.exchange.import_packages([bad]).outcomes[0]
    assert outcome.status == "refused" and "report.tasks[0].status" in outcome.line


def test_a_package_for_another_province_is_refused(receiver, commune_key, outbox):
    elsewhere = Sender("40", "18544", "Kỳ Phong", "xa")
    path, _ = build(outbox, commune_key, "plan", 2027, plan_data(2027, sender=elsewhere), sender=elsewhere)
    from cchc_desktop.exchange import store

    with receiver.transaction() as conn:
        store.insert_enrolled_key(
            conn,
            {
                "province_code": "40",
                "unit_code": "18544",
                "unit_name": "Kỳ Phong",
                "fingerprint": "x",
                "public_pem": receiver.conn.execute("SELECT public_pem FROM enrolled_keys").fetchone()[0],
            },
        )
    outcome = receiver.exchange.import_packages([path]).outcomes[0]
    assert outcome.status == "refused" and "thuộc tỉnh khác" in outcome.line


def test_evidence_is_kept_and_read_back_by_hash(receiver, commune_key, outbox):
    from tests.exchange.craft import with_files

    raw = b"%PDF-1.4 quyet dinh " + bytes(range(256)) * 40
    data, files = with_files(plan_data(2027), [("Quyết định 12.pdf", raw, ["task:t0", "indicator:i1"])])
    path, _ = build(outbox, commune_key, "plan", 2027, data, evidence=files)
    receiver.exchange.import_packages([path])
    row = receiver.conn.execute("SELECT id FROM received_packages").fetchone()
    evidence = receiver.exchange.received_rows(row["id"], "evidence")
    assert [(e["name"], e["size"], json.loads(e["refs"])) for e in evidence] == [
        ("Quyết định 12.pdf", len(raw), ["task:t0", "indicator:i1"])
    ]
    assert receiver.exchange.received_evidence(row["id"], evidence[0]["sha256"]) == raw


def test_unreferenced_evidence_is_a_payload_error(receiver, commune_key, outbox):
    from cchc_desktop.exchange.format import EvidenceFile

    extra = [EvidenceFile("lạ.pdf", "application/pdf", data=b"%PDF-1.4 x")]
    path, _ = build(outbox, commune_key, "plan", 2027, plan_data(2027), evidence=extra)
    outcome = receiver.exchange.import_packages([path]).outcomes[0]
    assert outcome.status == "refused" and "trường «evidence»" in outcome.line


def test_stored_rows_equal_the_payload_rows_of_what_was_sent(receiver, commune_key, outbox):
    path, _ = build(outbox, commune_key, "report", 2026, report_data(2026, "H1", tasks=4), period="H1")
    receiver.exchange.import_packages([path])
    package = verify_package(path, lambda p, u: [commune_key.public_key()])
    expected = payload_rows(package.manifest, package.data, path.name)
    row_id = receiver.conn.execute("SELECT id FROM received_packages").fetchone()[0]
    stored = [
        tuple(r)
        for r in receiver.conn.execute(
            "SELECT position, uid, area_code, content, lead_unit, deadline_text, deadline_due, not_applicable, status,"
            " progress, result, reason, completed_on FROM received_tasks WHERE package_row_id = ? ORDER BY position",
            [row_id],
        )
    ]
    assert stored == expected.tasks
    assert series_of(package.manifest) == ("42", "18544", "report", 2026, "H1")


def test_assessment_round_trip_with_scores_explanations_and_evidence(commune, receiver, outbox):
    assessment = commune.assessment.start(2026)
    view = commune.assessment.view(2026)
    leaves = [line for line in view.lines if line.is_leaf and line.score and line.criterion.method in ("self", "")]
    first, second = leaves[0], leaves[1]
    commune.edit_cells(
        "criterion_score",
        [
            (first.score.id, "self_score", first.criterion.max_points),
            (first.score.id, "explanation", "Kế hoạch số 05/KH-UBND"),
        ],
    )
    commune.evidence.attach(
        "criterion_score", first.score.id, data=b"%PDF-1.4 ke hoach " + bytes(100), name="Kế hoạch 05.pdf"
    )
    commune.evidence.attach(
        "criterion_score", second.score.id, data=b"%PDF-1.4 mat " + bytes(50), name="Văn bản mật.pdf", secret=True
    )
    result = commune.exchange.export("assessment", 2026, None, outbox, PASSPHRASE)
    assert (result.evidence_count, result.withheld_secret) == (1, 1) and assessment.status == "draft"
    assert receiver.exchange.import_packages([result.path]).outcomes[0].status == "imported"
    row_id = receiver.conn.execute("SELECT id FROM received_packages").fetchone()[0]
    criteria = {r["code"]: r for r in receiver.exchange.received_rows(row_id, "criteria")}
    assert len(criteria) == len(view.lines)
    got = criteria[first.criterion.code]
    assert (got["self_score"], got["explanation"], got["evidence_count"]) == (
        first.criterion.max_points,
        "Kế hoạch số 05/KH-UBND",
        1,
    )
    assert criteria[second.criterion.code]["evidence_count"] == 0
    stored = json.loads(stored_data_json(receiver.conn.execute("SELECT data_zlib FROM received_packages").fetchone()))
    assert stored["withheld_secret"] == 1 and stored["assessment"]["status"] == "draft"
