#!/usr/bin/env bash
# Install Debian's Chromium for the real-browser tests (Playwright drives it;
# it never downloads a browser of its own). No-op when already installed.
exec bash "$(dirname "$0")/apt_install.sh" /usr/bin/chromium -- chromium
