#!/usr/bin/env bash
# Installera allt och visa kursen på http://127.0.0.1:8000/ (byggs om när du ändrar något).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/mkdocs serve --dev-addr 127.0.0.1:8000 "$@"
