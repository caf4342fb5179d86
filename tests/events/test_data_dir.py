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
