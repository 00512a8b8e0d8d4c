"""Fixtures for document tests: a realistic plan rendered once per session to real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_desktop.kernel.documents.pdf import render_pdf
from cchc_desktop.plans.documents.document import build_plan_document
from tests.support.documents import pdftotext, squeeze
from tests.support.samples import sample_aggregate, sample_profile


@pytest.fixture(scope="session")
def profile():
    return sample_profile()


@pytest.fixture(scope="session")
def plan_kh():
    return sample_aggregate("KH")


@pytest.fixture(scope="session")
def plan_qd():
    return sample_aggregate("QD")


@pytest.fixture(scope="session")
def out_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("documents")


@pytest.fixture(scope="session")
def kh_pdf(profile, plan_kh, out_dir) -> Path:
    path = out_dir / "plan_kh.pdf"
    path.write_bytes(render_pdf(build_plan_document(profile, plan_kh)))
    return path


@pytest.fixture(scope="session")
def qd_pdf(profile, plan_qd, out_dir) -> Path:
    path = out_dir / "plan_qd.pdf"
    path.write_bytes(render_pdf(build_plan_document(profile, plan_qd)))
    return path


@pytest.fixture(scope="session")
def kh_layout_text(kh_pdf) -> str:
    return squeeze(pdftotext(kh_pdf, "-layout"))


@pytest.fixture(scope="session")
def kh_raw_text(kh_pdf) -> str:
    return pdftotext(kh_pdf, "-raw")


from tests.support.rendered import assessment_data, h1_data, render_ws_path, rendered  # noqa: E402,F401 - shared fixtures
