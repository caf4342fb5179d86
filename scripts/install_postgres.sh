#!/usr/bin/env bash
# Install Debian's PostgreSQL 15 and PostGIS 3 for the store tests (the tests start a throw-away
# cluster of their own on a free local port; no service is enabled). No-op when already installed.
exec bash "$(dirname "$0")/apt_install.sh" \
    /usr/lib/postgresql/15/bin/initdb /usr/share/postgresql/15/extension/postgis.control \
    -- postgresql-15 postgresql-15-postgis-3
