"""The preview (dry run) of a batch: what it counts, and how it shows values."""

from __future__ import annotations

import copy
import shutil

from tests.exchange.craft import build, catalogue_assessment_data, report_data
from tests.support.exchange import table_counts


def _two_revisions(outbox, key):
    data = report_data(2026, "Q1")
    first, first_id = build(outbox, key, "report", 2026, data, period="Q1")
    changed = copy.deepcopy(data)
    changed["report"]["indicators"][0]["period"].update(numerator=60.0, figure=75.0)
    second, _ = build(outbox, key, "report", 2026, changed, period="Q1", revision=2, supersedes=first_id)
    return first, second


def test_revisions_one_and_two_in_one_batch_are_counted_as_the_import_will_count_them(receiver, commune_key, outbox):
    first, second = _two_revisions(outbox, commune_key)
    before = table_counts(receiver.conn)
    preview = receiver.exchange.import_packages([outbox], dry_run=True)
    assert [o.status for o in preview.outcomes] == ["imported", "replaced"]
    assert "sẽ nhận mới 1, sẽ thay lần gửi cũ 1," in preview.summary
    assert preview.outcomes[1].line.startswith("Sẽ thay lần gửi 1 bằng lần gửi 2")
    # the second is compared with the first, not with the empty series
    assert [line.text for line in preview.outcomes[1].diff] == [
        "Thay đổi — chỉ tiêu «CX-00 Chỉ tiêu 0»: số liệu kỳ 50% → 75%",
        "Thay đổi — chỉ tiêu «CX-00 Chỉ tiêu 0»: tử số 40 → 60",
    ]
    assert table_counts(receiver.conn) == before
    applied = receiver.exchange.import_packages([outbox])
    assert [o.status for o in applied.outcomes] == [o.status for o in preview.outcomes]


def test_the_same_package_twice_in_one_preview_is_counted_once(receiver, commune_key, outbox):
    first, _ = _two_revisions(outbox, commune_key)
    other = outbox.parent / "khac"
    other.mkdir()
    shutil.copy(first, other / first.name)
    preview = receiver.exchange.import_packages([first, other / first.name], dry_run=True)
    assert [o.status for o in preview.outcomes] == ["imported", "already"]


def test_an_older_revision_after_a_newer_one_in_a_preview_is_refused(receiver, commune_key, outbox):
    first, second = _two_revisions(outbox, commune_key)
    receiver.exchange.import_packages([second])
    preview = receiver.exchange.import_packages([first], dry_run=True)
    assert [o.status for o in preview.outcomes] == ["refused"]


def _texts(outcome) -> list[str]:
    return [line.text for line in outcome.diff]


def test_preview_lines_use_vietnamese_words_and_numbers(receiver, commune_key, outbox):
    draft = catalogue_assessment_data(2026)
    draft["assessment"]["status"] = "draft"
    first, first_id = build(outbox / "a", commune_key, "assessment", 2026, draft)
    receiver.exchange.import_packages([first])
    final = catalogue_assessment_data(2026, score=lambda node: node.max_points / 4)
    second, _ = build(outbox / "b", commune_key, "assessment", 2026, final, revision=2, supersedes=first_id)
    lines = _texts(receiver.exchange.import_packages([second], dry_run=True).outcomes[0])
    old_total, new_total = draft["assessment"]["totals"]["total"], final["assessment"]["totals"]["total"]
    assert "Thay đổi — văn bản: trạng thái bản nháp → đã nộp chính thức" in lines
    assert f"Thay đổi — văn bản: tổng điểm tự chấm {_vi(old_total)} → {_vi(new_total)}" in lines
    assert not any("draft" in line or "submitted" in line for line in lines)


def _vi(number: float) -> str:
    text = f"{round(number, 2):.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def test_preview_rounds_rates_and_progress(receiver, commune_key, outbox):
    data = report_data(2026, "Q1")
    first, first_id = build(outbox / "a", commune_key, "report", 2026, data, period="Q1")
    receiver.exchange.import_packages([first])
    changed = copy.deepcopy(data)
    changed["report"]["indicators"][0]["period"].update(numerator=34.967861, figure=43.709826)
    changed["report"]["tasks"][0].update(status="in_progress", progress=100 / 3, completed_on=None)
    second, _ = build(outbox / "b", commune_key, "report", 2026, changed, period="Q1", revision=2, supersedes=first_id)
    lines = _texts(receiver.exchange.import_packages([second], dry_run=True).outcomes[0])
    assert "Thay đổi — chỉ tiêu «CX-00 Chỉ tiêu 0»: số liệu kỳ 50% → 43,7%" in lines
    assert "Thay đổi — chỉ tiêu «CX-00 Chỉ tiêu 0»: tử số 40 → 34,97" in lines
    assert "Thay đổi — nhiệm vụ «Nhiệm vụ 0»: tiến độ (%) 100 → 33,3" in lines
    assert "Thay đổi — nhiệm vụ «Nhiệm vụ 0»: tình trạng Hoàn thành đúng hạn → Đang thực hiện" in lines
