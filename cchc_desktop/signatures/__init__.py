"""Chữ ký số: legal-grade signatures with X.509 certificates (pure Python, no Qt, no database).

* ``pdf_sign``: ký số văn bản PDF (PAdES) as Decree 30/2020 places them: the signer's visible
  signature, then the agency's seal signature with the số/ký hiệu and time; attachments.
* ``pdf_verify``: list and check the signatures of a PDF.
* ``cms`` / ``cms_verify``: a detached CMS (PKCS#7) signature over bytes (a package manifest) and
  its verification against caller-supplied roots and CRLs (``trust``).
* ``tokens`` / ``token_signer`` / ``modules``: PKCS#11 tokens (thiết bị ký số); ``pkcs12``: .p12 files.
  Both give a ``signer.CertSigner``.
* ``certs`` / ``units``: what a certificate says, and which unit of a roster it belongs to.
* ``errors``: the typed errors; messages in ``cchc_desktop/i18n/vi/signatures.py``.

Modules import pyHanko; import them where signing happens, not at start-up.
"""

from __future__ import annotations
