"""Print the sizes of the icon a Windows program carries (its first RT_GROUP_ICON resource), e.g.
"16 20 24 32 40 48 64 96 128 256"; nothing when it has none. Used by scripts/smoke-windows.sh.

    python3 packaging/windows/icon_sizes.py dist/cchc/cchc.exe
"""

from __future__ import annotations

import struct
import sys

RT_GROUP_ICON = 14


def _sections(data: bytes, pe: int) -> list[tuple[int, int, int]]:
    """(virtual address, virtual size, file offset) of every section."""
    count = struct.unpack_from("<H", data, pe + 6)[0]
    optional_size = struct.unpack_from("<H", data, pe + 20)[0]
    first = pe + 24 + optional_size
    found = []
    for index in range(count):
        base = first + 40 * index
        size, address, _, raw = struct.unpack_from("<IIII", data, base + 8)
        found.append((address, size, raw))
    return found


def _offset(sections: list[tuple[int, int, int]], rva: int) -> int:
    for address, size, raw in sections:
        if address <= rva < address + max(size, 1):
            return raw + rva - address
    raise ValueError(f"address {rva:#x} outside every section")


def _entries(data: bytes, table: int) -> list[tuple[int, int]]:
    named, numbered = struct.unpack_from("<HH", data, table + 12)
    return [struct.unpack_from("<II", data, table + 16 + 8 * i) for i in range(named + numbered)]


def icon_sizes(path: str) -> list[int]:
    data = open(path, "rb").read()  # noqa: SIM115 - a small file read once
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    magic = struct.unpack_from("<H", data, pe + 24)[0]
    directories = pe + 24 + (112 if magic == 0x20B else 96)  # PE32+ or PE32
    resources_rva = struct.unpack_from("<I", data, directories + 8 * 2)[0]
    if not resources_rva:
        return []
    sections = _sections(data, pe)
    root = _offset(sections, resources_rva)
    for kind, pointer in _entries(data, root):
        if kind != RT_GROUP_ICON:
            continue
        node = root + (pointer & 0x7FFFFFFF)
        while True:  # the first name, then its first language: down to the data entry
            _, child = _entries(data, node)[0]
            if not child & 0x80000000:
                break
            node = root + (child & 0x7FFFFFFF)
        rva, size = struct.unpack_from("<II", data, root + child)
        group = _offset(sections, rva)
        count = struct.unpack_from("<H", data, group + 4)[0]
        return sorted(data[group + 6 + 14 * i] or 256 for i in range(count))
    return []


if __name__ == "__main__":
    print(" ".join(str(size) for size in icon_sizes(sys.argv[1])))
