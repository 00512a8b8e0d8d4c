"""A hostile corpus built here (no checked-in binaries): each file is refused with its own error class and
its own Vietnamese reason naming the file, and verification writes nothing anywhere."""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from cchc_desktop.exchange.format import Limits, fingerprint, generate_private_key, verify_package
from cchc_desktop.exchange.format import errors as e
from cchc_desktop.exchange.format.jsonutil import canonical_bytes
from tests.exchange.format.craft import (
    build,
    manifest_of,
    patch_central,
    read_members,
    relist,
    replace_member,
    resign,
    write_zip,
    zip_bytes,
)

Case = Callable[[Path, Path, object], tuple[Path, Limits]]
NO_LIMITS = Limits()


def _members(package: Path) -> list[tuple[str, bytes]]:
    return read_members(package)


def _hostile_zip(name: str) -> Callable:
    def make(package, target, key):
        return write_zip(target, _members(package) + [(name, b"owned")]), NO_LIMITS

    return make


def _symlink(package, target, key):
    link = zipfile.ZipInfo("evidence/link")
    link.external_attr = 0o120777 << 16
    return write_zip(target, _members(package) + [(link, b"/etc/passwd")]), NO_LIMITS


def _duplicate(package, target, key):
    members = _members(package)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return write_zip(target, members + [("data.json", b"{}")]), NO_LIMITS


def _directory(package, target, key):
    return write_zip(target, _members(package) + [("evidence/", b"")]), NO_LIMITS


def _bomb(package, target, key):
    zeros = bytes(5 * 1024 * 1024)
    name = f"evidence/{hashlib.sha256(zeros).hexdigest()}.bin"
    return write_zip(target, _members(package) + [(name, zeros)], zipfile.ZIP_DEFLATED), NO_LIMITS


def _oversized(package, target, key):
    target.write_bytes(package.read_bytes())
    return target, Limits(max_member_bytes=500)


def _too_many(package, target, key):
    target.write_bytes(package.read_bytes())
    return target, Limits(max_members=3)


def _package_too_large(package, target, key):
    target.write_bytes(package.read_bytes())
    return target, Limits(max_package_bytes=1000)


def _total_too_large(package, target, key):
    target.write_bytes(package.read_bytes())
    return target, Limits(max_total_bytes=4000)


def _truncated(package, target, key):
    raw = package.read_bytes()
    target.write_bytes(raw[: len(raw) // 2])
    return target, NO_LIMITS


def _not_a_zip(package, target, key):
    target.write_text("Đây là một tệp văn bản, không phải gói.", encoding="utf-8")
    return target, NO_LIMITS


def _bad_json(package, target, key):
    return write_zip(target, replace_member(_members(package), "manifest.json", b'{"format": ')), NO_LIMITS


def _no_manifest(package, target, key):
    return write_zip(target, [(n, c) for n, c in _members(package) if n != "manifest.json"]), NO_LIMITS


def _no_signature(package, target, key):
    return write_zip(target, [(n, c) for n, c in _members(package) if n != "manifest.sig"]), NO_LIMITS


def _not_ours(package, target, key):
    raw = canonical_bytes({"format": "other-tool", "files": []})
    return write_zip(target, replace_member(_members(package), "manifest.json", raw)), NO_LIMITS


def _bad_field(package, target, key):
    change = lambda m: m["sender"].update(unit_code="181")  # noqa: E731
    return write_zip(target, resign(_members(package), key, change)), NO_LIMITS


def _missing_member(package, target, key):
    members = _members(package)
    evidence = next(n for n, _ in members if n.startswith("evidence/"))
    return write_zip(target, [(n, c) for n, c in members if n != evidence]), NO_LIMITS


def _unlisted_member(package, target, key):
    extra = b"%PDF-1.4 slipped in later"
    name = f"evidence/{hashlib.sha256(extra).hexdigest()}.pdf"
    return write_zip(target, _members(package) + [(name, extra)]), NO_LIMITS


def _unknown_sender(package, target, key):
    other = generate_private_key()
    change = lambda m: m["sender"].update(unit_code="99999")  # noqa: E731
    return write_zip(target, resign(_members(package), other, change)), NO_LIMITS


def _wrong_key(package, target, key):
    other = generate_private_key()
    change = lambda m: m["signature"].update(key_fingerprint=fingerprint(other))  # noqa: E731
    return write_zip(target, resign(_members(package), other, change)), NO_LIMITS


def _signature_mismatch(package, target, key):
    members = _members(package)
    manifest = manifest_of(members)
    manifest["revision"] = 3
    return write_zip(target, replace_member(members, "manifest.json", canonical_bytes(manifest))), NO_LIMITS


def _future_version(package, target, key):
    change = lambda m: m.update(format_version=2, new_required_thing={"x": 1})  # noqa: E731
    return write_zip(target, resign(_members(package), key, change)), NO_LIMITS


def _unknown_signature_type(package, target, key):
    change = lambda m: m["signature"].update(type="rsa-pss")  # noqa: E731
    return write_zip(target, resign(_members(package), key, change)), NO_LIMITS


def _certificate_seal_without_roots(package, target, key):
    change = lambda m: m["signature"].update(type="cms-x509")  # noqa: E731
    return write_zip(target, resign(_members(package), key, change)), NO_LIMITS


def _hash_mismatch(package, target, key):
    members = _members(package)
    data = dict(members)["data.json"]
    return write_zip(target, replace_member(members, "data.json", data.replace(b"87.5", b"97.5"))), NO_LIMITS


def _size_mismatch(package, target, key):
    members = _members(package)
    data = dict(members)["data.json"]
    return write_zip(target, replace_member(members, "data.json", data + b" ")), NO_LIMITS


def _bzip2(package, target, key):
    info = zipfile.ZipInfo("data.json")
    info.compress_type = zipfile.ZIP_BZIP2
    members = [(n, c) for n, c in _members(package) if n != "data.json"]
    return write_zip(target, members + [(info, dict(_members(package))["data.json"])]), NO_LIMITS


def _zip_encrypted(package, target, key):
    raw = zip_bytes(_members(package))
    target.write_bytes(patch_central(raw, "data.json", 8, "<H", 0x1))
    return target, NO_LIMITS


def _overlapping(package, target, key):
    """document.pdf's central entry points at data.json's local header: two names, one content."""
    raw = zip_bytes(_members(package))
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        data_offset = archive.getinfo("data.json").header_offset
    target.write_bytes(patch_central(raw, "document.pdf", 42, "<I", data_offset))
    return target, NO_LIMITS


def _corrupt_member(package, target, key):
    raw = bytearray(zip_bytes(_members(package)))
    position = bytes(raw).index(b"%PDF-1.7") + 20
    raw[position] ^= 0xFF
    target.write_bytes(bytes(raw))
    return target, NO_LIMITS


def _bad_data_json(package, target, key):
    members = replace_member(_members(package), "data.json", b"[1, 2, NaN]")
    return write_zip(target, resign(members, key, lambda m: relist(m, "data.json", b"[1, 2, NaN]", "data"))), NO_LIMITS


def _bad_announced_key(package, target, key):
    junk = b"-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n"

    def change(m):
        m["kind"] = "key_rotation"
        relist(m, "announce/new-key.pub.pem", junk, "announce")

    members = _members(package) + [("announce/new-key.pub.pem", junk)]
    return write_zip(target, resign(members, key, change)), NO_LIMITS


CORPUS: dict[str, tuple[Case, type[e.PackageError]]] = {
    "zip-slip": (_hostile_zip("../../evil.txt"), e.PathTraversalError),
    "absolute path": (_hostile_zip("/etc/cron.d/evil"), e.AbsolutePathError),
    "backslash": (_hostile_zip("..\\..\\evil.txt"), e.BackslashNameError),
    "control character": (_hostile_zip("evidence/a\x07b.pdf"), e.BadMemberNameError),
    "symlink": (_symlink, e.SymlinkMemberError),
    "duplicate": (_duplicate, e.DuplicateMemberError),
    "directory": (_directory, e.DirectoryMemberError),
    "zip bomb": (_bomb, e.CompressionBombError),
    "oversized member": (_oversized, e.MemberTooLargeError),
    "too many members": (_too_many, e.TooManyMembersError),
    "package too large": (_package_too_large, e.PackageTooLargeError),
    "total too large": (_total_too_large, e.TotalTooLargeError),
    "truncated": (_truncated, e.TruncatedPackageError),
    "not a zip": (_not_a_zip, e.NotAZipError),
    "bad json manifest": (_bad_json, e.ManifestSyntaxError),
    "no manifest": (_no_manifest, e.ManifestMissingError),
    "no signature": (_no_signature, e.SignatureMissingError),
    "not our format": (_not_ours, e.NotAPackageError),
    "bad manifest field": (_bad_field, e.ManifestFieldError),
    "missing member": (_missing_member, e.MissingMemberError),
    "unlisted member": (_unlisted_member, e.UnlistedMemberError),
    "unknown sender": (_unknown_sender, e.UnknownSenderError),
    "wrong key": (_wrong_key, e.WrongKeyError),
    "signature mismatch": (_signature_mismatch, e.SignatureMismatchError),
    "future format_version": (_future_version, e.FormatTooNewError),
    "unknown signature type": (_unknown_signature_type, e.UnsupportedSignatureTypeError),
    "certificate seal, no trust roots": (_certificate_seal_without_roots, e.NoTrustRootsError),
    "member hash": (_hash_mismatch, e.MemberHashMismatchError),
    "member size": (_size_mismatch, e.MemberSizeMismatchError),
    "bzip2": (_bzip2, e.UnsupportedCompressionError),
    "zip encryption": (_zip_encrypted, e.EncryptedMemberError),
    "overlapping entries": (_overlapping, e.OverlappingMembersError),
    "corrupt member": (_corrupt_member, e.CorruptMemberError),
    "bad data.json": (_bad_data_json, e.DataJsonError),
    "bad announced key": (_bad_announced_key, e.AnnouncedKeyError),
}


@pytest.fixture(scope="module")
def package(tmp_path_factory, key):
    return build(tmp_path_factory.mktemp("good"), key)


@pytest.fixture
def quiet_disk(tmp_path, monkeypatch):
    """An empty working folder and temp folder, and zip extraction made impossible."""
    work, temp = tmp_path / "cwd", tmp_path / "tmp"
    work.mkdir()
    temp.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setattr(tempfile, "tempdir", str(temp))

    def refuse(*args, **kwargs):
        raise AssertionError("verification must never extract")

    monkeypatch.setattr(zipfile.ZipFile, "extract", refuse)
    monkeypatch.setattr(zipfile.ZipFile, "extractall", refuse)
    return work, temp


@pytest.mark.parametrize("case", sorted(CORPUS))
def test_hostile_file_is_refused_precisely_and_nothing_is_written(case, package, key, lookup, tmp_path, quiet_disk):
    make, expected = CORPUS[case]
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    target, limits = make(package, inbox / "hostile.cchc", key)
    before = sorted(os.listdir(inbox))
    with pytest.raises(e.PackageError) as caught:
        verify_package(target, lookup, limits)
    assert type(caught.value) is expected, f"{case}: {type(caught.value).__name__}: {caught.value}"
    message = str(caught.value)
    assert "«hostile.cchc»" in message and "exchange." not in message
    assert sorted(os.listdir(inbox)) == before
    assert [os.listdir(folder) for folder in quiet_disk] == [[], []]


def test_each_reason_has_its_own_class_and_message(package, key, lookup, tmp_path):
    messages: dict[type, str] = {}
    for index, case in enumerate(sorted(CORPUS)):
        make, expected = CORPUS[case]
        target, limits = make(package, tmp_path / f"{index}.cchc", key)
        with pytest.raises(expected) as caught:
            verify_package(target, lookup, limits)
        messages[expected] = str(caught.value).replace(f"«{index}.cchc»", "«x»")
    assert len(messages) == len(CORPUS)
    assert len(set(messages.values())) == len(CORPUS)


def test_an_older_reader_says_update_the_software(package, key, lookup, tmp_path):
    target, _ = _future_version(package, tmp_path / "moi.cchc", key)
    with pytest.raises(e.FormatTooNewError) as caught:
        verify_package(target, lookup)
    assert "cập nhật phần mềm" in str(caught.value) and "xã Kỳ Phong" in str(caught.value)


def test_signature_mismatch_names_the_sender(package, key, lookup, tmp_path):
    target, _ = _signature_mismatch(package, tmp_path / "x.cchc", key)
    with pytest.raises(e.SignatureMismatchError) as caught:
        verify_package(target, lookup)
    assert "xã Kỳ Phong" in str(caught.value) and "gửi lại" in str(caught.value)


def test_a_folder_and_a_missing_file_are_refused(tmp_path, lookup):
    with pytest.raises(e.NotAZipError):
        verify_package(tmp_path, lookup)
    with pytest.raises(e.PackageReadError) as caught:
        verify_package(tmp_path / "khong-co.cchc", lookup)
    assert "khong-co.cchc" in str(caught.value)
