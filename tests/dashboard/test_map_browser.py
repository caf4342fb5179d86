"""Hostile records in a real browser: the downloaded HTML map opens its popups and runs none of their script.

Needs Debian's chromium and the vendored map scripts (dashboard/offline.py); skipped without them.
"""
from __future__ import annotations

import shutil

import pytest

from dashboard.downloads import map_html

from .conftest import HOSTILE

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")

OPEN_EVERYTHING = """
() => {
    const maps = Object.values(window).filter(v => v instanceof L.Map);
    const layers = Object.values(window).filter(v => v instanceof L.GeoJSON);
    const out = {maps: maps.length, popups: [], tooltips: []};
    maps[0].setView([35.0, 40.0], 12, {animate: false});
    layers.forEach(group => group.eachLayer(layer => {
        const popup = layer.getPopup && layer.getPopup();
        if (popup) {
            const content = typeof popup._content === "function" ? popup._content(layer) : popup._content;
            document.body.appendChild(content);
            out.popups.push(content.innerText);
            if (layer._map) { layer.openPopup(); }
        }
        const tooltip = layer.getTooltip && layer.getTooltip();
        if (tooltip) {
            document.body.appendChild(tooltip._content);
            out.tooltips.push(tooltip._content.textContent);
        }
    }));
    return out;
}
"""


def test_hostile_text_shows_as_text_and_runs_nothing(sample_frame, tmp_path):
    playwright = pytest.importorskip("playwright.sync_api")
    try:
        html = map_html(sample_frame, "light", ((30, 38), (37, 45)), selected="A6", heat=True)
    except Exception as exc:  # noqa: BLE001
        pytest.skip(f"map cannot be built offline here: {exc}")
    if b"<script src=" in html:
        pytest.skip("vendored map scripts are missing; the map would need the internet")
    page_file = tmp_path / "map.html"
    page_file.write_bytes(html)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(page_file.as_uri())
        page.wait_for_function("() => typeof L !== 'undefined'")
        result = page.evaluate(OPEN_EVERYTHING)
        page.wait_for_timeout(300)
        opened = page.locator(".leaflet-popup-content").all_inner_texts()
        links = page.eval_on_selector_all(".cm-popup a", "els => els.map(a => a.href)")
        pwned = page.evaluate("() => window.pwned")
        browser.close()
    assert errors == []
    assert pwned is None
    assert result["maps"] == 1
    hostile_popup = next(text for text in result["popups"] if HOSTILE[0] in text)
    for bad in HOSTILE:
        assert bad in hostile_popup  # shown literally, character for character
    assert any(HOSTILE[4] in t for t in result["tooltips"])
    assert any(HOSTILE[0] in text for text in opened)  # the selected event's popup opened on the map
    assert links and all(link.startswith("https://example.org/") for link in links)


def test_hexagons_drawn_in_the_browser_count_every_event_once(tmp_path):
    """At scale the map gets compact hexagon rows; the browser must turn them back into one polygon
    per cell whose tooltips add up to every event and fatality of the selection."""
    import re

    from dashboard import aggregate

    from .test_aggregate import scattered

    playwright = pytest.importorskip("playwright.sync_api")
    frame = scattered(aggregate.THRESHOLD + 500)
    html = map_html(frame, "light", ((32, 42), (38, 46)))
    if b"<script src=" in html:
        pytest.skip("vendored map scripts are missing; the map would need the internet")
    (tmp_path / "map.html").write_bytes(html)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto((tmp_path / "map.html").as_uri())
        page.wait_for_function("() => typeof L !== 'undefined'")
        tips = page.evaluate("""() => {
            const map = Object.values(window).find(v => v instanceof L.Map), out = [];
            map.eachLayer(l => { if (l instanceof L.Polygon && l.getTooltip()) { out.push(l.getTooltip()._content); } });
            return out;
        }""")
        browser.close()
    assert errors == []
    numbers = [re.fullmatch(r"([\d,]+) events · ([\d,]+) fatalities", t) for t in tips]
    assert tips and all(numbers), tips[:3]
    assert sum(int(m[1].replace(",", "")) for m in numbers) == len(frame)
    assert sum(int(m[2].replace(",", "")) for m in numbers) == int(frame["fatalities"].sum())


def test_a_pending_draft_is_drawn_hollow_and_the_legend_names_it(tmp_path):
    """nu12/M5: pending drafts had the stored events' blue dot and no legend entry; only the popup said
    "DRAFT, not accepted". Built the way ``map_view.render`` builds the page's map, opened in Chromium."""
    from dashboard import offline
    from dashboard.basemaps import base_map
    from dashboard.legend import DRAFT_LABEL
    from dashboard.map_layers import has_drafts, layer_data, layers_from_data
    from dashboard.url_state import View

    from .conftest import make_frame

    playwright = pytest.importorskip("playwright.sync_api")
    frame = make_frame(dict(event_id="S1", latitude=33.50, longitude=36.20),
                       dict(event_id="draft-D1", latitude=33.48, longitude=36.30))
    data = layer_data(frame)
    assert has_drafts(data) and not has_drafts(layer_data(frame.iloc[:1]))
    try:
        fig = base_map("light", ((33, 36), (34, 37)), view=View(33.49, 36.25, 12), drafts=has_drafts(data),
                       standalone=True)
        for layer in layers_from_data(data):
            layer.add_to(fig)
        html = offline.standalone_html(offline.localize(fig))
    except Exception as exc:  # noqa: BLE001
        pytest.skip(f"map cannot be built offline here: {exc}")
    if "<script src=" in html:
        pytest.skip("vendored map scripts are missing; the map would need the internet")
    (tmp_path / "map.html").write_text(html, encoding="utf-8")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        errors, outside = [], []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.route("**/*", lambda route: (outside.append(route.request.url), route.abort())
                   if not route.request.url.startswith(("file:", "data:")) else route.continue_())
        page.goto((tmp_path / "map.html").as_uri())
        page.wait_for_function("() => document.querySelectorAll('path.leaflet-interactive').length >= 2")
        markers = page.evaluate("""() => Array.from(document.querySelectorAll('path.leaflet-interactive'))
            .filter(p => p.getAttribute('stroke-width') && p.getAttribute('fill') && !p.getAttribute('fill').startsWith('none'))
            .map(p => ({draft: p.classList.contains('cm-draft-marker'), fill: p.getAttribute('fill'),
                        dash: p.getAttribute('stroke-dasharray'), width: p.getAttribute('stroke-width')}))""")
        legend = page.locator(".cm-legend")
        if not legend.evaluate("el => el.open"):
            legend.locator("summary").click()
        legend_text = legend.inner_text()
        key = page.locator(".cm-legend i.cm-draft-key").evaluate(
            "el => { const s = getComputedStyle(el); return [s.backgroundColor, s.borderTopStyle]; }")
        browser.close()
    assert errors == [] and outside == []
    drafts = [m for m in markers if m["draft"]]
    stored = [m for m in markers if not m["draft"]]
    assert len(drafts) == 1 and len(stored) == 1, markers
    assert drafts[0]["fill"] == "#ffffff" and drafts[0]["dash"] and drafts[0]["width"] == "3"
    assert stored[0]["fill"] != "#ffffff" and not stored[0]["dash"]
    assert DRAFT_LABEL in legend_text
    assert key == ["rgb(255, 255, 255)", "dotted"]
