#!/usr/bin/env bash
# Install the Debian packages the kiosk needs, only those that are missing.
# Usage: scripts/install-system-deps.sh demo|test
# Runs as root on Debian 12 (the kiosk's OS); prints what it installs and why.
set -euo pipefail

profile="${1:-test}"

# Qt offscreen and X (Xvfb) runtime libraries, see ../shared/platform-notes.md
qt=(libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0 libxkbcommon0 libxcb-cursor0
    libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1
    libxkbcommon-x11-0 libxrender1 libxi6)
# building pyscard and pycups from source
build=(gcc swig libpcsclite-dev libcups2-dev pkg-config)
# audio prompts (dynamic phrases are synthesised at run time; WAVs are played with aplay)
sound=(espeak-ng alsa-utils)
demo=("${qt[@]}" "${build[@]}" "${sound[@]}" xvfb xauth)
# the real stacks the tests talk to, and the tools they check output with
test=("${demo[@]}" pcscd vsmartcard-vpcd pcsc-tools cups cups-client cups-bsd
      printer-driver-cups-pdf poppler-utils sox fonts-wqy-microhei fonts-hanazono imagemagick)

case "$profile" in
  demo) wanted=("${demo[@]}") ;;
  test) wanted=("${test[@]}") ;;
  *) echo "usage: $0 demo|test" >&2; exit 2 ;;
esac

# A Python without venv/headers (Debian's own python3) needs these too.
py="${PYTHON:-python3}"
if ! "$py" -c 'import ensurepip, venv' >/dev/null 2>&1; then wanted+=(python3-venv); fi
if ! "$py" -c 'import sysconfig, os, sys; sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' >/dev/null 2>&1; then
  wanted+=(python3-dev)
fi

missing=()
for pkg in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all ${#wanted[@]} present"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "missing Debian packages: ${missing[*]}" >&2
  echo "run as root (or: sudo apt-get install ${missing[*]})" >&2
  exit 1
fi
echo "installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# Installing pcscd or cups would start their daemons here (invoke-rc.d); the tests start their own
# private ones and refuse to run beside a foreign pcscd. policy-rc.d 101 = "do not start services".
policy=/usr/sbin/policy-rc.d
own_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && own_policy=1
fi
trap '[ "$own_policy" = 1 ] && rm -f "$policy"' EXIT
apt-get install -y -qq --no-install-recommends "${missing[@]}"
