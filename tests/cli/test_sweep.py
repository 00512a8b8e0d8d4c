"""Every command, given bad and edge arguments: a one-line Vietnamese error and a non-zero exit, or a normal
result; never a traceback. The commands are found by walking the parser, so a new command is swept too.

Values are chosen by the argument's name: workspaces that are missing, folders, not SQLite, or under
/proc; years, ids and versions far out of range; files that are missing, folders, binary or not UTF-8;
names carrying terminal escapes. Each command runs once with each bad value in each of its arguments (the
others valid), in this process, so a traceback is an exception the test sees.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cchc_desktop.cli.main import build_parser, run
from tests.support.exchange import PASSPHRASE
from tests.support.paths import ROOT

HUGE = "99999999999999999999"
#: The generic message of the command line's last safety net: seeing it means a fault was not handled.
UNHANDLED = "lỗi ngoài dự kiến"


def _commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()):
    """(path, parser) of every leaf command."""
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield prefix, parser
        return
    for name, child in subs[0].choices.items():
        yield from _commands(child, (*prefix, name))


def _arguments(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [a for a in parser._actions if not isinstance(a, (argparse._HelpAction, argparse._VersionAction))]


@pytest.fixture(scope="module")
def world(tmp_path_factory, demo_template):
    """A commune (the demo, with a key), a receiver, a package, and files of every awkward kind."""
    from cchc_desktop.workspace import Workspace, create_receiver

    base = tmp_path_factory.mktemp("sweep")
    commune = base / "xa.sqlite"
    shutil.copy(demo_template, commune)
    ws = Workspace.open(commune)
    ws.exchange.create_key(PASSPHRASE, PASSPHRASE)
    (base / "usb").mkdir()
    package = ws.exchange.export("plan", 2026, None, base / "usb", PASSPHRASE).path
    card, pub = ws.exchange.write_card(base / "phieu.pdf")
    ws.close()
    create_receiver(base / "so.sqlite", "Sở Nội vụ tỉnh Hà Tĩnh", "42").close()
    (base / "folder").mkdir()
    (base / "text.txt").write_text("không phải tệp dữ liệu\n", encoding="utf-8")
    (base / "binary.bin").write_bytes(b"\xff\xfe\x00\x81garbage\x80" * 50)
    (base / "spaces.txt").write_text("        \n", encoding="utf-8")
    (base / "pass.txt").write_text(PASSPHRASE + "\n", encoding="utf-8")
    (base / "empty.txt").write_bytes(b"")
    catalogue = base / "catalogue.json"
    catalogue.write_text('{"ten": "x", "nam": 2026, "tieu_chi": [{"ma": "1", "ten": "A", "diem_toi_da": 1}]}')
    return {
        "base": base,
        "commune": commune,
        "receiver": base / "so.sqlite",
        "package": package,
        "card": card,
        "catalogue": catalogue,
    }


def _valid(action: argparse.Action, command: tuple[str, ...], world: dict) -> list[str]:
    """A value that makes sense for the argument (the others stay valid while one is bad)."""
    base: Path = world["base"]
    dest = action.dest
    receiver_side = command[0] == "receiver" or command[-1] in (
        "enroll",
        "enroll-batch",
        "list",
        "revoke",
        "import",
        "import-held",
        "held",
        "remove-held",
        "verify",
    )
    values = {
        "db": str(world["receiver"] if receiver_side else world["commune"]),
        "year": "2026",
        "period": "Q1",
        "output": str(base / "out" / ("x.cchc" if command[0] == "package" else "x.pdf")),
        "file": str(world["catalogue"] if command[0] == "assess" else world["package"]),
        "paths": str(world["package"]),
        "name": "Kỳ Phong" if command[-1] == "enroll" else "#1",
        "package_ids": "0" * 32,
        "passphrase_file": str(base / "pass.txt"),
        "new_passphrase_file": str(base / "pass.txt"),
        "id": "1",
        "province": "42",
        "unit": "18544",
        "fingerprint": "00" * 32,
        "reason": "lý do",
        "to": "so@example.vn",
        "version": "1",
    }
    if command[-1] == "enroll" and dest == "file":
        return [str(world["card"])]
    if command == ("receiver", "init") and dest == "db":
        return [str(base / "new-receiver.sqlite")]
    if action.choices:
        return [str(next(iter(action.choices)))]
    return [values.get(dest, "x")]


def _bad(action: argparse.Action, world: dict) -> list[str]:
    """Values that must be refused for this argument."""
    base: Path = world["base"]
    dest = action.dest
    files = [str(base / "missing.cchc"), str(base / "folder"), str(base / "binary.bin"), "\x1b[31mx\x07"]
    table = {
        "db": [str(base / "folder"), str(base / "text.txt"), "/proc/x.sqlite", str(base / "binary.bin")],
        "year": ["abc", "99999", "-1", HUGE],
        "period": ["Q9", "\x1b[2J", ""],
        "output": ["/proc/x/y.pdf", str(base / "text.txt" / "x.pdf")],
        "file": files,
        "paths": files,
        "passphrase_file": [str(base / "missing.txt"), str(base / "folder"), str(base / "binary.bin")],
        "new_passphrase_file": [str(base / "spaces.txt"), str(base / "empty.txt"), str(base / "binary.bin")],
        "id": [HUGE, "-5", "abc", "0"],
        "version": [HUGE, "-1", "abc"],
        "province": ["99", "abc", HUGE],
        "unit": ["abcdef", HUGE],
        "fingerprint": ["xyz", "\x1b"],
        "name": ["#" + HUGE, "\x1b]0;x\x07"],
        "package_ids": ["\x1b[31m", HUGE],
    }
    if action.choices:
        return ["không-có"]
    return table.get(dest, [])


def _cases(world: dict):
    for command, parser in _commands(build_parser()):
        arguments = _arguments(parser)
        yield command, list(command)  # nothing given
        for bad_action in arguments:
            for bad in _bad(bad_action, world):
                argv = list(command)
                for action in arguments:
                    value = bad if action is bad_action else None
                    if value is None and not (action.required or not action.option_strings):
                        continue
                    values = [value] if value is not None else _valid(action, command, world)
                    if isinstance(action, (argparse._StoreTrueAction, argparse._StoreFalseAction)):
                        continue
                    if action.option_strings:
                        for item in values:
                            argv += [action.option_strings[-1], item]
                    else:
                        argv += values
                yield command, argv


def test_every_command_refuses_bad_arguments_in_one_vietnamese_line(world, capsys, monkeypatch):
    monkeypatch.setenv("CCHC_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("CCHC_NEW_PASSPHRASE", "mật khẩu mới của xã 2027")
    monkeypatch.chdir(world["base"])
    problems: list[str] = []
    count = 0
    for _, argv in _cases(world):
        count += 1
        try:
            code = run(argv)
        except SystemExit as exit:
            code = exit.code if isinstance(exit.code, int) else 1
        except BaseException as exc:  # a traceback
            problems.append(f"{argv!r}: {type(exc).__name__}: {exc}")
            continue
        out, err = capsys.readouterr()
        lines = err.strip().splitlines()
        if code == 0:
            continue
        if argv[:2] == ["package", "import"] and not err:  # one result line per file, then the summary
            if not out.startswith("Không nhận") or len(out.strip().splitlines()) != 2 or "\x1b" in out:
                problems.append(f"{argv!r}: exit {code}, stdout {out[:300]!r}")
            continue
        if not lines or not lines[0].startswith("Lỗi") or UNHANDLED in err:
            problems.append(f"{argv!r}: exit {code}, stderr {err[:300]!r}")
        elif len(lines) != 1 and not lines[1].startswith(("–", "  ")):
            problems.append(f"{argv!r}: more than one line: {err[:300]!r}")
        if "\x1b" in err or "\x07" in err:
            problems.append(f"{argv!r}: a control character reached the terminal")
    assert count > 150
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize(
    "argv",
    [
        ["plan", "show", "--year", "2026", "--json"],
        ["--help"],
        ["receiver", "--help"],
    ],
)
def test_piping_into_head_is_no_traceback(argv, demo_path):
    """``… | head -1``: the reader goes away early; the command stops quietly (no BrokenPipeError)."""
    if argv[0] == "plan":
        argv = [*argv, "--db", str(demo_path)]
    command = [sys.executable, str(ROOT / "main.py"), *argv]
    pipe = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    assert pipe.stdout is not None and pipe.stderr is not None
    pipe.stdout.readline()
    pipe.stdout.close()  # like head after its first line
    err = pipe.stderr.read().decode("utf-8", "replace")
    pipe.wait()
    assert "Traceback" not in err and "BrokenPipeError" not in err
