"""Every exchange error has a Vietnamese catalogue message, and the area stays free of Qt."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

from cchc_desktop.exchange.format import errors as e
from cchc_desktop.exchange.format.manifest import KINDS
from cchc_desktop.kernel.errors import CchcError
from cchc_desktop.kernel.i18n import MESSAGES

EXCHANGE = Path(e.__file__).resolve().parent


def test_every_error_class_has_a_message():
    classes = [c for _, c in inspect.getmembers(e, inspect.isclass) if issubclass(c, CchcError)]
    assert len(classes) > 40
    for cls in classes:
        assert cls.key in MESSAGES, cls.__name__


def test_every_literal_key_used_in_the_exchange_code_exists():
    for path in EXCHANGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and node.value.startswith("exchange.")
                and not node.value.endswith(".")
            ):
                assert node.value in MESSAGES, f"{path.name}: {node.value}"


def test_every_kind_has_a_label():
    for kind in KINDS:
        assert f"exchange.kind.{kind}" in MESSAGES, kind


def test_no_qt_in_the_exchange_core():
    for path in EXCHANGE.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "PySide6" not in text and "shiboken6" not in text and "from ui" not in text, path.name
