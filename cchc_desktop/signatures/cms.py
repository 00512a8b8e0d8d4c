"""Chữ ký số X.509 cho gói: a detached CMS (PKCS#7) signature over given bytes (the manifest).

This is the "cms-x509" signature type the package format reserves beside "ed25519": the
content of manifest.sig would be the DER bytes returned here.
"""

from __future__ import annotations

import datetime as dt

from cchc_desktop.signatures._sync import run_sync
from cchc_desktop.signatures.clock import in_vietnam
from cchc_desktop.signatures.signer import CertSigner, token_errors

DIGEST = "sha256"


def sign_detached(
    data: bytes, signer: CertSigner, *, signing_time: dt.datetime | None = None, digest: str = DIGEST
) -> bytes:
    """DER bytes of a CMS SignedData over ``data``, detached (the content is not inside).

    Signed attributes: content type, message digest, signing time (default now), CMS algorithm
    protection; the signer's certificate and its CA certificates are embedded.
    """
    from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

    attributes = PdfCMSSignedAttributes(signing_time=in_vietnam(signing_time))
    with token_errors(signer.token_label):
        info = run_sync(
            signer.signer.async_sign_general_data(data, digest, detached=True, signed_attr_settings=attributes)
        )
    return info.dump()
