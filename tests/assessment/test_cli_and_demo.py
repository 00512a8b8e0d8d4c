"""``assess show`` on the demo workspace, and what the demo's self-assessment holds."""

from __future__ import annotations

import json

from cchc_desktop.cli.main import run
from cchc_desktop.workspace import Workspace

YEAR = 2026


def test_demo_assessment_is_partly_done_with_one_blocking_problem(demo_path):
    with Workspace.open(demo_path) as ws:
        view = ws.assessment.view(YEAR)
        self_scored = [line for line in view.lines if line.is_leaf and line.criterion.method == "self"]
        scored = [line for line in self_scored if line.self_score is not None]
        assert 0.5 <= len(scored) / len(self_scored) <= 0.7
        assert all(line.score.explanation for line in scored if line.criterion.code != "5.3")
        assert [p.message.split(":")[0] for p in view.blocking] == ["Tiêu chí 5.3"]
        files = [item for item in ws.evidence.for_year(YEAR) if item.evidence.entity == "criterion_score"]
        assert len(files) == 4 and sum(item.evidence.secret for item in files) == 1
        export = ws.evidence.for_export([(i.evidence.entity, i.evidence.row_id) for i in files])
        assert export.withheld_secret == 1 and len(export.files) == 3
        assert all(f.data[:5] == b"%PDF-" or f.data[:4] == b"\x89PNG" for f in export.files)


def test_show_json_prints_tree_totals_and_problems(demo_path, capsys):
    assert run(["assess", "show", "--db", str(demo_path), "--year", str(YEAR), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["catalogue"]["illustrative"] is True
    assert data["catalogue"]["notice"].startswith("Bộ tiêu chí minh họa, không phải bộ tiêu chí chính thức")
    assert [area["code"] for area in data["criteria"]] == [str(n) for n in range(1, 10)]
    leaf = data["criteria"][0]["children"][0]["children"][0]
    assert {"code", "max_points", "self_score", "proposed_score", "explanation", "evidence_count"} <= set(leaf)
    assert leaf["evidence_count"] == 1
    totals = data["totals"]
    assert totals["self_scored"]["max"] == 80 and totals["survey"]["max"] == 20
    assert totals["total"] == round(
        totals["self_scored"]["score"] + totals["bonus"]["score"] + totals["penalty"]["score"], 4
    )
    assert len(totals["areas"]) == 9
    assert data["can_submit"] is False and data["blocking"][0].startswith("Tiêu chí 5.3:")


def test_show_text_and_a_year_not_started(demo_path, capsys):
    assert run(["assess", "show", "--db", str(demo_path), "--year", str(YEAR)]) == 0
    out = capsys.readouterr().out
    assert "Tự đánh giá, chấm điểm Chỉ số CCHC năm 2026" in out and "Còn 1 lỗi phải sửa trước khi nộp" in out
    assert run(["assess", "show", "--db", str(demo_path), "--year", "2031"]) == 2
    assert "Chưa có bản tự đánh giá chỉ số CCHC năm 2031" in capsys.readouterr().err
