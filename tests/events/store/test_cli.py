"""``python -m events db ...`` as a user runs it, on both engines; ``kill -9`` in the middle of an import."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from events import CURATED_PATH
from events.store import open_store
from tests.events.store.conftest import big_file, index_definitions
from tests.in_process import run_main

ROOT = Path(__file__).resolve().parents[3]


def cli(*args, url, check=None) -> subprocess.CompletedProcess:
    """``python -m events *args`` with ``CONFLICTMAP_DB_URL=url``, run in this process (tests/in_process.py); the
    tests below that need a separate process (kill -9, a closed pipe, bytes on standard output) start one."""
    proc = run_main("events", list(args), {"CONFLICTMAP_DB_URL": url})
    if check is not None:
        assert proc.returncode == check, proc.stderr
    return proc


def test_import_lists_bad_rows_exactly_as_validate(store_url, tmp_path):
    lines = CURATED_PATH.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace("2023-10-19", "2023-13-19")
    lines[5] = lines[5].replace(",Explosions/Remote violence,", ",Explosions,")
    path = tmp_path / "some bad.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    validated = cli("validate", str(path), url=store_url, check=1).stdout.splitlines()
    imported = cli("db", "import", str(path), url=store_url, check=1).stdout.splitlines()
    assert len(validated) == 3  # the summary line and one line per bad row
    assert imported[:len(validated)] == validated
    assert "34 added" in imported[-1]
    ids = {e["event_id"] for e in json.loads(cli("db", "history", "CM0001", "--json", url=store_url, check=0).stdout)}
    assert ids == {"CM0001"}
    assert cli("db", "history", "CM0003", url=store_url, check=1).stderr.startswith("error: no event 'CM0003'")


def test_a_second_id_less_acled_export_adds_its_events(store_url, tmp_path):
    """nu5: two reduced ACLED exports (no id column) with different events; the second import said
    "0 added ... 2 skipped (already in the store)" because both files' rows were L2, L3."""
    from tests.events.conftest import FIXTURES

    header, first, second = (FIXTURES / "acled_reduced.csv").read_text(encoding="utf-8").splitlines()[:3]
    one, two = tmp_path / "first.csv", tmp_path / "second.csv"
    one.write_text("\n".join([header, first, second]) + "\n", encoding="utf-8")
    other = [first.replace("01-Jan-22", "05-Jan-22").replace("As Safrah,34.328,44.726", "Hit,33.64,42.83"),
             second.replace("02-Jan-22", "07-Jan-22")]
    two.write_text("\n".join([header, *other]) + "\n", encoding="utf-8")
    assert "2 added" in cli("db", "import", str(one), url=store_url, check=0).stdout.splitlines()[-1]
    assert "2 added" in cli("db", "import", str(two), url=store_url, check=0).stdout.splitlines()[-1]
    again = cli("db", "import", str(one), url=store_url, check=0).stdout.splitlines()[-1]
    assert "0 added" in again and "2 skipped" in again
    out = tmp_path / "all.csv"
    cli("db", "export", "--to", "csv", "--out", str(out), url=store_url, check=0)
    assert out.read_text(encoding="utf-8").count("\n") == 5  # header + 4 events


def test_retire_restore_history_export(store_url, tmp_path):
    cli("db", "init", url=store_url, check=0)
    cli("db", "import", str(CURATED_PATH), url=store_url, check=0)
    assert cli("db", "retire", "CM0002", url=store_url).returncode == 2  # --reason is required (argparse)
    cli("db", "--user", "ana", "retire", "CM0002", "--reason", "duplicate of CM0001", url=store_url, check=0)
    out = tmp_path / "out.csv"
    cli("db", "export", "--to", "csv", "--out", str(out), url=store_url, check=0)
    text = out.read_text(encoding="utf-8")
    assert "CM0001" in text and "CM0002" not in text
    cli("db", "export", "--to", "csv", "--out", str(out), "--retired", url=store_url, check=0)
    assert "CM0002" in out.read_text(encoding="utf-8")
    cli("db", "--user", "bob", "restore", "CM0002", url=store_url, check=0)
    history = cli("db", "history", "CM0002", url=store_url, check=0).stdout
    first = history.splitlines()[0]
    assert first.startswith("revision 1  import") and "  from: " in first and first.endswith("events.csv")
    assert "revision 2  retire" in history and "by ana  reason: duplicate of CM0001" in history
    assert "revision 3  restore" in history and "by bob" in history
    assert cli("db", "retire", "NOPE", "--reason", "x", url=store_url, check=1).stderr == "error: no event 'NOPE' in the store\n"


def test_geojson_export_writes_the_points_the_map_shows_with_geocode(store_url, tmp_path):
    """The curated events carry place names, not coordinates: a plain export says so and how to get
    points; --geocode writes every event as a point (as the map places them)."""
    cli("db", "import", str(CURATED_PATH), url=store_url, check=0)
    out = tmp_path / "events.geojson"
    plain = cli("db", "export", "--to", "geojson", "--out", str(out), url=store_url, check=0)
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    empty = sum(f["geometry"] is None for f in features)
    assert empty and f"note: {empty} of {len(features)} events have no coordinates" in plain.stderr
    assert "--geocode" in plain.stderr
    placed = cli("db", "export", "--to", "geojson", "--out", str(out), "--geocode", url=store_url, check=0)
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    assert len(features) == 36 and all(f["geometry"] for f in features) and "note:" not in placed.stderr
    zummar = [f for f in features if f["properties"]["location"].startswith("Zumm")]
    assert zummar and all(abs(f["geometry"]["coordinates"][1] - 36.6) < 0.3 for f in zummar)


def test_unreachable_store_is_exit_2_without_the_password():
    proc = cli("db", "init", url="postgresql+psycopg://ana:s3cret@127.0.0.1:9/none", check=2)
    assert "s3cret" not in proc.stderr + proc.stdout and "cannot use the store" in proc.stderr


def test_kill_9_during_import_leaves_the_store_as_before(store_url, tmp_path):
    cli("db", "import", str(CURATED_PATH), url=store_url, check=0)
    store = open_store(store_url)
    before = (store.count(include_retired=True), store.latest_revision())
    indexes = index_definitions(store)
    assert len(indexes) >= 4
    path = big_file(tmp_path / "big.parquet", 100_000)  # larger than the store: its indexes are rebuilt
    env = {**os.environ, "CONFLICTMAP_DB_URL": store_url}
    proc = subprocess.Popen([sys.executable, "-m", "events", "db", "import", path], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = proc.stderr.readline()  # "writing: 50,000 of 100,000 rows": the transaction is open, half done
    assert first.startswith("writing: 50,000 of 100,000"), first
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    time.sleep(0.5)  # PostgreSQL notices the dropped connection and rolls back
    assert (store.count(include_retired=True), store.latest_revision()) == before
    assert index_definitions(store) == indexes  # the dropped indexes came back with the rollback
    again = cli("db", "import", path, url=store_url, check=0)
    assert "100000 added" in again.stdout
    assert store.count(include_retired=True) == before[0] + 100_000
    assert index_definitions(store) == indexes
    store.close()


def test_first_import_writes_the_snapshot_the_dashboard_would_build(store_url, tmp_path):
    import pandas as pd

    from events.store.snapshot import finish, snapshot_path

    path = big_file(tmp_path / "some.parquet", 500)
    cli("db", "import", path, url=store_url, check=0)
    store = open_store(store_url)
    snap = snapshot_path(store.url, store.latest_revision(), False)
    assert snap.exists()
    fresh = finish(store.frame())
    pd.testing.assert_frame_equal(pd.read_parquet(snap), fresh, check_dtype=False, check_categorical=False)
    store.close()


def test_a_reader_that_goes_away_stops_the_output_quietly(store_url):
    """``python -m events db history X | head -1``: no error about the store, exit 141 like a Unix tool."""
    cli("db", "import", str(CURATED_PATH), url=store_url, check=0)
    env = {**os.environ, "CONFLICTMAP_DB_URL": store_url}
    proc = subprocess.Popen([sys.executable, "-m", "events", "db", "history", "CM0001"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # the reader is gone before anything is written
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141
    assert err == ""


def test_export_to_standard_output(store_url, tmp_path):
    import io

    import pandas as pd

    cli("db", "import", str(CURATED_PATH), url=store_url, check=0)
    env = {**os.environ, "CONFLICTMAP_DB_URL": store_url}
    run = lambda fmt: subprocess.run([sys.executable, "-m", "events", "db", "export", "--to", fmt, "--out", "-"],
                                     cwd=tmp_path, env={**env, "PYTHONPATH": str(ROOT)}, capture_output=True,
                                     timeout=300)
    csv_out = run("csv")
    assert csv_out.returncode == 0, csv_out.stderr
    assert pd.read_csv(io.BytesIO(csv_out.stdout))["event_id"].tolist()[:1] == ["CM0001"]
    said = csv_out.stderr.decode().splitlines()
    assert said[0] == "36 events -> standard output" and all(line.startswith("note: ") for line in said[1:])
    parquet = run("parquet")
    assert len(pd.read_parquet(io.BytesIO(parquet.stdout))) == 36
    assert json.loads(run("geojson").stdout)["type"] == "FeatureCollection"
    assert not (tmp_path / "-").exists()
