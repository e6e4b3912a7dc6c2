#!/usr/bin/env bash
# Installs the Debian packages the tests need when any is missing: Chromium for browser tests;
# s6, execline and shellcheck to run and check the generated scripts; unzip to check the zips;
# busybox-static and python3 to run the starter example (the static busybox is Debian's build
# with crond). Needs root for apt.
set -euo pipefail
declare -A need=([chromium]=/usr/bin/chromium [s6]=/usr/bin/s6-svscan [execline]=/usr/bin/execlineb [shellcheck]=/usr/bin/shellcheck [unzip]=/usr/bin/unzip [busybox-static]=/bin/busybox [python3]=/usr/bin/python3)
# Whether a package's file is there (and for busybox, that it is the build with crond: Debian's
# plain busybox package has none).
present() {
  [ -x "${need[$1]}" ] || return 1
  # grep reads the whole list: with -q it could stop early and fail the pipe (pipefail).
  [ "$1" != busybox-static ] || "${need[$1]}" --list | grep -x crond >/dev/null
}
missing=()
for pkg in "${!need[@]}"; do
  present "$pkg" || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: chromium, s6, execline, shellcheck, unzip, busybox-static, python3 present"
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
  present "$pkg" || { echo "error: $pkg did not install ${need[$pkg]}" >&2; exit 1; }
done
echo "system packages: installed ${missing[*]}"
