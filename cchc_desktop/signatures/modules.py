"""Trình điều khiển thiết bị ký số: where the PKCS#11 module (a DLL on Windows) usually is.

The GUI offers the modules found here and lets the user browse to another one. The environment
variable ``CCHC_PKCS11_MODULE`` names one more (tests point it at SoftHSM2).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

ENV_MODULE = "CCHC_PKCS11_MODULE"


@dataclass(frozen=True)
class KnownModule:
    """A PKCS#11 module: who makes it and its path."""

    name: str
    path: str


def _windows_modules() -> tuple[KnownModule, ...]:
    system = Path(os.environ.get("WINDIR", r"C:\Windows")) / "System32"
    return (
        KnownModule("SafeNet eToken (VGCA)", str(system / "eTPKCS11.dll")),
        KnownModule("Bit4id (VGCA)", str(system / "bit4xpki.dll")),
        KnownModule("VNPT-CA", r"C:\vnpt-ca\cryptoki.dll"),
        KnownModule("Viettel-CA", r"C:\Viettel-CA\pkcs11.dll"),
        KnownModule("FPT-CA", r"C:\FPT-CA\pkcs11.dll"),
        KnownModule("OpenSC", r"C:\Program Files\OpenSC Project\OpenSC\pkcs11\opensc-pkcs11.dll"),
    )


def _linux_modules() -> tuple[KnownModule, ...]:
    return (
        KnownModule("SafeNet eToken (VGCA)", "/usr/lib/libeTPkcs11.so"),
        KnownModule("Bit4id (VGCA)", "/usr/lib/libbit4xpki.so"),
        KnownModule("VNPT-CA", "/usr/lib/vnpt-ca/libcryptoki.so"),
        KnownModule("Viettel-CA", "/usr/lib/viettel-ca/libpkcs11.so"),
        KnownModule("FPT-CA", "/usr/lib/fpt-ca/libpkcs11.so"),
        KnownModule("OpenSC", "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so"),
        KnownModule("SoftHSM2", "/usr/lib/softhsm/libsofthsm2.so"),
        KnownModule("SoftHSM2", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
    )


def known_modules(platform: str | None = None) -> tuple[KnownModule, ...]:
    """The usual module paths on this platform ("win32" or another), whether installed or not."""
    return _windows_modules() if (platform or sys.platform) == "win32" else _linux_modules()


def find_modules(platform: str | None = None) -> list[KnownModule]:
    """The modules that exist on this machine: ``CCHC_PKCS11_MODULE`` first, then the known paths."""
    found: list[KnownModule] = []
    override = os.environ.get(ENV_MODULE)
    if override and Path(override).is_file():
        found.append(KnownModule(Path(override).name, override))
    for module in known_modules(platform):
        seen = {os.path.realpath(f.path) for f in found}
        if Path(module.path).is_file() and os.path.realpath(module.path) not in seen:
            found.append(module)
    return found


def default_module() -> str | None:
    """The first module found, or None when no token driver is installed."""
    found = find_modules()
    return found[0].path if found else None
