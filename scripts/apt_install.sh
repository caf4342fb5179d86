#!/usr/bin/env bash
# Install Debian packages for the test suite, the one way every install script uses:
#   scripts/apt_install.sh FILE [FILE ...] -- PACKAGE [PACKAGE ...]
# No-op when every FILE already exists (the packages are installed). Uses sudo when not root, waits
# for another apt user's lock (DPkg::Lock::Timeout) and retries, since CI machines often run
# unattended upgrades at boot.
set -euo pipefail
present=()
while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do
    present+=("$1")
    shift
done
[ "$#" -gt 0 ] && shift
if [ "$#" -eq 0 ] || [ "${#present[@]}" -eq 0 ]; then
    echo "usage: $0 FILE [FILE ...] -- PACKAGE [PACKAGE ...]" >&2
    exit 2
fi
missing=0
for path in "${present[@]}"; do
    [ -e "$path" ] || missing=1
done
[ "$missing" -eq 0 ] && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
for attempt in 1 2 3 4 5 6; do
    if $SUDO apt-get update -qq -o DPkg::Lock::Timeout=120 \
        && $SUDO apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=120 "$@" >/dev/null; then
        exit 0
    fi
    echo "apt-get install $* failed (attempt $attempt); retrying in 15 s" >&2
    sleep 15
done
echo "could not install $* with apt-get" >&2
exit 1
