"""Fuzzing the receiver: hypothesis mutates real packages — numbers, strings, structure, member names and
sizes — and either re-signs them with the enrolled key (what a sender holding its key could send) or
leaves the seal as it was (what anyone could send). Every package is imported or refused with its own
typed error: never a traceback, never "a fault of the program", never debris (a refusal leaves the file's
SQL dump and the folder listing as they were; an import leaves no private copy and no unrecorded kept file).
"""

from __future__ import annotations

import copy
import itertools
import json
import os
import uuid
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc_desktop.exchange.format.jsonutil import canonical_bytes
from cchc_desktop.exchange.format.signing import sign_manifest
from cchc_desktop.exchange.import_errors import UnexpectedImportError
from cchc_desktop.kernel.errors import CchcError
from tests.exchange.craft import build, catalogue_assessment_data, plan_data, report_data, with_files
from tests.exchange.format.craft import read_members, zip_bytes
from tests.support.exchange import debris_snapshot

#: Cases per run (the suite's; ``CCHC_FUZZ_EXAMPLES=5000`` for a long run by hand).
RESIGNED_EXAMPLES = UNSIGNED_EXAMPLES = int(os.environ.get("CCHC_FUZZ_EXAMPLES", "200"))
RAW = "@@raw{}@@"
SERIES = itertools.count()

# Values a field may be replaced with. Raw JSON text (``raw``) reaches what Python's json cannot write.
raw_numbers = st.sampled_from(["1e999", "-1e999", "9" * 400, "-" + "9" * 25, "1" + "0" * 4400, "1e-999", "-0"])
raw_strings = st.sampled_from(['"\\ud800"', '"\\udfff x"', '"a\\u0000b"', '"\\u202e\\u001b[2J"'])
plain = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=40),
    st.text(alphabet="\x00\x07\x1b\u202e\u200b😀سxyz/.\\", max_size=12),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)
replacement = st.one_of(plain, raw_numbers.map(lambda r: ("raw", r)), raw_strings.map(lambda r: ("raw", r)))


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path to a value inside a JSON object (dict keys and list indices)."""
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*prefix, index))
    return found


def _apply(obj: Any, path: tuple, action: str, new: Any, raws: list[str]) -> None:
    parent = obj
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if action == "delete":
        del parent[last]
    elif action == "duplicate" and isinstance(parent, list):
        parent.append(copy.deepcopy(parent[last]))
    else:
        if isinstance(new, tuple) and new[:1] == ("raw",):
            raws.append(new[1])
            new = RAW.format(len(raws) - 1)
        parent[last] = new


def _serialise(obj: Any, raws: list[str]) -> bytes:
    text = canonical_bytes(obj).decode("utf-8")
    for index, raw in enumerate(raws):
        text = text.replace(json.dumps(RAW.format(index)), raw)
    return text.encode("utf-8")


FREE_TEXT = frozenset(
    ("content", "text", "name", "explanation", "result", "reason", "lead_unit", "title", "unit", "label")
    + ("achievements", "shortcomings", "causes", "next_tasks", "proposals", "override_reason", "short_name")
)
texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]) | st.sampled_from("\x1b\x07\u202e😀س\n"),
    max_size=30,
)


@st.composite
def text_edits(draw, obj: Any) -> tuple[Any, list[str]]:
    """``obj`` with its strings (names, contents, codes) replaced by any text: mostly still importable."""
    changed = copy.deepcopy(obj)
    strings = [p for p in _paths(changed) if p[-1] in FREE_TEXT and isinstance(_at(changed, p), str)]
    for path in draw(st.lists(st.sampled_from(strings), min_size=1, max_size=4)) if strings else []:
        _apply(changed, path, "replace", draw(texts), [])
    return changed, []


def _at(obj: Any, path: tuple) -> Any:
    for step in path:
        obj = obj[step]
    return obj


@st.composite
def edits(draw, obj: Any) -> tuple[Any, list[str]]:
    """``obj`` with one to three fields replaced, removed or repeated; the raw JSON snippets used."""
    changed, raws = copy.deepcopy(obj), []
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(changed)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        action = draw(st.sampled_from(["replace", "replace", "replace", "delete", "duplicate"]))
        _apply(changed, path, action, draw(replacement), raws)
    return changed, raws


@pytest.fixture
def bases(commune_key, tmp_path) -> list[list[tuple[str, bytes]]]:
    """Valid packages of every content kind, as their members."""
    folder = tmp_path / "bases"
    data, files = with_files(plan_data(2027), [("Quyết định.pdf", b"%PDF-1.4 qd " + bytes(300), ["task:t0"])])
    made = [
        build(folder / "a", commune_key, "plan", 2027, data, evidence=files)[0],
        build(folder / "b", commune_key, "report", 2026, report_data(2026, "Q1"), period="Q1")[0],
        build(folder / "c", commune_key, "assessment", 2026, catalogue_assessment_data(2026))[0],
    ]
    return [read_members(path) for path in made]


def _mutated(draw, members: list[tuple[str, bytes]], key) -> list[tuple[str, bytes]]:
    """Re-signed: data.json or the manifest edited, a member renamed or resized; the manifest fresh."""
    members = list(members)
    manifest = json.loads(dict(members)["manifest.json"])
    manifest["package_id"] = uuid.uuid4().hex  # a new package each time, so most reach the payload checks
    manifest["year"] = 2000 + next(SERIES) % 101  # a series of its own, mostly
    target = draw(st.sampled_from(["data", "manifest", "member_name", "member_size", "data", "data"]))
    raws: list[str] = []
    if target == "data":
        data = json.loads(dict(members)["data.json"])
        data["year"] = manifest["year"]
        if isinstance(data.get("plan"), dict):
            data["plan"]["year"] = manifest["year"]
        changed, data_raws = draw(st.one_of(edits(data), text_edits(data)))
        raw = _serialise(changed, data_raws)
        members = [(n, raw if n == "data.json" else c) for n, c in members]
        _relist(manifest, "data.json", raw)
    elif target == "manifest":
        manifest, raws = draw(edits(manifest))
    elif target == "member_name":
        old = draw(st.sampled_from([n for n, _ in members if n not in ("manifest.json", "manifest.sig")]))
        new = draw(
            st.sampled_from(["evidence/x.pdf", "../data.json", "Data.json", "document.pdf", "a/b", old + "\x07"])
        )
        members = [(new if n == old else n, c) for n, c in members]
        if draw(st.booleans()) and isinstance(manifest.get("members"), list):
            for entry in manifest["members"]:
                if entry.get("name") == old:
                    entry["name"] = new
    else:
        name = draw(st.sampled_from([n for n, _ in members if n not in ("manifest.json", "manifest.sig")]))
        extra = draw(st.binary(max_size=64))
        members = [(n, c + extra if n == name else c) for n, c in members]
        if draw(st.booleans()):
            _relist(manifest, name, dict(members)[name])
    raw_manifest = _serialise(manifest, raws)
    members = [(n, raw_manifest if n == "manifest.json" else c) for n, c in members]
    return [(n, sign_manifest(raw_manifest, key) if n == "manifest.sig" else c) for n, c in members]


def _relist(manifest: dict, name: str, content: bytes) -> None:
    import hashlib

    for entry in manifest.get("members", []):
        if isinstance(entry, dict) and entry.get("name") == name:
            entry["sha256"], entry["size"] = hashlib.sha256(content).hexdigest(), len(content)


def _tampered(draw, members: list[tuple[str, bytes]]) -> bytes:
    """Not re-signed: the zip's bytes flipped, cut, padded, or one member's content or name changed."""
    raw = zip_bytes(members, zipfile.ZIP_DEFLATED)
    how = draw(st.sampled_from(["flip", "cut", "insert", "member", "rename"]))
    if how == "flip":
        at = draw(st.integers(0, len(raw) - 1))
        return raw[:at] + bytes([raw[at] ^ draw(st.integers(1, 255))]) + raw[at + 1 :]
    if how == "cut":
        return raw[: draw(st.integers(0, len(raw) - 1))]
    if how == "insert":
        at = draw(st.integers(0, len(raw)))
        return raw[:at] + draw(st.binary(min_size=1, max_size=40)) + raw[at:]
    name = draw(st.sampled_from([n for n, _ in members]))
    if how == "rename":
        new = draw(st.sampled_from(["evidence/y.bin", "/etc/passwd", "data.json", name.upper()]))
        return zip_bytes([(new if n == name else n, c) for n, c in members], zipfile.ZIP_DEFLATED)
    content = dict(members)[name]
    at = draw(st.integers(0, max(len(content) - 1, 0)))
    changed = content[:at] + draw(st.binary(min_size=0, max_size=8)) + content[at + 1 :]
    return zip_bytes([(n, changed if n == name else c) for n, c in members], zipfile.ZIP_DEFLATED)


class Tally:
    def __init__(self) -> None:
        self.runs = 0
        self.statuses: dict[str, int] = {}
        self.errors: dict[str, int] = {}


def _import_and_check(receiver, path: Path, tally: Tally) -> None:
    before = debris_snapshot(receiver)
    try:
        batch = receiver.exchange.import_packages([path])
    except BaseException as exc:  # a traceback out of the import itself
        raise AssertionError(f"the import raised {type(exc).__name__}: {exc}") from exc
    (outcome,) = batch.outcomes
    assert not any(ch in outcome.line + outcome.title for ch in "\x1b\x07\u202e"), outcome.line
    tally.runs += 1
    tally.statuses[outcome.status] = tally.statuses.get(outcome.status, 0) + 1
    if outcome.refused:
        assert isinstance(outcome.error, CchcError) and not isinstance(outcome.error, UnexpectedImportError), (
            outcome.line
        )
        tally.errors[type(outcome.error).__name__] = tally.errors.get(type(outcome.error).__name__, 0) + 1
        assert debris_snapshot(receiver) == before, outcome.line
    store = receiver.path.parent / f"{receiver.path.stem}-goi-da-nhan"
    named = {row[0] for row in receiver.conn.execute("SELECT stored_file FROM received_packages")}
    left = {p.name for p in store.iterdir()} if store.exists() else set()
    assert left == named, "no private copy and no kept file without its package"


def fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_resigned_mutations_are_imported_or_refused_by_name(receiver, commune_key, bases, tmp_path):
    tally = Tally()
    target = tmp_path / "fuzz.cchc"

    @fuzz(RESIGNED_EXAMPLES)
    @given(st.data())
    def one(data) -> None:
        members = data.draw(st.sampled_from(bases))
        target.write_bytes(zip_bytes(_mutated(data.draw, members, commune_key), zipfile.ZIP_DEFLATED))
        _import_and_check(receiver, target, tally)

    one()
    print(f"\nre-signed: {tally.runs} packages, {tally.statuses}, refusals {sorted(tally.errors.items())}")
    assert tally.runs >= RESIGNED_EXAMPLES and tally.statuses.get("refused", 0) > 0


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_unsigned_tampering_is_refused_by_name(receiver, bases, tmp_path):
    tally = Tally()
    target = tmp_path / "tampered.cchc"

    @fuzz(UNSIGNED_EXAMPLES)
    @given(st.data())
    def one(data) -> None:
        members = data.draw(st.sampled_from(bases))
        target.write_bytes(_tampered(data.draw, members))
        _import_and_check(receiver, target, tally)

    one()
    print(f"\nunsigned: {tally.runs} packages, {tally.statuses}, refusals {sorted(tally.errors.items())}")
    assert tally.runs >= UNSIGNED_EXAMPLES and tally.statuses.get("refused", 0) > tally.runs // 2
