#!/usr/bin/env bash
# Authenticode signatures for the Windows files, made and checked on Linux with osslsigncode.
#
#   packaging/windows/sign.sh sign FILE...     sign each file in place
#   packaging/windows/sign.sh verify FILE...   check each file carries an intact signature by that certificate
#
# The certificate comes from the environment:
#   CCHC_SIGN_PFX            the code-signing certificate with its private key (.pfx / .p12)
#   CCHC_SIGN_PASSWORD       its password (handed over in a private file, never on a command line)
#   CCHC_SIGN_TIMESTAMP_URL  optional: an RFC 3161 time-stamping server, so the signature stays valid
#                            after the certificate expires (needs the network; use it for releases)
#   CCHC_SIGN_CAFILE         optional: the trust anchors to verify against. scripts/build-windows.sh
#                            sets it to the throwaway certificate it makes when no real one is given.
set -euo pipefail

usage() { echo "usage: $0 sign|verify FILE..." >&2; exit 2; }
[ $# -ge 2 ] || usage
action=$1; shift
: "${CCHC_SIGN_PFX:?CCHC_SIGN_PFX (the .pfx certificate file) is not set}"

# The password goes to the tools in a file only this user can read (osslsigncode cannot read it from
# a pipe), removed on exit.
password_file=$(mktemp)
trap 'rm -f "$password_file"' EXIT
printf '%s' "${CCHC_SIGN_PASSWORD:-}" >"$password_file"

# Shown by Windows in the "verified publisher" part of the UAC and SmartScreen dialogs.
DESCRIPTION="Phần mềm Cải cách hành chính cấp xã"

sign() {
  local file=$1
  local args=(sign -pkcs12 "$CCHC_SIGN_PFX" -readpass "$password_file"
              -h sha256 -n "$DESCRIPTION")
  if [ -n "${CCHC_SIGN_TIMESTAMP_URL:-}" ]; then
    args+=(-ts "$CCHC_SIGN_TIMESTAMP_URL")
  fi
  # osslsigncode writes a new file; replace the original only when signing succeeded.
  rm -f "$file.signed"
  osslsigncode "${args[@]}" -in "$file" -out "$file.signed" >/dev/null
  mv "$file.signed" "$file"
}

# The serial number of the signing certificate, as osslsigncode prints it (upper-case hex).
certificate_serial() {
  openssl pkcs12 -in "$CCHC_SIGN_PFX" -nokeys -clcerts -passin file:"$password_file" 2>/dev/null \
    | openssl x509 -noout -serial | cut -d= -f2 | tr 'a-f' 'A-F'
}

verify() {
  local file=$1 expected_serial=$2 output status=0
  local args=(verify -in "$file")
  [ -n "${CCHC_SIGN_CAFILE:-}" ] && args+=(-CAfile "$CCHC_SIGN_CAFILE")
  output=$(osslsigncode "${args[@]}" 2>&1) || status=$?
  # Present and intact: the digest stored in the signature equals the one computed from the file.
  local current calculated
  current=$(sed -n 's/^Current message digest *: *\([0-9A-F]*\).*/\1/p' <<<"$output" | head -n1)
  calculated=$(sed -n 's/^Calculated message digest *: *\([0-9A-F]*\).*/\1/p' <<<"$output" | head -n1)
  if [ -z "$current" ] || [ "$current" != "$calculated" ]; then
    echo "$file: no intact Authenticode signature" >&2
    echo "$output" >&2
    return 1
  fi
  # Made with our certificate, not some other one.
  if ! grep -q "Serial : *0*${expected_serial#0}\$" <<<"$output"; then
    echo "$file: signed, but not with the certificate in CCHC_SIGN_PFX (serial $expected_serial)" >&2
    return 1
  fi
  if [ "$status" -eq 0 ]; then
    echo "$file: signature intact, certificate chain trusted"
  elif [ -z "${CCHC_SIGN_CAFILE:-}" ] && grep -qE "self-signed certificate|unable to get local issuer certificate" <<<"$output"; then
    # A real certificate whose root this Linux machine does not hold as a code-signing anchor:
    # the signature itself is checked above; Windows checks the chain against its own store.
    echo "$file: signature intact (certificate chain not checked here: its root is not in this machine's store)"
  else
    echo "$file: signature check failed" >&2
    echo "$output" >&2
    return 1
  fi
}

case $action in
  sign)
    for file; do sign "$file"; done ;;
  verify)
    serial=$(certificate_serial)
    [ -n "$serial" ] || { echo "cannot read the certificate in $CCHC_SIGN_PFX (wrong password?)" >&2; exit 1; }
    for file; do verify "$file" "$serial"; done ;;
  *) usage ;;
esac
