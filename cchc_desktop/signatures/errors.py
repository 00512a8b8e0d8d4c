"""Typed errors of chữ ký số: tokens, PKCS#12 files, signing PDFs, verifying certificates.

Every class is a ``CchcError``: ``str(err)`` is a Vietnamese message from
``cchc_desktop/i18n/vi/signatures.py`` that says what is wrong and what to do.
"""

from __future__ import annotations

from typing import Any

from cchc_desktop.kernel.errors import CchcError


class SignatureError(CchcError):
    """Lỗi chữ ký số."""

    key = "signatures.error.generic"


# Thiết bị ký số (token) and PKCS#12 files ##################################


class TokenModuleError(SignatureError):
    """The PKCS#11 module (the token driver DLL) cannot be loaded; ``module`` is its path."""

    key = "signatures.token.module"


class TokenNotFoundError(SignatureError):
    """No token is inserted, or none has the label asked for."""

    key = "signatures.token.not_found"


class KeyNotFoundError(SignatureError):
    """The token has no private key or certificate with the key id (or label) asked for."""

    key = "signatures.token.key_not_found"


class TokenError(SignatureError):
    """The token refused an operation (removed during signing, driver fault); ``detail`` names it."""

    key = "signatures.token.failed"


class WrongPinError(SignatureError):
    """Sai mã PIN. ``tries_left`` is 1 when the token says this is the final try, None when it does
    not tell; ``count_low`` is True when it says some tries have already failed."""

    key = "signatures.pin.wrong"

    def __init__(
        self, key: str | None = None, *, tries_left: int | None = None, count_low: bool = False, **params: Any
    ) -> None:
        self.tries_left = tries_left
        self.count_low = count_low
        super().__init__(key, **params)


class PinLockedError(SignatureError):
    """Thiết bị ký số đã bị khóa mã PIN (too many wrong PINs); only its issuer can unlock it."""

    key = "signatures.pin.locked"


class CertificateFileError(SignatureError):
    """A PKCS#12 (.p12/.pfx) file cannot be read or is not one; ``file`` is its name."""

    key = "signatures.pkcs12.unreadable"


class WrongPasswordError(CertificateFileError):
    """Sai mật khẩu của tệp chứng thư số (.p12/.pfx)."""

    key = "signatures.pkcs12.wrong_password"


# Signing a PDF #############################################################


class PdfSigningError(SignatureError):
    """Không ký được tệp PDF (not a PDF, page out of range, unreadable image…)."""

    key = "signatures.pdf.failed"


# Verifying a signature and its certificate ################################


class VerificationError(SignatureError):
    """A signature or its certificate is not accepted; ``subject`` names the signer when known."""

    key = "signatures.verify.failed"


class BadSignatureError(VerificationError):
    """Chữ ký không khớp nội dung: the content changed after signing, or the signature is damaged."""

    key = "signatures.verify.bad_signature"


class UntrustedCertificateError(VerificationError):
    """The certificate does not chain to any trust root (chứng thư gốc) the caller supplied."""

    key = "signatures.verify.untrusted"


class CertificateValidityError(VerificationError):
    """A certificate of the chain is outside its validity period at the time checked."""

    key = "signatures.verify.expired"


class CertificateExpiredError(CertificateValidityError):
    """Chứng thư số đã hết hạn."""

    key = "signatures.verify.expired"


class CertificateNotYetValidError(CertificateValidityError):
    """Chứng thư số chưa có hiệu lực."""

    key = "signatures.verify.not_yet_valid"


class WrongKeyUsageError(VerificationError):
    """The certificate is not meant for signing (key usage lacks digitalSignature/nonRepudiation)."""

    key = "signatures.verify.key_usage"


class CertificateRevokedError(VerificationError):
    """Chứng thư số đã bị thu hồi according to a CRL the caller supplied."""

    key = "signatures.verify.revoked"


class TrustFileError(SignatureError):
    """A trust root or CRL file cannot be read; ``file`` is its name."""

    key = "signatures.trust.file"
