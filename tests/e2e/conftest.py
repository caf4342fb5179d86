"""Real-browser harness: the Streamlit app on a free port, Debian's Chromium via Playwright.

The app runs as `make run` starts it (no offline switch: no CDN in any mode) and
the browser may only talk to the app: any request to another host is aborted and
recorded, so a test can prove the page needed nothing from the internet.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
APP_SCRIPT = REPO_ROOT / "dashboard" / "app.py"
ARTIFACTS_DIR = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
SERVER_START_TIMEOUT_S = 60


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "e2e: drives the running app in a real headless Chromium")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    reason = _missing_prerequisite()
    if reason is None:
        return
    for item in items:
        if "e2e" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """On a failed e2e test, keep a screenshot of what the browser showed."""
    outcome = yield
    report = outcome.get_result()
    page = getattr(item, "funcargs", {}).get("page")
    if report.when == "call" and report.failed and page is not None and not page.is_closed():
        ARTIFACTS_DIR.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS_DIR / f"FAILED-{item.name}.png"), full_page=True)


def _missing_prerequisite() -> str | None:
    if not CHROMIUM.is_file():
        return f"{CHROMIUM} is absent (scripts/install_chromium.sh installs it)"
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_healthy(base_url: str, process: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"streamlit exited with {process.returncode}:\n{_tail(log_path)}")
        try:
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.25)
    pytest.fail(
        f"streamlit not healthy after {SERVER_START_TIMEOUT_S}s at {base_url}:\n{_tail(log_path)}"
    )


def _tail(path: Path, lines: int = 60) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


def _warm_up(browser, base_url: str) -> None:
    """Open the page once: the server's first visit loads and geocodes the dataset and writes the base
    map's outlines, which on a loaded machine can outlast a test's own waits. Tests then time the page."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(base_url)
        page.wait_for_selector('iframe[title="streamlit_folium.st_folium"]', state="attached", timeout=240_000)
    except Exception:  # noqa: BLE001 - a test that needs the map will say what is wrong
        pass
    finally:
        context.close()


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory, browser):
    """Base URL of the dashboard, started once per session as `make run` starts it."""
    port = _free_port()
    run_dir = tmp_path_factory.mktemp("streamlit")
    data_dir = tmp_path_factory.mktemp("data")
    log_path = run_dir / "streamlit.log"
    env = {
        **os.environ,
        "CONFLICTMAP_DATA_DIR": str(data_dir),
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("CONFLICTMAP_TILES", None)
    env.pop("CONFLICTMAP_OFFLINE", None)
    command = [
        sys.executable, "-m", "streamlit", "run", str(APP_SCRIPT.relative_to(REPO_ROOT)),
        "--server.headless", "true",
        "--server.address", "127.0.0.1",
        "--server.port", str(port),
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=log, stderr=log)
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(base_url, process, log_path)
        _warm_up(browser, base_url)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def blocked_requests() -> list[dict]:
    """Requests the page tried to send off this machine: [{'url', 'resource_type'}]."""
    return []


@pytest.fixture
def failed_responses() -> list[dict]:
    """Local responses with an HTTP error status: [{'url', 'status'}]."""
    return []


@pytest.fixture
def page(browser, blocked_requests: list[dict], failed_responses: list[dict]):
    """A fresh page that may only reach 127.0.0.1/localhost (and data:/blob:/file: URLs)."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})

    def only_local(route, request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in {"data", "blob", "file", "about"} or parts.hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            blocked_requests.append({"url": request.url, "resource_type": request.resource_type})
            route.abort("blockedbyclient")

    def record_failure(response) -> None:
        if response.status >= 400:
            failed_responses.append({"url": response.url, "status": response.status})

    context.route("**/*", only_local)
    context.on("response", record_failure)
    new_page = context.new_page()
    new_page.set_default_timeout(30_000)
    yield new_page
    context.close()


@pytest.fixture
def screenshot(page):
    """Save a full-page screenshot as tests/e2e/artifacts/<name>.png; returns the path."""

    def save(name: str) -> Path:
        ARTIFACTS_DIR.mkdir(exist_ok=True)
        path = ARTIFACTS_DIR / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save
