"""Vietnamese for argparse's own words (usage, help, parse errors).

argparse looks its strings up through gettext; swapping its lookup for this table makes
``--help`` and argument errors read in Vietnamese like the rest of the app.
"""

from __future__ import annotations

import argparse

_WORDS = {
    "usage: ": "cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "show program's version number and exit": "hiện số phiên bản rồi thoát",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "tham số không nhận ra: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "giá trị %(value)r không hợp lệ (chọn một trong: %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "expected one argument": "cần một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "invalid %(type)s value: %(value)r": "giá trị %(value)r không hợp lệ",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn %(option)s không rõ, có thể là %(matches)s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "not allowed with argument %s": "không dùng cùng tham số %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
}


def _gettext(message: str) -> str:
    return _WORDS.get(message, message)


def _ngettext(singular: str, plural: str, count: int) -> str:
    return _gettext(singular if count == 1 else plural)


def install() -> None:
    argparse._ = _gettext  # type: ignore[attr-defined]
    argparse.ngettext = _ngettext  # type: ignore[attr-defined]
