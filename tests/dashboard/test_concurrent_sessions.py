"""Many sessions on one real server (Streamlit's websocket protocol, no browser): downloads survive
other sessions' reruns; date changes keep working while others move their sliders."""
from __future__ import annotations

import asyncio
import datetime as dt
import urllib.request

import pytest

from tests.headless_session import HeadlessSession, start_app, stop_app

from .conftest import SAMPLE, curated_csv

WINDOWS = [(dt.date(2024, 1, 28), dt.date(2024, 2, 2)), (dt.date(2024, 3, 1), dt.date(2024, 4, 22))]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = tmp_path_factory.mktemp("data") / "sample.csv"
    path.write_bytes(curated_csv(*SAMPLE))
    process, base = start_app(data=str(path), log_path=tmp_path_factory.mktemp("log") / "server.log")
    yield base
    stop_app(process)


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, b""


async def mover(base: str, stop: asyncio.Event, runs: list) -> None:
    async with HeadlessSession(base) as session:
        await session.rerun()
        i = 0
        while not stop.is_set():
            run = await session.set_dates(*WINDOWS[i % 2])
            runs.append(run.status)
            i += 1


async def downloader(base: str, kind: str, wait: float) -> list[tuple[int, bytes]]:
    """Press "⬇ <kind>", then fetch the file twice: after ``wait`` seconds of others' reruns, and again later."""
    async with HeadlessSession(base) as session:
        await session.rerun()
        run = await session.rerun(trigger=f"prepare_{kind}")
        assert run.status == "FINISHED_SUCCESSFULLY"
        url = base + session.widgets[f"save_{kind}"].url
        got = []
        for _ in range(2):
            await asyncio.sleep(wait)
            got.append(await asyncio.to_thread(fetch, url))
            await session.rerun()  # this session's own rerun (e.g. the click's) must not retire it either
        return got


def test_downloads_survive_other_sessions_reruns(server):
    async def scenario():
        stop, runs = asyncio.Event(), []
        movers = [asyncio.create_task(mover(server, stop, runs)) for _ in range(4)]
        await asyncio.sleep(2)
        results = await asyncio.gather(*(downloader(server, kind, 2.0) for kind in ("csv", "geojson", "csv", "html")))
        stop.set()
        await asyncio.gather(*movers)
        return results, runs

    results, runs = asyncio.run(scenario())
    assert len(runs) >= 8, "the other sessions hardly reran: the test proved nothing"
    assert all(status == "FINISHED_SUCCESSFULLY" for status in runs)
    statuses = [status for got in results for status, _ in got]
    assert statuses == [200] * 8, statuses
    assert results[0][0][1].startswith(b"\xef\xbb\xbf")    # the UTF-8 BOM spreadsheets need
    csv_body = results[0][0][1].decode("utf-8-sig")
    assert csv_body.startswith("event_id,") and "A1" in csv_body
    assert b'"FeatureCollection"' in results[1][0][1]
    assert b"<html" in results[3][0][1][:500].lower()


def test_a_prepared_file_follows_the_selection(server):
    async def scenario():
        async with HeadlessSession(server) as session:
            await session.rerun()
            await session.set_dates(*WINDOWS[0])
            await session.rerun(trigger="prepare_csv")
            first = await asyncio.to_thread(fetch, server + session.widgets["save_csv"].url)
            run = await session.set_dates(*WINDOWS[1])
            assert "save_csv" not in run.elements and "prepare_csv" in run.elements  # the old file is not offered
            await session.rerun(trigger="prepare_csv")
            second = await asyncio.to_thread(fetch, server + session.widgets["save_csv"].url)
            return first, second

    (s1, body1), (s2, body2) = asyncio.run(scenario())
    assert s1 == s2 == 200
    assert body1.decode().count("\n") == 1 + 2  # A1, A2 (late January to 2 February)
    assert body2.decode().count("\n") == 1 + 4  # A3 to A6
