"""Criteria catalogues: the shipped illustrative set, and a province's set from JSON or Excel."""

from __future__ import annotations

import json

import pytest
from openpyxl import Workbook

from cchc_desktop.assessment.catalogue import CatalogueImportError
from cchc_desktop.assessment.catalogue_files import load_default_catalogue
from cchc_desktop.assessment.service import CatalogueWouldDropError
from cchc_desktop.cli.main import run
from cchc_desktop.kernel.errors import LockedError
from tests.support.assessment import YEAR, line_of, score_id

HEADERS = [
    "Mã",
    "Mã mục cha",
    "Tên tiêu chí",
    "Điểm tối đa (điểm)",
    "Phương pháp chấm",
    "Bước điểm",
    "Hướng dẫn chấm",
    "Tài liệu kiểm chứng",
    "Chỉ tiêu",
    "Ngưỡng đề xuất",
]
GOOD_ROWS = [
    ["1", None, "Công tác chỉ đạo, điều hành", 4, None, None, None, None, None, None],
    ["1.1", "1", "Ban hành kế hoạch CCHC", 2, "Tự chấm", None, "Đúng hạn: 2 điểm", "Kế hoạch", None, None],
    [
        "1.2",
        "1",
        "Tỷ lệ nhiệm vụ hoàn thành",
        2,
        "tự chấm - thẩm định",
        0.5,
        None,
        None,
        "CX-01",
        "≥90: 100%; 70-90: 50%; <70: 0",
    ],
    ["2", None, "Tác động", 6, None, None, None, None, None, None],
    ["2.1", "2", "Điều tra xã hội học về sự hài lòng", 6, "Điều tra xã hội học", None, None, None, None, None],
    ["3", None, "Điểm thưởng", 1, "điểm thưởng", None, None, None, None, None],
    ["4", None, "Điểm trừ", 1, "Điểm trừ", None, None, None, None, None],
]


def _workbook(path, rows, info: dict | None = None):
    book = Workbook()
    sheet = book.active
    sheet.title = "Tiêu chí"
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    if info:
        meta = book.create_sheet("Thông tin")
        for key, value in info.items():
            meta.append([key, value])
    book.save(path)
    return path


def _catalogue_count(ws) -> int:
    return ws.conn.execute("SELECT count(*) FROM criteria_catalogues").fetchone()[0]


def test_shipped_catalogue_is_illustrative_and_shaped_like_the_commune_set():
    spec = load_default_catalogue()
    roots = [n for n in spec.nodes if not n.parent_code]
    assert spec.illustrative and len(roots) == 9
    assert [n.max_points for n in roots[:8]] == [10, 8, 15, 6, 10, 6, 15, 30]
    leaves = spec.leaves()
    assert sum(n.max_points for n in leaves if n.method in ("self", "survey")) == 100
    assert sum(n.max_points for n in leaves if n.method == "survey") == 20
    assert 50 <= sum(1 for n in leaves if n.method == "self") <= 65
    assert {n.method for n in leaves} == {"self", "survey", "bonus", "penalty"}
    assert any(n.indicator_code == "CX-11" and n.thresholds for n in leaves)


def test_excel_import_builds_the_tree(ws, tmp_path):
    path = _workbook(
        tmp_path / "bo-tieu-chi.xlsx",
        GOOD_ROWS,
        {
            "Tên bộ tiêu chí": "Bộ chỉ số CCHC cấp xã tỉnh Hà Tĩnh",
            "Năm áp dụng": 2026,
            "Quyết định": "Quyết định số 12/QĐ-UBND",
        },
    )
    result = ws.assessment.import_catalogue(path)
    assert (result.year, result.areas, result.scored_nodes) == (2026, 4, 5)
    assert result.catalogue.title == "Bộ chỉ số CCHC cấp xã tỉnh Hà Tĩnh"
    assert not result.catalogue.illustrative
    ws.assessment.start(2026)
    lines = {line.criterion.code: line for line in ws.assessment.view(2026, {"CX-01": 80}).lines}
    assert lines["1.2"].criterion.level == 2 and lines["1.2"].criterion.step == 0.5
    assert lines["1.2"].proposed == 1
    assert [lines[c].criterion.method for c in ("1.1", "2.1", "3", "4")] == ["self", "survey", "bonus", "penalty"]


def test_excel_bad_rows_are_reported_by_row_number_and_nothing_is_imported(ws, tmp_path):
    rows = [list(r) for r in GOOD_ROWS]
    rows[1][3] = "abc"  # sheet row 3
    rows[2][9] = "≥ chín mươi: tối đa"  # row 4
    rows[4][1] = "9"  # row 6
    rows[6][4] = "cộng điểm thi đua"  # row 8
    rows.append(["1.1", "1", "Trùng mã", 1, None, None, None, None, None, None])  # row 9
    path = _workbook(tmp_path / "sai.xlsx", rows, {"Năm": 2026})
    with pytest.raises(CatalogueImportError) as info:
        ws.assessment.import_catalogue(path)
    errors = info.value.errors
    assert "Dòng 3: điểm tối đa «abc» không phải là số" in errors
    assert any(e.startswith("Dòng 4: ngưỡng đề xuất «≥ chín mươi: tối đa» không đọc được") for e in errors)
    assert any(e.startswith("Dòng 8: phương pháp chấm «cộng điểm thi đua» không hợp lệ") for e in errors)
    assert "Dòng 9: mã «1.1» trùng với Dòng 3" in errors
    assert "chưa nhập dòng nào" in str(info.value)
    assert _catalogue_count(ws) == 0


def test_tree_errors_unknown_parent_and_sums(ws, tmp_path):
    rows = [list(r) for r in GOOD_ROWS]
    rows[4][1] = "9"
    rows[0][3] = 5
    with pytest.raises(CatalogueImportError) as info:
        ws.assessment.import_catalogue(_workbook(tmp_path / "cay.xlsx", rows, {"Năm": 2026}))
    assert info.value.errors == ["Dòng 6: mã mục cha «9» không có trong bảng"]
    rows[4][1] = "2"
    with pytest.raises(CatalogueImportError) as info:
        ws.assessment.import_catalogue(_workbook(tmp_path / "tong.xlsx", rows, {"Năm": 2026}))
    assert info.value.errors == ["Dòng 2: tổng điểm tối đa của các mục con là 4, khác điểm tối đa của mục «1» (5)"]


def test_excel_without_the_needed_columns(ws, tmp_path):
    book = Workbook()
    book.active.append(["Số thứ tự", "Nội dung"])
    book.active.append(["1", "Chỉ đạo"])
    book.save(tmp_path / "thieu.xlsx")
    with pytest.raises(CatalogueImportError) as info:
        ws.assessment.import_catalogue(tmp_path / "thieu.xlsx", year=2026)
    assert "thiếu cột «Điểm tối đa»" in str(info.value)


def test_json_import_flat_with_bad_items(ws, tmp_path):
    document = {
        "ten": "Bộ tiêu chí thử",
        "nam": 2026,
        "tieu_chi": [
            {"ma": "1", "ten": "Chỉ đạo", "diem_toi_da": 2},
            {"ma": "1.1", "ma_cha": "1", "ten": "Kế hoạch", "diem_toi_da": "abc"},
            {"ma": "1.2", "ma_cha": "1", "ten": "", "diem_toi_da": 1},
        ],
    }
    path = tmp_path / "bo.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CatalogueImportError) as info:
        ws.assessment.import_catalogue(path)
    assert info.value.errors == ["Mục 2: điểm tối đa «abc» không phải là số", "Mục 3: thiếu tên của mục «1.2»"]
    path.write_text("{ không phải json", encoding="utf-8")
    with pytest.raises(CatalogueImportError) as info:
        ws.assessment.import_catalogue(path)
    assert "không đúng định dạng JSON" in str(info.value)
    assert _catalogue_count(ws) == 0


def test_reimport_carries_scores_by_code_and_asks_before_dropping(assessed, tmp_path):
    ws = assessed
    ws.edit("criterion_score", score_id(ws, "1.1.1"), "self_score", 1)
    ws.edit("criterion_score", score_id(ws, "1.1.1"), "explanation", "Ban hành ngày 08/01")
    kept_id = score_id(ws, "1.1.1")
    rows = [
        ["1.1.1", None, "Ban hành kế hoạch CCHC năm", 1, None, None, None, None, None, None],
        ["2", None, "Tiêu chí mới", 2, None, None, None, None, None, None],
    ]
    path = _workbook(tmp_path / "moi.xlsx", rows, {"Năm": 2026})
    ws.edit("criterion_score", score_id(ws, "3.1.1"), "explanation", "Đã niêm yết")
    with pytest.raises(CatalogueWouldDropError) as info:
        ws.assessment.import_catalogue(path)
    assert info.value.codes == ["3.1.1"]
    result = ws.assessment.import_catalogue(path, replace=True)
    assert (result.kept, result.added, result.removed) == (1, 1, 68)
    line = line_of(ws, "1.1.1")
    assert line.score.id == kept_id and line.self_score == 1 and line.score.explanation == "Ban hành ngày 08/01"
    assert ws.assessment.view(YEAR, {}).catalogue.illustrative is False


def test_import_is_refused_once_submitted(assessed, tmp_path):
    ws = assessed
    ws.assessment.submit(YEAR, {})
    path = _workbook(tmp_path / "moi.xlsx", GOOD_ROWS, {"Năm": 2026})
    with pytest.raises(LockedError) as info:
        ws.assessment.import_catalogue(path)
    assert "đã nộp" in str(info.value) and "Mở lại để sửa" in str(info.value)


def test_cli_import_prints_row_errors_or_one_line(ws, ws_path, tmp_path, capsys):
    ws.close()
    bad = [list(r) for r in GOOD_ROWS]
    bad[1][3] = "abc"
    code = run(
        [
            "assess",
            "import-criteria",
            "--db",
            str(ws_path),
            str(_workbook(tmp_path / "sai.xlsx", bad)),
            "--year",
            "2026",
        ]
    )
    captured = capsys.readouterr()
    assert code == 2 and "Dòng 3: điểm tối đa «abc» không phải là số" in captured.err
    code = run(
        [
            "assess",
            "import-criteria",
            "--db",
            str(ws_path),
            str(_workbook(tmp_path / "dung.xlsx", GOOD_ROWS)),
            "--year",
            "2026",
        ]
    )
    out = capsys.readouterr().out.strip().splitlines()
    assert code == 0 and len(out) == 1 and out[0].startswith("Đã nhập «Bộ tiêu chí nhập từ tệp dung.xlsx» cho năm 2026")


def test_excel_with_a_title_row_and_a_running_number_column(ws, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP XÃ NĂM 2026"])
    sheet.append([])
    sheet.append(["STT", "Mã", "Mã mục cha", "Tên tiêu chí", "Điểm tối đa"])
    sheet.append([1, "1", None, "Chỉ đạo, điều hành", 2])
    sheet.append([2, "1.1", "1", "Ban hành kế hoạch", ""])
    book.save(tmp_path / "tieu-de.xlsx")
    with pytest.raises(CatalogueImportError) as info:
        ws.assessment.import_catalogue(tmp_path / "tieu-de.xlsx", year=2026)
    assert info.value.errors == ["Dòng 5: thiếu điểm tối đa của mục «1.1»"]
    sheet["E5"] = 2
    book.save(tmp_path / "tieu-de.xlsx")
    result = ws.assessment.import_catalogue(tmp_path / "tieu-de.xlsx", year=2026)
    assert (result.areas, result.scored_nodes) == (1, 1)


def test_a_kept_score_the_new_catalogue_no_longer_accepts_is_reported(assessed, tmp_path):
    ws = assessed
    sid = score_id(ws, "1.2")
    ws.edit("criterion_score", sid, "self_score", 1)
    rows = [
        ["1", None, "Chỉ đạo", 0.5, None, None, None, None, None, None],
        ["1.2", "1", "Báo cáo định kỳ", 0.5, None, None, None, None, None, None],
    ]
    ws.assessment.import_catalogue(_workbook(tmp_path / "nho.xlsx", rows, {"Năm": 2026}), replace=True)
    ws.edit("criterion_score", sid, "explanation", "Gửi đủ 4 báo cáo")
    problems = [p for p in ws.assessment.problems(YEAR, {}) if p.blocking]
    assert [p.message for p in problems] == [
        "Tiêu chí 1.2: điểm tự chấm 1 không còn hợp lệ theo bộ tiêu chí hiện hành"
        " (từ 0 đến 0,5, bước 0,25); hãy chấm lại."
    ]
