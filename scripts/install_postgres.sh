#!/usr/bin/env bash
# Install Debian's PostgreSQL 15 and PostGIS 3 for the store tests (the tests start a throw-away
# cluster of their own on a free local port; no service is enabled). No-op when already installed.
set -euo pipefail
if [ -x /usr/lib/postgresql/15/bin/initdb ] && [ -f /usr/share/postgresql/15/extension/postgis.control ]; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
# Another apt user may hold the lock: wait for it rather than fail.
for attempt in 1 2 3 4 5 6 7 8 9 10; do
    if $SUDO apt-get update -qq -o DPkg::Lock::Timeout=120 \
        && $SUDO apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=120 \
            postgresql-15 postgresql-15-postgis-3 >/dev/null; then
        exit 0
    fi
    sleep 10
done
exit 1
