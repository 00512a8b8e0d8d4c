"""Rows copied from Word or Excel tables map onto task and indicator columns sensibly."""

from __future__ import annotations

from cchc_desktop.plans.paste import INDICATOR_COLUMNS, TASK_COLUMNS, area_for_title, parse_rows, split_clipboard

WORD_TABLE = (
    "STT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\tSản phẩm\tThời gian thực hiện\n"
    "I\tCải cách thể chế\t\t\t\t\n"
    "1\tRà soát văn bản quy phạm pháp luật\tCông chức Tư pháp\tVăn phòng\tBáo cáo\tQuý II/2026\n"
    "\tdo HĐND, UBND xã ban hành\t\t\t\t\n"
    "II\tCải cách thủ tục hành chính\t\t\t\t\n"
    "2\tNiêm yết công khai TTHC\tBộ phận Một cửa\t\tDanh mục TTHC\tThường xuyên\n"
)


def test_header_row_maps_columns_and_area_headings_set_the_area():
    rows = parse_rows(WORD_TABLE, TASK_COLUMNS).rows
    assert rows == [
        {
            "content": "Rà soát văn bản quy phạm pháp luật do HĐND, UBND xã ban hành",
            "lead_unit": "Công chức Tư pháp",
            "coordinating_units": "Văn phòng",
            "product": "Báo cáo",
            "deadline_text": "Quý II/2026",
            "area_code": "THECHE",
        },
        {
            "content": "Niêm yết công khai TTHC",
            "lead_unit": "Bộ phận Một cửa",
            "product": "Danh mục TTHC",
            "deadline_text": "Thường xuyên",
            "area_code": "TTHC",
        },
    ]


def test_without_header_stt_is_dropped_and_columns_found_by_content():
    text = "1\tTập huấn kỹ năng số\tVăn phòng\tCác đoàn thể\tQuý III/2026\tKế hoạch\t5.000.000\n"
    assert parse_rows(text, TASK_COLUMNS).rows == [
        {
            "content": "Tập huấn kỹ năng số",
            "lead_unit": "Văn phòng",
            "coordinating_units": "Các đoàn thể",
            "deadline_text": "Quý III/2026",
            "product": "Kế hoạch",
            "budget": "5.000.000",
        }
    ]


def test_excel_quoted_multiline_cells_stay_whole():
    text = 'Việc A\t"dòng 1\ndòng ""hai"""\tHằng tháng\n'
    rows = split_clipboard(text)
    assert rows == [["Việc A", 'dòng 1\ndòng "hai"', "Hằng tháng"]]


def test_cells_beyond_the_header_are_reported():
    result = parse_rows("Nội dung\tChủ trì\nViệc A\tVăn phòng\tthừa 1\tthừa 2\n", TASK_COLUMNS)
    assert result.rows == [{"content": "Việc A", "lead_unit": "Văn phòng"}]
    assert result.notes == [("paste.too_many_columns", {"row": 1, "count": 4, "max": 2})]


def test_indicator_target_phrase_is_read():
    rows = parse_rows("Chỉ tiêu\tMục tiêu\nTỷ lệ hồ sơ số hóa\tPhấn đấu từ 55% trở lên\n", INDICATOR_COLUMNS).rows
    assert rows == [
        {"text": "Tỷ lệ hồ sơ số hóa", "target": 55.0, "comparator": ">=", "unit": "%", "aspirational": True}
    ]


def test_a_target_that_is_not_a_number_is_kept_in_words():
    text = "Chỉ tiêu\tMục tiêu\nXếp hạng Chỉ số CCHC\tthuộc nhóm 10 đơn vị dẫn đầu\nTỷ lệ hài lòng\tduy trì\n"
    rows = parse_rows(text, INDICATOR_COLUMNS).rows
    assert [r.get("target_text") for r in rows] == ["thuộc nhóm 10 đơn vị dẫn đầu", "duy trì"]
    assert all("target" not in r for r in rows)


def test_the_only_time_column_of_a_seed_table_is_the_deadline_and_a_second_one_the_schedule():
    one = parse_rows("Nội dung\tChủ trì\tThời gian thực hiện\nViệc A\tVăn phòng\tQuý III/2025\n", TASK_COLUMNS)
    assert one.rows == [{"content": "Việc A", "lead_unit": "Văn phòng", "deadline_text": "Quý III/2025"}]
    two = parse_rows(
        "Nội dung\tThời gian thực hiện\tThời gian hoàn thành\nViệc A\tTháng 7 - tháng 12/2025\t31/12/2025\n",
        TASK_COLUMNS,
    )
    assert two.rows == [
        {"content": "Việc A", "schedule_text": "Tháng 7 - tháng 12/2025", "deadline_text": "31/12/2025"}
    ]


def test_area_titles_from_seed_variants():
    assert area_for_title("Về cải cách thủ tục hành chính") == "TTHC"
    assert area_for_title("Xây dựng, phát triển chính quyền điện tử, chính quyền số") == "CQS"
    assert area_for_title("Triển khai và áp dụng Hệ thống quản lý chất lượng ISO: 9001") == "ISO"
    assert area_for_title("Tác động của CCHC đến phát triển KT-XH") == "TACDONG"
    assert area_for_title("Nội dung khác") is None


def test_empty_clipboard():
    assert parse_rows("\n\n", TASK_COLUMNS).rows == []
