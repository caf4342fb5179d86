"""`make run` makes no request outside the machine: Streamlit's headless start would look up the
machine's external IP (checkip.amazonaws.com) unless the repository's config names the address."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RecordingProxy:
    """A local HTTP proxy that answers nothing and records every request sent to it."""

    def __init__(self) -> None:
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen()
        self.port = self.server.getsockname()[1]
        self.requests: list[bytes] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(2)
                try:
                    self.requests.append(conn.recv(2048))
                except OSError:
                    self.requests.append(b"(connected)")


def test_a_headless_start_with_the_repo_config_asks_nobody_for_its_address(tmp_path):
    proxy = RecordingProxy()
    port = _free_port()
    proxy_url = f"http://127.0.0.1:{proxy.port}"
    # Every outside HTTP(S) request Python makes (requests honours these) goes to the recorder.
    env = {**os.environ, "HTTP_PROXY": proxy_url, "HTTPS_PROXY": proxy_url, "http_proxy": proxy_url,
           "https_proxy": proxy_url, "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost",
           "CONFLICTMAP_DATA_DIR": str(tmp_path / "data")}
    log = tmp_path / "streamlit.log"
    # As `make run` starts it: the repo's .streamlit/config.toml, no --server.address.
    process = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "dashboard/app.py",
                                "--server.port", str(port)],
                               cwd=REPO, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT,
                               start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and "URL:" not in log.read_text(errors="replace"):
            assert process.poll() is None, log.read_text(errors="replace")
            time.sleep(0.3)
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(f"http://127.0.0.1:{port}/_stcore/health", timeout=10) as response:
            assert response.status == 200
        time.sleep(2.5)  # the lookup (1 s timeout, twice) would have happened by now
    finally:
        os.killpg(process.pid, 15)
        process.wait(timeout=20)
        proxy.server.close()
    text = log.read_text(errors="replace")
    assert proxy.requests == [], proxy.requests
    assert "external IP" not in text and "External URL" not in text, text
    assert "URL: http://localhost:" in text
