"""How many concurrent users one app process serves with date changes under 1 s.

    python benchmarks/concurrent_users.py [--n 100000 | --data FILE] [--users 1,2,5,10,15,20] [--rounds 3]

A bounded headless load on 127.0.0.1: one ``streamlit run dashboard/app.py`` process, and N
visitors speaking Streamlit's own websocket protocol (``tests/headless_session.py``: what the
page's JavaScript sends and receives, no browser). For each N: N new sessions open at once
(time to their first full page), then, ``--rounds`` times, all N move the date slider at the
same moment; a date change's latency is from the request to the end of its script run on the
server. Drawing the page in a browser is not included (``browser_scale.py`` measures that).

Baseline, in the same run: one visitor alone on the same server (its median date change), and
what N users would wait if the server handled them one after another (N x that median).
Server CPU per date change comes from /proc/PID/stat. The machine is shared with other work:
say so with the figures, and re-run if one looks off.
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from tests.headless_session import HeadlessSession, start_app, stop_app  # noqa: E402

TARGET_S = 1.0


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process ``pid`` (Linux /proc; clock ticks per second from sysconf)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def windows(first: dt.date, last: dt.date, count: int) -> list[tuple[dt.date, dt.date]]:
    """``count`` different date windows inside [first, last] (each visitor asks for its own)."""
    span = (last - first).days
    out = []
    for i in range(count):
        start = first + dt.timedelta(days=(i * 37) % max(span // 2, 1))
        out.append((start, min(last, start + dt.timedelta(days=max(span // 3, 1)))))
    return out


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


async def open_sessions(base: str, n: int) -> tuple[list[HeadlessSession], list[float]]:
    sessions = [HeadlessSession(base, timeout=300) for _ in range(n)]

    async def start(session: HeadlessSession) -> float:
        t0 = time.perf_counter()
        await session.__aenter__()
        run = await session.rerun()
        if run.status != "FINISHED_SUCCESSFULLY":
            raise RuntimeError(f"first run ended {run.status}")
        return time.perf_counter() - t0

    return sessions, list(await asyncio.gather(*(start(s) for s in sessions)))


async def date_changes(sessions: list[HeadlessSession], rounds: int, round_no: list[int]) -> list[float]:
    slider = sessions[0].widgets["dates"]
    epoch = dt.date(1970, 1, 1)
    first = epoch + dt.timedelta(microseconds=slider.min)
    last = epoch + dt.timedelta(microseconds=slider.max)
    latencies = []
    for _ in range(rounds):
        picks = windows(first, last, len(sessions) + round_no[0])[round_no[0]:]
        round_no[0] += 1
        runs = await asyncio.gather(*(s.set_dates(*w) for s, w in zip(sessions, picks)))
        bad = [r.status for r in runs if r.status != "FINISHED_SUCCESSFULLY"]
        if bad:
            raise RuntimeError(f"date change ended {bad[0]}")
        latencies += [r.seconds for r in runs]
    return latencies


async def measure(base: str, pid: int, users: list[int], rounds: int) -> dict:
    round_no = [0]
    alone, _ = await open_sessions(base, 1)
    await date_changes(alone, 1, round_no)  # warm the caches a first visitor warms
    single = await date_changes(alone, max(rounds, 5), round_no)
    await alone[0].__aexit__()
    baseline = statistics.median(single)
    rows = []
    for n in users:
        sessions, opened = await open_sessions(base, n)
        cpu0 = cpu_seconds(pid)
        latencies = await date_changes(sessions, rounds, round_no)
        cpu = (cpu_seconds(pid) - cpu0) / len(latencies)
        await asyncio.gather(*(s.__aexit__() for s in sessions))
        rows.append({"users": n, "open_p50": statistics.median(opened), "open_max": max(opened),
                     "p50": statistics.median(latencies), "p95": pct(latencies, 0.95), "max": max(latencies),
                     "cpu_per_change": cpu, "serial": n * baseline})
        print(f"  {n} users done: p95 {rows[-1]['p95']:.2f} s", file=sys.stderr, flush=True)
        await asyncio.sleep(1)  # let the closed sessions' teardown finish
    return {"baseline_alone_s": baseline, "rows": rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, help="generate N synthetic events (make_events.py) as the dataset")
    parser.add_argument("--data", help="the dataset file (default: the bundled curated events file)")
    parser.add_argument("--users", default="1,2,5,10,15,20", help="comma-separated concurrent user counts")
    parser.add_argument("--rounds", type=int, default=3, help="simultaneous date changes per user count")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    users = [int(u) for u in args.users.split(",")]
    if max(users) > 60:
        parser.error("at most 60 users: this is a bounded load on a shared machine")

    with tempfile.TemporaryDirectory() as tmp:
        data = args.data or str(ROOT / "events" / "data" / "events.csv")
        label = args.data or "bundled curated events (36)"
        if args.n:
            from make_events import make_events

            from events.export import to_parquet

            data = str(Path(tmp) / f"events_{args.n}.parquet")
            to_parquet(make_events(args.n), data)
            label = f"{args.n:,} synthetic events (Parquet)"
        process, base = start_app(data=data, log_path=Path(tmp) / "server.log")
        try:
            result = asyncio.run(measure(base, process.pid, users, args.rounds))
        finally:
            stop_app(process)
    result["dataset"] = label
    if args.json:
        print(json.dumps(result, indent=2))
        return
    base_s = result["baseline_alone_s"]
    print(f"dataset: {label}; one app process on 127.0.0.1; {os.cpu_count()} cores, shared with other work")
    print(f"baseline: one visitor alone, median date change {base_s:.2f} s\n")
    print(f"{'users':>5} | {'new session p50/max':>19} | {'date change p50':>15} | {'p95':>6} | {'max':>6} | "
          f"{'CPU/change':>10} | {'one after another':>17}")
    for r in result["rows"]:
        print(f"{r['users']:>5} | {r['open_p50']:>8.2f} / {r['open_max']:>6.2f} s | {r['p50']:>13.2f} s | "
              f"{r['p95']:>5.2f}s | {r['max']:>5.2f}s | {r['cpu_per_change']:>8.2f} s | {r['serial']:>15.2f} s")
    served = [r["users"] for r in result["rows"] if r["p95"] < TARGET_S]
    print(f"\nconcurrent users with 95% of date changes under {TARGET_S:.0f} s: "
          f"{max(served) if served else 0} (largest tried: {max(users)})")


if __name__ == "__main__":
    main()
