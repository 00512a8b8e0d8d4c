"""A commune with its signature and seal images, and the keys of its chairman and văn thư on tokens."""

from __future__ import annotations

import pytest

from tests.support.signing import ORG_KEY_ID, ORG_PIN, ORG_TOKEN, PERSON_KEY_ID, PERSON_PIN, PERSON_TOKEN


@pytest.fixture
def with_images(commune, images, tmp_path):
    for kind in ("signature", "seal"):
        path = tmp_path / f"{kind}.png"
        path.write_bytes(images[kind])
        commune.signing.set_image(kind, path, 36.0 if kind == "seal" else None)
    return commune


@pytest.fixture
def credentials(hsm):
    from cchc_desktop.signing.model import KeySource
    from cchc_desktop.signing.task import Credentials

    person = KeySource("token", module=hsm, token_label=PERSON_TOKEN, key_id=PERSON_KEY_ID)
    org = KeySource("token", module=hsm, token_label=ORG_TOKEN, key_id=ORG_KEY_ID)
    return Credentials(person, PERSON_PIN), Credentials(org, ORG_PIN)
