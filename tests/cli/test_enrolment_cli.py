"""The command line of a province's enrolment round: list the keys on a stick, enrol them confirmed by the
last two groups of each card, hold the packages of a unit not enrolled yet and import them afterwards."""

from __future__ import annotations

from cchc_desktop.cli.main import run
from tests.exchange.craft import build, plan_data
from tests.support.key_batch import COUNT


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = run(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_enroll_batch_lists_then_enrols_what_was_confirmed(province_office, key_stick, tmp_path, capsys):
    db, stick = str(province_office.path), str(key_stick.folder)
    code, out, err = _run(capsys, "keys", "enroll-batch", "--db", db, stick)
    lines = out.splitlines()
    assert code == 0 and err == "" and len(lines) == COUNT + 1
    assert lines[0].startswith("42-18115  phường Bắc Hồng Lĩnh (mã 42-18115)  [") and "•••• ••••]" in lines[0]
    assert lines[0].endswith("chưa đăng ký, cần xác nhận.") and "Chưa đăng ký khóa nào" in lines[-1]
    assert province_office.exchange.senders() == []

    code, out, err = _run(capsys, "keys", "enroll-batch", "--db", db, stick, "--confirm", "18115=0000 0000")
    assert code == 1 and "hai nhóm cuối trên phiếu (0000 0000) KHÁC khóa trong tệp" in out
    assert err.startswith("Lỗi: Chưa đăng ký khóa nào: 1 dòng xác nhận bị từ chối") and len(err.splitlines()) == 1
    assert province_office.exchange.senders() == []

    table = tmp_path / "xac-nhan.csv"
    rows = ["mã;hai nhóm cuối"] + [f"{code};{key_stick.tail(code)}" for code in sorted(key_stick.fingerprints)]
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    code, out, _ = _run(capsys, "keys", "enroll-batch", "--db", db, stick, "--confirm-file", str(table))
    assert code == 0 and out.count("Đã đăng ký khóa của ") == COUNT
    assert out.splitlines()[-1] == f"Đã đăng ký {COUNT} khóa, thu hồi 0 khóa cũ, bỏ qua 0 khóa đã đăng ký từ trước."
    assert len(province_office.exchange.senders()) == COUNT


def test_a_held_package_by_command_line(province_office, key_stick, tmp_path, capsys):
    from cchc_desktop.exchange.format.manifest import Sender

    db = str(province_office.path)
    sender = Sender("42", "18685", "Cẩm Bình", "xa")
    key = key_stick.keys["42-18685"]
    path, _ = build(tmp_path / "goi", key, "plan", 2027, plan_data(2027, sender=sender), sender=sender)
    code, out, _ = _run(capsys, "package", "import", "--db", db, str(path), "--dry-run")
    assert code == 0 and out.startswith("Sẽ giữ lại chờ xác nhận khóa: Kế hoạch CCHC năm 2027 của xã Cẩm Bình")
    code, out, _ = _run(capsys, "package", "import", "--db", db, str(path))
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith("Giữ lại chờ xác nhận khóa: Kế hoạch CCHC năm 2027 của xã Cẩm Bình (mã")
    assert "giữ lại chờ xác nhận khóa 1, không nhận 0" in lines[1]
    code, out, _ = _run(capsys, "package", "held", "--db", db)
    assert code == 0 and out.startswith("[1] xã Cẩm Bình (mã 42-18685): Kế hoạch CCHC — năm 2027, lần gửi 1")
    code, out, _ = _run(
        capsys,
        "keys",
        "enroll-batch",
        "--db",
        db,
        str(key_stick.folder / "xa-01"),
        "--confirm",
        f"42-18685={key_stick.tail('42-18685')}",
        "--import-held",
    )
    assert code == 0 and "Đã nhận: Kế hoạch CCHC năm 2027 của xã Cẩm Bình (mã 42-18685)" in out
    assert _run(capsys, "package", "held", "--db", db)[1].startswith("Không có gói nào đang giữ")


def test_removing_a_held_package_by_command_line(province_office, key_stick, tmp_path, capsys):
    from cchc_desktop.exchange.format.manifest import Sender

    db = str(province_office.path)
    sender = Sender("42", "18685", "Cẩm Bình", "xa")
    path, _ = build(
        tmp_path / "goi", key_stick.keys["42-18685"], "plan", 2027, plan_data(2027, sender=sender), sender=sender
    )
    _run(capsys, "package", "import", "--db", db, str(path))
    code, out, _ = _run(capsys, "package", "remove-held", "--db", db, "1")
    assert code == 0 and out.strip() == "Đã bỏ 1 gói đang giữ chờ xác nhận khóa."
    code, _, err = _run(capsys, "package", "remove-held", "--db", db, "1")
    assert code == 2 and err.startswith("Lỗi: Không tìm thấy gói đang giữ số 1")
    code, out, _ = _run(capsys, "package", "import-held", "--db", db, "--unit", "18685")
    assert code == 0 and out.strip() == "Không có gói nào đang giữ chờ xác nhận khóa của các đơn vị đã chọn."
