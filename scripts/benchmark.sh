#!/usr/bin/env bash
# Set everything up (including Debian's Chromium), then measure build time and page weight
# against bare Material for MkDocs. Prints a table and writes benchmark.json; see scripts/benchmark.py.
#   bash scripts/benchmark.sh [--runs 5] [--out FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python scripts/benchmark.py "$@"
