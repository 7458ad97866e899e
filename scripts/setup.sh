#!/usr/bin/env bash
# Set up everything the course needs on a Debian/Ubuntu machine:
# system packages (when missing), a virtual environment in .venv, the pinned Python packages and the
# course engine (the `kurs` MkDocs plugin and command).
#   bash scripts/setup.sh          # for building and serving the site
#   bash scripts/setup.sh --test   # also Debian's Chromium for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=false
[[ "${1:-}" == "--test" ]] && want_test=true

# System packages: Python's venv, Pango for the PDF renderer (WeasyPrint), Chromium for tests.
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
missing=()
# A python3 from elsewhere (pyenv, a toolchain image) that can make a venv needs no Debian python.
if ! { command -v python3 >/dev/null && python3 -c 'import ensurepip, venv' 2>/dev/null; }; then
  for pkg in python3 python3-venv; do installed "$pkg" || missing+=("$pkg"); done
fi
for pkg in libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core; do
  installed "$pkg" || missing+=("$pkg")
done
if $want_test && ! command -v chromium >/dev/null; then
  missing+=(chromium)
fi
if (( ${#missing[@]} )); then
  echo "Installerar systempaket: ${missing[*]}"
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Python packages and the course engine (pyproject.toml, scripts/kurs/, installed in editable mode so
# that a change to it counts at once), reinstalled only when what they are made from changes.
if [[ ! -x .venv/bin/python ]]; then
  python3 -m venv .venv
fi
stamp=.venv/.requirements.sha256
wanted=$(cat requirements.txt pyproject.toml | sha256sum | cut -d' ' -f1)
if [[ ! -f $stamp || $(cat "$stamp") != "$wanted" ]] || ! .venv/bin/python -c 'import kurs' 2>/dev/null; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -r requirements.txt
  .venv/bin/python -m pip install --quiet --no-deps -e .
  echo "$wanted" > "$stamp"
fi
