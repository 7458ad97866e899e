#!/usr/bin/env bash
# Set everything up (including Debian's Chromium), then run every test: unit tests and
# browser tests in real Chromium. Extra arguments go to pytest, e.g. -k axe.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export NO_MKDOCS_2_WARNING=1
# Two or more processes (pytest-xdist, one per CPU) share one build of the site; the tests of a module
# marked xdist_group (an expensive fixture: an imported or new course) run on one of them.
exec .venv/bin/python -m pytest -n auto --dist loadgroup "$@"
