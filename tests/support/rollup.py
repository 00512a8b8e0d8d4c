"""Roll-up fixtures: a district (huyện Can Lộc, code 436, before 01/7/2025) that received its communes'
packages, and the province (Sở Nội vụ Hà Tĩnh) that enrolled the district's key from its card."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

DISTRICT_PASSPHRASE = "mật khẩu của huyện 2024"
YEAR = 2024
COMMUNES = 4


@dataclass
class RollupPair:
    district: object
    province: object
    stick: Path
    card: Path


@pytest.fixture(scope="session")
def district_template(tmp_path_factory) -> Path:
    """A district's receiver file with four communes' packages (plan, Q1, H1, self-assessment), made once."""
    from cchc_desktop.demo.receiver import create_receiver_demo
    from cchc_desktop.profile.model import UnitProfile

    path = tmp_path_factory.mktemp("huyen") / "huyen.sqlite"
    ws = create_receiver_demo(path, year=YEAR, count=COMMUNES)
    profile = ws.profile.get()
    ws.profile.save(
        UnitProfile.from_dict(
            {
                **profile.__dict__,
                "name": "Ủy ban nhân dân huyện Can Lộc",
                "receiver_level": "huyen",
                "district_code": "436",
                "superior_name": "Sở Nội vụ tỉnh Hà Tĩnh",
                "chairman_name": "Trần Văn Huyện",
                "place_name": "Can Lộc",
            }
        )
    )
    ws.exchange.create_key(DISTRICT_PASSPHRASE, DISTRICT_PASSPHRASE)
    ws.close()
    return path


@pytest.fixture
def rollup_pair(district_template, tmp_path):
    """The district (a copy of the template) and the province, which added the district to its roster by
    hand (a legacy unit, until 30/6/2025) and enrolled its key from the card the district printed."""
    from cchc_desktop.exchange.keyring import write_card
    from cchc_desktop.workspace import Workspace, create_receiver

    path = tmp_path / "huyen.sqlite"
    shutil.copy(district_template, path)
    district = Workspace.open(path)
    card, _ = write_card(district, tmp_path / "the" / "phieu.pdf")
    province = create_receiver(tmp_path / "so.sqlite", "Sở Nội vụ tỉnh Hà Tĩnh", "42")
    province.receiver.add_unit(
        province_code="42", unit_code="436", name="Can Lộc", unit_type="huyen", valid_to="30/6/2025"
    )
    province.reports.create_calendar(YEAR)
    pub = province.exchange.read_public_key(card)
    province.exchange.enrol(pub, pub.fingerprint)
    stick = tmp_path / "usb"
    stick.mkdir()
    yield RollupPair(district, province, stick, card)
    district.close()
    province.close()


PROVINCE_PASSPHRASE = "mật khẩu của sở 2024"


def province_receipt(pair: RollupPair, folder: Path) -> Path:
    """The province makes its key and writes its receipts into ``folder``: the one receipt (the district's)."""
    pair.province.exchange.create_key(PROVINCE_PASSPHRASE, PROVINCE_PASSPHRASE)
    folder.mkdir(exist_ok=True)
    (receipt,) = pair.province.receipts.write(folder, PROVINCE_PASSPHRASE).files
    return receipt


def province_card(pair: RollupPair, folder: Path) -> Path:
    """The province's enrolment card (its .pub.pem beside it), as the district receives it."""
    from cchc_desktop.exchange.keyring import write_card

    card, _ = write_card(pair.province, folder / "so" / "phieu.pdf")
    return card
