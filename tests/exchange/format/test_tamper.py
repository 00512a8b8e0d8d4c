"""Every single-byte change is detected: in every member's content, and in the raw .cchc file."""

from __future__ import annotations

import random

import pytest

from cchc_desktop.exchange.format import errors as e
from cchc_desktop.exchange.format import verify_package
from tests.exchange.format.craft import build, flip, read_members, replace_member, write_zip


@pytest.fixture(scope="module")
def original(tmp_path_factory, key):
    folder = tmp_path_factory.mktemp("original")
    path = build(folder, key)
    return path, read_members(path)


def _assert_each_flip_refused(tmp_path, members, name, positions, lookup, expected):
    content = dict(members)[name]
    target = tmp_path / "tampered.cchc"
    for position in positions:
        write_zip(target, replace_member(members, name, flip(content, position)))
        with pytest.raises(expected):
            verify_package(target, lookup)


def test_every_byte_of_manifest_json(tmp_path, original, lookup):
    _, members = original
    size = len(dict(members)["manifest.json"])
    _assert_each_flip_refused(tmp_path, members, "manifest.json", range(size), lookup, e.PackageError)


def test_every_byte_of_manifest_sig(tmp_path, original, lookup):
    _, members = original
    _assert_each_flip_refused(tmp_path, members, "manifest.sig", range(64), lookup, e.SignatureMismatchError)


def test_every_byte_of_data_json(tmp_path, original, lookup):
    _, members = original
    size = len(dict(members)["data.json"])
    _assert_each_flip_refused(tmp_path, members, "data.json", range(size), lookup, e.MemberHashMismatchError)


def test_sampled_bytes_of_document_and_evidence(tmp_path, original, lookup):
    _, members = original
    rng = random.Random(7)
    for name, content in members:
        if name == "document.pdf" or name.startswith("evidence/"):
            last = len(content) - 1
            positions = {0, 1, last // 2, last} | {rng.randrange(len(content)) for _ in range(20)}
            _assert_each_flip_refused(tmp_path, members, name, sorted(positions), lookup, e.MemberHashMismatchError)


def test_every_bit_of_one_manifest_byte(tmp_path, original, lookup):
    _, members = original
    content = dict(members)["manifest.json"]
    position = content.index(b'"revision": 2') + len(b'"revision": ')
    target = tmp_path / "tampered.cchc"
    for mask in (1, 2, 4, 8, 16, 32, 64, 128):
        write_zip(target, replace_member(members, "manifest.json", flip(content, position, mask)))
        with pytest.raises(e.PackageError):
            verify_package(target, lookup)


def test_raw_file_flips_never_yield_different_content(tmp_path, original, lookup):
    """A flip anywhere in the zip is refused, or lands in bytes that carry no content (timestamps…)."""
    path, members = original
    raw = path.read_bytes()
    reference = verify_package(path, lookup)
    target = tmp_path / "flipped.cchc"
    for position in range(0, len(raw), 5):
        target.write_bytes(flip(raw, position))
        try:
            package = verify_package(target, lookup)
        except e.PackageError as refusal:
            assert not isinstance(refusal, e.PackageReadError), position  # damage is not an I/O fault
            continue
        assert package.manifest_bytes == reference.manifest_bytes
        assert package.data == reference.data


def test_truncation_anywhere_is_refused(tmp_path, original, lookup):
    path, _ = original
    raw = path.read_bytes()
    target = tmp_path / "cut.cchc"
    for length in range(0, len(raw), 53):
        target.write_bytes(raw[:length])
        with pytest.raises(e.PackageError):
            verify_package(target, lookup)
