#!/usr/bin/env bash
# Installera allt, kontrollera kursens filer och bygg hela kursen (alla varningar är fel).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
.venv/bin/kurs check
.venv/bin/mkdocs build --strict
.venv/bin/kurs lix site
