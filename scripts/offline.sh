#!/usr/bin/env bash
# Set everything up, then build the offline package: betanketid-offline.zip in this folder.
# Unzip it (e.g. on a USB stick) and double-click index.html: the course works without internet.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
PYTHONPATH=scripts exec .venv/bin/python -m course.offline "$@"
