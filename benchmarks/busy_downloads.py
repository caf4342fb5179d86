"""Downloads on a busy server: how many of D simultaneous CSV downloads arrive while M other
sessions move their date sliders, with the dashboard's kept-for-the-session downloads against the
baseline, Streamlit's deferred download (``data=callable``, the dashboard before issue 16).

    python benchmarks/busy_downloads.py [--movers 10] [--downloaders 10] [--delay 0.5]

One server per variant on 127.0.0.1, visitors speaking Streamlit's websocket protocol
(``tests/headless_session.py``). A downloader presses the button, then fetches the file's URL
after ``--delay`` seconds (a browser on a loaded server or a slow link). The machine is shared:
say so with the figures.
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.headless_session import HeadlessSession, start_app, stop_app  # noqa: E402

WINDOWS = [(dt.date(2023, 11, 1), dt.date(2024, 1, 31)), (dt.date(2024, 1, 1), dt.date(2024, 4, 21))]


def fetch(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


async def mover(base: str, stop: asyncio.Event, count: list) -> None:
    async with HeadlessSession(base, timeout=300) as session:
        await session.rerun()
        i = 0
        while not stop.is_set():
            await session.set_dates(*WINDOWS[i % 2])
            count[0] += 1
            i += 1


async def downloader(base: str, deferred: bool, delay: float) -> int:
    async with HeadlessSession(base, timeout=300) as session:
        await session.rerun()
        if deferred:
            path = await session.deferred_download("csv_deferred")
            if not path:
                return 500
        else:
            await session.rerun(trigger="prepare_csv")
            path = session.widgets["save_csv"].url
        await asyncio.sleep(delay)
        return await asyncio.to_thread(fetch, base + path)


async def scenario(base: str, deferred: bool, movers: int, downloaders: int, delay: float) -> tuple[list[int], int]:
    stop, count = asyncio.Event(), [0]
    tasks = [asyncio.create_task(mover(base, stop, count)) for _ in range(movers)]
    await asyncio.sleep(3)
    statuses = await asyncio.gather(*(downloader(base, deferred, delay) for _ in range(downloaders)))
    stop.set()
    await asyncio.gather(*tasks)
    return list(statuses), count[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--movers", type=int, default=10)
    parser.add_argument("--downloaders", type=int, default=10)
    parser.add_argument("--delay", type=float, default=0.5, help="seconds between the press and the fetch")
    args = parser.parse_args()
    if args.movers + args.downloaders > 60:
        parser.error("at most 60 sessions: a bounded load on a shared machine")
    data = str(ROOT / "events" / "data" / "events.csv")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, deferred, script in (
                ("baseline: deferred download (data=callable)", True, ROOT / "benchmarks" / "apps" / "deferred_download_app.py"),
                ("kept for the session (this dashboard)", False, None)):
            process, base = start_app(data=data, script=script, log_path=Path(tmp) / f"{deferred}.log")
            try:
                statuses, reruns = asyncio.run(scenario(base, deferred, args.movers, args.downloaders, args.delay))
            finally:
                stop_app(process)
            rows.append((label, statuses, reruns))
    print(f"{args.movers} sessions moving the date slider, {args.downloaders} pressing CSV at once, "
          f"fetch {args.delay:.1f} s after the press; bundled data; 2-core machine shared with other work\n")
    print(f"{'variant':<46} {'downloads arrived':>18} {'failed (status)':>22} {'others reruns':>14}")
    for label, statuses, reruns in rows:
        ok = statuses.count(200)
        failed = sorted({s for s in statuses if s != 200})
        print(f"{label:<46} {ok:>9} of {len(statuses):<6} {len(statuses) - ok:>8} {str(failed):>13} {reruns:>14}")


if __name__ == "__main__":
    main()
