#!/usr/bin/env bash
# Prepare a fresh Debian 12 or 13 machine: Debian packages Qt needs, then .venv with pinned packages.
# Python 3.11, 3.12 or 3.13 (Debian 12 has 3.11, Debian 13 has 3.13); every pin has wheels for all three.
# Usage: scripts/bootstrap.sh app|test
set -euo pipefail
cd "$(dirname "$0")/.."

purpose="${1:-test}"
# Libraries Qt loads even offscreen, the fonts documents and the UI use, PDF tools for tests.
packages=(libglib2.0-0 libgl1 libegl1 libfontconfig1 libxkbcommon0 libdbus-1-3
          fonts-noto-core fonts-liberation2 poppler-utils openssl unzip jq python3-venv)
if [ "$purpose" = test ]; then
  # A software PKCS#11 token and NSS tools (certutil) for the signature tests; LibreOffice Calc to
  # print the Excel exports the way many offices do.
  packages+=(softhsm2 libnss3-tools libreoffice-calc)
fi
if [ "$purpose" = app ]; then
  # A real window on an X desktop (the xcb platform plugin).
  packages+=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
             libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-randr0 libxrender1 libx11-xcb1)
fi

# What is installed, by package name and by the names installed packages provide: Debian 13 renamed
# some libraries for 64-bit time (libglib2.0-0 is libglib2.0-0t64 there, which provides the old name).
have=" $(dpkg-query -W -f='${db:Status-Status} ${Package} ${Provides}\n' 2>/dev/null | awk '
  $1 == "installed" { for (i = 2; i <= NF; i++) if ($i !~ /^[(=]|\)/) { gsub(/[,:].*$/, "", $i); printf "%s ", $i } }') "
missing=()
for p in "${packages[@]}"; do
  [[ $have == *" $p "* ]] || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Thiếu gói hệ thống. Hãy chạy lệnh sau rồi chạy lại:" >&2
    echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
fi

python_bin=""
for candidate in python3.11 python3.12 python3.13 python3; do
  if command -v "$candidate" >/dev/null && "$candidate" -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))'; then
    python_bin="$candidate"; break
  fi
done
if [ -z "$python_bin" ]; then
  echo "Cần Python 3.11, 3.12 hoặc 3.13 (python3). Trên Debian 12 hoặc 13: apt-get install python3 python3-venv" >&2
  exit 1
fi

requirements=requirements.txt
[ "$purpose" = test ] && requirements=requirements-dev.txt
stamp=".venv/.installed-$(cat requirements.txt "$requirements" | sha256sum | cut -c1-16)"
if [ ! -x .venv/bin/python ]; then
  "$python_bin" -m venv .venv
fi
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -r "$requirements"
  touch "$stamp"
fi
