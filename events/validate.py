"""Check a raw frame (text columns from any reader) and type it.

Every check is vectorised (a boolean mask over all rows), so a million-row ACLED export
validates in seconds. A row with any problem is rejected and *every* problem it has is
reported; all other rows load.
"""
from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

import numpy as np
import pandas as pd

from geodata.countries import is_iso2

from .errors import RowError
from .schema import COLUMNS, DTYPES, EVENT_TYPES, REQUIRED, SUB_EVENT_TYPES

TEXT_COLUMNS = [c for c in COLUMNS if c not in DTYPES and c != "event_date"]


def _strip(raw: pd.DataFrame) -> pd.DataFrame:
    out = raw.copy()
    for col in COLUMNS:
        out[col] = out[col].fillna("").astype(str).str.strip()
    return out


def _parse_dates(values: pd.Series, formats: tuple[str, ...]) -> pd.Series:
    parsed = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    for fmt in formats:
        todo = parsed.isna() & values.ne("")
        if not todo.any():
            break
        parsed[todo] = pd.to_datetime(values[todo], format=fmt, errors="coerce")
    return parsed


def _number(values: pd.Series) -> pd.Series:
    return pd.to_numeric(values.where(values.ne(""), None), errors="coerce")


def _is_http_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc) and not any(
        ch.isspace() or ord(ch) < 32 for ch in url
    )


def validate(
    raw: pd.DataFrame, file: str, date_formats: tuple[str, ...], today: dt.date | None = None
) -> tuple[pd.DataFrame, list[RowError]]:
    """Typed frame of the valid rows (columns ``COLUMNS``) and one RowError per problem."""
    today = today or dt.date.today()
    df = _strip(raw)
    bad = pd.Series(False, index=df.index)
    found: list[tuple[pd.Series, str, pd.Series, object]] = []

    def flag(mask: pd.Series, column: str, reason, values: pd.Series | None = None) -> None:
        nonlocal bad
        mask = mask.fillna(False).astype(bool)
        if mask.any():
            bad |= mask
            found.append((mask, column, df[column] if values is None else values, reason))

    if "_extra_fields" in df:
        extra = pd.to_numeric(df["_extra_fields"], errors="coerce").fillna(0).astype(int)
        flag(extra > 0, "(row)", extra.map(lambda n: f"row has {n} more field(s) than the header"),
             extra.astype(str))
    if "_bad_geometry" in df:
        geom = df["_bad_geometry"].fillna("").astype(str)
        flag(geom.ne(""), "geometry", "geometry must be a Point with [longitude, latitude]", geom)

    for col in REQUIRED:
        flag(df[col].eq(""), col, "missing required field")

    dates = _parse_dates(df["event_date"], date_formats)
    expected = " or ".join(f.replace("%Y", "YYYY").replace("%m", "MM").replace("%d", "DD")
                           .replace("%B", "Month").replace("%b", "Mon").replace("%y", "YY")
                           for f in date_formats[:2])
    flag(df["event_date"].ne("") & dates.isna(), "event_date", f"unparsable or impossible date (expected {expected})")
    flag(dates > pd.Timestamp(today), "event_date", f"date in the future (after {today})")

    for col, allowed in (("date_precision", {"1", "2", "3"}), ("geo_precision", {"1", "2", "3"})):
        flag(df[col].ne("") & ~df[col].isin(allowed), col, "must be 1, 2 or 3")

    etype, sub = df["event_type"], df["sub_event_type"]
    flag(etype.ne("") & ~etype.isin(EVENT_TYPES), "event_type",
         "unknown event type (expected one of ACLED's: " + ", ".join(EVENT_TYPES) + ")")
    flag(sub.ne("") & ~sub.isin(SUB_EVENT_TYPES), "sub_event_type", "unknown sub-event type (not one of ACLED's 25)")
    parent = sub.map(SUB_EVENT_TYPES)
    mismatch = parent.notna() & etype.isin(EVENT_TYPES) & parent.ne(etype)
    flag(mismatch, "sub_event_type", parent.map(lambda p: f"this sub-event type belongs to event type {p!r}"))

    country = df["country"].str.upper()
    codes = {c: is_iso2(c) for c in country.unique()}
    flag(country.ne("") & ~country.map(codes), "country", "unknown country (ISO 3166-1 alpha-2 code expected)")
    df["country"] = country
    origin_country = df["origin_country"].str.upper()
    codes = {c: is_iso2(c) for c in origin_country.unique()}
    flag(origin_country.ne("") & ~origin_country.map(codes), "origin_country",
         "unknown country (ISO 3166-1 alpha-2 code expected)")
    df["origin_country"] = origin_country

    coords = {}
    for prefix, place_col in (("", "location"), ("origin_", "origin_location")):
        lat_col, lon_col = f"{prefix}latitude", f"{prefix}longitude"
        lat, lon = _number(df[lat_col]), _number(df[lon_col])
        for col, num, limit in ((lat_col, lat, 90), (lon_col, lon, 180)):
            given = df[col].ne("")
            flag(given & num.isna(), col, "not a number")
            flag(num.notna() & ~np.isfinite(num), col, "not a finite number")
            flag(num.abs().gt(limit), col, f"out of range [-{limit}, {limit}]")
        flag(df[lat_col].ne("") & df[lon_col].eq(""), lon_col, f"{lat_col} is given but {lon_col} is empty")
        flag(df[lon_col].ne("") & df[lat_col].eq(""), lat_col, f"{lon_col} is given but {lat_col} is empty")
        coords[prefix] = (lat, lon)
    flag(df["latitude"].eq("") & df["longitude"].eq("") & df["location"].eq(""), "location",
         "no coordinates and no location to geocode")
    flag(df["origin_location"].eq("") & df["origin_country"].ne(""), "origin_location",
         "origin_country is given but origin_location is empty")

    fatalities = _number(df["fatalities"])
    given = df["fatalities"].ne("")
    flag(given & (fatalities.isna() | (fatalities % 1 != 0)), "fatalities", "not a whole number")
    flag(fatalities.lt(0), "fatalities", "negative fatalities")

    url = df["source_url"]
    ok_url = url.map(lambda u: u == "" or _is_http_url(u))
    flag(~ok_url, "source_url", "not an http(s) URL (only http:// and https:// links are allowed)")

    ids = df["event_id"]
    dup = ids.ne("") & ids.duplicated(keep="first")
    if dup.any():
        first_line = df.loc[ids.ne("")].drop_duplicates("event_id").set_index("event_id")["_line"]
        flag(dup, "event_id", ids.map(first_line).map(lambda n: f"duplicate event_id (first on line {n})"))

    errors = _collect(df, found, file)
    good = df.loc[~bad]
    out = pd.DataFrame({col: good[col] for col in TEXT_COLUMNS})
    out["event_date"] = dates[~bad].dt.normalize()
    for col in ("date_precision", "geo_precision", "fatalities"):
        out[col] = _number(good[col]).astype(DTYPES[col])
    for prefix, (lat, lon) in coords.items():
        out[f"{prefix}latitude"] = lat[~bad].astype("float64")
        out[f"{prefix}longitude"] = lon[~bad].astype("float64")
    return out[list(COLUMNS)].reset_index(drop=True), errors


def _collect(df: pd.DataFrame, found, file: str) -> list[RowError]:
    """RowErrors in file order (line, then the order the checks ran)."""
    items = []
    for order, (mask, column, values, reason) in enumerate(found):
        idx = mask[mask].index
        reasons = reason.loc[idx] if isinstance(reason, pd.Series) else [reason] * len(idx)
        for i, r in zip(idx, reasons):
            items.append((int(df.at[i, "_line"]), order, RowError(file, int(df.at[i, "_line"]), column,
                                                                 str(values.at[i]), str(r))))
    items.sort(key=lambda t: (t[0], t[1]))
    return [e for _, _, e in items]
