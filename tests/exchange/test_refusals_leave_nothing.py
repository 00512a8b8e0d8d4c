"""Every refusal at the receiver leaves the file and its folder exactly as they were (the SQL dump and
the folder listing before and after), validly signed packages that break the import included: numbers
too large for the database, a lone surrogate, a package id used by another package, and a fault of the
program itself. One package's refusal never stops the batch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cchc_desktop.exchange.format import errors as e
from cchc_desktop.exchange.format import generate_private_key
from cchc_desktop.exchange.format.manifest import Sender
from cchc_desktop.exchange.import_errors import (
    OtherProvinceError,
    PackageIdReusedError,
    PayloadError,
    UnexpectedImportError,
)
from tests.exchange.craft import build, data_bytes, plan_data, repack, report_data
from tests.exchange.format.craft import read_members, replace_member, write_zip
from tests.support.exchange import debris_snapshot

HUGE = int("9" * 400)


def _plan(outbox: Path, key, year: int = 2027, **kwargs) -> tuple[Path, str]:
    return build(outbox / f"plan-{year}-{kwargs.get('revision', 1)}", key, "plan", year, plan_data(year), **kwargs)


def _text_with(path: Path, old: bytes, new: bytes) -> bytes:
    raw = data_bytes(path)
    assert old in raw
    return raw.replace(old, new, 1)


def _with_data(path: Path, key, outbox: Path, old: bytes, new: bytes) -> Path:
    return repack(path, key, outbox / "x.cchc", data=_text_with(path, old, new))


# Each maker returns the package to import and the refusal it must get; ``receiver`` may be prepared.


def huge_progress(receiver, key, outbox):
    path, _ = build(outbox, key, "report", 2026, report_data(2026, "Q1"), period="Q1")
    return _with_data(path, key, outbox, b'"progress": 100.0', f'"progress": {HUGE}'.encode()), e.DataJsonError


def huge_target(receiver, key, outbox):
    path, _ = _plan(outbox, key)
    return _with_data(path, key, outbox, b'"target": 50.0', f'"target": {HUGE}'.encode()), e.DataJsonError


def huge_float(receiver, key, outbox):
    path, _ = _plan(outbox, key)
    return _with_data(path, key, outbox, b'"target": 50.0', b'"target": 1e999'), e.DataJsonError


def huge_revision(receiver, key, outbox):
    path, _ = _plan(outbox, key)
    return repack(path, key, outbox / "x.cchc", change=lambda m: m.update(revision=10**20)), e.ManifestSyntaxError


def lone_surrogate(receiver, key, outbox):
    path, _ = _plan(outbox, key)
    return _with_data(path, key, outbox, b'"Nhi', b'"\\ud800Nhi'), e.DataJsonError


def id_of_another_series(receiver, key, outbox):
    first, first_id = _plan(outbox, key, 2027)
    receiver.exchange.import_packages([first])
    other, _ = _plan(outbox, key, 2028)
    return repack(other, key, outbox / "x.cchc", change=lambda m: m.update(package_id=first_id)), PackageIdReusedError


def id_reused_with_other_content(receiver, key, outbox):
    first, first_id = _plan(outbox, key, 2027)
    receiver.exchange.import_packages([first])
    changed = _text_with(first, b"Nhi\xe1\xbb\x87m v\xe1\xbb\xa5 0", "Nhiệm vụ khác".encode())
    return repack(first, key, outbox / "x.cchc", data=changed), PackageIdReusedError


def older_revision(receiver, key, outbox):
    first, first_id = _plan(outbox, key)
    second, _ = _plan(outbox, key, revision=2, supersedes=first_id)
    receiver.exchange.import_packages([second])
    return first, e.RevisionOlderError


def conflicting_revision(receiver, key, outbox):
    first, _ = _plan(outbox, key)
    receiver.exchange.import_packages([first])
    again, _ = build(outbox / "again", key, "plan", 2027, plan_data(2027, tag="khác"))
    return again, e.RevisionConflictError


def payload_shape(receiver, key, outbox):
    data = plan_data(2027)
    data["plan"]["tasks"] = "không phải danh sách"
    return build(outbox, key, "plan", 2027, data)[0], PayloadError


def status_is_a_list(receiver, key, outbox):
    data = report_data(2026, "Q1")
    data["report"]["tasks"][0]["status"] = []  # found by the fuzz test: a list cannot be looked up in a set
    return build(outbox, key, "report", 2026, data, period="Q1")[0], PayloadError


def unknown_sender(receiver, key, outbox):
    """A key rotation of a unit not enrolled: refused (only plans, reports and self-assessments are held)."""
    from cchc_desktop.exchange.format import ManifestFields
    from cchc_desktop.exchange.format.builder import build_key_rotation_package
    from tests.exchange.craft import RECEIVER, SIGNER

    stranger = Sender("42", "18601", "Kỳ Thọ", "xa")
    fields = ManifestFields("key_rotation", stranger, RECEIVER, 2027, None, 1, SIGNER)
    out = outbox / "42-18601_key_rotation_2027_r1.cchc"
    build_key_rotation_package(fields, key, generate_private_key().public_key(), out)
    return out, e.UnknownSenderError


def wrong_key(receiver, key, outbox):
    return _plan(outbox, generate_private_key())[0], e.WrongKeyError


def revoked_key(receiver, key, outbox):
    receiver.exchange.revoke(receiver.exchange.senders()[0].id)
    return _plan(outbox, key)[0], e.RevokedKeyError


def other_province(receiver, key, outbox):
    elsewhere = Sender("40", "18544", "Kỳ Phong", "xa")
    path = build(outbox, key, "plan", 2027, plan_data(2027, sender=elsewhere), sender=elsewhere)[0]
    from cchc_desktop.exchange import store

    pem = receiver.conn.execute("SELECT public_pem FROM enrolled_keys").fetchone()[0]
    with receiver.transaction() as conn:
        values = {"province_code": "40", "unit_code": "18544", "unit_name": "Kỳ Phong", "fingerprint": "x"}
        store.insert_enrolled_key(conn, dict(values, public_pem=pem))
    return path, OtherProvinceError


def damaged_member(receiver, key, outbox):
    path, _ = _plan(outbox, key)
    members = read_members(path)
    raw = dict(members)["document.pdf"]
    damaged = write_zip(outbox / "x.cchc", replace_member(members, "document.pdf", raw[:-1] + b"!"))
    return damaged, e.MemberHashMismatchError


def not_a_zip(receiver, key, outbox):
    target = outbox / "x.cchc"
    target.write_bytes(b"not a package at all")
    return target, e.NotAZipError


MAKERS = {
    fn.__name__: fn
    for fn in (
        huge_progress,
        huge_target,
        huge_float,
        huge_revision,
        lone_surrogate,
        id_of_another_series,
        id_reused_with_other_content,
        older_revision,
        conflicting_revision,
        payload_shape,
        status_is_a_list,
        unknown_sender,
        wrong_key,
        revoked_key,
        other_province,
        damaged_member,
        not_a_zip,
    )
}


@pytest.mark.parametrize("case", sorted(MAKERS))
def test_refusal_leaves_the_file_and_the_folder_as_they_were(case, receiver, commune_key, outbox):
    path, expected = MAKERS[case](receiver, commune_key, outbox)
    before = debris_snapshot(receiver)
    batch = receiver.exchange.import_packages([path])
    (outcome,) = batch.outcomes
    assert outcome.refused and type(outcome.error) is expected, outcome.line
    assert batch.backup_file is None
    assert debris_snapshot(receiver) == before
    dry = receiver.exchange.import_packages([path], dry_run=True).outcomes[0]
    assert dry.refused and type(dry.error) is expected
    assert debris_snapshot(receiver) == before


def test_a_5000_digit_number_needs_no_key_and_does_not_stop_the_batch(receiver, commune_key, outbox):
    """Unauthenticated: the manifest is changed without re-signing; the valid package after it imports."""
    bad, _ = _plan(outbox / "a", commune_key, 2027)
    members = read_members(bad)
    manifest = dict(members)["manifest.json"].replace(b'"format_version": 1', b'"format_version": ' + b"7" * 5000)
    folder = outbox / "batch"
    folder.mkdir()
    write_zip(folder / "a-bad.cchc", replace_member(members, "manifest.json", manifest))
    build(folder, commune_key, "plan", 2028, plan_data(2028), name="b-good.cchc")
    batch = receiver.exchange.import_packages([folder])
    assert [o.status for o in batch.outcomes] == ["refused", "imported"]
    assert isinstance(batch.outcomes[0].error, e.ManifestSyntaxError)
    assert "vượt giới hạn" in batch.outcomes[0].line
    with pytest.raises(e.ManifestSyntaxError):
        receiver.exchange.verify(folder / "a-bad.cchc")


def test_a_fault_of_the_program_is_one_files_refusal(receiver, commune_key, outbox, monkeypatch):
    from cchc_desktop.exchange import import_prepare

    first, _ = _plan(outbox, commune_key, 2027)
    second, _ = _plan(outbox, commune_key, 2028)
    real = import_prepare.payload_rows

    def broken(manifest, data, file):
        if manifest.year == 2027:
            raise ZeroDivisionError("a bug")
        return real(manifest, data, file)

    monkeypatch.setattr(import_prepare, "payload_rows", broken)
    before = debris_snapshot(receiver)
    batch = receiver.exchange.import_packages([first, second])
    assert [o.status for o in batch.outcomes] == ["refused", "imported"]
    assert isinstance(batch.outcomes[0].error, UnexpectedImportError)
    assert "ZeroDivisionError" in batch.outcomes[0].line and "Traceback" not in batch.outcomes[0].line
    assert debris_snapshot(receiver) != before  # the second one was imported


def test_a_failed_write_takes_back_the_kept_file_and_the_backup(receiver, commune_key, outbox, monkeypatch):
    """A write that fails inside the transaction (here: the database refuses a row) leaves nothing."""
    import sqlite3

    from cchc_desktop.exchange import store
    from cchc_desktop.exchange.import_errors import ImportWriteError

    path, _ = _plan(outbox, commune_key)

    def full(*args, **kwargs):
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorcode = 13  # type: ignore[attr-defined]
        raise error

    monkeypatch.setattr(store, "insert_rows", full)
    before = debris_snapshot(receiver)
    outcome = receiver.exchange.import_packages([path]).outcomes[0]
    assert isinstance(outcome.error, ImportWriteError) and "ổ đĩa đã đầy" in outcome.line
    assert debris_snapshot(receiver) == before


def test_the_sender_is_named_from_the_enrolment_with_a_warning(receiver, commune_key, outbox):
    """Kỳ Phong's key signs a package that calls itself phường Hoàn Kiếm: shown as Kỳ Phong, with a warning."""
    liar = Sender("42", "18544", "Hoàn Kiếm", "phuong")
    path, _ = build(outbox, commune_key, "plan", 2027, plan_data(2027, sender=liar), sender=liar)
    preview = receiver.exchange.import_packages([path], dry_run=True).outcomes[0]
    assert "xã Kỳ Phong (mã 42-18544)" in preview.title and "Hoàn Kiếm" not in preview.title
    assert "khác với đơn vị đã đăng ký khóa" in preview.line and "phường Hoàn Kiếm" in preview.line
    outcome = receiver.exchange.import_packages([path]).outcomes[0]
    assert outcome.status == "imported" and "khác với đơn vị đã đăng ký khóa" in outcome.line
    row = receiver.conn.execute("SELECT unit_name, unit_type FROM received_packages").fetchone()
    assert tuple(row) == ("Kỳ Phong", "xa")
    assert "Hoàn Kiếm" not in receiver.exchange.verify(path).title


def test_names_from_a_package_never_reach_the_terminal_raw(receiver, commune_key, outbox):
    """Escape, bell and the right-to-left override are shown as visible escapes in every line."""
    sneaky = Sender("42", "18544", "Kỳ\x1b[2J\x07 Phong\u202e", "xa")
    path, _ = build(outbox, commune_key, "plan", 2027, plan_data(2027, sender=sneaky), sender=sneaky)
    evil = outbox / "evil\x1b]0;x\x07.cchc"
    path.rename(evil)
    outcome = receiver.exchange.import_packages([evil]).outcomes[0]
    text = outcome.line + outcome.title + outcome.file
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert "\\x1b" in outcome.line
    members = read_members(evil)
    hostile = write_zip(outbox / "names.cchc", [*members, ("evidence/\x1b[31mx\x07", b"x")])
    refused = receiver.exchange.import_packages([hostile]).outcomes[0]
    assert refused.refused and "\x1b" not in refused.line and "\\x1b[31mx\\x07" in refused.line
    assert json.dumps(refused.line)  # plain text
