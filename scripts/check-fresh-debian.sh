#!/usr/bin/env bash
# Check that the README's test command works on a genuinely fresh Debian: for each release named
# (default: Debian 12 "bookworm" with Python 3.11 and Debian 13 "trixie" with Python 3.13), build a
# minimal chroot with debootstrap (--variant=minbase: no Python, no Qt libraries, no fonts), copy the
# committed tree (git archive HEAD) into it and run scripts/run-tests.sh there as root, with an empty
# environment. Everything the tests need must then come from scripts/bootstrap.sh itself.
#
# Usage (as root, needs the network to Debian's mirror and PyPI):
#   scripts/check-fresh-debian.sh [bookworm] [trixie]
# Slow (a few minutes per release) and not part of .ci/run. Chroots are made under
# ${CCHC_CHROOT_DIR:-/var/tmp/cchc-chroots} and removed afterwards unless CCHC_KEEP_CHROOT=1.
# Exit status: non-zero when any release failed; one result line per release at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

[ "$(id -u)" = 0 ] || { echo "Run as root (debootstrap and chroot need it)." >&2; exit 1; }
if ! command -v debootstrap >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
fi

MIRROR=${CCHC_DEBIAN_MIRROR:-http://deb.debian.org/debian}
BASE=${CCHC_CHROOT_DIR:-/var/tmp/cchc-chroots}
suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=(bookworm trixie)

mounted=()
unmount_all() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[i]}" 2>/dev/null || true; done
  mounted=()
}
trap unmount_all EXIT

# Remove a chroot, but never while anything is still mounted inside it (rm -r would descend into
# the host's /dev, /proc or /sys).
remove_chroot() {
  if findmnt -rn -o TARGET | grep -q "^$1/"; then
    echo "Still mounted under $1; not removing it." >&2
    return 1
  fi
  rm -rf "$1"
}

results=()
status=0
for suite in "${suites[@]}"; do
  dir=$BASE/$suite
  log=$BASE/$suite.log
  start=$SECONDS
  echo "== $suite: debootstrap --variant=minbase into $dir (log: $log)"
  remove_chroot "$dir"
  mkdir -p "$dir"
  if ! debootstrap --variant=minbase "$suite" "$dir" "$MIRROR" >"$log" 2>&1; then
    results+=("$suite: debootstrap failed (see $log)"); status=1; continue
  fi
  # What a freshly installed machine has as well: /proc, /sys, /dev, and name resolution.
  for fs in proc sys dev dev/pts; do
    mount --bind "/$fs" "$dir/$fs"
    mounted+=("$dir/$fs")
  done
  cp /etc/resolv.conf "$dir/etc/resolv.conf"
  # The host's trust store for pip's HTTPS, for networks that intercept TLS with their own authority
  # (pip otherwise trusts only its bundled list). The chroot's own packages are left as debootstrap made them.
  pip_cert=()
  if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
    cp /etc/ssl/certs/ca-certificates.crt "$dir/etc/host-ca-bundle.crt"
    pip_cert=(PIP_CERT=/etc/host-ca-bundle.crt)
  fi
  mkdir -p "$dir/root/cchc-desktop"
  git archive HEAD | tar -x -C "$dir/root/cchc-desktop"
  # The seed documents sit beside the checkout, as in CI (../shared/seeds).
  if [ -d "$ROOT/../shared/seeds" ]; then
    mkdir -p "$dir/root/shared"
    cp -r "$ROOT/../shared/seeds" "$dir/root/shared/"
  fi
  echo "== $suite: scripts/run-tests.sh inside the chroot"
  set +e
  chroot "$dir" /usr/bin/env -i HOME=/root LANG=C.UTF-8 PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    "${pip_cert[@]}" \
    bash -c 'cd /root/cchc-desktop && scripts/run-tests.sh' 2>&1 \
    | tee -a "$log" | tail -n 5
  code=${PIPESTATUS[0]}
  set -e
  python=$(chroot "$dir" python3 --version 2>/dev/null || echo "no python3")
  summary=$(grep -E "[0-9]+ (passed|failed)" "$log" | tail -n1 || true)
  unmount_all
  results+=("$suite ($python): exit $code, ${summary:-no pytest summary}, $((SECONDS - start)) s")
  [ "$code" = 0 ] || status=1
  [ "${CCHC_KEEP_CHROOT:-0}" = 1 ] || remove_chroot "$dir"
done

echo "== results"
printf '%s\n' "${results[@]}"
exit $status
