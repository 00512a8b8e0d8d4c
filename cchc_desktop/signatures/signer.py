"""Người ký / cơ quan ký: one type for a signing key, whether it lives on a token or in a .p12 file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import TracebackType

from pyhanko.sign.signers import Signer

from cchc_desktop.signatures import errors as e
from cchc_desktop.signatures.certs import CertificateSummary


@dataclass
class CertSigner:
    """A key able to sign, with its certificate (chứng thư số) and the CA certificates that go with it.

    Made by ``tokens.open_token_signer`` or ``pkcs12.load_pkcs12_signer``; close it (or use it as a
    context manager) to log out of the token. ``signer`` is the pyHanko signer.
    """

    signer: Signer
    certificate: CertificateSummary
    token_label: str = ""
    _on_close: Callable[[], None] | None = field(default=None, repr=False)

    def close(self) -> None:
        """Log out and close the token session (nothing to do for a file)."""
        on_close, self._on_close = self._on_close, None
        if on_close is not None:
            on_close()

    def __enter__(self) -> CertSigner:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()


@contextmanager
def token_errors(token_label: str) -> Iterator[None]:
    """Turn a PKCS#11 failure while signing (token pulled out, driver fault) into TokenError."""
    from pkcs11 import exceptions as p11

    try:
        yield
    except p11.PinLocked:
        raise e.PinLockedError(token=token_label) from None
    except p11.PKCS11Error as exc:
        raise e.TokenError(detail=type(exc).__name__) from None
