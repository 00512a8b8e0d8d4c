#!/usr/bin/env bash
# The code checks the test command runs before the tests: lint and format, import contracts, types.
# Usage: scripts/check.sh   (after scripts/bootstrap.sh test; scripts/run-tests.sh runs it)
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/ruff check --quiet .
.venv/bin/ruff format --check --quiet .
.venv/bin/lint-imports --no-cache >/dev/null || .venv/bin/lint-imports --no-cache  # quiet unless a contract breaks
.venv/bin/mypy
