"""Time to the first markers in a real browser, side by side with a bare st_folium page, and the
time a date change takes to show, at scale.

    python benchmarks/browser_scale.py --n 36 100000 [--loads 5]

Servers, all started once and warmed up with one load (a warm server, as a visitor meets it):
- ``baseline``: ``benchmarks/minimal_folium_app.py``, a bare Streamlit page showing one st_folium
  marker (the issue's yardstick);
- ``dashboard N``: ``streamlit run dashboard/app.py`` as ``make run`` starts it, on the bundled 36
  curated events for N=36, else on N synthetic events (``make_events``, Parquet).

Each page is then opened ``--loads`` times in a fresh browser context (cold browser cache), the
pages taking turns so machine load hits them alike, in headless Debian Chromium that may reach
only 127.0.0.1. ``first markers`` is from navigation to the map iframe showing a marker (or any
shape of the data layers: dots, clusters, hexagons). The ratio is median(dashboard) /
median(baseline). ``date change`` (largest N only) is from a keypress on the date slider's start
to the map showing the new layers (every shape drawn before the change gone, new ones drawn);
median of ``CHANGES`` changes. The machine is shared: re-run when a figure looks off.
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
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
CHANGES = 5


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def baseline_script(tmp: Path) -> str:
    """A copy of minimal_folium_app.py in a folder whose ``static`` is dashboard/static (Streamlit serves
    static files from the script's folder), so the bare page loads Leaflet from the app too."""
    folder = tmp / "baseline"
    folder.mkdir()
    (folder / "static").symlink_to(ROOT / "dashboard" / "static")
    target = folder / "minimal_folium_app.py"
    target.write_text((ROOT / "benchmarks" / "minimal_folium_app.py").read_text(encoding="utf-8"), encoding="utf-8")
    return str(target)


def start_app(script: str, args: list[str], log: Path) -> tuple[subprocess.Popen, str]:
    """``streamlit run script -- args`` from the repository root (its .streamlit/config.toml applies)."""
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "CONFLICTMAP_ROOT": str(ROOT)}
    env.pop("CONFLICTMAP_OFFLINE", None)
    command = [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
               "--server.address", "127.0.0.1", "--server.port", str(port), "--server.fileWatcherType", "none",
               "--browser.gatherUsageStats", "false"] + (["--", *args] if args else [])
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                return process, f"http://127.0.0.1:{port}/"
        except OSError:
            time.sleep(0.25)
    process.terminate()
    raise SystemExit(f"streamlit did not start:\n{log.read_text()[-2000:]}")


def new_page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    context.route("**/*", lambda route, request: route.continue_()
                  if urlsplit(request.url).hostname in ("127.0.0.1", "localhost")
                  or request.url.startswith(("data:", "blob:", "about:")) else route.abort())
    return context, context.new_page()


def time_first_markers(page, url: str) -> float:
    """Navigation until the map iframe shows at least one marker or data shape."""
    start = time.perf_counter()
    page.goto(url)
    frame = page.wait_for_selector(MAP_IFRAME, state="attached", timeout=TIMEOUT_MS).content_frame()
    frame.wait_for_function(f"document.querySelectorAll({SHAPES!r}).length > 0", timeout=TIMEOUT_MS)
    return time.perf_counter() - start


def time_date_change(page) -> float:
    """Keypress on the slider's start until all old shapes are gone and new ones drawn."""
    frame = page.wait_for_selector(MAP_IFRAME, state="attached", timeout=TIMEOUT_MS).content_frame()
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=TIMEOUT_MS)
    page.wait_for_timeout(1500)  # let the map's own first reports settle
    frame.evaluate(f"document.querySelectorAll({SHAPES!r}).forEach(e => e.setAttribute('data-old', '1'))")
    thumb = page.locator(".st-key-dates input[type='range']").first  # the start of the date window
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


def loads(browser, url: str) -> float:
    context, page = new_page(browser)
    try:
        return time_first_markers(page, url)
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[36, 100_000])
    parser.add_argument("--loads", type=int, default=5)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        tmp = Path(tmp)
        servers = {"baseline": start_app(baseline_script(tmp), [], tmp / "baseline.log")}
        try:
            for n in args.n:
                data_args = []
                if n != 36:
                    data = tmp / f"events_{n}.parquet"
                    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_events.py"), str(n),
                                    "--out", str(data)], check=True, capture_output=True)
                    data_args = ["--data", str(data)]
                servers[f"dashboard {n:,}"] = start_app("dashboard/app.py", data_args, tmp / f"dash_{n}.log")
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            for _, url in servers.values():  # warm-up: the dataset loaded, the scripts compiled
                loads(browser, url)
            times = {name: [] for name in servers}
            for _ in range(args.loads):
                for name, (_, url) in servers.items():
                    times[name].append(loads(browser, url))
            base = statistics.median(times["baseline"])
            print(f"first markers, warm server, {args.loads} loads each, cold browser context (median, min-max):")
            for name, values in times.items():
                med = statistics.median(values)
                ratio = "" if name == "baseline" else f"   {med / base:.2f}x baseline"
                print(f"  {name:<20} {med:6.2f} s ({min(values):.2f}-{max(values):.2f}){ratio}")
            largest = f"dashboard {max(args.n):,}"
            context, page = new_page(browser)
            try:
                time_first_markers(page, servers[largest][1])
                changes = [time_date_change(page) for _ in range(CHANGES)]
            finally:
                context.close()
            print(f"date change at {max(args.n):,} events: median {statistics.median(changes):.2f} s "
                  f"({', '.join(f'{c:.2f}' for c in changes)})")
            browser.close()
        finally:
            for process, _ in servers.values():
                process.terminate()
                process.wait(timeout=20)


if __name__ == "__main__":
    main()
