#!/usr/bin/env bash
# Start N conflict-map processes on 127.0.0.1:8501.. (for deploy/nginx.conf), all on the same data.
#   deploy/run_processes.sh N [-- --data FILE]
# Each process uses its own CPU core at most (Python's GIL): run about one per core.
# They share one cookie secret, so a visitor moved to another process (one restarted) keeps a
# valid XSRF cookie. Stop them with: kill $(cat deploy/app-*.pid)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-2}"; shift || true
mkdir -p deploy/tmp  # nginx.conf keeps its temporary files here
SECRET="${CONFLICTMAP_COOKIE_SECRET:-$(python3 -c 'import secrets; print(secrets.token_hex(32))')}"
for i in $(seq 1 "$N"); do
    port=$((8500 + i))
    .venv/bin/streamlit run dashboard/app.py --server.address 127.0.0.1 --server.port "$port" \
        --server.cookieSecret "$SECRET" --server.headless true "$@" > "deploy/app-$port.log" 2>&1 &
    echo $! > "deploy/app-$port.pid"
    echo "process $i on 127.0.0.1:$port (log deploy/app-$port.log)"
done
