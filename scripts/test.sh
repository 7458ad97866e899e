#!/usr/bin/env bash
# Set everything up (including Debian's Chromium), then run every test: unit tests and
# browser tests in real Chromium. Extra arguments go to pytest, e.g. -k axe.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export NO_MKDOCS_2_WARNING=1
# Two or more processes (pytest-xdist, one per CPU): each builds the site once and runs its share.
exec .venv/bin/python -m pytest -n auto "$@"
