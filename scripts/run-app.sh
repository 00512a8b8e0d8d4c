#!/usr/bin/env bash
# Set everything up, create the demo workspace if it is absent, and open the app on it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh app
db="${CCHC_DEMO_DB:-demo/demo.sqlite}"
mkdir -p "$(dirname "$db")"
[ -f "$db" ] || .venv/bin/python main.py demo --db "$db"
exec .venv/bin/python main.py --db "$db" "$@"
