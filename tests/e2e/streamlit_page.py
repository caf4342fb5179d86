"""What e2e tests need to read a Streamlit page and the Leaflet map inside st_folium."""

from __future__ import annotations

from playwright.sync_api import FrameLocator, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

# st.components.v1 gives the iframe the component's registered name as title.
MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
# Every marker icon (Leaflet's <img>, awesome-marker <div>s) sits in the marker
# pane; MarkerCluster bubbles too, told apart by their class.
PLAIN_MARKERS = ".leaflet-marker-pane > :not(.marker-cluster)"
CLUSTER_LABELS = ".leaflet-marker-pane > .marker-cluster span"
VECTOR_SHAPES = ".leaflet-overlay-pane path.leaflet-interactive"


# Drawn by every full run, never by a browser's first (map-only) run: see dashboard/first_paint.py.
FULL_PAGE = ".st-key-upload_file"


def wait_for_app(page: Page, timeout_ms: int = 60_000) -> None:
    """Wait until the whole page is drawn (a first visit draws the map first, the panels once the map
    has reported) and the script run finished: stApp reports notRunning and no spinner shows."""
    page.wait_for_selector(FULL_PAGE, state="attached", timeout=timeout_ms)
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout_ms
    )
    page.wait_for_selector(
        '[data-testid="stStatusWidgetRunningIcon"]', state="detached", timeout=timeout_ms
    )


def open_app(page: Page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)


def map_frame(page: Page, timeout_ms: int = 60_000) -> FrameLocator:
    """The st_folium iframe, once Leaflet has built the map in it."""
    try:
        page.wait_for_selector(MAP_IFRAME, state="attached", timeout=timeout_ms)
    except PlaywrightTimeoutError:
        raise AssertionError(f"the page shows no st_folium map ({MAP_IFRAME})") from None
    frame = page.frame_locator(MAP_IFRAME).first
    frame.locator(".leaflet-container").wait_for(state="visible", timeout=timeout_ms)
    return frame


def marker_count(frame: FrameLocator) -> int:
    """Individual markers shown (cluster bubbles excluded)."""
    return frame.locator(PLAIN_MARKERS).count()


def cluster_counts(frame: FrameLocator) -> list[int]:
    """The number printed on each MarkerCluster bubble."""
    return [int(text) for text in frame.locator(CLUSTER_LABELS).all_inner_texts()]


def shown_event_count(frame: FrameLocator) -> int:
    """Events on the map whether drawn singly or folded into clusters."""
    return marker_count(frame) + sum(cluster_counts(frame))


def vector_count(frame: FrameLocator) -> int:
    """Interactive SVG shapes (CircleMarker, polygons, lines)."""
    return frame.locator(VECTOR_SHAPES).count()


def tile_count(frame: FrameLocator) -> int:
    return frame.locator("img.leaflet-tile").count()
