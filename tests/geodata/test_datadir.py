"""geodata.datadir on its own: broken files of each kind, killed writers, read-only folders, two writers."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geodata import datadir
from geodata.datadir import DataDirError, SQLiteFile

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = "CREATE TABLE IF NOT EXISTS items (key TEXT PRIMARY KEY, value TEXT NOT NULL);"


@pytest.fixture(autouse=True)
def reports():
    """Every report of the test, in order (instead of stderr)."""
    seen: list[str] = []
    datadir.forget_reports()
    datadir.set_reporter(seen.append)
    yield seen
    datadir.set_reporter(None)
    datadir.forget_reports()


@pytest.fixture
def folder(tmp_path) -> Path:
    """A folder of the test's own (the autouse data_dir fixture owns tmp_path/data)."""
    path = tmp_path / "own"
    path.mkdir()
    return path


def disposable(path: Path) -> SQLiteFile:
    return SQLiteFile(path, schema=SCHEMA, version=3, what="the test cache")


def user_file(path: Path) -> SQLiteFile:
    return SQLiteFile(path, schema=SCHEMA, version=3, what="the test store", user_made=True,
                      advice="Restore it from a backup.")


def put(file: SQLiteFile, key: str, value: str):
    def run(con):
        with con:
            con.execute("INSERT OR REPLACE INTO items VALUES (?, ?)", (key, value))
        return True
    return file.write(run, False)


def get(file: SQLiteFile, key: str):
    rows = file.read(lambda con: con.execute("SELECT value FROM items WHERE key = ?", (key,)).fetchall(), None)
    return None if rows is None else (rows[0][0] if rows else "")


def healthy(path: Path, rows: int = 2000) -> None:
    file = disposable(path)
    assert file.write(lambda con: [con.executemany("INSERT INTO items VALUES (?, ?)",
                                                   [(f"k{i}", "v" * 200) for i in range(rows)]), con.commit()])
    assert path.stat().st_size > 100_000


# Each way a file gets broken: (label, function(path) that breaks a healthy file)
def random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(50_000))


def truncated(path: Path) -> None:
    with open(path, "r+b") as fh:
        fh.truncate(path.stat().st_size // 3 + 100)     # mid-page, like a copy cut short


def zero_length(path: Path) -> None:
    path.write_bytes(b"")


def foreign_schema(path: Path) -> None:
    path.unlink()
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, jpeg BLOB)")
    con.commit()
    con.close()


def other_version(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("PRAGMA user_version = 99")
    con.commit()
    con.close()


BREAKS = [random_bytes, truncated, zero_length, foreign_schema, other_version]


# -- reporting ------------------------------------------------------------------------------------
def test_a_report_is_given_once(reports):
    assert datadir.report("disk full", key="k") is True
    assert datadir.report("disk full again", key="k") is False
    assert reports == ["disk full"] and datadir.notices() == ["disk full"]


def test_notices_can_hide_server_paths():
    datadir.report("the geocode cache /srv/app/.cache/geocode-cache.sqlite was unreadable (zero bytes); "
                   "python -m geodata import-geonames / import-csv")
    assert datadir.notices(hide_paths=True) == [
        "the geocode cache geocode-cache.sqlite was unreadable (zero bytes); python -m geodata import-geonames / import-csv"]
    assert "/srv/app" in datadir.notices()[0]


def test_default_reporter_is_one_line_on_stderr(capsys):
    datadir.set_reporter(None)
    datadir.report("the cache was rebuilt")
    assert capsys.readouterr().err == "warning: the cache was rebuilt\n"


# -- disposable files ----------------------------------------------------------------------------
@pytest.mark.parametrize("breaks", BREAKS, ids=lambda f: f.__name__)
def test_a_broken_cache_is_moved_aside_rebuilt_and_reported_once(folder, reports, breaks):
    path = folder / "cache.sqlite"
    healthy(path)
    breaks(path)
    broken = path.read_bytes()
    file = disposable(path)
    assert get(file, "k1") == ""                      # an empty, working cache: no error, no stale answer
    assert put(file, "k1", "fresh") and get(file, "k1") == "fresh"
    aside = [p for p in folder.glob("cache.sqlite.corrupt-*") if not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1 and aside[0].read_bytes() == broken
    assert len(reports) == 1 and "moved it aside" in reports[0] and aside[0].name in reports[0]
    assert disposable(path).read(lambda con: con.execute("PRAGMA user_version").fetchone()[0], None) == 3
    assert get(disposable(path), "k1") == "fresh" and len(reports) == 1     # a sound file: no more reports


def test_corruption_found_while_reading_heals_and_answers(folder, reports):
    """The header is sound but the pages are not (bytes overwritten inside the file)."""
    path = folder / "cache.sqlite"
    healthy(path)
    file = disposable(path)
    assert get(file, "k5").startswith("v")           # file checked once and trusted from now on
    with open(path, "r+b") as fh:                     # every page after the first: garbage
        fh.seek(4096)
        fh.write(os.urandom(path.stat().st_size - 4096))
    assert get(file, "k5") == ""                       # no exception: healed and read again
    assert len(list(folder.glob("cache.sqlite.corrupt-*[0-9Z]"))) == 1 and len(reports) == 1


def test_a_missing_cache_is_only_created_by_a_write(folder, reports):
    path = folder / "cache.sqlite"
    assert get(disposable(path), "k") is None and not path.exists()
    assert put(disposable(path), "k", "v") and get(disposable(path), "k") == "v"
    assert reports == []


def test_old_corrupt_copies_are_pruned(folder):
    path = folder / "cache.sqlite"
    for _ in range(4):
        random_bytes(path)
        datadir.forget_reports()
        assert put(disposable(path), "k", "v")
    assert len(list(folder.glob("cache.sqlite.corrupt-*[0-9Z]"))) == datadir.KEEP_CORRUPT


# -- user-made files -----------------------------------------------------------------------------
@pytest.mark.parametrize("breaks", BREAKS, ids=lambda f: f.__name__)
def test_a_broken_user_file_is_kept_reported_with_advice_and_skipped(folder, reports, breaks):
    path = folder / "store.sqlite"
    healthy(path)
    breaks(path)
    broken = path.read_bytes()
    file = user_file(path)
    assert get(file, "k1") is None                     # read: nothing, no exception
    assert get(file, "k2") is None
    with pytest.raises(DataDirError, match="Restore it from a backup"):
        put(file, "k1", "v")                          # a write must not look done
    assert path.read_bytes() == broken                # untouched
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")
                  and not p.name.endswith(("-wal", "-shm"))) == ["store.sqlite"]
    assert len(reports) == 1 and "left untouched" in reports[0] and "Restore it from a backup" in reports[0]


def test_a_sound_user_file_reads_and_writes(folder, reports):
    path = folder / "store.sqlite"
    assert get(user_file(path), "k") is None and not path.exists()   # reading never creates it
    assert put(user_file(path), "k", "v") and get(user_file(path), "k") == "v"
    assert reports == []


# -- atomic writes and leftovers ----------------------------------------------------------------
def test_atomic_write_leaves_old_content_on_failure(folder):
    path = folder / "f.bin"
    datadir.write_bytes(path, b"old")
    with pytest.raises(RuntimeError):
        with datadir.atomic_write(path) as tmp:
            tmp.write_bytes(b"half")
            raise RuntimeError("killed")
    assert path.read_bytes() == b"old" and sorted(folder.iterdir()) == [path]


KILLED_WRITER = """
import sys, time
from pathlib import Path
from geodata import datadir
with datadir.atomic_write(Path(sys.argv[1])) as tmp:
    with open(tmp, "wb") as fh:
        fh.write(b"x" * 1_000_000)
        fh.flush()
        print("writing", flush=True)
        time.sleep(60)
"""


def test_a_writer_killed_mid_write_leaves_no_half_file_and_its_leftover_goes(folder):
    path = folder / "big.bin"
    datadir.write_bytes(path, b"complete")
    proc = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(path)], cwd=ROOT, stdout=subprocess.PIPE)
    assert proc.stdout.readline() == b"writing\n"
    leftovers = [p for p in folder.iterdir() if ".tmp" in p.name]
    assert len(leftovers) == 1 and str(proc.pid) in leftovers[0].name
    assert datadir.clean_leftovers(folder, started=time.time() + 1) == []   # its writer still runs
    datadir.forget_reports()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert path.read_bytes() == b"complete"
    assert datadir.clean_leftovers(folder, started=time.time() + 1) == leftovers
    assert sorted(folder.iterdir()) == [path]


def test_leftovers_in_subfolders_go_too(folder):
    snapshots = folder / "snapshots"
    snapshots.mkdir()
    dead = snapshots / "events-abc-r3.123.456.tmp"           # no pid after ".tmp": judged by age alone
    dead.write_bytes(b"x")
    kept = snapshots / "events-abc-r3.parquet"
    kept.write_bytes(b"x")
    assert datadir.clean_leftovers(folder, started=time.time() + 1) == [dead]
    assert kept.exists()


def test_leftovers_newer_than_the_process_stay(folder):
    fresh = folder / "x.sqlite.tmp999999999-ab"
    fresh.write_bytes(b"x")
    assert datadir.clean_leftovers(folder, started=time.time() - 60) == [] and fresh.exists()


# -- folders that cannot be written --------------------------------------------------------------
def test_a_data_dir_under_a_file_means_no_cache_and_one_report(folder, reports):
    (folder / "file").write_bytes(b"")
    path = folder / "file" / "data" / "cache.sqlite"
    with pytest.raises(OSError):                      # the test can fail: this really cannot be written
        path.parent.mkdir(parents=True)
    file = disposable(path)
    assert put(file, "k", "v") is False and get(file, "k") is None
    assert put(disposable(path), "k2", "v") is False
    assert len(reports) == 1 and "cannot be written" in reports[0]
    with pytest.raises(DataDirError):
        put(user_file(path.with_name("store.sqlite")), "k", "v")


def _full_disk(limit: int):
    """preexec_fn: files of this process cannot grow past ``limit`` bytes (EFBIG, like a full disk)."""
    def apply():
        import resource
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


FILL = """
import sys
from pathlib import Path
from geodata import datadir
file = datadir.SQLiteFile(Path(sys.argv[1]), schema=sys.argv[2], version=3, what="the test cache")
def run(con):
    with con:
        con.executemany("INSERT OR REPLACE INTO items VALUES (?, ?)", [(f"k{i}", "v" * 500) for i in range(5000)])
    return True
print(file.write(run, False))
print(file.read(lambda con: con.execute("SELECT count(*) FROM items").fetchone()[0], None))
"""


def test_a_full_disk_means_no_cache_one_warning_and_no_crash(folder):
    path = folder / "cache.sqlite"
    proc = subprocess.run([sys.executable, "-c", FILL, str(path), SCHEMA], cwd=ROOT, capture_output=True,
                          text=True, preexec_fn=_full_disk(200_000), timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["False", "0"]        # the big write failed; what is there still reads
    warnings = [line for line in proc.stderr.splitlines() if line]
    assert len(warnings) == 1 and warnings[0].startswith("warning: cannot write"), proc.stderr


def test_a_lock_held_past_the_busy_timeout_costs_the_cache_not_the_answer(folder, reports, monkeypatch):
    path = folder / "cache.sqlite"
    assert put(disposable(path), "k", "v")
    monkeypatch.setattr(datadir, "BUSY_TIMEOUT_S", 0.2)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")                    # another process writing for a very long time
    try:
        assert put(disposable(path), "k2", "v") is False
        with pytest.raises(DataDirError, match="busy"):
            put(user_file(folder / "cache.sqlite"), "k3", "v")
    finally:
        holder.rollback()
        holder.close()
    assert len(reports) == 1 and "busy" in reports[0], reports
    assert put(disposable(path), "k2", "v") and get(disposable(path), "k2") == "v"


# -- two writers ---------------------------------------------------------------------------------
WRITER = """
import sys
from pathlib import Path
from geodata import datadir
file = datadir.SQLiteFile(Path(sys.argv[1]), schema=sys.argv[2], version=3, what="the test cache")
me = sys.argv[3]
for i in range(300):
    def run(con):
        with con:
            con.execute("INSERT OR REPLACE INTO items VALUES (?, ?)", (f"{me}{i}", "v" * 100))
        return True
    assert file.write(run, False), "write failed"
    assert file.read(lambda con: con.execute("SELECT count(*) FROM items").fetchone()[0], 0) > i
print("done")
"""


def test_two_writers_at_once_never_see_a_locked_database(folder):
    path = folder / "cache.sqlite"
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), SCHEMA, name], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for name in "ab"]
    outs = [p.communicate(timeout=120) for p in procs]
    for proc, (out, err) in zip(procs, outs):
        assert proc.returncode == 0 and out == "done\n" and err == "", err
    assert disposable(path).read(lambda con: con.execute("SELECT count(*) FROM items").fetchone()[0], 0) == 600
