#!/usr/bin/env bash
# Installs the Debian packages the tests need (Chromium for browser tests; s6, execline and
# shellcheck to run and check the generated scripts; unzip to check the zips) when any is
# missing. Needs root for apt.
set -euo pipefail
declare -A need=([chromium]=/usr/bin/chromium [s6]=/usr/bin/s6-svscan [execline]=/usr/bin/execlineb [shellcheck]=/usr/bin/shellcheck [unzip]=/usr/bin/unzip)
missing=()
for pkg in "${!need[@]}"; do
  [ -x "${need[$pkg]}" ] || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: chromium, s6, execline, shellcheck, unzip present"
  exit 0
fi
echo "system packages: installing ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "error: ${missing[*]} missing and not root; install them with apt-get" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
for pkg in "${missing[@]}"; do
  [ -x "${need[$pkg]}" ] || { echo "error: $pkg did not install ${need[$pkg]}" >&2; exit 1; }
done
echo "system packages: installed ${missing[*]}"
