#!/usr/bin/env bash
# Installera det kursen behöver: Pango för PDF:erna (apt) och en Python-miljö i .venv med kursgeneratorn.
set -euo pipefail
cd "$(dirname "$0")/.."
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
missing=()
if ! { command -v python3 >/dev/null && python3 -c 'import ensurepip, venv' 2>/dev/null; }; then
  for pkg in python3 python3-venv; do installed "$pkg" || missing+=("$pkg"); done
fi
for pkg in libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core; do installed "$pkg" || missing+=("$pkg"); done
if (( ${#missing[@]} )); then
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
[[ -x .venv/bin/python ]] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet -r requirements.txt
