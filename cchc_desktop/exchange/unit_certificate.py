"""Chứng thư số của đơn vị: opening the certificate a commune seals its packages with.

The receiver accepts a certificate's seal only when the certificate names the sending unit, so the
certificate is checked here first: choosing a certificate of another unit is said before anything is
written, not discovered at the province weeks later.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from cchc_desktop.exchange.context import ExchangeWorkspace
from cchc_desktop.exchange.format.seal_unit import SealUnit, mismatch_reason
from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.signing.keys import open_signer

if TYPE_CHECKING:
    from cchc_desktop.signatures.signer import CertSigner
    from cchc_desktop.signing.task import Credentials


@contextmanager
def unit_certificate(ws: ExchangeWorkspace, credentials: Credentials) -> Iterator[CertSigner]:
    """The signer of the chosen certificate (PIN or password checked), refused unless it names this
    unit as the receiver will check it (``seal_unit``); logged out when the block ends."""
    profile = ws.profile.get()
    own = SealUnit(profile.province_code, profile.commune_code, profile.name, profile.unit_type, profile.short_name)
    with open_signer(credentials.key, credentials.secret) as signer:
        why = mismatch_reason(signer.certificate, own, (), profile.province_name)
        if why is not None:
            raise ValidationError(
                "exchange.seal.other_unit", subject=signer.certificate.common_name, unit=profile.short_name, why=why
            )
        yield signer
