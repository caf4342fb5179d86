"""Where the time to the first markers goes, in a real browser: one page load of the bare st_folium
page and of the dashboard, side by side, broken into server, bytes and browser work.

    python benchmarks/browser_profile.py [--n 36] [--loads 2]

Same servers and browser as ``browser_scale.py`` (warm server, cold browser context, only 127.0.0.1
reachable). For each load it prints, in seconds from navigation:
- ``ws open``, ``first delta``, ``map delta`` (the st_folium element reaching the browser),
  ``script finished`` (the server's first run over): read from the Streamlit websocket's own
  messages (protobuf ``ForwardMsg``), so the server's run time is ``script finished - first delta``;
- ``iframe doc`` (the map component's document starting), ``leaflet`` (``L`` defined in the map
  frame), ``first marker``;
- what the page fetched before the first marker: requests and bytes (transfer sizes from the
  browser's resource timing), the websocket's bytes, and the largest scripts.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser_scale import CHROMIUM, CHROMIUM_ARGS, MAP_IFRAME, ROOT, SHAPES, TIMEOUT_MS, baseline_script, new_page, start_app  # noqa: E402,E501

INIT = """
(() => {
  const mark = (name) => { try { (window.top.__marks = window.top.__marks || []).push([name, Date.now(), location.pathname]); } catch (e) {} };
  mark('doc');
  if (window === window.top) {
    new MutationObserver((_, obs) => {
      if (document.querySelector('iframe[title="streamlit_folium.st_folium"]')) { mark('iframe element'); obs.disconnect(); }
    }).observe(document, {childList: true, subtree: true});
  }
  const poll = setInterval(() => {
    if (window.L && !window.__l) { window.__l = 1; mark('leaflet'); }
    if (window.L && document.querySelector(%r)) { mark('marker'); clearInterval(poll); }
  }, 10);
})();
""" % SHAPES


def describe_delta(msg) -> str:
    delta = msg.delta
    kind = delta.WhichOneof("type")
    if kind == "new_element":
        element = delta.new_element.WhichOneof("type")
        if element == "component_instance":
            return "component:" + delta.new_element.component_instance.component_name
        return element
    return kind or "?"


def profile_load(browser, url: str) -> dict:
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    context, page = new_page(browser)
    context.add_init_script(INIT)
    events: list[tuple[str, float, int]] = []

    def on_ws(ws):
        def received(payload):
            now = time.time() * 1000
            data = payload if isinstance(payload, bytes) else payload.encode()
            try:
                msg = ForwardMsg.FromString(data)
                kind = msg.WhichOneof("type")
                if kind == "delta":
                    kind = "delta:" + describe_delta(msg)
            except Exception:  # noqa: BLE001 - not a ForwardMsg
                kind = "other"
            events.append((kind, now, len(data)))
        ws.on("framereceived", received)
        events.append(("ws open", time.time() * 1000, 0))

    page.on("websocket", on_ws)
    try:
        start = time.time() * 1000
        page.goto(url)
        frame = page.wait_for_selector(MAP_IFRAME, state="attached", timeout=TIMEOUT_MS).content_frame()
        frame.wait_for_function(f"document.querySelectorAll({SHAPES!r}).length > 0", timeout=TIMEOUT_MS)
        marker = time.time() * 1000
        page.wait_for_timeout(300)
        marks = page.evaluate("window.__marks || []")
        resources = page.evaluate("performance.getEntriesByType('resource').map(e => [e.name, e.startTime, e.responseEnd, e.transferSize, e.encodedBodySize, e.initiatorType])")
        origin = page.evaluate("performance.timeOrigin")
        frame_resources = frame.evaluate("performance.getEntriesByType('resource').map(e => [e.name, e.startTime, e.responseEnd, e.transferSize, e.encodedBodySize, e.initiatorType])")
        frame_origin = frame.evaluate("performance.timeOrigin")
    finally:
        context.close()
    rel = lambda t: (t - start) / 1000  # noqa: E731
    out = {"first marker": rel(marker)}
    first = lambda prefix: next((rel(t) for k, t, _ in events if k.startswith(prefix)), float("nan"))  # noqa: E731
    out["ws open"] = first("ws open")
    out["first delta"] = first("delta")
    out["map delta"] = first("delta:component:streamlit_folium")
    out["script finished"] = first("script_finished")
    out["deltas before map"] = sum(1 for k, t, _ in events if k.startswith("delta") and rel(t) <= out["map delta"])
    out["deltas total"] = sum(1 for k, t, _ in events if k.startswith("delta") and rel(t) <= out["script finished"])
    out["ws bytes to marker"] = sum(n for k, t, n in events if t <= marker)
    out["elements"] = sorted({k[6:] for k, t, _ in events if k.startswith("delta:") and t <= marker})
    for name, t, path in marks:
        where = "page " if name == "iframe element" or not ("component" in path or path.endswith(".html")) else "iframe "
        out.setdefault(where + name if name != "iframe element" else name, rel(t))
    items = [(r[0], origin + r[2], r[3] or r[4]) for r in resources] + \
            [(r[0], frame_origin + r[2], r[3] or r[4]) for r in frame_resources]
    before = [(name, size) for name, end, size in items if end <= marker]
    out["requests to marker"] = len(before)
    out["bytes to marker"] = sum(size for _, size in before)
    out["largest"] = sorted(before, key=lambda r: -r[1])[:6]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=36)
    parser.add_argument("--loads", type=int, default=2)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        tmp = Path(tmp)
        data_args = []
        if args.n != 36:
            data = tmp / f"events_{args.n}.parquet"
            subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_events.py"), str(args.n), "--out", str(data)],
                           check=True, capture_output=True)
            data_args = ["--data", str(data)]
        servers = {"baseline": start_app(baseline_script(tmp), [], tmp / "baseline.log"),
                   f"dashboard {args.n:,}": start_app("dashboard/app.py", data_args, tmp / "dash.log")}
        try:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            for _, url in servers.values():
                profile_load(browser, url)  # warm-up
            results = {name: [] for name in servers}
            for _ in range(args.loads):
                for name, (_, url) in servers.items():
                    results[name].append(profile_load(browser, url))
            browser.close()
        finally:
            for process, _ in servers.values():
                process.terminate()
                process.wait(timeout=20)
    keys = ["page doc", "ws open", "first delta", "map delta", "script finished", "iframe element", "iframe doc", "iframe leaflet",
            "iframe marker", "first marker", "deltas before map", "deltas total", "requests to marker",
            "bytes to marker", "ws bytes to marker"]
    print(f"{'':22}" + "".join(f"{name:>22}" for name in results))
    for key in keys:
        row = []
        for runs in results.values():
            values = [r.get(key, float("nan")) for r in runs]
            med = statistics.median(values)
            row.append(f"{med:>22,.0f}" if "bytes" in key or "deltas" in key or "requests" in key else f"{med:>22.2f}")
        print(f"{key:22}" + "".join(row))
    for name, runs in results.items():
        print(f"{name}: elements before the first marker: {', '.join(runs[-1]['elements'])}")
        print(f"{name}: largest fetches: " + "; ".join(f"{n.rsplit('/', 1)[-1][:40]} {s / 1000:.0f} KB" for n, s in runs[-1]['largest']))


if __name__ == "__main__":
    main()
