"""Thông tin chứng thư số: what a GUI or a receiver shows about a certificate, and its fingerprint.

Accepts certificates as asn1crypto objects (what pyHanko uses), ``cryptography`` objects or DER bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import TypeAlias

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID

AnyCertificate: TypeAlias = asn1_x509.Certificate | x509.Certificate | bytes

#: Short names for the subject attributes Vietnamese certificates carry (others keep their dotted OID).
_SHORT_NAMES = {
    NameOID.COMMON_NAME: "CN",
    NameOID.ORGANIZATION_NAME: "O",
    NameOID.ORGANIZATIONAL_UNIT_NAME: "OU",
    NameOID.LOCALITY_NAME: "L",
    NameOID.STATE_OR_PROVINCE_NAME: "ST",
    NameOID.COUNTRY_NAME: "C",
    NameOID.USER_ID: "UID",
    NameOID.SERIAL_NUMBER: "serialNumber",
    NameOID.TITLE: "T",
    NameOID.EMAIL_ADDRESS: "E",
    NameOID.STREET_ADDRESS: "STREET",
}


@dataclass(frozen=True)
class CertificateSummary:
    """Chứng thư số của người ký hoặc cơ quan: tên (CN), chủ thể đầy đủ, số sê-ri, hiệu lực, đơn vị cấp.

    ``subject_fields`` keeps every subject attribute as (short name, value), most specific first
    (CN before O before C), so a matcher can read O/OU/UID without parsing text.
    """

    common_name: str
    subject: str
    subject_fields: tuple[tuple[str, str], ...]
    issuer: str
    issuer_common_name: str
    serial: str
    not_before: dt.datetime
    not_after: dt.datetime
    fingerprint: str
    is_ca: bool = False
    der: bytes = field(default=b"", repr=False, compare=False)

    def values(self, name: str) -> tuple[str, ...]:
        """Every value of one subject attribute ("O", "OU", "UID"…), most specific first."""
        return tuple(value for short, value in self.subject_fields if short == name)

    def valid_at(self, moment: dt.datetime) -> bool:
        return self.not_before <= moment <= self.not_after


def to_cryptography(cert: AnyCertificate) -> x509.Certificate:
    if isinstance(cert, x509.Certificate):
        return cert
    der = cert.dump() if isinstance(cert, asn1_x509.Certificate) else bytes(cert)
    return x509.load_der_x509_certificate(der)


def to_asn1(cert: AnyCertificate) -> asn1_x509.Certificate:
    if isinstance(cert, asn1_x509.Certificate):
        return cert
    if isinstance(cert, x509.Certificate):
        return asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER))
    return asn1_x509.Certificate.load(bytes(cert))


def summarize(cert: AnyCertificate) -> CertificateSummary:
    """The summary of one certificate (chứng thư số)."""
    parsed = to_cryptography(cert)
    der = parsed.public_bytes(Encoding.DER)
    fields = name_fields(parsed.subject)
    issuer_fields = name_fields(parsed.issuer)
    return CertificateSummary(
        common_name=_first(fields, "CN"),
        subject=_joined(fields),
        subject_fields=fields,
        issuer=_joined(issuer_fields),
        issuer_common_name=_first(issuer_fields, "CN"),
        serial=f"{parsed.serial_number:X}",
        not_before=parsed.not_valid_before_utc,
        not_after=parsed.not_valid_after_utc,
        fingerprint=certificate_fingerprint(der),
        is_ca=_is_ca(parsed),
        der=der,
    )


def name_fields(name: x509.Name) -> tuple[tuple[str, str], ...]:
    """(short name, value) pairs of a distinguished name, most specific (CN) first."""
    pairs: list[tuple[str, str]] = []
    for rdn in reversed(name.rdns):
        for attribute in rdn:
            short = _SHORT_NAMES.get(attribute.oid, attribute.oid.dotted_string)
            value = attribute.value if isinstance(attribute.value, str) else attribute.value.hex()
            pairs.append((short, value))
    return tuple(pairs)


def certificate_fingerprint(der: bytes) -> str:
    """ "3F2A 9C01 …": SHA-256 of the certificate's DER, 16 groups of 4 upper-case hex digits
    (the same shape as the package key fingerprints, for a "cms-x509" manifest)."""
    digest = hashlib.sha256(der).hexdigest().upper()
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def _first(fields: tuple[tuple[str, str], ...], name: str) -> str:
    return next((value for short, value in fields if short == name), "")


def _joined(fields: tuple[tuple[str, str], ...]) -> str:
    return ", ".join(f"{short}={value}" for short, value in fields)


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False
