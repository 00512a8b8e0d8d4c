"""The signature tests' fixtures are plugins in ``tests/support/signing.py`` (the window's signing
tests use them too); the names of the tokens, PINs and password are re-exported here."""

from tests.support.signing import (  # noqa: F401 - names the tests import from here
    ORG_KEY_ID,
    ORG_PIN,
    ORG_TOKEN,
    P12_PASSWORD,
    PERSON_KEY_ID,
    PERSON_PIN,
    PERSON_TOKEN,
    SPARE_PIN,
    SPARE_TOKEN,
)
