#!/usr/bin/env bash
# Install Debian's nginx for the multi-process deployment test (tests/deploy/): the test runs its
# own nginx on a free port with its own config; the system service is never started or used.
# No-op when already installed.
set -euo pipefail
if [ -x /usr/sbin/nginx ]; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
for attempt in 1 2 3 4 5; do  # other installs may hold the apt lock for a while
    if $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends nginx >/dev/null; then
        exit 0
    fi
    sleep 15
done
exit 1
