"""Event frames and files built by hand, so dashboard tests do not depend on the bundled dataset's content."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from events.schema import COLUMNS, DTYPES, GEO_COLUMNS

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")

# Markup and script a hostile record might carry, in every text field.
HOSTILE = (
    "<img src=x onerror=window.pwned=1>",
    '"><script>window.pwned=1</script>',
    "${window.pwned=1}",
    "`;window.pwned=1;`",
    "</script><script>window.pwned=1</script>",
)

BASE = {
    "event_id": "E1", "event_date": "2024-04-21", "date_precision": 1,
    "event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
    "actor1": "Islamic Resistance in Iraq", "actor2": "Military Forces of the United States (2021-)",
    "country": "SY", "admin1": "Al-Hasakah", "location": "Rumalyn", "latitude": 36.98, "longitude": 41.97,
    "geo_precision": 1, "fatalities": 0, "source": "Reuters", "source_url": "https://example.org/a",
    "notes": "Rockets fired at the base.", "origin_location": "", "origin_country": "",
    "origin_latitude": None, "origin_longitude": None,
    "geo_status": "given", "geo_name": "", "geo_source": "file", "geo_confidence": 1.0,
}


def event(**overrides) -> dict:
    return {**BASE, **overrides}


def make_frame(*rows: dict) -> pd.DataFrame:
    """A frame shaped like ``events.load(...).frame``: every column, the schema's dtypes, sorted by date."""
    records = [event(**row) for row in rows]
    frame = pd.DataFrame(records, columns=[*COLUMNS, *GEO_COLUMNS])
    frame["event_date"] = pd.to_datetime(frame["event_date"])
    for col, dtype in DTYPES.items():
        frame[col] = pd.to_numeric(frame[col]).astype(dtype)
    return frame.sort_values("event_date", kind="stable").reset_index(drop=True)


def curated_csv(*rows: dict) -> bytes:
    """The same rows as a curated-layout CSV file (what a user uploads or --data points at)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(COLUMNS), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        full = event(**row)
        writer.writerow({k: "" if full[k] is None else full[k] for k in COLUMNS})
    return buf.getvalue().encode()


# A small dataset covering what the tests filter on: three types, two countries, an attack path,
# an approximate place, and a row of hostile text.
SAMPLE = (
    dict(event_id="A1", event_date="2024-01-28", event_type="Explosions/Remote violence",
         sub_event_type="Air/drone strike", country="JO", admin1="Mafraq", location="Tower 22",
         latitude=33.33, longitude=38.70, fatalities=3, notes="Drone strike on Tower 22."),
    dict(event_id="A2", event_date="2024-02-02", event_type="Explosions/Remote violence",
         sub_event_type="Air/drone strike", actor1="Military Forces of the United States (2021-)",
         actor2="Kataib Hezbollah", country="IQ", admin1="Anbar", location="Al-Qaim",
         latitude=34.38, longitude=40.98, fatalities=16, notes="US retaliatory strikes."),
    dict(event_id="A3", event_date="2024-04-19", event_type="Explosions/Remote violence",
         sub_event_type="Remote explosive/landmine/IED", actor1="Unidentified Armed Group (Iraq)",
         country="IQ", admin1="Babil", location="Kalsu", latitude=32.56, longitude=44.37, geo_precision=2,
         fatalities=1, notes="Blast at Kalsu base."),
    dict(event_id="A4", event_date="2024-04-21", origin_location="Zummar", origin_country="IQ",
         origin_latitude=36.6328, origin_longitude=42.4489, notes="Rockets launched from Zummar."),
    dict(event_id="A5", event_date="2024-04-22", event_type="Protests", sub_event_type="Peaceful protest",
         actor1="Protesters (Iraq)", actor2="", country="IQ", admin1="Baghdad", location="Baghdad",
         latitude=33.31, longitude=44.36, fatalities=0, notes="Rally against the strikes."),
    dict(event_id="A6", event_date="2024-03-01", event_type="Battles", sub_event_type="Armed clash",
         actor1=HOSTILE[0], actor2=HOSTILE[1], country="SY", admin1=HOSTILE[2], location=HOSTILE[4],
         latitude=35.0, longitude=40.0, fatalities=2, notes=" ".join(HOSTILE), source=HOSTILE[3],
         source_url="https://example.org/x?q=</script><script>window.pwned=1</script>"),
)


@pytest.fixture
def sample_frame() -> pd.DataFrame:
    return make_frame(*SAMPLE)


@pytest.fixture
def sample_csv(tmp_path: Path) -> Path:
    path = tmp_path / "sample.csv"
    path.write_bytes(curated_csv(*SAMPLE))
    return path


def map_args(at) -> dict:
    """The arguments the st_folium component received in an AppTest run."""
    components = [c for c in at.get("component_instance") if "st_folium" in c.proto.component_name]
    assert len(components) == 1, "expected exactly one map"
    return json.loads(components[0].proto.json_args)


def map_event_ids(at) -> list[str]:
    """Ids of the event markers sent to the map (selected-event ring excluded: it carries ``sel``)."""
    layers = map_args(at)["feature_group"] or ""
    return [json.loads(f'"{raw}"') for raw in re.findall(r'"eid": "((?:[^"\\]|\\.)*)"', layers)]


@pytest.fixture(autouse=True, scope="session")
def _session_data_dir(tmp_path_factory):
    """The app's data directory (event store, snapshots, geocode cache) is a temp dir, never ~/.cache."""
    import os

    old = os.environ.get("CONFLICTMAP_DATA_DIR")
    os.environ["CONFLICTMAP_DATA_DIR"] = str(tmp_path_factory.mktemp("conflictmap-data"))
    yield
    if old is None:
        os.environ.pop("CONFLICTMAP_DATA_DIR", None)
    else:
        os.environ["CONFLICTMAP_DATA_DIR"] = old
