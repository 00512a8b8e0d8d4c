"""The ordered list of schema steps this build knows.

Each step is a migration applied through ``sqlite_utils.Migrations`` (see
:mod:`cchc_desktop.kernel.store.migrations`). Steps live one per module in ``store/steps``; module
``mNNN_name.py`` defines a function ``mNNN_name(db)``. The list is built without importing
sqlite-utils so that opening an up-to-date file stays fast. A step is history: never edit one
that has shipped; add a new module and append it here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cchc_desktop.kernel.store.steps.m001_initial import m001_initial
from cchc_desktop.kernel.store.steps.m002_reports import m002_reports
from cchc_desktop.kernel.store.steps.m003_assessment import m003_assessment
from cchc_desktop.kernel.store.steps.m004_exchange import m004_exchange
from cchc_desktop.kernel.store.steps.m005_receiver import m005_receiver
from cchc_desktop.kernel.store.steps.m006_downward import m006_downward
from cchc_desktop.kernel.store.steps.m007_document_shape import m007_document_shape
from cchc_desktop.kernel.store.steps.m008_held_packages import m008_held_packages
from cchc_desktop.kernel.store.steps.m009_framework import m009_framework
from cchc_desktop.kernel.store.steps.m010_signed_documents import m010_signed_documents
from cchc_desktop.kernel.store.steps.m012_certificate_seals import m012_certificate_seals

STEPS: tuple[Callable[[Any], None], ...] = (
    m001_initial,
    m002_reports,
    m003_assessment,
    m004_exchange,
    m005_receiver,
    m006_downward,
    m007_document_shape,
    m008_held_packages,
    m009_framework,
    m010_signed_documents,
    m012_certificate_seals,
)
STEP_NAMES: tuple[str, ...] = tuple(step.__name__ for step in STEPS)
