#!/usr/bin/env bash
# Install Debian's nginx for the multi-process deployment test (tests/deploy/): the test runs its
# own nginx on a free port with its own config; the system service is never started or used.
# No-op when already installed.
exec bash "$(dirname "$0")/apt_install.sh" /usr/sbin/nginx -- nginx
