"""Where the repository, its resources and the shared seed documents are."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
FIXTURES = ROOT / "tests" / "fixtures"
#: The five source documents, beside the checkout (CI has ../shared there; so must a developer).
SEEDS = ROOT.parent / "shared" / "seeds"
