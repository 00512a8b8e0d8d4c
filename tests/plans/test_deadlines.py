"""Every deadline form the seeds use is read; unreadable text is kept and flagged."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from cchc_desktop.plans.deadlines import parse_deadline
from tests.support.paths import SEEDS

CASES = [
    ("Quý IV/2023", "quarter", dt.date(2023, 12, 31), None),
    ("Quý IV/2022", "quarter", dt.date(2022, 12, 31), None),
    ("Quý I", "quarter", dt.date(2026, 3, 31), None),
    ("Hàng năm", "recurring", None, "annual"),
    ("Hằng năm", "recurring", None, "annual"),
    ("Theo Kế hoạch hàng năm", "recurring", None, "annual"),
    ("hàng tháng", "recurring", None, "monthly"),
    ("định kỳ hàng quý", "recurring", None, "quarterly"),
    ("hàng tuần", "recurring", None, "weekly"),
    ("Tối thiểu một lần trong năm", "recurring", None, "annual"),
    ("Thường xuyên", "continuous", None, "continuous"),
    ("Thường xuyên; theo chỉ đạo của UBND tỉnh", "continuous", None, "continuous"),
    ("Tháng 1/2023", "month", dt.date(2023, 1, 31), None),
    ("Tháng 12/2022", "month", dt.date(2022, 12, 31), None),
    ("Tháng 6/2023", "month", dt.date(2023, 6, 30), None),
    ("Trước ngày 20/11/2023", "before", dt.date(2023, 11, 19), None),
    ("Trước ngày 20 tháng 11 năm 2023", "before", dt.date(2023, 11, 19), None),
    ("Chậm nhất ngày 30/6/2026", "before", dt.date(2026, 6, 30), None),
    ("Năm 2023", "year", dt.date(2023, 12, 31), None),
    ("Giai đoạn 2022-2025", "period", dt.date(2025, 12, 31), None),
    ("2022-2025", "period", dt.date(2025, 12, 31), None),
    ("kỳ 2019-2023", "period", dt.date(2023, 12, 31), None),
    ("Theo lộ trình Trung ương", "event", None, None),
    ("Thực hiện theo lộ trình Đề án của Trung ương", "event", None, None),
    ("Thực hiện theo Quyết định Trung ương", "event", None, None),
    ("khi có yêu cầu", "event", None, None),
    ("theo đúng thời gian quy định", "event", None, None),
    ("ngay từ đầu năm", "event", None, None),
    ("15/3/2026", "date", dt.date(2026, 3, 15), None),
    ("6 tháng đầu năm", "half", dt.date(2026, 6, 30), None),
    (
        "- Quý IV/2022: hoàn thành rà soát; - Quý IV/2025: hoàn thành điện tử hóa 50%",
        "multi",
        dt.date(2025, 12, 31),
        None,
    ),
    ("Quý IV/2025 Căn cứ theo chỉ đạo của Bộ KH&CN", "quarter", dt.date(2025, 12, 31), None),
]


@pytest.mark.parametrize("text,kind,due,recurrence", CASES)
def test_seed_deadline_forms(text, kind, due, recurrence):
    parsed = parse_deadline(text, 2026)
    assert (parsed.kind, parsed.due, parsed.recurrence) == (kind, due, recurrence)
    assert parsed.raw == text


@pytest.mark.parametrize("text", ["blah blah", "Tháng 13/2023", "31/02/2026", "sau khi xong"])
def test_unreadable_text_is_kept_and_flagged(text):
    parsed = parse_deadline(text, 2026)
    assert parsed.flagged and parsed.raw == text and parsed.due is None


def _seed_deadline_cells() -> list[str]:
    """Deadline cells of the seeds' task tables (004 Biểu, 002 Phụ lục 04) plus 001's."""
    cells = []
    for name, column_title in (("004_", "Thời gian thực hiện"), ("002_", "Thời gian hoàn thành")):
        text = next(SEEDS.glob(f"{name}*.txt")).read_text(encoding="utf-8")
        index = None
        for line in text.splitlines():
            parts = line.split("\t")
            titles = [p.strip() for p in parts]
            if any(t.startswith(column_title) for t in titles):
                index = next(i for i, t in enumerate(titles) if t.startswith(column_title))
                continue
            if (
                index is not None
                and len(parts) > index
                and re.match(r"^\d+$", parts[0].strip())
                and parts[index].strip()
            ):
                cells.append(parts[index].strip())
    return cells


def test_every_deadline_string_in_the_seeds_is_understood():
    assert SEEDS.is_dir(), f"the seed documents must be beside the project at {SEEDS} (../shared/seeds)"
    cells = _seed_deadline_cells()
    assert len(cells) >= 40
    for cell in cells:
        assert not parse_deadline(cell, 2023).flagged, cell
    assert not parse_deadline("Trước ngày 20 tháng 11 năm 2023", 2023).flagged


def test_sorting_and_overdue():
    items = [parse_deadline(t, 2026) for t in ("Thường xuyên", "Quý II/2026", "Tháng 1/2026", "xyz", "Hằng tháng")]
    ordered = [d.raw for d in sorted(items, key=lambda d: d.sort_key())]
    assert ordered == ["Tháng 1/2026", "Quý II/2026", "Hằng tháng", "Thường xuyên", "xyz"]
    assert parse_deadline("Tháng 1/2026", 2026).is_overdue(dt.date(2026, 2, 1))
    assert not parse_deadline("Thường xuyên", 2026).is_overdue(dt.date(2030, 1, 1))
