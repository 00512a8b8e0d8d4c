"""A test PKI shaped like the Government CA: a root, an intermediate, and end-entity certificates for
a person (the chairman) and the organisation (the UBND xã), plus deliberately bad ones.

Everything is fictional and made with ``cryptography`` when the tests run.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)
ROOT_NAME = "Cơ quan chứng thực số chuyên dùng Chính phủ"
INTERMEDIATE_NAME = "CA phục vụ các cơ quan Đảng, Nhà nước"
TEST_CA_ORG = "Ban Cơ yếu Chính phủ (THỬ NGHIỆM)"
PERSON_NAME = "Nguyễn Văn A"
ORG_NAME = "UBND xã Kỳ Phong"

SIGNING = x509.KeyUsage(
    digital_signature=True,
    content_commitment=True,
    key_encipherment=False,
    data_encipherment=False,
    key_agreement=False,
    key_cert_sign=False,
    crl_sign=False,
    encipher_only=False,
    decipher_only=False,
)
ENCRYPTION_ONLY = x509.KeyUsage(
    digital_signature=False,
    content_commitment=False,
    key_encipherment=True,
    data_encipherment=True,
    key_agreement=False,
    key_cert_sign=False,
    crl_sign=False,
    encipher_only=False,
    decipher_only=False,
)
CA_USAGE = x509.KeyUsage(
    digital_signature=False,
    content_commitment=False,
    key_encipherment=False,
    data_encipherment=False,
    key_agreement=False,
    key_cert_sign=True,
    crl_sign=True,
    encipher_only=False,
    decipher_only=False,
)


@dataclass
class Issued:
    """A certificate with its private key."""

    cert: x509.Certificate
    key: rsa.RSAPrivateKey

    @property
    def pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)

    @property
    def der(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.DER)

    def key_der(self) -> bytes:
        return self.key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption()
        )

    def pkcs12(self, password: bytes, chain: list[x509.Certificate]) -> bytes:
        algorithm = serialization.BestAvailableEncryption(password)
        return pkcs12.serialize_key_and_certificates(b"ky-so", self.key, self.cert, chain, algorithm)


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def name(
    common: str,
    org: str | None = None,
    unit: str | None = None,
    uid: str | None = None,
    province: str | None = None,
    title: str | None = None,
) -> x509.Name:
    parts = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")]
    if province:
        parts.append(x509.NameAttribute(NameOID.STATE_OR_PROVINCE_NAME, province))
    if org:
        parts.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, org))
    if unit:
        parts.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, unit))
    if uid:
        parts.append(x509.NameAttribute(NameOID.USER_ID, uid))
    if title:
        parts.append(x509.NameAttribute(NameOID.TITLE, title))
    parts.append(x509.NameAttribute(NameOID.COMMON_NAME, common))
    return x509.Name(parts)


def issue(
    subject: x509.Name,
    issuer: Issued | None,
    *,
    ca: bool = False,
    usage: x509.KeyUsage = SIGNING,
    not_before: dt.datetime | None = None,
    not_after: dt.datetime | None = None,
    key: rsa.RSAPrivateKey | None = None,
) -> Issued:
    """A certificate signed by ``issuer`` (self-signed when None)."""
    key = key or new_key()
    signer_key = issuer.key if issuer else key
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer.cert.subject if issuer else subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before or NOW - dt.timedelta(days=30))
        .not_valid_after(not_after or NOW + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(CA_USAGE if ca else usage, critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(signer_key.public_key()), critical=False)
    )
    return Issued(builder.sign(signer_key, hashes.SHA256()), key)


def crl(issuer: Issued, revoked: list[x509.Certificate]) -> bytes:
    """A current CRL (PEM) from ``issuer`` listing ``revoked``."""
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(issuer.cert.subject)
        .last_update(NOW - dt.timedelta(days=1))
        .next_update(NOW + dt.timedelta(days=7))
    )
    for cert in revoked:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(cert.serial_number)
            .revocation_date(NOW - dt.timedelta(hours=12))
            .build()
        )
    return builder.sign(issuer.key, hashes.SHA256()).public_bytes(serialization.Encoding.PEM)


@dataclass
class TestPki:
    """The whole test hierarchy; built once per test session."""

    root: Issued
    intermediate: Issued
    person: Issued
    org: Issued
    expired: Issued
    not_yet_valid: Issued
    encryption_only: Issued
    revoked: Issued
    other_root: Issued
    commune: Issued  # the test commune of the exchange tests: xã Kỳ Phong, mã 42-18544
    extra: dict[str, Issued] = field(default_factory=dict)


def build_pki() -> TestPki:
    root = issue(
        name(ROOT_NAME, TEST_CA_ORG),
        None,
        ca=True,
        not_before=NOW - dt.timedelta(days=3650),
        not_after=NOW + dt.timedelta(days=3650),
    )
    inter = issue(
        name(INTERMEDIATE_NAME, TEST_CA_ORG),
        root,
        ca=True,
        not_before=NOW - dt.timedelta(days=1000),
        not_after=NOW + dt.timedelta(days=1800),
    )

    def leaf(common: str, **kwargs) -> Issued:
        return issue(name(common, ORG_NAME, unit="Văn phòng HĐND và UBND", province="Hà Tĩnh"), inter, **kwargs)

    return TestPki(
        root=root,
        intermediate=inter,
        person=issue(
            name(
                PERSON_NAME,
                ORG_NAME,
                unit="Lãnh đạo UBND",
                uid="CCCD:042090001234",
                province="Hà Tĩnh",
                title="Chủ tịch",
            ),
            inter,
        ),
        org=issue(name(ORG_NAME, "UBND tỉnh Hà Tĩnh", uid="MNS:18103", province="Hà Tĩnh"), inter),
        expired=leaf(
            "Trần Thị Hết Hạn", not_before=NOW - dt.timedelta(days=400), not_after=NOW - dt.timedelta(days=10)
        ),
        not_yet_valid=leaf("Lê Văn Chưa Hiệu Lực", not_before=NOW + dt.timedelta(days=10)),
        encryption_only=leaf("Phạm Thị Mã Hóa", usage=ENCRYPTION_ONLY),
        revoked=leaf("Hoàng Văn Thu Hồi"),
        other_root=issue(name("CA KHÔNG ĐƯỢC TIN CẬY", "Tổ chức lạ"), None, ca=True),
        commune=issue(name(ORG_NAME, "UBND tỉnh Hà Tĩnh", uid="MNS:18544", province="Hà Tĩnh"), inter),
    )
