"""Message families the assessment, evidence and audit code builds keys from."""

from __future__ import annotations

from cchc_desktop.assessment.criteria import METHODS
from cchc_desktop.assessment.model import STATUSES
from cchc_desktop.audit.labels import action_label
from cchc_desktop.evidence.model import ALLOWED_EXTENSIONS
from cchc_desktop.kernel.i18n import MESSAGES


def test_dynamic_key_families_are_complete():
    families = [("assessment.status", STATUSES), ("assessment.method", METHODS), ("evidence.kind", ALLOWED_EXTENSIONS)]
    missing = [
        f"{prefix}.{value}" for prefix, values in families for value in values if f"{prefix}.{value}" not in MESSAGES
    ]
    assert missing == []


def test_every_audited_action_has_a_label():
    actions = (
        "insert",
        "update",
        "delete",
        "move",
        "undo",
        "redo",
        "create",
        "import",
        "submit",
        "reopen",
        "attach",
        "detach",
    )
    assert [a for a in actions if action_label(a) == a] == []
