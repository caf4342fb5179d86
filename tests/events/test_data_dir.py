"""``python -m events geocode`` over a broken data directory: the right coordinates, one warning per problem."""
from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

from events import CURATED_PATH
from geodata.geo import distance_km

ROOT = Path(__file__).resolve().parents[2]
ZUMMAR = (36.76667, 42.63333)
RMELAN = (37.0, 41.95)


def test_geocode_over_a_broken_cache_and_import_store(tmp_path):
    data_dir = tmp_path / "broken-data"
    data_dir.mkdir()
    (data_dir / "geocode-cache.sqlite").write_bytes(os.urandom(40_000))
    (data_dir / "gazetteer.sqlite").write_bytes(b"")
    out = tmp_path / "out.csv"
    env = {**os.environ, "CONFLICTMAP_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "events", "geocode", str(CURATED_PATH), "--out", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    warnings = [line for line in proc.stderr.splitlines() if line.startswith("warning: ")]
    assert len(warnings) == 2, proc.stderr
    assert any("geocode cache" in w and "moved it aside" in w for w in warnings), warnings
    assert any("imported gazetteer" in w and "left untouched" in w for w in warnings), warnings
    rows = {row["event_id"]: row for row in csv.DictReader(out.open(encoding="utf-8"))}
    zummar, rumalyn = rows["CM0036"], rows["CM0035"]
    assert distance_km(*ZUMMAR, float(zummar["latitude"]), float(zummar["longitude"])) < 5
    assert distance_km(*RMELAN, float(rumalyn["latitude"]), float(rumalyn["longitude"])) < 5
    assert (data_dir / "gazetteer.sqlite").read_bytes() == b""          # the user's file, untouched


def events_cli(data_dir: Path, *args) -> subprocess.CompletedProcess:
    env = {**os.environ, "CONFLICTMAP_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}
    env.pop("CONFLICTMAP_DB_URL", None)
    return subprocess.run([sys.executable, "-m", "events", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def test_geocode_in_a_data_dir_that_cannot_exist(tmp_path):
    (tmp_path / "file").write_bytes(b"")
    out = tmp_path / "out.csv"
    proc = events_cli(tmp_path / "file" / "data", "geocode", CURATED_PATH, "--out", out)
    assert proc.returncode == 0, proc.stderr
    warnings = [line for line in proc.stderr.splitlines() if line.startswith("warning: ")]
    assert len(warnings) == 1 and "cannot be written" in warnings[0] and "Traceback" not in proc.stderr
    zummar = next(row for row in csv.DictReader(out.open(encoding="utf-8")) if row["event_id"] == "CM0036")
    assert distance_km(*ZUMMAR, float(zummar["latitude"]), float(zummar["longitude"])) < 5


def test_store_commands_over_an_unreadable_or_impossible_store(tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    store = data_dir / "events.sqlite"
    store.write_bytes(os.urandom(30_000))
    broken = store.read_bytes()
    proc = events_cli(data_dir, "db", "export", "--to", "csv", "--out", tmp_path / "x.csv")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    assert "cannot use the store" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert store.read_bytes() == broken and not list(data_dir.glob("events.sqlite.corrupt-*"))
    (tmp_path / "file").write_bytes(b"")
    proc = events_cli(tmp_path / "file" / "data", "db", "export", "--to", "csv", "--out", tmp_path / "x.csv")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    assert "CONFLICTMAP_DATA_DIR" in proc.stderr
