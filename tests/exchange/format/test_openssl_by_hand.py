"""The by-hand procedure of docs/package-format.md §7, run exactly as written, against a package built by
the code; and the signature step fails on a manifest with one byte changed."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
from pathlib import Path

import pytest

from cchc_desktop.exchange.format import public_pem
from cchc_desktop.exchange.format.keys import raw_public_bytes
from tests.exchange.format.craft import build, flip
from tests.support.paths import ROOT

SPEC = ROOT / "docs" / "package-format.md"


def _spec_blocks() -> list[str]:
    text = SPEC.read_text(encoding="utf-8")
    section = text[text.index("## 7. How to verify a package by hand") : text.index("\n## 8.")]
    return re.findall(r"```sh\n(.*?)```", section, re.S)


def _commands(block: str) -> list[str]:
    return [line for line in block.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _run(script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", "-c", script], cwd=cwd, capture_output=True, text=True, timeout=60)


@pytest.fixture
def inbox(tmp_path, key):
    package = build(tmp_path, key)
    assert package.name == "42-18103_report_2026_Q1_r2.cchc"  # the name used in the spec
    (tmp_path / "sender.pub.pem").write_bytes(public_pem(key))
    return tmp_path


def test_the_spec_procedure_succeeds(inbox, key):
    block = _spec_blocks()[0]
    result = _run("set -e\n" + "\n".join(_commands(block)), inbox)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert f"{_fingerprint_hex(key)}  -" in out
    assert "Signature Verified Successfully" in out
    manifest = json.loads((inbox / "goi" / "manifest.json").read_bytes())
    listed = {m["name"]: m for m in manifest["members"]}
    hashed = {
        line[66:]: line[:64]
        for line in out.splitlines()
        if re.match(r"[0-9a-f]{64}  ", line) and not line.endswith("  -")
    }
    assert hashed == {name: m["sha256"] for name, m in listed.items()}
    extracted = {str(p.relative_to(inbox / "goi")) for p in (inbox / "goi").rglob("*") if p.is_file()}
    assert extracted == set(listed) | {"manifest.json", "manifest.sig"}
    for name, member in listed.items():
        assert (inbox / "goi" / name).stat().st_size == member["size"]
    assert manifest["signature"]["key_fingerprint"].replace(" ", "").lower() == _fingerprint_hex(key)


def _fingerprint_hex(key) -> str:
    return hashlib.sha256(raw_public_bytes(key)).hexdigest()


def _verify_command() -> str:
    return next(c for c in _commands(_spec_blocks()[0]) if c.startswith("openssl pkeyutl -verify"))


def test_the_signature_step_fails_on_a_tampered_manifest(inbox):
    first_line = _commands(_spec_blocks()[0])[0]
    assert _run(first_line, inbox).returncode == 0
    folder = inbox / "goi"
    manifest = folder / "manifest.json"
    assert _run(_verify_command(), folder).returncode == 0
    original = manifest.read_bytes()
    for position in (0, len(original) // 2, original.index(b'"revision"') + 12, len(original) - 1):
        manifest.write_bytes(flip(original, position))
        result = _run(_verify_command(), folder)
        assert result.returncode != 0
        assert "Signature Verification Failure" in result.stdout + result.stderr


def test_the_jq_one_liner_checks_every_member(inbox):
    first_line = _commands(_spec_blocks()[0])[0]
    assert _run(first_line, inbox).returncode == 0
    folder = inbox / "goi"
    one_liner = _commands(_spec_blocks()[1])[0]
    result = _run(one_liner, folder)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count(": OK") == len(json.loads((folder / "manifest.json").read_bytes())["members"])
    (folder / "data.json").write_bytes((folder / "data.json").read_bytes() + b" ")
    assert _run(one_liner, folder).returncode != 0
