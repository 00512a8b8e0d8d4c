#!/usr/bin/env bash
# Smoke test of the Windows release as a user gets it: the installer from scripts/build-windows.sh
# is installed silently under Wine into a private prefix, and the INSTALLED program is exercised:
#   --version; demo; render pdf (Vietnamese text checked with pdftotext); plan show --json written
#   through a redirection on a Vietnamese Windows (code page 1258) and read back as UTF-8 JSON;
#   keys, package export and package verify; the GUI on a virtual screen (Xvfb), screenshotted and
#   checked not blank, once on the demo file and once by "double-clicking" a .cchc package through
#   the file association; installing again over the installed version (an upgrade) keeps the user's
#   data; the silent uninstall leaves no program file, shortcut or registry entry behind, and the
#   user's data are still there.
# It also times --version of the installed exe against the same command run from source under the
# same Wine (target: at most 1.2 times).
#
# Usage: scripts/smoke-windows.sh [INSTALLER]   (default: dist/cchc-<version>-setup.exe)
# Needs (Debian): wine wine64 gcc-mingw-w64-x86-64 xvfb xauth x11-utils imagemagick poppler-utils
# osslsigncode locales, the build's Windows Python (build/windows/python) for the source timing, and the
# shared folder beside the repository (or CCHC_SHARED_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

VERSION=$(python3 -c 'import cchc_desktop; print(cchc_desktop.__version__)')
SETUP=$(readlink -f "${1:-dist/cchc-$VERSION-setup.exe}")
[ -f "$SETUP" ] || { echo "No installer at $SETUP: run scripts/build-windows.sh first" >&2; exit 1; }
WORK=$ROOT/build/windows-smoke
YEAR=2026
PASSPHRASE=mat-khau-thu-nghiem

rm -rf "$WORK"
mkdir -p "$WORK/home" "$WORK/files" "$WORK/shots" "$WORK/locale"
# shellcheck source=packaging/windows/wine.sh
source packaging/windows/wine.sh
export HOME=$WORK/home  # Wine writes into HOME; keep it out of the real one

checks=0
ok() { checks=$((checks + 1)); echo "ok $checks - $*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

# A virtual screen for the GUI (and for Wine's own windows). -displayfd picks a free display number.
Xvfb -displayfd 4 -screen 0 1366x768x24 -nolisten tcp 4>"$WORK/display" 2>"$WORK/xvfb.log" &
XVFB_PID=$!
cleanup() {
  # Only what this script started: the processes of its own private prefix, and its Xvfb.
  [ -n "${WINEPREFIX:-}" ] && "$WINESERVER" -k 2>/dev/null || true
  kill "$XVFB_PID" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 50); do [ -s "$WORK/display" ] && break; sleep 0.1; done
[ -s "$WORK/display" ] || fail "Xvfb did not start: $(cat "$WORK/xvfb.log")"
export DISPLAY=:$(cat "$WORK/display")

# Every Windows program here runs as on a Vietnamese Windows: ANSI code page 1258, which cannot
# encode precomposed ệ, ủ, ầ (Wine takes the code page from the locale). The locale is compiled into
# a private folder (LOCPATH), so the machine's configuration is left alone; without it Wine would
# fall back to ASCII for file names and fail on Vietnamese ones such as the Start-menu entry.
[ -f /usr/share/i18n/locales/vi_VN ] || fail "no locale sources: apt-get install locales"
localedef -i vi_VN -f UTF-8 "$WORK/locale/vi_VN.UTF-8"
export LOCPATH=$WORK/locale WINE_LC_ALL=vi_VN.UTF-8
wine_build_shims "$ROOT" "$WORK/shims"
wine_new_prefix "$WORK/prefix" "$WORK/shims"

# --- Install ---------------------------------------------------------------------------------------
wine_run "$SETUP" /S
"$WINESERVER" -w  # the installer may leave helper processes; wait for all of them
LOCAL=$(find "$WINEPREFIX/drive_c/users" -mindepth 3 -maxdepth 3 -path '*/AppData/Local' ! -path '*/Public/*' | head -n1)
INSTDIR=$LOCAL/Programs/cchc
DATA=$LOCAL/cchc  # the per-user data folder (platformdirs), never inside the program folder
CLI=$INSTDIR/cchc-cli.exe
GUI=$INSTDIR/cchc.exe
for file in "$GUI" "$CLI" "$INSTDIR/uninstall.exe"; do
  [ -f "$file" ] || fail "not installed: $file"
done
ok "installed silently per user into ${INSTDIR#"$WINEPREFIX/"}"
find "$WINEPREFIX/drive_c/users" -name 'Phần mềm CCHC.lnk' | grep -q . || fail "no Start-menu entry"
ok "Start-menu entry"
reg_query() { wine_run reg query "$@" 2>/dev/null | tr -d '\r'; }
reg_query 'HKCU\Software\Classes\.cchc' | grep -q 'cchc.package' || fail ".cchc not associated"
reg_query 'HKCU\Software\Classes\cchc.package\shell\open\command' | grep -qF 'cchc.exe" "%1"' \
  || fail "the .cchc open command does not pass the file to cchc.exe"
ok ".cchc association under HKCU opens cchc.exe with the file"
reg_query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\cchc-desktop' | grep -q "DisplayVersion.*$VERSION" \
  || fail "no uninstall entry under HKCU"
ok "uninstall entry under HKCU (version $VERSION)"
for file in "$GUI" "$CLI" "$INSTDIR/uninstall.exe"; do
  out=$(osslsigncode verify -in "$file" 2>&1 || true)
  current=$(sed -n 's/^Current message digest *: *\([0-9A-F]*\).*/\1/p' <<<"$out" | head -n1)
  calculated=$(sed -n 's/^Calculated message digest *: *\([0-9A-F]*\).*/\1/p' <<<"$out" | head -n1)
  [ -n "$current" ] && [ "$current" = "$calculated" ] || fail "$(basename "$file") carries no intact signature"
done
ok "installed exes and uninstaller carry intact Authenticode signatures"
for file in "$GUI" "$CLI" "$INSTDIR/uninstall.exe" "$SETUP"; do
  sizes=" $(python3 packaging/windows/icon_sizes.py "$file") "
  [[ "$sizes" == *" 16 "* && "$sizes" == *" 32 "* && "$sizes" == *" 256 "* ]] \
    || fail "$(basename "$file") carries no app icon in 16, 32 and 256 px (has:$sizes)"
done
ok "exes, uninstaller and installer carry the app icon (16 to 256 px)"

cli() { wine_run "$CLI" "$@"; }
F=$WORK/files

# --- Version and start time ------------------------------------------------------------------------
[ "$(cli --version | tr -d '\r')" = "cchc-desktop $VERSION" ] || fail "cchc-cli.exe --version"
[ "$(wine_run "$GUI" --version | tr -d '\r')" = "cchc-desktop $VERSION" ] \
  || fail "cchc.exe --version (windowed exe with a console parent)"
ok "--version: cchc-desktop $VERSION"
median_seconds() {  # median wall time of 5 runs of the command, after one warm-up run
  local times=() start
  "$@" >/dev/null
  for _ in 1 2 3 4 5; do
    start=$(date +%s.%N)
    "$@" >/dev/null
    times+=("$(awk -v a="$(date +%s.%N)" -v b="$start" 'BEGIN { printf "%.3f", a - b }')")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p
}
exe_time=$(median_seconds wine_run "$CLI" --version)
if [ -f "$ROOT/build/windows/python/python.exe" ]; then
  source_time=$(median_seconds wine_run "$ROOT/build/windows/python/python.exe" main.py --version)
  ratio=$(awk -v a="$exe_time" -v b="$source_time" 'BEGIN { printf "%.2f", a / b }')
  echo "start time (--version, median of 5 under Wine): exe ${exe_time}s, source ${source_time}s, ratio $ratio"
else
  echo "start time (--version, median of 5 under Wine): exe ${exe_time}s (no build/windows/python for the source run)"
fi

# --- Demo, PDF, JSON -------------------------------------------------------------------------------
cli demo --db "$(winpath "$F")\\demo.sqlite" --year "$YEAR" | grep -q "Đã tạo dữ liệu mẫu" || fail "demo"
ok "demo --db"
cli render pdf --db "$(winpath "$F")\\demo.sqlite" --doc plan --year "$YEAR" -o "$(winpath "$F")\\ke-hoach.pdf" >/dev/null
pdftotext "$F/ke-hoach.pdf" "$F/ke-hoach.txt"
for text in "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "Độc lập - Tự do - Hạnh phúc" "KẾ HOẠCH" "XÃ KỲ PHONG"; do
  grep -qF "$text" "$F/ke-hoach.txt" || fail "the PDF lacks «$text»"
done
ok "render pdf: Vietnamese text in the PDF"
# Redirected output (not a console): the case that crashed with cp1258. (Under Wine the program
# writes into a pipe and the shell into the file; Python under Wine cannot start with stdout a file.)
cli plan show --db "$(winpath "$F")\\demo.sqlite" --year "$YEAR" --json >"$F/ke-hoach.json"
python3 - "$F/ke-hoach.json" <<'EOF' || fail "plan show --json: not valid UTF-8 JSON"
import json, sys
data = json.loads(open(sys.argv[1], "rb").read().decode("utf-8"))
assert data["unit"]["name"] == "Ủy ban nhân dân xã Kỳ Phong", data["unit"]
EOF
ok "plan show --json > file: valid UTF-8 JSON with Vietnamese"

# --- Keys, package export and verify ---------------------------------------------------------------
printf '%s\n' "$PASSPHRASE" >"$F/matkhau.txt"
cli keys init --db "$(winpath "$F")\\demo.sqlite" --passphrase-file "$(winpath "$F")\\matkhau.txt" >/dev/null
cli keys card --db "$(winpath "$F")\\demo.sqlite" -o "$(winpath "$F")\\phieu.pdf" >/dev/null
fingerprint=$(cli keys show --db "$(winpath "$F")\\demo.sqlite" | tr -d '\r' | tail -n1 | tr -d ' ')
# The receiver's file is the default one in the per-user data folder: a double-click opens it.
cli receiver init --db "$(winpath "$DATA")\\cchc.sqlite" --name "Sở Nội vụ tỉnh Hà Tĩnh" --province 42 >/dev/null
cli keys enroll --db "$(winpath "$DATA")\\cchc.sqlite" "$(winpath "$F")\\phieu.pdf" --fingerprint "$fingerprint" \
  | grep -q "Đã đăng ký khóa" || fail "keys enroll"
CCHC_PASSPHRASE=$PASSPHRASE cli package export --db "$(winpath "$F")\\demo.sqlite" --kind plan --year "$YEAR" \
  -o "$(winpath "$F")\\ke-hoach.cchc" | grep -q "Đã tạo gói" || fail "package export"
cli package verify --db "$(winpath "$DATA")\\cchc.sqlite" "$(winpath "$F")\\ke-hoach.cchc" \
  | grep -q "Gói «ke-hoach.cchc» hợp lệ" || fail "package verify"
ok "keys init/card/enroll, package export, package verify"
# A command's error: one Vietnamese line on stderr, non-zero exit.
if err=$(cli package verify --db "$(winpath "$DATA")\\cchc.sqlite" "$(winpath "$F")\\phieu.pdf" 2>&1 >/dev/null); then
  fail "verifying a PDF as a package succeeded"
fi
grep -q "không phải gói CCHC" <<<"$err" || fail "error message: $err"
ok "a refused package: Vietnamese reason, non-zero exit"

# --- GUI on the virtual screen ---------------------------------------------------------------------
# Start a GUI program, wait until a window with the given title is mapped, screenshot the screen,
# check it is not blank, then end the program (all processes of this private prefix).
screenshot_of() {
  local name=$1 title=$2; shift 2
  wine_run "$@" >"$WORK/$name.log" 2>&1 &
  local pid=$! found=""
  for _ in $(seq 90); do
    if xwininfo -root -tree 2>/dev/null | grep -qF "$title"; then found=yes; break; fi
    sleep 1
  done
  [ -n "$found" ] || { xwininfo -root -tree >&2 || true; fail "$name: no window «$title» after 90 s"; }
  sleep 3  # let it paint
  import -window root "$WORK/shots/$name.png"
  local colours
  colours=$(identify -format '%k' "$WORK/shots/$name.png")
  "$WINESERVER" -k || true
  wait "$pid" || true
  [ "$colours" -ge 64 ] || fail "$name: the screen looks blank ($colours colours)"
  ok "GUI $name: window «$title», screenshot $colours colours (build/windows-smoke/shots/$name.png)"
}
screenshot_of demo "Phần mềm Cải cách hành chính" "$GUI" --db "$(winpath "$F")\\demo.sqlite"
# A double-click on a package: Explorer runs the command registered for .cchc with the file in place
# of %1; at the receiver (the default data file) the app opens the import preview of that package.
# (Wine 8.0's HKEY_CLASSES_ROOT does not merge HKCU\Software\Classes, so `wine start file.cchc`
# cannot find a per-user association; the registered command is run as Explorer would.)
open_command=$(reg_query 'HKCU\Software\Classes\cchc.package\shell\open\command' \
               | sed -n 's/.*REG_SZ *"\([^"]*\)" "%1".*/\1/p')
[ -n "$open_command" ] || fail "cannot read the .cchc open command"
screenshot_of package "Xem trước khi nhận gói" "$open_command" "$(winpath "$F/ke-hoach.cchc")"

# Nothing unexpected went wrong inside the GUI (the app logs unexpected errors in its data folder).
if [ -f "$DATA/cchc.log" ] && grep -q "Traceback" "$DATA/cchc.log"; then
  cat "$DATA/cchc.log" >&2
  fail "the GUI logged an unexpected error"
fi
ok "no unexpected error in the app's log"

# --- Upgrade over the installed version ------------------------------------------------------------
# A file an older version had and this one lacks must go; the user's data must stay.
touch "$INSTDIR/_internal/left-by-an-older-version.pyd"
sha_before=$(sha256sum "$DATA/cchc.sqlite" | cut -d' ' -f1)
wine_run "$SETUP" /S
"$WINESERVER" -w
[ ! -e "$INSTDIR/_internal/left-by-an-older-version.pyd" ] || fail "upgrade left an old program file behind"
[ "$(sha256sum "$DATA/cchc.sqlite" | cut -d' ' -f1)" = "$sha_before" ] || fail "upgrade changed the user's data"
[ "$(cli --version | tr -d '\r')" = "cchc-desktop $VERSION" ] || fail "--version after upgrade"
ok "installing over the installed version: old program files replaced, user data untouched"

# --- Uninstall -------------------------------------------------------------------------------------
wine_run "$INSTDIR/uninstall.exe" /S
"$WINESERVER" -w  # the uninstaller runs from a temporary copy; wait for it
[ ! -e "$INSTDIR" ] || { find "$INSTDIR" >&2; fail "program files left after uninstall"; }
! find "$WINEPREFIX/drive_c/users" -name 'Phần mềm CCHC.lnk' | grep -q . || fail "Start-menu entry left"
reg_query 'HKCU\Software\Classes\cchc.package' | grep -q . && fail "association left in the registry"
reg_query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\cchc-desktop' | grep -q . \
  && fail "uninstall entry left in the registry"
[ -f "$DATA/cchc.sqlite" ] && [ "$(sha256sum "$DATA/cchc.sqlite" | cut -d' ' -f1)" = "$sha_before" ] \
  || fail "uninstall touched the user's data"
ok "silent uninstall: no program files, shortcut or registry entries left; user data kept"

echo "$checks passed, 0 failed"
