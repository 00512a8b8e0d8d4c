"""Chứng thư gốc tin cậy and danh sách thu hồi (CRL): loading them, and validating a chain offline.

Nothing is ever fetched from the network: the caller supplies the roots (e.g. the bundled roots of
the Government CA), optional intermediates and optional CRLs. Without a CRL from the signer's
issuer, revocation is reported as "not checked" instead of failing.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from asn1crypto import crl as asn1_crl
from asn1crypto import pem
from asn1crypto import x509 as asn1_x509

from cchc_desktop.kernel.i18n import format_date, tr
from cchc_desktop.signatures import errors as e
from cchc_desktop.signatures._sync import run_sync
from cchc_desktop.signatures.certs import summarize, to_cryptography

PathLike = str | os.PathLike[str]


@dataclass(frozen=True)
class TrustAnchors:
    """Chứng thư gốc (roots), chứng thư trung gian (intermediates) and CRLs, as asn1crypto objects."""

    roots: tuple[asn1_x509.Certificate, ...]
    intermediates: tuple[asn1_x509.Certificate, ...] = ()
    crls: tuple[asn1_crl.CertificateList, ...] = ()


def load_trust(
    roots: Iterable[PathLike], crls: Iterable[PathLike] = (), intermediates: Iterable[PathLike] = ()
) -> TrustAnchors:
    """Read root, intermediate and CRL files (PEM, possibly several blocks, or DER)."""
    return TrustAnchors(
        roots=tuple(cert for path in roots for cert in load_certificate_file(path)),
        intermediates=tuple(cert for path in intermediates for cert in load_certificate_file(path)),
        crls=tuple(item for path in crls for item in load_crl_file(path)),
    )


def load_certificate_file(path: PathLike) -> list[asn1_x509.Certificate]:
    """Every certificate in a .pem/.crt/.cer/.der file; TrustFileError if it holds none."""
    return _load(path, asn1_x509.Certificate, "CERTIFICATE", "signatures.trust.not_certificate")


def load_crl_file(path: PathLike) -> list[asn1_crl.CertificateList]:
    """Every CRL in a .crl/.pem file; TrustFileError if it holds none."""
    return _load(path, asn1_crl.CertificateList, "X509 CRL", "signatures.trust.not_crl")


def _load(path: PathLike, kind: type, pem_type: str, reason_key: str) -> list[Any]:
    name = Path(path).name
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise e.TrustFileError(file=name, detail=exc.strerror or str(exc)) from None
    try:
        items = _parse_blocks(raw, kind, pem_type)
    except ValueError:
        items = []
    if not items:
        raise e.TrustFileError(file=name, detail=tr(reason_key))
    return items


def _parse_blocks(raw: bytes, kind: Any, pem_type: str) -> list[Any]:
    if pem.detect(raw):
        blocks = [der for block_type, _headers, der in pem.unarmor(raw, multiple=True) if block_type == pem_type]
    else:
        blocks = [raw]
    items = [kind.load(der) for der in blocks]
    for item in items:
        _ = item.native  # parse fully now: a damaged file fails here, not during validation
    return items


def check_revocation(
    chain: list[asn1_x509.Certificate], crls: Iterable[asn1_crl.CertificateList], moment: dt.datetime
) -> bool:
    """CertificateRevokedError when a supplied CRL (signed by the issuer, current at ``moment``) lists a
    certificate of the validated chain (signer first); True when the signer's own issuer had one.

    Done here as well as in the chain validation, which consults CRLs only for certificates that
    name a CRL distribution point."""
    from cryptography import x509

    parsed = [x509.load_der_x509_crl(item.dump()) for item in crls]
    covered = False
    for cert, issuer in zip(chain, chain[1:], strict=False):
        issuer_key = to_cryptography(issuer).public_key()
        for item in parsed:
            if not _current_crl_of(item, to_cryptography(issuer), issuer_key, moment):
                continue
            covered = covered or cert is chain[0]
            entry = item.get_revoked_certificate_by_serial_number(cert.serial_number)
            if entry is not None and entry.revocation_date_utc <= moment:
                raise e.CertificateRevokedError(
                    subject=summarize(cert).common_name, date=format_date(entry.revocation_date_utc.date())
                )
    return covered


def crl_issued_between(
    chain: list[asn1_x509.Certificate], crls: Iterable[asn1_crl.CertificateList], start: dt.datetime, end: dt.datetime
) -> bool:
    """True when a CRL of the signer's issuer, issued between ``start`` and ``end`` (the signing time and
    the certificate's expiry), does not list the signer: it was not revoked when it signed. A CA may drop
    expired certificates from later CRLs, so only one issued while the certificate was valid proves it.
    CertificateRevokedError when such a CRL lists it."""
    from cryptography import x509

    if len(chain) < 2:
        return False
    cert, issuer = chain[0], to_cryptography(chain[1])
    issuer_key: Any = issuer.public_key()  # a CA's key: one a CRL can be signed with
    proven = False
    for item in (x509.load_der_x509_crl(c.dump()) for c in crls):
        if item.issuer != issuer.subject or not item.is_signature_valid(issuer_key):
            continue
        if not start <= item.last_update_utc <= end:
            continue
        entry = item.get_revoked_certificate_by_serial_number(cert.serial_number)
        if entry is not None:
            raise e.CertificateRevokedError(
                subject=summarize(cert).common_name, date=format_date(entry.revocation_date_utc.date())
            )
        proven = True
    return proven


def _current_crl_of(item: Any, issuer: Any, issuer_key: Any, moment: dt.datetime) -> bool:
    if item.issuer != issuer.subject or not item.is_signature_valid(issuer_key):
        return False
    next_update = item.next_update_utc
    return item.last_update_utc <= moment and (next_update is None or moment <= next_update)


def validate_chain(
    cert: asn1_x509.Certificate, other_certs: Iterable[asn1_x509.Certificate], trust: TrustAnchors, moment: dt.datetime
) -> list[asn1_x509.Certificate]:
    """The validated chain, signer first and root last; typed errors for every refusal."""
    from pyhanko_certvalidator import CertificateValidator

    context = validation_context(trust, moment, other_certs)
    validator = CertificateValidator(cert, intermediate_certs=list(other_certs), validation_context=context)
    try:
        path = run_sync(validator.async_validate_path())
    except Exception as exc:
        raise chain_error(exc, cert) from None
    return list(reversed(list(path.iter_certs(include_root=True))))


def validation_context(
    trust: TrustAnchors, moment: dt.datetime | None = None, other_certs: Iterable[asn1_x509.Certificate] = ()
) -> Any:
    """A pyHanko validation context that never fetches and never falls back to the OS trust list."""
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(
        trust_roots=list(trust.roots),
        other_certs=list(trust.intermediates) + list(other_certs),
        crls=list(trust.crls),
        moment=moment,
        allow_fetching=False,
        revocation_mode="soft-fail",
    )


def chain_error(exc: Exception, cert: asn1_x509.Certificate) -> e.VerificationError:
    """The typed refusal for a pyhanko-certvalidator failure about ``cert``'s chain."""
    from pyhanko_certvalidator import errors as v

    subject = summarize(cert).common_name
    issuer = summarize(cert).issuer_common_name
    failing = _failing_subject(exc) or subject
    if isinstance(exc, v.RevokedError):
        return e.CertificateRevokedError(subject=failing, date=format_date(exc.revocation_dt.date()))
    if isinstance(exc, v.ExpiredError):
        return e.CertificateExpiredError(subject=failing, date=format_date(exc.expired_dt.date()))
    if isinstance(exc, v.NotYetValidError):
        return e.CertificateNotYetValidError(subject=failing, date=format_date(exc.valid_from.date()))
    if isinstance(exc, v.PathBuildingError):
        return e.UntrustedCertificateError(subject=subject, issuer=issuer)
    return e.VerificationError(subject=subject, detail=str(exc))


def _failing_subject(exc: Exception) -> str | None:
    path = getattr(exc, "current_path", None)
    leaf = getattr(path, "leaf", None) if path is not None else None
    if isinstance(leaf, asn1_x509.Certificate):
        return summarize(leaf).common_name
    return None
