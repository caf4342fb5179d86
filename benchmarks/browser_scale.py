"""How fast the dashboard draws its map in a real browser at scale, and redraws it after a date change.

    python benchmarks/browser_scale.py --n 100000 1000000

For each N: generate N synthetic events (``make_events``) into a temporary Parquet file, start
``streamlit run dashboard/app.py -- --data FILE`` offline (``CONFLICTMAP_OFFLINE=1``), open it in
headless Debian Chromium (Playwright; the page may only reach 127.0.0.1) and print:

- ``first_map_s``: from navigation to the Leaflet map showing its data layer (a hexagon or marker
  drawn in the overlay pane), the server's one-off dataset load included (a fresh process);
- ``second_map_s``: the same for a second visitor (dataset already loaded, as in normal use);
- ``date_change_s``: from a keypress on the date slider (PageUp on the start: a year later) to the
  map showing new layers (every shape drawn before the change gone, new ones drawn); the median of
  ``CHANGES`` changes, each one listed in ``date_changes_s``.
"""
from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
SHAPES = ".leaflet-overlay-pane path, .leaflet-marker-pane > *"
TIMEOUT_MS = 180_000
CHANGES = 3


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_app(data: Path, port: int, log: Path) -> subprocess.Popen:
    env = {**os.environ, "CONFLICTMAP_OFFLINE": "1", "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "streamlit", "run", "dashboard/app.py", "--server.headless", "true",
               "--server.address", "127.0.0.1", "--server.port", str(port), "--server.enableStaticServing",
               "true", "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false",
               "--", "--data", str(data)]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                return process
        except OSError:
            time.sleep(0.25)
    process.terminate()
    raise SystemExit(f"streamlit did not start:\n{log.read_text()[-2000:]}")


def map_frame(page):
    return page.wait_for_selector(MAP_IFRAME, state="attached", timeout=TIMEOUT_MS).content_frame()


def time_first_map(page, url: str) -> float:
    """Navigation until the map's overlay shows at least one shape."""
    start = time.perf_counter()
    page.goto(url)
    frame = map_frame(page)
    frame.wait_for_function(f"document.querySelectorAll({SHAPES!r}).length > 0", timeout=TIMEOUT_MS)
    return time.perf_counter() - start


def time_date_change(page) -> float:
    """Keypress on the slider's start until all old shapes are gone and new ones drawn."""
    frame = map_frame(page)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=TIMEOUT_MS)
    frame.evaluate(f"document.querySelectorAll({SHAPES!r}).forEach(e => e.setAttribute('data-old', '1'))")
    thumb = page.locator('[data-testid="stSlider"] input').first  # the start of the date window
    before = thumb.input_value()
    thumb.focus()
    start = time.perf_counter()
    thumb.press("PageUp")
    frame.wait_for_function(
        f"() => document.querySelectorAll({SHAPES!r}).length > 0 && !document.querySelector('[data-old]')",
        timeout=TIMEOUT_MS)
    seconds = time.perf_counter() - start
    if thumb.input_value() == before:
        raise SystemExit("the date slider did not move: the measurement is void")
    return seconds


def measure(n: int, tmp: Path, browser) -> dict:
    data = tmp / f"events_{n}.parquet"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_events.py"), str(n), "--out", str(data)],
                   check=True, capture_output=True)
    port = free_port()
    app = start_app(data, port, tmp / f"streamlit_{n}.log")
    try:
        url = f"http://127.0.0.1:{port}/"
        out = {"n": n}
        for key in ("first_map_s", "second_map_s"):
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            context.route("**/*", lambda route, request: route.continue_()
                          if urlsplit(request.url).hostname in ("127.0.0.1", "localhost")
                          or request.url.startswith(("data:", "blob:", "about:")) else route.abort())
            page = context.new_page()
            out[key] = round(time_first_map(page, url), 2)
            if key == "second_map_s":
                changes = [round(time_date_change(page), 2) for _ in range(CHANGES)]
                out["date_change_s"], out["date_changes_s"] = sorted(changes)[len(changes) // 2], changes
            context.close()
        return out
    finally:
        app.terminate()
        app.wait(timeout=20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[100_000, 1_000_000])
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for n in args.n:
            result = measure(n, Path(tmp), browser)
            print("  ".join(f"{k}={v:,}" if isinstance(v, int) else f"{k}={v}" for k, v in result.items()),
                  flush=True)
        browser.close()


if __name__ == "__main__":
    main()
