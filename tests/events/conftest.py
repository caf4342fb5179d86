import csv
import io
from pathlib import Path

import pytest

from events.schema import COLUMNS

FIXTURES = Path(__file__).parent / "fixtures"
# ../shared beside the project (CI's clone, /work/main) or beside the worktrees' folder.
SHARED = next((p / "shared" / "data" for p in Path(__file__).resolve().parents[3:5]
               if (p / "shared" / "data").is_dir()), Path(__file__).resolve().parents[3] / "shared" / "data")

GOOD_ROW = {
    "event_id": "T1", "event_date": "2024-04-21", "date_precision": "1",
    "event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
    "actor1": "Islamic Resistance in Iraq", "actor2": "Military Forces of the United States (2021-)",
    "country": "SY", "admin1": "Al-Hasakah", "location": "Rumalyn", "latitude": "37.0", "longitude": "41.95",
    "geo_precision": "1", "fatalities": "0", "source": "Reuters", "source_url": "https://example.org/a",
    "notes": "Rockets.", "origin_location": "Zummar", "origin_country": "IQ",
    "origin_latitude": "36.76667", "origin_longitude": "42.63333",
}


def curated_csv(*overrides: dict, columns=COLUMNS) -> bytes:
    """A curated-layout CSV: one row per override dict, each on top of GOOD_ROW with a fresh id."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for i, override in enumerate(overrides, start=1):
        writer.writerow({**GOOD_ROW, "event_id": f"T{i}", **override})
    return buf.getvalue().encode()


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path, monkeypatch):
    """Geocoder caches and imported gazetteers go to a temporary directory."""
    monkeypatch.setenv("CONFLICTMAP_DATA_DIR", str(tmp_path / "data"))
