"""A province's enrolment round: an office with its roster, and a USB stick with the key files and cards
of 30 communes, as they arrive (a card alone, which carries its key; a bare .pub.pem in a folder per
commune; a card with its .pub.pem beside it, as the app writes them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pytest

COUNT = 30


@dataclass
class KeyStick:
    folder: Path
    keys: dict[str, object] = field(default_factory=dict)  # "42-18115" → private key
    fingerprints: dict[str, str] = field(default_factory=dict)

    def tail(self, code: str) -> str:
        """The last two groups, as read from the paper card."""
        return " ".join(self.fingerprints[code].split()[-2:])


def write_stick(folder: Path, count: int = COUNT, province: str = "42") -> KeyStick:
    from cchc_desktop.exchange.card import CardFacts, card_pdf
    from cchc_desktop.exchange.card_key import embed_key
    from cchc_desktop.exchange.format import generate_private_key
    from cchc_desktop.exchange.format.keys import fingerprint
    from cchc_desktop.exchange.format.pubfile import UnitIdentity, pub_file_name, pub_file_text
    from cchc_desktop.kernel import divisions

    stick = KeyStick(folder)
    for index, unit in enumerate(divisions.communes(province)[:count]):
        key = generate_private_key()
        identity = UnitIdentity(province, unit.code, unit.name, unit.kind)
        text = pub_file_text(key.public_key(), identity, f"Khóa của {unit.full_name}", "2026-01-05")
        stick.keys[identity.code], stick.fingerprints[identity.code] = key, fingerprint(key.public_key())
        kind = index % 3  # a card alone, a key file alone, a card with its key file beside it
        place = folder if kind != 1 else folder / f"xa-{index:02d}"
        place.mkdir(parents=True, exist_ok=True)
        if kind != 0:
            (place / pub_file_name(identity)).write_bytes(text)
        if kind != 1:
            facts = CardFacts(
                ("ỦY BAN NHÂN DÂN", unit.full_name.upper()),
                f"Ủy ban nhân dân {unit.full_name.lower()}",
                province,
                unit.code,
                "Tỉnh Hà Tĩnh",
                "Sở Nội vụ tỉnh Hà Tĩnh",
                stick.fingerprints[identity.code],
                "2026-01-05",
                dt.date(2026, 1, 9),
                "Nguyễn Văn A",
                pub_file_name(identity),
            )
            pdf = embed_key(card_pdf(facts), pub_file_name(identity), text, "Khóa công khai")
            (place / f"{identity.code}-phieu-dang-ky-khoa.pdf").write_bytes(pdf)
    return stick


@pytest.fixture(scope="session")
def key_stick_template(tmp_path_factory) -> KeyStick:
    """Written once per session (30 cards take a moment); copy it before changing it."""
    return write_stick(tmp_path_factory.mktemp("the-khoa") / "usb")


@pytest.fixture
def key_stick(key_stick_template, tmp_path) -> KeyStick:
    import shutil

    folder = tmp_path / "usb"
    shutil.copytree(key_stick_template.folder, folder)
    return KeyStick(folder, dict(key_stick_template.keys), dict(key_stick_template.fingerprints))


@pytest.fixture
def province_office(tmp_path):
    """Sở Nội vụ tỉnh Hà Tĩnh with the province's 69 communes on its roster and no key enrolled yet."""
    from cchc_desktop.workspace import create_receiver

    office = create_receiver(tmp_path / "so" / "so.sqlite", "Sở Nội vụ tỉnh Hà Tĩnh", "42")
    office.receiver.fill_roster()
    yield office
    office.close()
