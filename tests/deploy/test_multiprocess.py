"""Several app processes behind one address: deploy/nginx.conf, run as written (ports rewritten),
in front of two real app processes. A visitor's session, uploads and downloads stay on one process."""
from __future__ import annotations

import asyncio
import codecs
import datetime as dt
import re
import subprocess
import time
import urllib.error
import urllib.request
from http.cookies import SimpleCookie
from pathlib import Path

import pytest

from tests.dashboard.conftest import SAMPLE, curated_csv
from tests.headless_session import REPO, HeadlessSession, free_port, start_app, stop_app

NGINX = Path("/usr/sbin/nginx")
pytestmark = pytest.mark.skipif(not NGINX.exists(), reason="Debian's nginx is absent (make nginx installs it)")


def get(url: str, cookie: str | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), b""


@pytest.fixture(scope="module")
def deployment(tmp_path_factory):
    """Two app processes and nginx in front of them; yields (proxy URL, [backend URLs])."""
    root = tmp_path_factory.mktemp("deploy")
    data = root / "events.csv"
    data.write_bytes(curated_csv(*SAMPLE))
    apps = [start_app(data=str(data), log_path=root / f"app{i}.log") for i in range(2)]
    port = free_port()
    conf = (REPO / "deploy" / "nginx.conf").read_text()
    backends = "\n".join(f"        server {base.removeprefix('http://')};" for _, base in apps)
    conf, count = re.subn(r"(?m)^\s*server 127\.0\.0\.1:850\d;\n(\s*server 127\.0\.0\.1:850\d;\n)*",
                          backends + "\n", conf)
    assert count == 1
    conf = conf.replace("listen 8080;", f"listen 127.0.0.1:{port};")
    (root / "tmp").mkdir()
    (root / "nginx.conf").write_text(conf)
    nginx = subprocess.Popen([str(NGINX), "-p", f"{root}/", "-c", str(root / "nginx.conf"), "-g", "daemon off;"],
                             stdout=open(root / "nginx.log", "wb"), stderr=subprocess.STDOUT, start_new_session=True)
    proxy = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if get(proxy + "/_stcore/health")[0] == 200:
                break
        except OSError:
            time.sleep(0.2)
    else:
        raise RuntimeError((root / "nginx.log").read_text())
    yield proxy, [base for _, base in apps]
    nginx.terminate()
    nginx.wait(10)
    for process, _ in apps:
        stop_app(process)


def first_visit(proxy: str) -> str:
    """The page as a browser first loads it: the route cookie nginx hands out."""
    status, headers, body = get(proxy + "/")
    assert status == 200 and b"<html" in body.lower()
    cookie = SimpleCookie(headers["Set-Cookie"])
    return f"conflictmap_route={cookie['conflictmap_route'].value}"


def test_each_visitor_stays_on_one_process_and_visitors_spread(deployment):
    proxy, backends = deployment

    async def visit(i: int):
        cookie = first_visit(proxy)
        async with HeadlessSession(proxy, headers={"Cookie": cookie}) as session:
            run = await session.rerun()
            assert run.status == "FINISHED_SUCCESSFULLY"
            # Each visitor its own window, so its file (named after the window) is its own.
            await session.set_dates(dt.date(2024, 1, 28) + dt.timedelta(days=i), dt.date(2024, 4, 22))
            await session.rerun(trigger="prepare_csv")
            path = session.widgets["save_csv"].url
            # The file exists only in the process that holds the session ...
            holders = [i for i, base in enumerate(backends) if get(base + path)[0] == 200]
            # ... and the proxy sends this visitor's later requests there, every time.
            through_proxy = [await asyncio.to_thread(get, proxy + path, cookie) for _ in range(3)]
            return holders, [(status, body[:12]) for status, _, body in through_proxy]

    async def visitors():
        return await asyncio.gather(*(visit(i) for i in range(12)))

    results = asyncio.run(visitors())
    for holders, fetched in results:
        assert len(holders) == 1, holders
        assert fetched == [(200, codecs.BOM_UTF8 + b"event_id,")] * 3, fetched  # the app's CSV opens in Excel: BOM
    used = {holders[0] for holders, _ in results}
    assert used == {0, 1}, "every visitor went to the same process: the route does not spread them"


def test_the_proxy_keeps_the_one_upload_limit(deployment):
    proxy, _ = deployment
    conf = (REPO / "deploy" / "nginx.conf").read_text()
    from dashboard.upload import MAX_UPLOAD_MB

    assert f"client_max_body_size {MAX_UPLOAD_MB}m;" in conf
    assert get(proxy + "/_stcore/health")[0] == 200
