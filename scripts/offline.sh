#!/usr/bin/env bash
# Set everything up, then build the two packages into this folder (or the folder given):
#   betanketid-offline.zip  unzip it (e.g. on a USB stick), double-click index.html: no internet needed
#   betanketid-scorm12.zip  upload it to a learning platform (LMS) as a SCORM 1.2 package
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
PYTHONPATH=scripts exec .venv/bin/python -m course.offline "$@"
