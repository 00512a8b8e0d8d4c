"""Province figures from summed numerators and denominators; scores recomputed, ranked, banded."""

from __future__ import annotations

from cchc_desktop.receiver.index import CriterionScore, TaskState, distribution, lagging_tasks, unit_scores
from cchc_desktop.receiver.indicators import UnitFigure, consolidate


def _figure(
    unit: str, numerator=None, denominator=None, value=None, attainment="met", code="CX-01", measure="%"
) -> UnitFigure:
    figure = 100 * numerator / denominator if denominator else value
    return UnitFigure(
        "42",
        unit,
        f"Xã {unit}",
        code,
        "Tỷ lệ hồ sơ trực tuyến",
        measure,
        ">=",
        55,
        None,
        numerator,
        denominator,
        value,
        figure,
        attainment,
    )


def test_a_rate_is_the_ratio_of_the_sums_not_the_mean_of_the_rates():
    rows = consolidate([_figure("1", 3, 4), _figure("2", 1, 100, attainment="not_met")])
    (rate,) = rows
    assert (rate.numerator, rate.denominator) == (4, 104)
    assert round(rate.rate, 2) == 3.85 and round((75 + 1) / 2, 2) == 38.0  # averaging would claim 38 %
    assert (rate.count("met"), rate.count("not_met"), rate.reporting) == (1, 1, 2)


def test_counts_are_summed_and_indicators_grouped_by_code():
    dialogues = [_figure("1", value=2, code="CX-02"), _figure("2", value=5, code="CX-02"), _figure("3", code="CX-02")]
    (count,) = consolidate(dialogues)
    assert count.total == 7 and count.rate is None and count.reporting == 2
    assert count.mean is None and count.combined_text() == "7"


def test_a_level_each_unit_measures_is_averaged_not_summed():
    waits = [
        _figure("1", value=25, code="CX-19", measure="phút"),
        _figure("2", value=30, code="CX-19", measure=" Phút"),
    ]
    waits.append(_figure("3", code="CX-19", measure="phút"))
    (wait,) = consolidate(waits)
    assert wait.total is None and wait.mean == 27.5 and wait.combined == 27.5
    assert wait.combined_text() == "bình quân 27,5 phút"


def _criteria(unit: str, scores: dict[str, float | None]) -> list[CriterionScore]:
    tree = [
        ("1", "", 1, 10, False),
        ("1.1", "1", 2, 4, True),
        ("1.2", "1", 2, 6, True),
        ("2", "", 1, 5, False),
        ("2.1", "2", 2, 5, True),
    ]
    return [
        CriterionScore("42", unit, code, parent, level, f"Tiêu chí {code}", points, scores.get(code), leaf)
        for code, parent, level, points, leaf in tree
    ]


def test_totals_are_recomputed_from_the_leaves_and_ties_share_a_rank():
    criteria = (
        _criteria("A", {"1.1": 4, "1.2": 5, "2.1": 3})
        + _criteria("B", {"1.1": 2, "1.2": 6, "2.1": 4})
        + _criteria("C", {"1.1": 1, "1.2": None, "2.1": 2})
    )
    names = {("42", "A"): "Xã An", ("42", "B"): "Xã Bình", ("42", "C"): "Xã Cường"}
    scores, areas = unit_scores(criteria, names, {("42", "C"): False})
    assert [(s.name, s.total, s.rank) for s in scores] == [("Xã An", 12, 1), ("Xã Bình", 12, 1), ("Xã Cường", 3, 3)]
    assert scores[0].areas == {"1": 9, "2": 3} and (scores[2].scored, scores[2].scorable) == (2, 3)
    assert not scores[2].submitted and [a.code for a in areas] == ["1", "2"]
    assert distribution(scores, width=5, top=20) == [(0.0, 1), (5.0, 0), (10.0, 2), (15.0, 0)]


def test_lagging_tasks_are_grouped_across_units():
    tasks = [
        TaskState("Xã An", "Rà soát thủ tục hành chính", "Quý II", "2026-06-30", "in_progress"),
        TaskState("Xã Bình", "Rà soát  thủ tục hành chính", "Quý II", "2026-06-30", "not_done"),
        TaskState("Xã Cường", "Rà soát thủ tục hành chính", "Quý II", "2026-06-30", "done_on_time"),
        TaskState("Xã An", "Tuyên truyền", "Thường xuyên", None, "in_progress"),
    ]
    (only,) = lagging_tasks(tasks, "2026-07-10")
    assert only.units == ("Xã An", "Xã Bình") and (only.not_done, only.overdue) == (1, 1)
