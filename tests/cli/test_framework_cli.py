"""``framework export``: the office's command line writes the year's framework for each commune."""

from __future__ import annotations

from cchc_desktop.cli.main import run
from tests.support.exchange import OFFICE_PASSPHRASE


def test_framework_export_prepares_the_year_and_writes_one_package_per_commune(linked, tmp_path, capsys, monkeypatch):
    office, commune = linked
    out = tmp_path / "khung"
    monkeypatch.setenv("CCHC_PASSPHRASE", OFFICE_PASSPHRASE)
    office_db = str(office.path)
    office.close()
    code = run(["framework", "export", "--db", office_db, "--year", "2027", "-o", str(out)])
    printed, err = capsys.readouterr()
    assert code == 0, err
    lines = printed.splitlines()
    assert lines[0] == "Đã soạn khung năm 2027 từ khung mặc định của phần mềm."
    assert lines[1].endswith("42-00000_framework_2027_den-42-18544_r1.cchc")
    assert lines[2].startswith("Đã ghi khung năm 2027 cho 1 xã")
    outcome = commune.exchange.import_packages([out]).outcomes[0]
    assert outcome.status == "imported", outcome.line

    monkeypatch.setenv("CCHC_PASSPHRASE", "sai mật khẩu")
    code = run(["framework", "export", "--db", office_db, "--year", "2027", "-o", str(out)])
    _, err = capsys.readouterr()
    assert code != 0 and err.startswith("Lỗi:") and len(err.strip().splitlines()) == 1
    code = run(["framework", "export", "--db", str(commune.path), "--year", "2027", "-o", str(out)])
    _, err = capsys.readouterr()
    assert code != 0 and "Chỉ nơi nhận báo cáo" in err
