"""Check event rows and type them, in two steps that every input shares:

1. ``coerce``: text columns (from CSV/GeoJSON readers) -> typed columns, flagging text that
   is not a date or a number;
2. ``check``: the rules on typed columns (codebook, ranges, future dates, URLs, duplicates,
   required fields). Parquet files, already typed, go straight to this step.

Every check is vectorised (a boolean mask over all rows, string rules evaluated once per
distinct value), so a million-row file validates in seconds. A row with any problem is
rejected and *every* problem it has is reported; all other rows load.
"""
from __future__ import annotations

import datetime as dt
from typing import Callable
from urllib.parse import urlsplit

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from geodata.countries import is_iso2

from .errors import RowError
from .placement import WithCodeWarnings, code_warnings, country_warnings
from .readers.countries import CODES_DISAGREE
from .readers.base import CLEAN, clean_text, to_python_text
from .schema import CARRIED, COLUMNS, DTYPES, EVENT_TYPES, REQUIRED, SUB_EVENT_TYPES, VAGUE_POINT

TEXT_COLUMNS = [c for c in COLUMNS if c not in DTYPES and c != "event_date"]
NUMBER_COLUMNS = [c for c in DTYPES]


class Findings:
    """Problems found so far: (mask, column, reason) in the order the checks ran."""

    def __init__(self, index: pd.Index):
        self.items: list[tuple[pd.Series, str, object]] = []
        self.bad = pd.Series(False, index=index)
        self.by_column: dict[str, pd.Series] = {}

    def flag(self, mask: pd.Series, column: str, reason) -> None:
        mask = pd.Series(mask, index=self.bad.index).fillna(False).astype(bool)
        if mask.any():
            self.bad |= mask
            self.by_column[column] = self.by_column.get(column, False) | mask
            self.items.append((mask, column, reason))

    def flagged(self, column: str) -> pd.Series:
        return self.by_column.get(column, pd.Series(False, index=self.bad.index))


def _map_unique(values: pd.Series, fn: Callable) -> pd.Series:
    """fn applied once per distinct value (a million rows of a few thousand names is cheap)."""
    uniques = pd.unique(values.to_numpy(dtype=object))
    return values.map(dict(zip(uniques, map(fn, uniques)))).astype(bool)


def _parse_dates(values: pd.Series, formats: tuple[str, ...]) -> pd.Series:
    """Text -> datetime64 (NaT where no form fits), each distinct text parsed once (a million
    events fall on a few thousand days)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    texts = pd.Series(np.asarray(uniques, dtype=object))
    parsed = pd.Series(pd.NaT, index=texts.index, dtype="datetime64[ns]")
    for fmt in formats:
        todo = parsed.isna() & texts.ne("")
        if not todo.any():
            break
        parsed[todo] = pd.to_datetime(texts[todo], format=fmt, errors="coerce")
    return pd.Series(parsed.to_numpy()[codes], index=values.index, dtype="datetime64[ns]")


NUMBER_RE = r"^[-+]?(?i:inf|infinity|nan|(\d+\.?\d*|\.\d+)(e[-+]?\d+)?)$"


def _number(values: pd.Series) -> pd.Series:
    """Stripped text -> float64 (NaN where empty or not a number), in Arrow's kernels."""
    try:
        if isinstance(values.dtype, pd.ArrowDtype):
            arr = values.array._pa_array
        else:
            arr = pa.array(values.to_numpy(dtype=object), type=pa.string(), from_pandas=True)
        ok = pc.match_substring_regex(arr, NUMBER_RE)
        num = pc.cast(pc.if_else(ok, arr, pa.scalar(None, pa.string())), pa.float64())
        return pd.Series(num.to_numpy(zero_copy_only=False), index=values.index, dtype="float64")
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        return pd.to_numeric(values.where(values.ne(""), None), errors="coerce")


def is_http_url(url: str) -> bool:
    """Only absolute http(s) links may become links; javascript:, data: and the rest never."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc) and not any(
        ch.isspace() or ord(ch) < 32 for ch in url
    )


def _describe(formats: tuple[str, ...]) -> str:
    """Date forms as a person reads them: "%d-%b-%y" -> "DD-Mon-YY"."""
    names = {"%Y": "YYYY", "%m": "MM", "%d": "DD", "%B": "Month", "%b": "Mon", "%y": "YY", "%H": "hh",
             "%M": "mm", "%S": "ss", "%f": "ffffff"}
    out = []
    for fmt in formats:
        for code, name in names.items():
            fmt = fmt.replace(code, name)
        if fmt not in out:
            out.append(fmt)
    return ", ".join(out)


def coerce(text: pd.DataFrame, date_formats: tuple[str, ...], found: Findings) -> pd.DataFrame:
    """Text columns -> typed columns; text that is not a date or number is flagged."""
    typed = pd.DataFrame(index=text.index)
    for col in TEXT_COLUMNS:
        typed[col] = text[col]
    for col in CARRIED:
        if col in text:
            typed[col] = text[col]
    for col in ("country", "origin_country"):  # upper case once per distinct code
        codes, uniques = pd.factorize(text[col], use_na_sentinel=False)
        upper = np.array([str(u).upper() for u in np.asarray(uniques, dtype=object)] + [""], dtype=object)
        typed[col] = pd.Series(upper[codes], index=text.index, dtype=object)
    dates = _parse_dates(text["event_date"], date_formats)
    found.flag(text["event_date"].ne("") & dates.isna(), "event_date",
               f"unparsable or impossible date (this layout's forms: {_describe(date_formats)}; "
               "day and month are never guessed)")
    typed["event_date"] = dates
    for col in NUMBER_COLUMNS:
        num = _number(text[col])
        found.flag(text[col].ne("") & num.isna(), col, "not a number" if "itude" in col else "not a whole number")
        typed[col] = num
    if "_extra_fields" in text:
        extra = pd.to_numeric(text["_extra_fields"], errors="coerce").fillna(0).astype(int)
        if (extra > 0).any():  # reasons only for the malformed rows, not a million formatted strings
            long = extra[extra > 0]
            found.flag(extra > 0, "(row)", long.map(lambda n: f"row has {n} more field(s) than the header"))
    if "_bad_geometry" in text:
        found.flag(text["_bad_geometry"].ne(""), "geometry", "geometry must be a Point with [longitude, latitude]")
    return typed


def check(df: pd.DataFrame, found: Findings, today: dt.date) -> None:
    """The rules every event obeys, on typed columns (text columns hold "" when empty)."""
    for col in REQUIRED:
        missing = df[col].isna() if col == "event_date" else df[col].eq("")
        found.flag(missing & ~found.flagged(col), col, "missing required field")
    found.flag(df["event_date"] > pd.Timestamp(today), "event_date", f"date in the future (after {today})")

    for col in ("date_precision", "geo_precision"):
        found.flag(df[col].notna() & ~df[col].isin([1, 2, 3]), col, "must be 1, 2 or 3")

    etype, sub = df["event_type"], df["sub_event_type"]
    found.flag(etype.ne("") & ~etype.isin(list(EVENT_TYPES)), "event_type",
               "unknown event type (expected one of ACLED's: " + ", ".join(EVENT_TYPES) + ")")
    found.flag(sub.ne("") & ~sub.isin(list(SUB_EVENT_TYPES)), "sub_event_type",
               "unknown sub-event type (not one of ACLED's 25)")
    # Each row's sub-event type against its event type, compared as codes of the distinct values.
    sub_codes, sub_values = pd.factorize(sub, use_na_sentinel=False)
    type_codes, type_values = pd.factorize(etype, use_na_sentinel=False)
    type_index = {v: i for i, v in enumerate(np.asarray(type_values, dtype=object))}
    expected = np.array([type_index.get(SUB_EVENT_TYPES.get(v), -1) if v in SUB_EVENT_TYPES else -2
                         for v in np.asarray(sub_values, dtype=object)], dtype=np.int64)[sub_codes]
    mismatch = pd.Series((expected != -2) & (expected != type_codes), index=df.index) & etype.isin(list(EVENT_TYPES))
    if mismatch.any():
        parent = sub[mismatch].astype(object).map(SUB_EVENT_TYPES)
        found.flag(mismatch, "sub_event_type",
                   parent[mismatch].map(lambda p: f"this sub-event type belongs to event type {p!r}"))

    for col in ("country", "origin_country"):
        values = df[col]
        found.flag(values.ne("") & ~_map_unique(values, is_iso2), col,
                   "unknown country (ISO 3166-1 alpha-2 code expected)")

    for prefix in ("", "origin_"):
        lat_col, lon_col = f"{prefix}latitude", f"{prefix}longitude"
        for col, limit in ((lat_col, 90), (lon_col, 180)):
            num = df[col]
            found.flag(num.notna() & ~np.isfinite(num.astype(float)), col, "not a finite number")
            found.flag(num.abs().gt(limit), col, f"out of range [-{limit}, {limit}]")
        lat_missing = df[lat_col].isna() & ~found.flagged(lat_col)
        lon_missing = df[lon_col].isna() & ~found.flagged(lon_col)
        found.flag(df[lat_col].notna() & lon_missing, lon_col, f"{lat_col} is given but {lon_col} is empty")
        found.flag(df[lon_col].notna() & lat_missing, lat_col, f"{lon_col} is given but {lat_col} is empty")
    found.flag(df["latitude"].isna() & df["longitude"].isna() & ~found.flagged("latitude")
               & ~found.flagged("longitude") & df["location"].eq(""), "location",
               "no coordinates and no location to geocode")
    # origin_country alone is a country-level origin ("missiles fired from Iran"): the drafter writes it
    # so, and the store refused its own drafts (nu8); nothing is geocoded or drawn for it

    fatalities = df["fatalities"]
    found.flag(fatalities.notna() & (fatalities % 1 != 0), "fatalities", "not a whole number")
    found.flag(fatalities.lt(0), "fatalities", "negative fatalities")

    url = df["source_url"]
    found.flag(url.ne("") & ~_map_unique(url, is_http_url), "source_url",
               "not an http(s) URL (only http:// and https:// links are allowed)")

    codes, _ = pd.factorize(df["event_id"])  # hashed as they are (Arrow text: no Python string per row)
    dup = df["event_id"].ne("") & pd.Series(pd.Series(codes).duplicated(keep="first").to_numpy(), index=df.index)
    if dup.any():
        ids = df["event_id"].astype(object)
        first = df.loc[ids.ne("") & ~ids.duplicated(keep="first"), ["event_id", "_line"]]
        first_line = pd.Series(first["_line"].to_numpy(), index=first["event_id"].astype(object))
        found.flag(dup, "event_id", ids[dup].map(first_line).map(lambda n: f"duplicate event_id (first on line {n})"))


def validate(raw: pd.DataFrame, file: str, date_formats: tuple[str, ...],
             today: dt.date | None = None) -> tuple[pd.DataFrame, list[RowError], list[RowError]]:
    """Text rows from a reader -> typed frame of the valid rows (columns ``COLUMNS``), errors (the
    rejected rows' problems) and warnings (kept rows whose coordinates lie away from their country,
    ``events.placement``)."""
    # Built column by column (no copy of the whole raw frame, no block consolidation).
    clean = raw.attrs.get(CLEAN, False)
    columns = {col: raw[col] if clean else clean_text(raw[col]) for col in COLUMNS}
    for col in CARRIED:     # the district, the admin1 source spelling: where the file has them ("" when empty)
        if col in raw:
            columns[col] = raw[col] if clean else clean_text(raw[col])
    columns["_line"] = raw["_line"]
    if "_extra_fields" in raw:
        columns["_extra_fields"] = raw["_extra_fields"]
    if "_bad_geometry" in raw:
        columns["_bad_geometry"] = raw["_bad_geometry"].fillna("").astype(str)
    if VAGUE_POINT in raw:      # the point stands for more than one governorate (readers.ucdp)
        columns[VAGUE_POINT] = raw[VAGUE_POINT].astype(bool)
    if CODES_DISAGREE in raw:   # the row's own country code names another country (readers.countries)
        columns[CODES_DISAGREE] = raw[CODES_DISAGREE]      # object text, "" where they agree
        columns["_country_written"] = raw["_country_written"] if "_country_written" in raw else raw["country"]
    text = pd.DataFrame(columns, index=raw.index, copy=False)
    found = Findings(text.index)
    typed = coerce(text, date_formats, found)
    typed["_line"] = text["_line"].to_numpy()
    check(typed, found, today or dt.date.today())
    return _finish(typed, found, text, file)


def _typed_dates(values: pd.Series) -> pd.Series:
    """A typed file's dates: datetimes as they are; text (plain, Arrow or categorical) read as ISO
    ``YYYY-MM-DD`` only, anything else NaT (reported as missing)."""
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        return pd.to_datetime(values, errors="coerce")
    text = values.astype(object).where(values.notna(), None)
    return pd.to_datetime(text, format="ISO8601", errors="coerce")


def validate_typed(frame: pd.DataFrame, file: str,
                   today: dt.date | None = None) -> tuple[pd.DataFrame, list[RowError], list[RowError]]:
    """An already typed frame (Parquet) -> the valid rows, errors and warnings as ``validate``;
    ``line`` is the row number."""
    typed = pd.DataFrame(index=frame.index)
    for col in TEXT_COLUMNS:
        values = frame[col] if col in frame else pd.Series("", index=frame.index)
        if isinstance(values.dtype, pd.CategoricalDtype):
            if "" not in values.cat.categories:
                values = values.cat.add_categories([""])
            typed[col] = values.fillna("")
        elif isinstance(values.dtype, pd.ArrowDtype):
            typed[col] = values.fillna("")
        else:
            typed[col] = values.fillna("").astype(str)
    for col in CARRIED:  # a Parquet file with a district / admin1_source column (our own export writes them)
        if col in frame:
            values = frame[col]
            typed[col] = values.astype(object).where(values.notna(), "").astype(str)
    typed["event_date"] = _typed_dates(frame["event_date"]) if "event_date" in frame else pd.NaT
    for col in NUMBER_COLUMNS:
        typed[col] = pd.to_numeric(frame[col], errors="coerce") if col in frame else np.nan
    typed["_line"] = np.arange(1, len(frame) + 1)
    found = Findings(typed.index)
    check(typed, found, today or dt.date.today())
    return _finish(typed, found, None, file)


def _finish(typed: pd.DataFrame, found: Findings, text: pd.DataFrame | None,
             file: str) -> tuple[pd.DataFrame, list[RowError], list[RowError]]:
    """The valid rows as the event table (text as Python strings, whatever the reader used), the
    errors and the kept rows' warnings. Built column by column: no copy of the whole table, no
    block consolidation."""
    errors = _collect(typed, found, text, file)
    keep = ~found.bad.to_numpy() if found.bad.any() else None
    kept = typed if keep is None else typed[keep]
    warnings = country_warnings(kept, kept["_line"].to_numpy(), file)
    if text is not None and CODES_DISAGREE in text:
        said = text[CODES_DISAGREE] if keep is None else text[CODES_DISAGREE][keep]
        written = text["_country_written"] if keep is None else text["_country_written"][keep]
        extra = code_warnings(kept, said, written, file)
        if extra:
            warnings = WithCodeWarnings(warnings, extra)
    columns = {}
    rows = pd.RangeIndex(len(typed) if keep is None else int(keep.sum()))
    for col in (*COLUMNS, *(c for c in CARRIED if c in typed)):
        values = typed[col] if keep is None else typed[col][keep]
        if col == "event_date":
            values = values.dt.normalize()
        elif col in DTYPES:
            values = _as_dtype(values, DTYPES[col])
        else:
            values = to_python_text(values)
        columns[col] = pd.Series(values._values, index=rows, dtype=values.dtype, copy=False)
    if text is not None and VAGUE_POINT in text:    # for the loader, which drops it after filling admin
        vague = text[VAGUE_POINT].to_numpy(dtype=bool)
        columns[VAGUE_POINT] = pd.Series(vague if keep is None else vague[keep], index=rows, copy=False)
    return pd.DataFrame(columns, copy=False), errors, warnings


def _as_dtype(values: pd.Series, dtype: str) -> pd.Series:
    """float64 -> the schema's dtype; a nullable integer built from data and mask directly (pandas'
    own cast checks every value in Python-level code), values out of its range by pandas' cast."""
    if dtype.startswith("Int") and values.dtype == "float64":
        numbers = values.to_numpy()
        missing = np.isnan(numbers)
        kind = np.dtype(dtype.lower())
        info = np.iinfo(kind)
        present = numbers[~missing]
        if not present.size or (present.min() >= info.min and present.max() <= info.max
                                and not (present % 1).any()):
            data = np.where(missing, 0, numbers).astype(kind)
            return pd.Series(pd.arrays.IntegerArray(data, missing), index=values.index)
    return values.astype(dtype)


def _collect(typed: pd.DataFrame, found: Findings, text: pd.DataFrame | None, file: str) -> list[RowError]:
    """RowErrors in file order (line, then the order the checks ran)."""
    items = []
    for order, (mask, column, reason) in enumerate(found.items):
        idx = mask[mask].index
        reasons = reason.loc[idx] if isinstance(reason, pd.Series) else [reason] * len(idx)
        source = text if text is not None and column in text else typed
        for i, why in zip(idx, reasons):
            line = int(typed.at[i, "_line"])
            value = _shown(source, i, column)
            items.append((line, order, RowError(file, line, column, value, str(why))))
    items.sort(key=lambda t: (t[0], t[1]))
    return [e for _, _, e in items]


def _shown(frame: pd.DataFrame, i, column: str) -> str:
    if column == "(row)":
        return str(frame.at[i, "_extra_fields"]) if "_extra_fields" in frame else ""
    if column == "geometry":
        return str(frame.at[i, "_bad_geometry"]) if "_bad_geometry" in frame else ""
    value = frame.at[i, column]
    if value is None or value is pd.NaT or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer() and column == "fatalities":
        return str(int(value))
    return str(value)
