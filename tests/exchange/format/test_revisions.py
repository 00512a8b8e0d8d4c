"""Revision verdicts the importer uses (§5.1 step 9)."""

from __future__ import annotations

import dataclasses

import pytest

from cchc_desktop.exchange.format import (
    ImportedRevision,
    RevisionVerdict,
    build_package,
    check_revision,
    classify_revision,
)
from cchc_desktop.exchange.format import errors as e
from tests.exchange.format.craft import DATA, FIELDS


@pytest.fixture
def manifest(tmp_path, key):
    return build_package(FIELDS, DATA, None, [], key, tmp_path / "x.cchc")  # revision 2


def test_verdicts(manifest):
    assert classify_revision(manifest, None) is RevisionVerdict.NEW
    assert classify_revision(manifest, ImportedRevision("a" * 32, 1)) is RevisionVerdict.NEWER
    assert classify_revision(manifest, ImportedRevision(manifest.package_id, 2)) is RevisionVerdict.ALREADY_IMPORTED
    assert (
        classify_revision(manifest, ImportedRevision("b" * 32, 3), {manifest.package_id})
        is RevisionVerdict.ALREADY_IMPORTED
    )
    assert classify_revision(manifest, ImportedRevision("b" * 32, 3)) is RevisionVerdict.OLDER
    assert classify_revision(manifest, ImportedRevision("b" * 32, 2)) is RevisionVerdict.CONFLICT


def test_check_revision_refuses_older_and_conflicting(manifest):
    with pytest.raises(e.RevisionOlderError) as older:
        check_revision(manifest, ImportedRevision("b" * 32, 3), "x.cchc")
    assert "lần gửi 2" in str(older.value) and "lần gửi 3" in str(older.value)
    with pytest.raises(e.RevisionConflictError):
        check_revision(manifest, ImportedRevision("b" * 32, 2), "x.cchc")
    assert check_revision(manifest, None, "x.cchc") is RevisionVerdict.NEW


def test_series_distinguishes_periods(manifest):
    other = dataclasses.replace(manifest, period="Q2")
    assert manifest.series != other.series
