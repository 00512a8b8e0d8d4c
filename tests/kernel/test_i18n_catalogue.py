"""The one catalogue: every message key the code names exists, and messages are NFC Vietnamese."""

from __future__ import annotations

import re
import unicodedata

from cchc_desktop.kernel.i18n import MESSAGES, tr
from tests.support.paths import ROOT

_LITERAL_KEY = re.compile(r"""\btr\(\s*["']([a-z0-9_.]+)["']""")
_ERROR_KEY = re.compile(r"""(?:Error|Refusal|Problem|error|warning)\(\s*["']([a-z0-9_]+\.[a-z0-9_.]+)["']""")


def _keys_in_code() -> dict[str, str]:
    found = {}
    for folder in ("cchc_desktop", "ui"):
        for path in (ROOT / folder).rglob("*.py"):
            if "i18n" in path.parts:
                continue
            text = path.read_text(encoding="utf-8")
            for pattern in (_LITERAL_KEY, _ERROR_KEY):
                for key in pattern.findall(text):
                    found.setdefault(key, str(path.relative_to(ROOT)))
    return found


def test_every_literal_key_exists():
    keys = _keys_in_code()
    assert len(keys) > 100
    missing = {key: where for key, where in keys.items() if key not in MESSAGES}
    assert missing == {}


def test_dynamic_key_families_are_complete():
    from cchc_desktop.plans.deadlines import KIND_ORDER
    from cchc_desktop.plans.model import COMPARATORS, ISSUE_MODES, MEASURES, PLAN_STATUSES, SIGNER_MODES

    families = [
        ("plan.status", PLAN_STATUSES),
        ("plan.issue_mode", ISSUE_MODES),
        ("plan.signer_mode", SIGNER_MODES),
        ("plan.comparator", COMPARATORS),
        ("plan.measure", MEASURES),
        ("deadline.kind", tuple(KIND_ORDER)),
    ]
    missing = [
        f"{prefix}.{value}" for prefix, values in families for value in values if f"{prefix}.{value}" not in MESSAGES
    ]
    assert missing == []


def test_messages_are_nfc_and_placeholders_fill():
    for key, text in MESSAGES.items():
        assert unicodedata.is_normalized("NFC", text), key
    assert tr("plan.locked", year=2026, version=1, number="05/KH-UBND").startswith("Kế hoạch năm 2026")
    assert tr("no.such.key") == "no.such.key"
