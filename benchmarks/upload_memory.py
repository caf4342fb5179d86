"""Peak memory one upload adds to a server process: the figure behind ``MEMORY_BUDGET_MB``.

    python benchmarks/upload_memory.py [--baseline]

Each case runs in a fresh process that first imports the app's modules and loads the gazetteer
(shared by every session, not part of an upload's cost), then hands the file to
``dashboard.upload.read_upload`` exactly as the upload box does; the figure is the growth of the
process's peak RSS (``VmHWM``, reset before the upload, minus ``VmRSS`` then). Cases: the largest accepted CSV (50 MB, 200,000 realistic
events from ``make_events.py``), the same events as Parquet, the issue's Parquet bomb (refused),
and -- with ``--baseline`` -- that bomb read without the checks (``events.load_bytes``), the
behaviour before this limit. The machine is shared: re-run if a figure looks off.
"""
from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from dashboard import upload
from events import load_bytes
from geodata import geocode
geocode("Rumalyn", "SY")  # the shared gazetteer: loaded once per process, not per upload
data = open(sys.argv[2], "rb").read()


def status(field):
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1])  # kB


with open("/proc/self/clear_refs", "w") as fh:  # reset the peak (VmHWM) to the current RSS
    fh.write("5")
before = status("VmRSS")
t0 = time.perf_counter()
if sys.argv[4] == "unchecked":
    result = load_bytes(data, sys.argv[3], geocode=False)
    outcome = f"{len(result.frame):,} rows kept"
else:
    result = upload.read_upload(data, sys.argv[3])
    outcome = result.error[:70] if result.error else f"{len(result.frame):,} rows kept"
seconds = time.perf_counter() - t0
peak = status("VmHWM")
print(json.dumps({"grew_mb": (peak - before) / 1024, "seconds": seconds, "outcome": outcome}))
"""


def write_cases(folder: Path) -> list[tuple[str, Path, str, str]]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from make_events import make_events

    from dashboard.upload import MAX_FIELD_CHARS, MAX_UPLOAD_BYTES, MAX_UPLOAD_ROWS
    from events.export import to_csv_bytes
    from tests.dashboard.test_upload_sniff import notes_bomb

    frame = make_events(MAX_UPLOAD_ROWS)
    # Pad the notes so that the limit in rows and the limit in bytes are reached together.
    width = int(MAX_UPLOAD_BYTES * 0.985 / MAX_UPLOAD_ROWS - len(to_csv_bytes(frame.iloc[:1000])) / 1000)
    if width > 0:
        frame["notes"] = frame["notes"].astype(str) + " " + "." * width
    csv_bytes = to_csv_bytes(frame)
    rows = MAX_UPLOAD_ROWS
    while len(csv_bytes) > MAX_UPLOAD_BYTES:  # trim to the byte limit
        rows = int(rows * MAX_UPLOAD_BYTES / len(csv_bytes) * 0.99)
        csv_bytes = to_csv_bytes(frame.iloc[:rows])
    (folder / "largest.csv").write_bytes(csv_bytes)
    long_rows = MAX_UPLOAD_BYTES // (MAX_FIELD_CHARS + 300)
    longest = frame.iloc[:long_rows].assign(notes=["n" * (MAX_FIELD_CHARS - 10)] * long_rows)
    (folder / "longest.csv").write_bytes(to_csv_bytes(longest))
    buf = io.BytesIO()
    pq.write_table(pa.Table.from_pandas(frame.iloc[:rows], preserve_index=False), buf, compression="zstd")
    (folder / "largest.parquet").write_bytes(buf.getvalue())
    (folder / "bomb.parquet").write_bytes(notes_bomb(store_schema=False))
    return [
        (f"largest accepted CSV ({len(csv_bytes) / 1_048_576:.1f} MB, {rows:,} rows)", folder / "largest.csv",
         "largest.csv", "checked"),
        (f"longest values: {long_rows} rows of {MAX_FIELD_CHARS:,}-char notes", folder / "longest.csv",
         "longest.csv", "checked"),
        (f"same events as Parquet ({len(buf.getvalue()) / 1_048_576:.1f} MB)", folder / "largest.parquet",
         "largest.parquet", "checked"),
        ("issue's bomb as x.csv (21 KB)", folder / "bomb.parquet", "x.csv", "checked"),
        ("issue's bomb as x.parquet", folder / "bomb.parquet", "x.parquet", "checked"),
    ]


def run(path: Path, name: str, mode: str) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(path), name, mode],
                         capture_output=True, text=True, cwd=ROOT)
    if out.returncode:
        return {"grew_mb": float("nan"), "seconds": float("nan"), "outcome": out.stderr.strip().splitlines()[-1]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", action="store_true", help="also read the bomb unchecked (takes ~3 GB)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    from dashboard.upload import MAX_CONCURRENT_PARSES, MEMORY_BUDGET_MB

    with tempfile.TemporaryDirectory() as tmp:
        cases = write_cases(Path(tmp))
        if args.baseline:
            cases.append(("baseline: bomb read unchecked (load_bytes)", Path(tmp) / "bomb.parquet", "x.parquet",
                          "unchecked"))
        results = [(label, run(path, name, mode)) for label, path, name, mode in cases]
    if args.json:
        print(json.dumps({label: r for label, r in results}, indent=2))
        return
    print(f"{'case':<52} {'peak RSS added':>15} {'time':>8}  outcome")
    for label, r in results:
        print(f"{label:<52} {r['grew_mb']:>12.0f} MB {r['seconds']:>7.2f}s  {r['outcome']}")
    worst = max(r["grew_mb"] for _, r in results[:5])
    print(f"\nstated budget MEMORY_BUDGET_MB = {MEMORY_BUDGET_MB} MB per upload (measured worst accepted: "
          f"{worst:.0f} MB); at most {MAX_CONCURRENT_PARSES} parse at once per process.")
    print("Shared 2-core machine under load from other work: times vary; memory figures are stable.")


if __name__ == "__main__":
    main()
