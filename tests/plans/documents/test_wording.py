"""What a chairman reads in the printed plan: each target said once, the document's type said once,
a decision that "Ban hành" its plan (Decree 30 keeps "V/v" for công văn)."""

from __future__ import annotations

import pytest

from cchc_desktop.kernel.documents.pdf import render_pdf
from cchc_desktop.plans.documents.document import build_plan_document
from cchc_desktop.plans.documents.indicator_words import indicator_sentence, states_target, target_words
from cchc_desktop.plans.model import Indicator
from cchc_desktop.rendering import read_plan
from cchc_desktop.workspace import Workspace
from tests.support.documents import body_text, doubled_phrases, pdftotext, squeeze
from tests.support.rendered import without_page_numbers


@pytest.fixture(scope="module")
def demo_plan_texts(demo_template, tmp_path_factory) -> dict[str, str]:
    """The demo's issued plan printed as a Kế hoạch and as a Quyết định, read back with poppler."""
    out = tmp_path_factory.mktemp("demo-plan")
    with Workspace.open(demo_template) as ws:
        profile, agg = read_plan(ws, 2026)
    texts = {}
    for mode in ("KH", "QD"):
        path = out / f"plan-{mode}.pdf"
        path.write_bytes(render_pdf(build_plan_document(profile, agg, as_decision=mode == "QD")))
        texts[mode] = without_page_numbers(pdftotext(path, "-raw"))
    return texts


def _indicator(text: str, comparator: str = ">=", target: float | None = None, unit: str = "%", **kw) -> Indicator:
    return Indicator(
        id=1, uid="i", plan_id=1, position=0, text=text, comparator=comparator, target=target, unit=unit, **kw
    )


@pytest.mark.parametrize("mode", ["KH", "QD"])
def test_no_phrase_of_the_demo_plan_is_said_twice(demo_plan_texts, mode):
    text = demo_plan_texts[mode]
    assert doubled_phrases(body_text(text)) == []
    assert "đạt 00" not in text and "Kế hoạch kế hoạch" not in squeeze(text)


def test_the_type_of_document_is_not_repeated_in_its_summary(demo_plan_texts):
    lines = [line.strip() for line in demo_plan_texts["KH"].splitlines() if line.strip()]
    title = lines.index("KẾ HOẠCH")
    assert lines[title + 1].startswith("Cải cách hành chính xã Kỳ Phong năm 2026")


def test_a_decision_issues_its_plan_without_v_v(demo_plan_texts):
    text = squeeze(demo_plan_texts["QD"])
    assert "Ban hành Kế hoạch cải cách hành chính xã Kỳ Phong năm 2026" in text
    assert "V/v" not in text
    assert "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính xã Kỳ Phong năm 2026." in text


@pytest.mark.parametrize(
    ("indicator", "sentence"),
    [
        (_indicator("Tỷ lệ giao dịch thanh toán trực tuyến đạt từ 40% trở lên", target=40), "…đạt từ 40% trở lên."),
        (_indicator("Tỷ lệ hồ sơ được số hóa", target=55), "Tỷ lệ hồ sơ được số hóa đạt từ 55% trở lên."),
        (
            _indicator("Thu ngân sách khoảng 5.000 triệu đồng", "~", 5000, "triệu đồng"),
            "Thu ngân sách khoảng 5.000 triệu đồng.",
        ),
        (
            _indicator("Tối thiểu một lần trong năm tổ chức đối thoại", target=1, unit="cuộc"),
            "Tối thiểu một lần trong năm tổ chức đối thoại.",
        ),
        (
            _indicator("Không có cán bộ, công chức bị xử lý kỷ luật", "=", 0, "trường hợp"),
            "Không có cán bộ, công chức bị xử lý kỷ luật.",
        ),
        (
            _indicator("Tỷ lệ hồ sơ trực tuyến", target=None, target_text="tăng so với năm trước"),
            "Tỷ lệ hồ sơ trực tuyến: tăng so với năm trước.",
        ),
        (
            _indicator("Duy trì xếp hạng Chỉ số CCHC", target=None, target_text="thuộc nhóm 10 đơn vị dẫn đầu"),
            "Duy trì xếp hạng Chỉ số CCHC: thuộc nhóm 10 đơn vị dẫn đầu.",
        ),
        (
            _indicator("Một cửa: số cuộc đối thoại", target=2, unit="cuộc"),
            "Một cửa: số cuộc đối thoại đạt từ 02 cuộc trở lên.",
        ),
    ],
)
def test_a_target_is_said_once(indicator, sentence):
    printed = indicator_sentence(indicator)
    assert printed.endswith(sentence.lstrip("…")) if sentence.startswith("…") else printed == sentence
    assert doubled_phrases(printed) == []


def test_a_target_of_none_reads_as_none():
    zero = _indicator("Số cán bộ, công chức bị xử lý kỷ luật", "=", 0, "trường hợp")
    assert target_words(zero) == "không có trường hợp nào"
    assert indicator_sentence(zero) == "Số cán bộ, công chức bị xử lý kỷ luật không có trường hợp nào."


def test_a_target_in_words_is_the_target():
    words = _indicator("Mức độ hài lòng", target=None, target_text="duy trì")
    assert target_words(words) == "duy trì" and not states_target(words)
