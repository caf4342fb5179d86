"""A user's own event file: size check, load (validate + geocode), and what to tell them about it."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from events import LoadError, LoadResult, TooManyRows, load_bytes

MAX_UPLOAD_MB = 50
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024
MAX_UPLOAD_ROWS = 200_000  # checked while reading, before validation and geocoding
ACCEPTED_TYPES = ["csv", "geojson", "json"]
FORMAT_NAMES = {"curated": "curated CSV", "geojson": "GeoJSON", "acled": "ACLED", "acled-legacy": "ACLED (legacy)",
                "acled-reduced": "ACLED (reduced)", "ucdp": "UCDP GED"}


@dataclass
class Upload:
    """What came of an upload: the loaded result (None if unreadable) and messages for the user."""

    name: str
    result: LoadResult | None = None
    error: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def frame(self) -> pd.DataFrame | None:
        return None if self.result is None else self.result.frame


def read_upload(data: bytes, name: str, progress: Callable[[int, int], None] | None = None) -> Upload:
    """Validate and geocode an uploaded file; never raises for a bad file."""
    if len(data) > MAX_UPLOAD_BYTES:
        return Upload(name, error=f"{name} is {len(data) / 1_048_576:.1f} MB; the limit is {MAX_UPLOAD_MB} MB. "
                                  "Split the file or filter it before uploading.")
    if not data.strip():
        return Upload(name, error=f"{name} is empty.")
    try:
        result = load_bytes(data, name, progress=progress, max_rows=MAX_UPLOAD_ROWS)
    except TooManyRows as exc:
        return Upload(name, error=f"{name} has more than {exc.limit:,} events; an upload may have at most "
                                  f"{exc.limit:,}. "
                                  "Split the file or filter it before uploading.")
    except LoadError as exc:
        return Upload(name, error=f"{name} could not be read: {exc.reason}")
    upload = Upload(name, result=result)
    kept = len(result.frame)
    upload.notes.append(f"{name}: {FORMAT_NAMES.get(result.format, result.format)} layout, {result.rows} rows read, "
                        f"{kept} kept, {result.rejected} rejected.")
    if result.rows == 0:
        upload.error = f"{name} has a header but no event rows."
    elif kept == 0:
        upload.error = f"Every row of {name} was rejected; see the reasons below."
    else:
        unplaced = int((result.frame["latitude"].isna() | result.frame["longitude"].isna()).sum())
        if unplaced:
            upload.notes.append(f"{unplaced} event(s) name a place the gazetteer could not find: "
                                "they are in the table but not on the map.")
    return upload


def errors_frame(result: LoadResult | None) -> pd.DataFrame:
    """The rejected rows, one line per problem, for a table."""
    errors = [] if result is None else result.errors
    return pd.DataFrame([{"line": e.line, "column": e.column, "value": e.value, "reason": e.reason}
                         for e in errors], columns=["line", "column", "value", "reason"])
