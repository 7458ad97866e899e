#!/usr/bin/env bash
# Set everything up, then build the course's packages into this folder (or the folder given):
#   <id>-offline.zip  unzip it (e.g. on a USB stick), double-click index.html: no internet needed
#   <id>-scorm12.zip  upload it to a learning platform (LMS) as a SCORM 1.2 package
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/kurs packages "$@"
