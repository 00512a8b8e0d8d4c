"""``backup``: list what each backup holds, back up now, restore by number or name, set how many are kept."""

from __future__ import annotations

import json

from cchc_desktop.cli.main import run
from cchc_desktop.workspace import Workspace


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_list_now_restore_and_keep(ws, ws_path, small_framework, capsys):
    plan = ws.plans.create(2026, "framework", small_framework)
    ws.close()
    db = str(ws_path)
    assert _run(capsys, "backup", "list", "--db", db)[1].startswith("Chưa có bản sao lưu nào")
    code, out, _ = _run(capsys, "backup", "now", "--db", db)
    assert code == 0 and out.startswith("Đã sao lưu: ") and out.strip().endswith("-thu-cong.sqlite")
    with Workspace.open(ws_path) as edited:
        edited.edit("plan", plan.id, "title", "Tên đã sửa sau khi sao lưu")
    code, out, _ = _run(capsys, "backup", "list", "--db", db)
    assert out.startswith("#1  ") and "Sao lưu theo yêu cầu  nguyên vẹn" in out
    assert "Ủy ban nhân dân xã Kỳ Phong; năm: 2026;" in out
    code, out, err = _run(capsys, "backup", "restore", "--db", db, "#1")
    assert code == 0, err
    assert out.startswith("Đã khôi phục tệp «xa.sqlite» từ bản sao lưu «xa-") and "-truoc-khoi-phuc.sqlite" in out
    with Workspace.open(ws_path) as restored:
        assert restored.plans.get(plan.id).title != "Tên đã sửa sau khi sao lưu"
    listed = json.loads(_run(capsys, "backup", "list", "--db", db, "--json")[1])
    assert [item["reason"] for item in listed] == ["restore", "manual"]
    assert listed[0]["last_change"]["text"].startswith("Sửa Kế hoạch «") and listed[0]["years"] == [2026]
    code, out, _ = _run(capsys, "backup", "keep", "--db", db, "1")
    assert (
        out.strip() == "Giữ lại 1 bản sao lưu gần nhất."
        and len(json.loads(_run(capsys, "backup", "list", "--db", db, "--json")[1])) == 1
    )


def test_bad_choices_are_one_line_errors(demo_path, capsys):
    code, _, err = _run(capsys, "backup", "restore", "--db", str(demo_path), "#7")
    assert code == 2 and err.startswith("Lỗi: Không có bản sao lưu «#7»") and err.count("\n") == 1
    code, _, err = _run(capsys, "backup", "keep", "--db", str(demo_path), "0")
    assert code == 2 and "từ 1 đến 100, không phải 0" in err
