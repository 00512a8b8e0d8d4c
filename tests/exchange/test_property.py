"""Property: whatever plan (or report) a commune exports, the receiver records exactly that content."""

from __future__ import annotations

import itertools
import json
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc_desktop.exchange.store import stored_data_json
from cchc_desktop.reports.model import TASK_STATUSES
from tests.support.exchange import PASSPHRASE

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
words = st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + " 0123456789,.;:-/()%\n", min_size=1, max_size=60)
numbers = st.one_of(st.none(), st.floats(min_value=0, max_value=1e6, allow_nan=False).map(lambda x: round(x, 3)))
task = st.fixed_dictionaries(
    {
        "content": words.filter(str.strip),
        "lead_unit": words,
        "deadline_text": words,
        "budget": numbers,
        "not_applicable": st.booleans(),
        "na_reason": words,
    }
)
indicator = st.fixed_dictionaries(
    {
        "text": words.filter(str.strip),
        "unit": st.sampled_from(["%", "cuộc", "hồ sơ", ""]),
        "target": st.one_of(st.none(), st.floats(0, 100).map(lambda x: round(x, 2))),
        "comparator": st.sampled_from([">=", "<=", "=", "~"]),
    }
)
progress = st.fixed_dictionaries(
    {
        "status": st.sampled_from(TASK_STATUSES),
        "progress": st.one_of(st.none(), st.integers(0, 100)),
        "result": words,
        "reason": words.filter(str.strip),
    }
)
SETTINGS = settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


def _issue(ws, framework, year, tasks, indicators):
    plan = ws.plans.create(year, "framework", framework)
    ws.insert_many("task", plan.id, tasks)
    ws.insert_many("indicator", plan.id, indicators)
    ws.edit("plan", plan.id, "doc_number", 1)
    ws.edit("plan", plan.id, "issue_date", f"{year}-01-08")
    return ws.plans.issue(plan.id)


def _figure_field(agg, actual) -> str:
    from cchc_desktop.reports.model import has_fraction

    return "numerator" if has_fraction(agg.indicators[actual.indicator_id]) else "value"


def _sent_and_recorded(receiver, path):
    with zipfile.ZipFile(path) as archive:
        sent = json.loads(archive.read("data.json"))
    row = receiver.conn.execute(
        "SELECT id, data_zlib FROM received_packages WHERE state = 'current' ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return sent, json.loads(stored_data_json(row)), row["id"]


def test_any_plan_round_trips(commune, receiver, small_framework, tmp_path):
    years = itertools.count(2030)

    @given(tasks=st.lists(task, max_size=6), indicators=st.lists(indicator, max_size=4))
    @SETTINGS
    def check(tasks, indicators):
        year = next(years)
        plan = _issue(commune, small_framework, year, tasks, indicators)
        result = commune.exchange.export("plan", year, None, tmp_path, PASSPHRASE)
        assert receiver.exchange.import_packages([result.path]).outcomes[0].status == "imported"
        sent, recorded, row_id = _sent_and_recorded(receiver, result.path)
        assert recorded == sent
        agg = commune.plans.aggregate(plan.id)
        got = receiver.exchange.received_rows(row_id, "tasks")
        assert [
            (r["uid"], r["content"], r["lead_unit"], r["deadline_text"], bool(r["not_applicable"])) for r in got
        ] == [(t.uid, t.content, t.lead_unit, t.deadline_text, t.not_applicable) for t in agg.tasks]
        got = receiver.exchange.received_rows(row_id, "indicators")
        assert [(r["uid"], r["text"], r["unit"], r["target"], r["comparator"]) for r in got] == [
            (i.uid, i.text, i.unit, i.target, i.comparator) for i in agg.indicators
        ]

    check()


def test_any_report_round_trips(commune, receiver, small_framework, tmp_path):
    import datetime as dt

    years = itertools.count(2040)

    @given(rows=st.lists(progress, min_size=3, max_size=3), numerator=numbers)
    @SETTINGS
    def check(rows, numerator):
        year = next(years)
        _issue(commune, small_framework, year, [], [])
        commune.reports.create_calendar(year)
        report = commune.reports.create(year, "Q1")
        agg = commune.reports.aggregate(report.id)
        cells = [
            (p.id, field, value) for p, row in zip(agg.progress, rows, strict=False) for field, value in row.items()
        ]
        commune.edit_cells("task_progress", cells)
        commune.edit_cells("indicator_actual", [(a.id, _figure_field(agg, a), numerator) for a in agg.actuals])
        commune.edit_cells("report", [(report.id, "doc_number", 2), (report.id, "report_date", f"{year}-03-10")])
        commune.reports.submit(report.id, at=dt.datetime(year, 3, 10, 9, 0))
        result = commune.exchange.export("report", year, "Q1", tmp_path, PASSPHRASE)
        assert receiver.exchange.import_packages([result.path]).outcomes[0].status == "imported"
        sent, recorded, row_id = _sent_and_recorded(receiver, result.path)
        assert recorded == sent
        agg = commune.reports.aggregate(report.id)
        got = receiver.exchange.received_rows(row_id, "tasks")
        assert [(r["status"], r["progress"], r["result"], r["reason"]) for r in got] == [
            (p.status, p.progress, p.result, p.reason) for p in agg.progress
        ]
        got = receiver.exchange.received_rows(row_id, "indicators")
        assert [(r["numerator"], r["value"]) for r in got] == [(a.numerator, a.value) for a in agg.actuals]

    check()
