"""Bytes hidden in a genuine package without the key: inside a member's compressed stream (size and CRC
fields unchanged), after the stream's end, between members or after the end record. Each is refused;
``unzip -t`` agrees that the archive is not clean."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from cchc_desktop.exchange.format import errors as e
from cchc_desktop.exchange.format import verify_package
from tests.exchange.format.craft import build, central_entries

HIDDEN = b"<<hidden payload, not covered by the seal>>" * 20


@pytest.fixture
def package(tmp_path, key) -> Path:
    return build(tmp_path, key)


def _local_offset(raw: bytes, name: str) -> int:
    return struct.unpack_from("<L", raw, central_entries(raw)[name] + 42)[0]


def _deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def _replace_stream(raw: bytes, name: str, stream: bytes) -> bytes:
    """``raw`` with ``name``'s compressed bytes replaced by ``stream``; the CRC and the uncompressed size
    stay; the compressed size and every later offset are made consistent, as a careful attacker would."""
    local = _local_offset(raw, name)
    name_length, extra_length = struct.unpack_from("<HH", raw, local + 26)
    start = local + 30 + name_length + extra_length
    old_size = struct.unpack_from("<L", raw, local + 18)[0]
    delta = len(stream) - old_size
    out = bytearray(raw[:start] + stream + raw[start + old_size :])
    struct.pack_into("<L", out, local + 18, len(stream))
    for member, offset in central_entries(bytes(out)).items():
        entry_offset = struct.unpack_from("<L", out, offset + 42)[0]
        if member == name:
            struct.pack_into("<L", out, offset + 20, len(stream))
        elif entry_offset > local:
            struct.pack_into("<L", out, offset + 42, entry_offset + delta)
    end = bytes(out).rfind(b"PK\x05\x06")
    struct.pack_into("<L", out, end + 16, struct.unpack_from("<L", out, end + 16)[0] + delta)
    return bytes(out)


def _member(raw: bytes, name: str) -> bytes:
    local = _local_offset(raw, name)
    name_length, extra_length = struct.unpack_from("<HH", raw, local + 26)
    size = struct.unpack_from("<L", raw, local + 18)[0]
    start = local + 30 + name_length + extra_length
    return zlib.decompress(raw[start : start + size], -15)


def _unzip_clean(path: Path) -> bool:
    return subprocess.run(["unzip", "-tqq", str(path)], capture_output=True).returncode == 0


def test_extra_data_inside_the_compressed_stream_is_refused(package, lookup, tmp_path):
    raw = package.read_bytes()
    data = _member(raw, "data.json")
    target = tmp_path / "hidden.cchc"
    target.write_bytes(_replace_stream(raw, "data.json", _deflate(data + HIDDEN)))
    with pytest.raises(e.HiddenDataError) as caught:
        verify_package(target, lookup)
    assert "«data.json»" in str(caught.value) and "«hidden.cchc»" in str(caught.value)
    if shutil.which("unzip"):
        assert not _unzip_clean(target)


def test_bytes_after_the_end_of_the_stream_are_refused(package, lookup, tmp_path):
    raw = package.read_bytes()
    target = tmp_path / "tail.cchc"
    target.write_bytes(_replace_stream(raw, "data.json", _deflate(_member(raw, "data.json")) + HIDDEN))
    with pytest.raises(e.HiddenDataError):
        verify_package(target, lookup)


def test_a_stream_cut_short_with_its_fields_unchanged_is_refused(package, lookup, tmp_path):
    raw = package.read_bytes()
    data = _member(raw, "data.json")
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    unfinished = packer.compress(data) + packer.flush(zlib.Z_SYNC_FLUSH)  # no final block
    target = tmp_path / "cut.cchc"
    target.write_bytes(_replace_stream(raw, "data.json", unfinished))
    with pytest.raises(e.CorruptMemberError):
        verify_package(target, lookup)


def test_a_wrong_crc_over_the_right_content_is_refused(package, lookup, tmp_path):
    raw = bytearray(package.read_bytes())
    central = central_entries(bytes(raw))["data.json"]
    local = _local_offset(bytes(raw), "data.json")
    for where in (central + 16, local + 14):
        struct.pack_into("<L", raw, where, struct.unpack_from("<L", raw, where)[0] ^ 1)
    target = tmp_path / "crc.cchc"
    target.write_bytes(bytes(raw))
    with pytest.raises(e.CorruptMemberError):
        verify_package(target, lookup)


def test_a_local_header_that_disagrees_with_the_directory_is_refused(package, lookup, tmp_path):
    raw = bytearray(package.read_bytes())
    local = _local_offset(bytes(raw), "data.json")
    struct.pack_into("<L", raw, local + 22, struct.unpack_from("<L", raw, local + 22)[0] + 7)  # size
    target = tmp_path / "local.cchc"
    target.write_bytes(bytes(raw))
    with pytest.raises(e.CorruptMemberError):
        verify_package(target, lookup)


def test_bytes_between_members_or_after_the_end_record_are_refused(package, lookup, tmp_path):
    raw = package.read_bytes()
    after_end = tmp_path / "after.cchc"
    after_end.write_bytes(raw + HIDDEN)
    before_directory = tmp_path / "gap.cchc"
    start_dir = min(central_entries(raw).values())
    moved = bytearray(raw[:start_dir] + HIDDEN + raw[start_dir:])
    end = bytes(moved).rfind(b"PK\x05\x06")
    struct.pack_into("<L", moved, end + 16, start_dir + len(HIDDEN))
    before_directory.write_bytes(bytes(moved))
    for target in (after_end, before_directory):
        with pytest.raises(e.HiddenDataError) as caught:
            verify_package(target, lookup)
        assert "ngoài các tệp đã niêm phong" in str(caught.value)


def test_the_untouched_package_still_verifies(package, lookup):
    assert verify_package(package, lookup).data["narrative"].startswith("Kết quả")


def test_a_directory_asking_for_an_unknown_zip_version_is_a_damaged_package(package, lookup, tmp_path):
    """Found by the fuzz test: zipfile raises NotImplementedError for it."""
    raw = bytearray(package.read_bytes())
    struct.pack_into("<H", raw, central_entries(bytes(raw))["data.json"] + 6, 84)  # "version needed": 8.4
    target = tmp_path / "version.cchc"
    target.write_bytes(bytes(raw))
    with pytest.raises(e.TruncatedPackageError):
        verify_package(target, lookup)
