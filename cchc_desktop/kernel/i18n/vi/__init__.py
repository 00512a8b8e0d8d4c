"""Vietnamese messages, one module per area of the app, merged into one catalogue.

Keys are dotted (``"plan.task.no_lead"``); placeholders are named (``{task}``).
A key defined twice is a programming error and fails at import.
"""

from __future__ import annotations

from cchc_desktop.kernel.i18n.vi import (
    assessment,
    common,
    documents,
    enrolment,
    exchange,
    framework,
    plan,
    receiver,
    report,
    rollup,
    safety,
    signatures,
    signing,
    ui,
)

_PARTS = (
    common.MESSAGES,
    plan.MESSAGES,
    report.MESSAGES,
    assessment.MESSAGES,
    documents.MESSAGES,
    exchange.MESSAGES,
    enrolment.MESSAGES,
    framework.MESSAGES,
    receiver.MESSAGES,
    signatures.MESSAGES,
    signing.MESSAGES,
    ui.MESSAGES,
    safety.MESSAGES,
    rollup.MESSAGES,
)


def _merge() -> dict[str, str]:
    merged: dict[str, str] = {}
    for part in _PARTS:
        duplicated = merged.keys() & part.keys()
        if duplicated:
            raise RuntimeError(f"duplicate message keys: {sorted(duplicated)}")
        merged.update(part)
    return merged


MESSAGES: dict[str, str] = _merge()
