"""The command line: keys, card, enrol, export, verify, import with one line per package, rollback."""

from __future__ import annotations

from cchc_desktop.cli.main import run
from tests.support.exchange import PASSPHRASE


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = run(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _keys_and_enrolment(ws, framework, tmp_path, capsys) -> tuple[str, str]:
    """keys init, keys card, receiver init, keys enroll (refused without the fingerprint, then done)."""
    from tests.support.exchange import issue_plan

    issue_plan(ws, framework)
    db, so = str(ws.path), str(tmp_path / "so.sqlite")
    secret = tmp_path / "matkhau.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    code, out, _ = _run(capsys, "keys", "init", "--db", db, "--passphrase-file", str(secret))
    assert code == 0 and out.startswith("Đã tạo khóa gửi gói.")
    fingerprint = out.splitlines()[1].strip()
    code, out, _ = _run(capsys, "keys", "card", "--db", db, "-o", str(tmp_path / "42-18544-phieu.pdf"))
    assert code == 0 and "42-18544.pub.pem" in out
    assert _run(capsys, "receiver", "init", "--db", so, "--name", "Sở Nội vụ tỉnh Hà Tĩnh", "--province", "42")[0] == 0
    code, _, err = _run(capsys, "keys", "enroll", "--db", so, str(tmp_path / "42-18544-phieu.pdf"))
    assert code == 2 and "Chưa có dấu vân tay đối chiếu" in err
    code, out, _ = _run(
        capsys, "keys", "enroll", "--db", so, str(tmp_path / "42-18544-phieu.pdf"), "--fingerprint", fingerprint.lower()
    )
    assert code == 0 and out.startswith("Đã đăng ký khóa của xã Kỳ Phong (mã 42-18544)")
    return db, so


def test_keys_card_and_enrolment_by_command_line(ws, small_framework, tmp_path, capsys):
    _keys_and_enrolment(ws, small_framework, tmp_path, capsys)
    code, out, _ = _run(capsys, "keys", "list", "--db", str(tmp_path / "so.sqlite"))
    assert code == 0 and "xã Kỳ Phong (mã 42-18544)" in out and "[Đang dùng]" in out


def test_export_verify_import_and_rollback_by_command_line(ws, small_framework, tmp_path, capsys, monkeypatch):
    db, so = _keys_and_enrolment(ws, small_framework, tmp_path, capsys)
    monkeypatch.setenv("CCHC_PASSPHRASE", PASSPHRASE)
    package = tmp_path / "usb" / "ke-hoach.cchc"
    package.parent.mkdir()
    code, out, _ = _run(
        capsys, "package", "export", "--db", db, "--kind", "plan", "--year", "2026", "-o", str(package), "--eml"
    )
    assert code == 0 and package.is_file() and (package.parent / "ke-hoach.eml").is_file()
    code, out, _ = _run(capsys, "package", "verify", "--db", so, str(package))
    assert code == 0 and out.startswith("Gói «ke-hoach.cchc» hợp lệ: Kế hoạch CCHC năm 2026")
    (package.parent / "rac.cchc").write_bytes(b"PK\x03\x04 not really")
    code, _, err = _run(capsys, "package", "verify", "--db", so, str(package.parent / "rac.cchc"))
    assert code == 2 and "bị cắt cụt" in err
    code, out, _ = _run(capsys, "package", "import", "--db", so, str(package.parent), "--dry-run")
    assert code == 1 and "Sẽ nhận mới: Kế hoạch CCHC năm 2026" in out and "Mới — nhiệm vụ" in out
    code, out, _ = _run(capsys, "package", "import", "--db", so, str(package))
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith("Đã nhận: Kế hoạch CCHC năm 2026") and "Đã sao lưu" in lines[-1]
    assert _run(capsys, "package", "import", "--db", so, str(package))[1].startswith("Đã nhận gói này trước đây")
    assert "42-18544_plan_2026_r1" in _run(capsys, "receiver", "log", "--db", so)[1]
    code, out, _ = _run(capsys, "receiver", "rollback", "--db", so, "42-18544_plan_2026_r1")
    assert code == 0 and out.startswith("Đã hoàn tác lần nhận «42-18544_plan_2026_r1»")
    code, out, _ = _run(capsys, "package", "outbox", "--db", db)
    assert "Kế hoạch CCHC năm 2026, lần gửi 1" in out and "ke-hoach.cchc — Đã gửi" in out


def test_passphrase_is_required_non_interactively(commune, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("CCHC_PASSPHRASE", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, _, err = _run(
        capsys, "package", "export", "--db", str(commune.path), "--kind", "plan", "--year", "2026", "-o", str(tmp_path)
    )
    assert code == 2 and "CCHC_PASSPHRASE" in err


def test_export_sealed_with_a_p12_and_verified_at_a_province_that_trusts_its_root(
    commune, tmp_path, capsys, monkeypatch, p12_files, pki_files
):
    from cchc_desktop.workspace import create_receiver
    from tests.support.signing import P12_PASSWORD, trust

    monkeypatch.setenv("CCHC_PASSPHRASE", P12_PASSWORD)
    out = tmp_path / "usb"
    out.mkdir()
    export = ["package", "export", "--db", str(commune.path), "--kind", "plan", "--year", "2026"]
    export += ["--p12", str(p12_files["commune"]), "-o", str(out)]
    code, text, err = _run(capsys, *export)
    assert code == 0, err
    (package,) = out.glob("*.cchc")
    so = tmp_path / "so.sqlite"
    province = create_receiver(so, "Sở Nội vụ tỉnh Hà Tĩnh", "42")
    province.receiver.add_unit(province_code="42", unit_code="18544", name="Kỳ Phong", unit_type="xa")
    trust(province, pki_files["root"], pki_files["intermediate"])
    province.close()
    code, text, err = _run(capsys, "package", "verify", "--db", str(so), str(package))
    assert code == 0 and "niêm phong bằng chứng thư số «UBND xã Kỳ Phong»" in text, err
    monkeypatch.setenv("CCHC_PASSPHRASE", "sai mật khẩu")
    code, _, err = _run(capsys, *export)
    assert code == 2 and "mật khẩu" in err
