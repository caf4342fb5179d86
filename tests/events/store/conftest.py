"""Every store test runs on both engines: a SQLite file in a temp dir, and a database in a throw-away
PostgreSQL 15 + PostGIS cluster that this session starts on a free local port and stops after.
Where the cluster cannot start, the PostgreSQL cases skip with the one reason why."""
from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from events import CURATED_PATH, load
from events.export import to_parquet
from events.store import open_store
from events.store.throwaway import Unavailable, throwaway_cluster

ENGINES = ("sqlite", "postgresql")
_names = itertools.count(1)


@pytest.fixture(scope="session")
def pg_cluster():
    try:
        with throwaway_cluster() as cluster:
            yield cluster
    except Unavailable as exc:
        yield str(exc)


@pytest.fixture(params=ENGINES)
def store_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store' / 'events.sqlite'}"
    cluster = request.getfixturevalue("pg_cluster")
    if isinstance(cluster, str):
        pytest.skip(f"PostgreSQL cannot start here: {cluster}")
    name = f"t{next(_names)}"
    url = cluster.create_database(name)
    request.addfinalizer(lambda: cluster.drop_database(name))
    return url


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()


@pytest.fixture
def seeded(store):
    """The store holding the bundled curated events."""
    store.import_file(CURATED_PATH, user="seed")
    return store


def big_file(path, rows: int) -> str:
    """A Parquet file of ``rows`` valid events (the curated ones repeated, fresh ids, coordinates)."""
    base = load(CURATED_PATH, geocode=False).frame
    frame = base.iloc[np.arange(rows) % len(base)].reset_index(drop=True)
    frame["event_id"] = [f"K{i:07d}" for i in range(rows)]
    rng = np.random.default_rng(1)
    frame["latitude"] = rng.uniform(30, 37, rows)
    frame["longitude"] = rng.uniform(38, 48, rows)
    to_parquet(frame, path)
    return str(path)


@pytest.fixture
def record():
    """One valid event as a form would send it (text values)."""
    return {
        "event_id": "APP1", "event_date": "2024-04-21", "date_precision": "1",
        "event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
        "actor1": "Islamic Resistance in Iraq", "actor2": "Military Forces of the United States (2021-)",
        "country": "SY", "admin1": "Al-Hasakah", "location": "Rumalyn", "latitude": "36.99",
        "longitude": "41.95", "geo_precision": "1", "fatalities": "0", "source": "Reuters",
        "source_url": "https://example.org/a", "notes": "Rockets launched from Zummar.",
        "origin_location": "Zummar", "origin_country": "IQ", "origin_latitude": "36.76667",
        "origin_longitude": "42.63333",
    }


def index_definitions(store) -> list[str]:
    """Every index on the store's tables, as the database defines it (sorted)."""
    with store.engine.connect() as conn:
        if store.dialect == "postgresql":
            rows = conn.exec_driver_sql("SELECT indexdef FROM pg_indexes WHERE tablename IN ('events', "
                                        "'event_history')").scalars()
        else:
            rows = conn.exec_driver_sql("SELECT name || ': ' || coalesce(sql, '') FROM sqlite_master WHERE "
                                        "type = 'index' AND tbl_name IN ('events', 'event_history')").scalars()
        return sorted(rows)


def frame_of(store) -> pd.DataFrame:
    return store.frame(include_retired=True)
