"""Reading the dashboard's own widgets (metrics, tables, uploads) and its event markers in a real browser."""
from __future__ import annotations

from playwright.sync_api import Frame, FrameLocator, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.dashboard.conftest import curated_csv, event

from .streamlit_page import CLUSTER_LABELS, MAP_IFRAME, map_frame, wait_for_app

# An event is an L.circleMarker of radius 7 (map_js.EVENT_MARKER); Leaflet draws it as an SVG path
# made of two arcs "a7,7 ...". Origin dots (radius 5) and the selection ring (15) are not events.
EVENT_DOTS = ".leaflet-overlay-pane path.leaflet-interactive[d*='a7,7 ']"


def upload_csv_bytes(*rows: dict) -> bytes:
    """A curated CSV: each row is the test dataset's default event with these fields changed."""
    return curated_csv(*(event(**row) for row in rows))


def metric(page: Page, label: str) -> int:
    box = page.locator("[data-testid='stMetric']").filter(
        has=page.locator("[data-testid='stMetricLabel']", has_text=label)).first
    return int(box.locator("[data-testid='stMetricValue']").inner_text().replace(",", ""))


def expect_metric(page: Page, label: str, value: int, timeout_ms: int = 20_000) -> None:
    """Wait for a headline figure to read ``value`` (the page redraws after every change)."""
    from playwright.sync_api import expect

    box = page.locator("[data-testid='stMetric']").filter(
        has=page.locator("[data-testid='stMetricLabel']", has_text=label)).first
    expect(box.locator("[data-testid='stMetricValue']")).to_have_text(f"{value:,}", timeout=timeout_ms)


def event_markers_shown(frame: FrameLocator) -> int:
    return frame.locator(EVENT_DOTS).count()


def shown_events(frame: FrameLocator) -> int:
    """Events drawn on the map: single dots plus the number on every cluster bubble."""
    clusters = [int(t) for t in frame.locator(CLUSTER_LABELS).all_inner_texts()]
    return event_markers_shown(frame) + sum(clusters)


COUNT_SHOWN = f"""() => {{
    const dots = document.querySelectorAll("{EVENT_DOTS}").length;
    const bubbles = [...document.querySelectorAll("{CLUSTER_LABELS}")].map(s => parseInt(s.textContent, 10));
    return dots + bubbles.reduce((a, b) => a + b, 0);
}}"""


def map_document(page: Page) -> Frame:
    return page.locator(MAP_IFRAME).first.element_handle().content_frame()


def unplaced(page: Page) -> int:
    """How many selected events the page says it cannot place ("N selected event(s) have no
    coordinates"): they are counted and listed, not drawn. Read from the page, not predicted:
    whether a place name resolves is the geocoder's call (and its cache's)."""
    note = page.get_by_text("have no coordinates")
    if note.count() == 0:
        return 0
    return int(note.first.inner_text().split()[0].replace(",", ""))


def expect_shown_events(page: Page, expected: int, timeout_ms: int = 15_000) -> None:
    """Wait until the map shows ``expected`` events (markers move and clusters re-form after each
    change, and old cluster bubbles linger while they fade out)."""
    frame = map_document(page)
    try:
        frame.wait_for_function(f"n => ({COUNT_SHOWN})() === n", arg=expected, timeout=timeout_ms)
    except PlaywrightTimeoutError:
        raise AssertionError(f"the map shows {frame.evaluate(COUNT_SHOWN)} events, expected {expected}") from None


def open_dashboard(page: Page, url: str) -> FrameLocator:
    """Open the app and wait for its first run to end with the map built."""
    page.goto(url)
    frame = map_frame(page)
    wait_for_app(page)
    return frame


def upload(page: Page, name: str, content: bytes, mime: str = "text/csv") -> None:
    page.locator(".st-key-upload_file [data-testid='stFileUploaderDropzoneInput']").set_input_files(
        files=[{"name": name, "mimeType": mime, "buffer": content}])
    page.get_by_text(name).first.wait_for()
    wait_for_app(page)


def grid_rows(page: Page, grid, columns: int) -> list[str]:
    """Every row of a narrow st.dataframe as its cells joined by tabs. The grid paints on a canvas and
    keeps an accessible <table> of the cells in view only, so the selection is moved right (as a reader
    scrolls) until the last column is in that table."""
    grid.wait_for()
    last = grid.locator(f"table tbody [role='gridcell'][aria-colindex='{columns}']").first
    for attempt in range(3):  # on a loaded machine the keys can arrive before the click has focused the grid
        box = grid.locator("[data-testid='data-grid-canvas']").bounding_box()
        grid.locator(".dvn-scroller").click(position={"x": 20, "y": box["height"] * 0.75})  # a first-column cell
        for _ in range(columns - 2):
            page.keyboard.press("ArrowRight")
        try:
            last.wait_for(state="attached", timeout=15_000)
            break
        except PlaywrightTimeoutError:
            if attempt == 2:
                raise
    return grid.locator("table tbody [role='row']").evaluate_all(
        "rows => rows.map(r => [...r.querySelectorAll('[role=gridcell]')].map(c => c.textContent).join('\\t'))")


def rejected_rows(page: Page) -> list[str]:
    """The rows of the "Rejected rows" table: line, column, value, reason."""
    return grid_rows(page, page.locator("[data-testid='stExpander'] [data-testid='stDataFrame']").first, 4)
