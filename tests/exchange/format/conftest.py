"""Fixtures for the exchange tests: one signing key per session (Ed25519 is cheap, but keep it simple)."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from cchc_desktop.exchange.format import generate_private_key
from cchc_desktop.exchange.format.signing import TrustedKey


@pytest.fixture(scope="session")
def key() -> Ed25519PrivateKey:
    return generate_private_key()


@pytest.fixture(scope="session")
def other_key() -> Ed25519PrivateKey:
    return generate_private_key()


@pytest.fixture
def lookup(key):
    """The receiver's enrolled keys: only ``key``, only for xã Kỳ Phong (42-18103), named as enrolled."""
    enrolled = TrustedKey(key.public_key(), 1, label="xã Kỳ Phong (mã 42-18103)")

    def find(province: str, unit: str):
        return [enrolled] if (province, unit) == ("42", "18103") else []

    return find
