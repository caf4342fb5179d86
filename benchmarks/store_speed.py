"""Event store speed and safety on both engines, side by side, against the Parquet file path.

    python benchmarks/store_speed.py                    # 1,000,000 events, SQLite and PostgreSQL
    python benchmarks/store_speed.py --rows 200000 --skip-postgres
    python benchmarks/store_speed.py --district         # the file also carries a district (admin2) column
    python benchmarks/store_speed.py --geocoded         # ... and the geocoding columns of a --geocode export

For each engine (a SQLite file in a temp data dir, synchronous=FULL as the store always runs; a throw-away
PostgreSQL 15 + PostGIS cluster with its crash-safe defaults, fsync and full-page writes on):
  import     ``store.import_file`` of the generated Parquet file (validation + one transaction)
             targets: SQLite < 60 s, PostgreSQL < 120 s for 1,000,000 events
  load cold  the dashboard's first load with no snapshot: read the store, geocode, write the snapshot
  load warm  the dashboard's first load after ``db import`` (which writes the snapshot): read it
             target: within 2x of the baseline, today's Parquet file path (``events.load(FILE)``)
  load edit  the first load after one edit: the older snapshot plus the events changed since
  writers    W processes x C changes each to overlapping events (optimistic locking on revision);
             "lost" counts changes reported as saved that the history does not hold: must be 0
The machine is shared: run it twice and say how loaded it was (``uptime`` is printed).
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def timed(fn, *args, **kw):
    start = time.perf_counter()
    out = fn(*args, **kw)
    return out, time.perf_counter() - start


def _writer(url: str, ids: list[str], changes: int, seed: int, queue) -> None:
    from events.store import Conflict, open_store

    store = open_store(url, init=False)
    rng = random.Random(seed)
    from sqlalchemy.exc import OperationalError

    saved, conflicts, errors = [], 0, []
    for k in range(changes):
        event_id = rng.choice(ids)
        current = store.get(event_id)
        note = f"writer {seed} change {k}"
        try:
            row = store.update(event_id, {"notes": note}, expected_revision=current["revision"], user=f"w{seed}",
                               reason="benchmark")
            saved.append((event_id, row["revision"], note))
        except Conflict:
            conflicts += 1
        except OperationalError as exc:  # e.g. a lock wait past the busy timeout: reported, not lost
            errors.append(str(exc.orig or exc).splitlines()[0])
    store.close()
    queue.put((saved, conflicts, errors))


def concurrent_writers(url: str, writers: int, changes: int, ids: list[str]) -> dict:
    """``writers`` processes each make ``changes`` edits to events drawn from ``ids``."""
    from events.store import open_store

    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    start = time.perf_counter()
    procs = [ctx.Process(target=_writer, args=(url, ids, changes, n, queue)) for n in range(writers)]
    for p in procs:
        p.start()
    results = [queue.get() for _ in procs]
    for p in procs:
        p.join()
    seconds = time.perf_counter() - start
    saved = [s for r, _, _ in results for s in r]
    conflicts = sum(c for _, c, _ in results)
    errors = [e for _, _, errs in results for e in errs]
    store = open_store(url, init=False)
    lost = 0
    for event_id in ids:
        history = {v["revision"]: v for v in store.history(event_id)}
        mine = [s for s in saved if s[0] == event_id]
        lost += sum(1 for _, rev, note in mine if history.get(rev, {}).get("notes") != note)
        if store.get(event_id)["revision"] != 1 + len(mine):
            lost += abs(store.get(event_id)["revision"] - 1 - len(mine))
    store.close()
    return {"saved": len(saved), "conflicts": conflicts, "errors": len(errors), "lost": lost, "seconds": seconds,
            "accounted": len(saved) + conflicts + len(errors) == writers * changes}


def bench_engine(name: str, url: str, path: str, args) -> dict:
    from events.store import open_store
    from events.store.snapshot import load_events, snapshot_after_first_import, snapshot_path

    store = open_store(url)
    result, t_import = timed(store.import_file, path, user="benchmark")
    _, t_snap = timed(snapshot_after_first_import, store, result.load.frame, path, "benchmark")
    revision = store.latest_revision()
    frame, t_warm = timed(load_events, store, revision)
    snapshot_path(store.url, revision, False).unlink()
    frame_cold, t_cold = timed(load_events, store, revision)
    assert len(frame) == len(frame_cold) == args.rows - len(result.errors)
    one = frame_cold["event_id"].iloc[len(frame_cold) // 2]
    store.update(one, {"fatalities": 7, "notes": "benchmark edit"}, expected_revision=1, user="benchmark")
    frame_edit, t_edit = timed(load_events, store)
    assert len(frame_edit) == len(frame_cold)
    ids = sorted(store.frame()["event_id"].sample(args.events, random_state=1))
    writers = concurrent_writers(url, args.writers, args.changes, ids)
    store.close()
    return {"engine": name, "rows": result.added, "import": t_import, "snapshot": t_snap, "warm": t_warm,
            "cold": t_cold, "edit": t_edit, **{f"w_{k}": v for k, v in writers.items()}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--changes", type=int, default=100)
    parser.add_argument("--events", type=int, default=20, help="how many events the writers share")
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument("--district", action="store_true",
                        help="the generated file carries a district (admin2) column, stored since migration 0002")
    parser.add_argument("--geocoded", action="store_true",
                        help="the generated file carries the columns a --geocode export writes (geo_status, geo_name, "
                             "geo_source, geo_confidence) and vague_point, stored since migration 0003")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="store-bench-"))
    os.environ["CONFLICTMAP_DATA_DIR"] = str(tmp / "data")
    print("load:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    path = str(tmp / "events.parquet")
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_events.py"), str(args.rows), "--out", path,
                    *(["--district"] if args.district else []), *(["--geocoded"] if args.geocoded else [])], check=True, stdout=subprocess.DEVNULL)

    from events import load

    _, t_base = timed(load, path)
    print(f"baseline: Parquet file path (events.load) of {args.rows:,} events"
          f"{' with a district column' if args.district else ''}"
          f"{' with the geocoding columns' if args.geocoded else ''}: {t_base:.1f} s")
    rows = [bench_engine("SQLite", f"sqlite:///{tmp / 'data' / 'events.sqlite'}", path, args)]
    if not args.skip_postgres:
        from events.store.throwaway import Unavailable, throwaway_cluster

        try:
            with throwaway_cluster(durable=True) as cluster:
                rows.append(bench_engine("PostgreSQL", cluster.create_database("bench"), path, args))
        except Unavailable as exc:
            print(f"PostgreSQL skipped: {exc}")

    target = {"SQLite": 60, "PostgreSQL": 120}
    print(f"\n{'':34}" + "".join(f"{r['engine']:>14}" for r in rows))
    lines = [
        (f"import {args.rows:,} (s; target)", lambda r: f"{r['import']:.1f} (<{target[r['engine']]})"),
        ("snapshot written by db import (s)", lambda r: f"{r['snapshot']:.1f}"),
        ("first load, snapshot (s)", lambda r: f"{r['warm']:.1f}"),
        ("  vs Parquet file path", lambda r: f"{r['warm'] / t_base:.2f}x"),
        ("first load, no snapshot (s)", lambda r: f"{r['cold']:.1f}"),
        ("  vs Parquet file path", lambda r: f"{r['cold'] / t_base:.2f}x"),
        ("first load after one edit (s)", lambda r: f"{r['edit']:.1f}"),
        ("  vs Parquet file path", lambda r: f"{r['edit'] / t_base:.2f}x"),
        (f"{args.writers} writers x {args.changes}: saved", lambda r: str(r["w_saved"])),
        ("  conflicts reported", lambda r: str(r["w_conflicts"])),
        ("  other errors reported", lambda r: str(r["w_errors"])),
        ("  lost updates", lambda r: str(r["w_lost"])),
        ("  every change accounted for", lambda r: str(r["w_accounted"])),
        ("  seconds", lambda r: f"{r['w_seconds']:.1f}"),
    ]
    for label, fn in lines:
        print(f"{label:34}" + "".join(f"{fn(r):>14}" for r in rows))
    print(f"{'baseline Parquet file path (s)':34}{t_base:>14.1f}")
    print("load:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    shutil.rmtree(tmp, ignore_errors=True)
    return 0 if all(r["w_lost"] == 0 for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
