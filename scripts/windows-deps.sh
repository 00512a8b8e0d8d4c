#!/usr/bin/env bash
# Debian 12 packages the Windows build (scripts/build-windows.sh) and its smoke test
# (scripts/smoke-windows.sh) need. Installs the missing ones with apt-get when run as root; otherwise
# prints the exact apt-get line to run and stops.
set -euo pipefail

packages=(
  wine wine64                 # 64-bit Wine: runs the Windows Python, PyInstaller, the installer, the app
  nsis                        # makensis (native Linux) builds the installer
  gcc-mingw-w64-x86-64        # builds the two test-only stand-in DLLs Wine 8.0 lacks
  osslsigncode openssl        # Authenticode signatures, the throwaway test certificate
  python3-venv unzip          # pip on the Linux side fetches the Windows wheels; the embeddable zip
  xvfb xauth x11-utils        # a virtual screen for the GUI, and xwininfo to find its windows
  imagemagick                 # screenshots (import) and their colour count (identify)
  poppler-utils               # pdftotext checks the Vietnamese text of the rendered PDF
  locales                     # the vi_VN locale sources: Wine then runs with code page 1258
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Missing Debian packages. Run this, then try again:" >&2
  echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
