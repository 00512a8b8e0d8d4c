"""Atomic writing: a failed or cancelled build leaves neither a .cchc file nor a temporary file."""

from __future__ import annotations

import dataclasses
import errno
import os

import pytest

from cchc_desktop.exchange.format import (
    EvidenceFile,
    Limits,
    atomic_output,
    build_package,
    verify_package,
    write_bytes_atomic,
)
from cchc_desktop.exchange.format import errors as e
from cchc_desktop.kernel.atomic import temp_path_for
from cchc_desktop.kernel.errors import JobCancelled
from tests.exchange.format.craft import DATA, DOCUMENT, FIELDS, build


def _big_evidence(folder):
    scan = folder / "scan.bin"
    scan.write_bytes(os.urandom(3 * 1024 * 1024))
    return [EvidenceFile("scan.bin", "application/octet-stream", path=scan)]


def _cancel_after(calls: int):
    seen = []

    def cancelled() -> bool:
        seen.append(1)
        return len(seen) > calls

    return cancelled


@pytest.mark.parametrize("calls", [0, 1, 3, 5])
def test_cancelled_build_leaves_nothing(tmp_path, key, calls):
    source, out_dir = tmp_path / "source", tmp_path / "usb"
    source.mkdir()
    out_dir.mkdir()
    evidence = _big_evidence(source)
    with pytest.raises(JobCancelled):
        build_package(FIELDS, DATA, DOCUMENT, evidence, key, out_dir / "goi.cchc", cancelled=_cancel_after(calls))
    assert os.listdir(out_dir) == []


def test_exception_from_progress_mid_write_leaves_nothing(tmp_path, key):
    evidence = _big_evidence(tmp_path)
    out_dir = tmp_path / "usb"
    out_dir.mkdir()

    def progress(done, total):
        if done > total // 2:
            raise RuntimeError("USB pulled out")

    with pytest.raises(RuntimeError):
        build_package(FIELDS, DATA, DOCUMENT, evidence, key, out_dir / "goi.cchc", progress=progress)
    assert os.listdir(out_dir) == []


def test_failed_rebuild_keeps_the_previous_package_intact(tmp_path, key, lookup):
    path = build(tmp_path, key)
    before = path.read_bytes()
    with pytest.raises(JobCancelled):
        build(tmp_path, key, evidence=_big_evidence(tmp_path), cancelled=_cancel_after(2))
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, "scan.bin"])
    verify_package(path, lookup)


def test_evidence_changed_while_building_is_caught(tmp_path, key):
    evidence = _big_evidence(tmp_path)
    out_dir = tmp_path / "usb"
    out_dir.mkdir()
    scan = evidence[0].path

    def progress(done, total):
        if done == scan.stat().st_size:  # hashing finished, writing not started
            scan.write_bytes(b"changed" + scan.read_bytes()[7:])

    with pytest.raises(e.EvidenceReadError) as caught:
        build_package(FIELDS, DATA, None, evidence, key, out_dir / "goi.cchc", progress=progress)
    assert "scan.bin" in str(caught.value)
    assert os.listdir(out_dir) == []


def test_secret_and_oversized_evidence_refused_before_writing(tmp_path, key):
    secret = [EvidenceFile("Biên bản mật.pdf", "application/pdf", data=b"%PDF-1.4", secret=True)]
    with pytest.raises(e.SecretEvidenceError) as caught:
        build_package(FIELDS, DATA, None, secret, key, tmp_path / "x.cchc")
    assert "Biên bản mật.pdf" in str(caught.value)
    with pytest.raises(e.EvidenceTooLargeError):
        build_package(
            FIELDS,
            DATA,
            None,
            _big_evidence(tmp_path),
            key,
            tmp_path / "x.cchc",
            limits=Limits(max_member_bytes=1024 * 1024),
        )
    with pytest.raises(e.InvalidDocumentError):
        build_package(FIELDS, DATA, b"<html>", [], key, tmp_path / "x.cchc")
    with pytest.raises(e.OutputNameError):
        build_package(FIELDS, DATA, None, [], key, tmp_path / "x.zip")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["scan.bin"]


@pytest.mark.parametrize(
    "limits",
    [
        Limits(max_total_bytes=2000),
        Limits(max_members=4),
        Limits(max_data_bytes=10),
        Limits(max_package_bytes=1500),
    ],
)
def test_packages_the_receiver_would_refuse_are_not_written(tmp_path, key, limits):
    with pytest.raises(e.PackageOverLimitError) as caught:
        build(tmp_path, key, limits=limits)
    assert "vượt giới hạn" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_invalid_fields_are_refused_with_the_field_name(tmp_path, key):
    bad = dataclasses.replace(FIELDS, year=1999)
    with pytest.raises(e.PackageFieldError) as caught:
        build_package(bad, DATA, None, [], key, tmp_path / "x.cchc")
    assert caught.value.field == "year" and "«year»" in str(caught.value)
    with pytest.raises(e.PackageFieldError):
        build_package(FIELDS, {"x": float("nan")}, None, [], key, tmp_path / "x.cchc")
    assert list(tmp_path.iterdir()) == []


def test_atomic_output_success_and_failure(tmp_path):
    target = tmp_path / "a.cchc"
    with pytest.raises(ValueError):
        with atomic_output(target) as handle:
            handle.write(b"half")
            raise ValueError("boom")
    assert list(tmp_path.iterdir()) == []
    write_bytes_atomic(target, b"whole")
    assert target.read_bytes() == b"whole"
    assert [p.name for p in tmp_path.iterdir()] == ["a.cchc"]


def test_temporary_name_never_looks_like_a_package(tmp_path):
    temp = temp_path_for(tmp_path / "goi.cchc")
    assert temp.parent == tmp_path and not temp.name.endswith(".cchc") and temp.name.startswith(".")


def test_disk_full_is_reported_in_vietnamese_and_leaves_nothing(tmp_path, key, monkeypatch):
    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(e.PackageWriteError) as caught:
        build_package(FIELDS, DATA, None, [], key, tmp_path / "goi.cchc")
    assert "ổ đĩa đã đầy" in str(caught.value) and "goi.cchc" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_a_write_error(tmp_path, key):
    with pytest.raises(e.PackageWriteError) as caught:
        build_package(FIELDS, DATA, None, [], key, tmp_path / "khong-co" / "goi.cchc")
    assert "USB" in str(caught.value)
