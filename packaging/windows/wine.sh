# Helpers for running Windows programs under Debian 12's Wine 8.0, sourced by
# scripts/build-windows.sh and scripts/smoke-windows.sh. They bridge the Wine gaps found when the
# Windows build was first made on Linux (see README, "Windows build").

# 64-bit Wine only: NSIS and the app are 64-bit, and no i386 architecture is needed.
WINE=${WINE:-wine}
WINESERVER=${WINESERVER:-/usr/lib/wine/wineserver}
# Quiet, and never write menus, icons or desktop links into the real home (winemenubuilder), never
# offer to download Mono or Gecko while a prefix is created (mscoree, mshtml).
export WINEDEBUG=${WINEDEBUG:--all}
export WINEDLLOVERRIDES="winemenubuilder.exe=d;mscoree=d;mshtml=d"

# Run a Windows program with its output through pipes. Python under Wine dies at start-up
# (init_sys_streams, WinError 6) when stdout or stderr is a regular file, and CI logs are files.
# Standard input is closed so nothing ever waits for a keyboard. Returns the program's exit status.
# WINE_LC_ALL, when set, is the locale Wine derives the Windows code page from (vi_VN.UTF-8: 1258);
# it is passed through env so the shell itself does not try to switch to a locale it may not have.
wine_run() {
  env ${WINE_LC_ALL:+LC_ALL="$WINE_LC_ALL"} "$WINE" "$@" </dev/null 2> >(cat >&2) | cat
  return "${PIPESTATUS[0]}"
}

# A fresh prefix at $1 (the folder must not exist), with the test-only stand-in DLLs of $2 in its
# system32. Sets WINEPREFIX; HOME must already point somewhere private.
wine_new_prefix() {
  local prefix=$1 shims=$2
  export WINEPREFIX=$prefix
  wine_run wineboot --init >/dev/null 2>&1 || true
  "$WINESERVER" -w
  [ -d "$prefix/drive_c/windows/system32" ] || { echo "wineboot did not create $prefix" >&2; return 1; }
  # Wine 8.0 lacks icuuc.dll (Qt6Core imports it) and bcryptprimitives.dll (cryptography's Rust part
  # imports ProcessPrng). Real Windows 10/11 has both. In system32, PyInstaller takes them for system
  # DLLs and never bundles them.
  cp "$shims"/icuuc.dll "$shims"/bcryptprimitives.dll "$prefix/drive_c/windows/system32/"
}

# Build the two stand-in DLLs from ../shared/tools/wine-shims (the shared folder beside the
# repository $1, or CCHC_SHARED_DIR) into $2.
wine_build_shims() {
  local root=$1 out=$2
  local src
  src="${CCHC_SHARED_DIR:-$(dirname "$root")/shared}/tools/wine-shims"
  if [ ! -f "$src/icuuc.c" ] || [ ! -f "$src/bcryptprimitives.c" ]; then
    echo "Missing $src/icuuc.c or bcryptprimitives.c: the Wine stand-in DLLs are built from the shared folder beside the repository (or set CCHC_SHARED_DIR)." >&2
    return 1
  fi
  mkdir -p "$out"
  x86_64-w64-mingw32-gcc -O2 -shared -s -o "$out/icuuc.dll" "$src/icuuc.c"
  x86_64-w64-mingw32-gcc -O2 -shared -s -o "$out/bcryptprimitives.dll" "$src/bcryptprimitives.c" -lbcrypt
}

# Windows path of a Linux path (Wine maps / to Z:).
winpath() {
  local p
  p=$(readlink -f "$1")
  printf 'Z:%s' "${p//\//\\}"
}
