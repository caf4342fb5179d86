"""A user's own event file: what it really is, what it may expand to, load (validate + geocode), and
what to tell them about it.

Every limit is checked before the data is materialised, so one upload stays inside a stated
memory budget whatever it claims or compresses to:

- bytes on the wire: ``MAX_UPLOAD_MB`` (the one upload limit: the widget's label, this check and
  Streamlit's ``server.maxUploadSize`` in .streamlit/config.toml all say the same number);
- what the file is: sniffed from its first bytes (``dashboard.sniff``); a name that promises CSV,
  GeoJSON, Excel or Parquet is read as that or refused, never as something else; compressed files
  and archives are never decompressed;
- rows: ``MAX_UPLOAD_ROWS``, from a Parquet footer or while the text is read;
- Parquet: the declared uncompressed size, then each text column read dictionary-encoded (never
  expanded) to measure its longest value and the text it would expand to (``MAX_FIELD_CHARS``,
  ``MAX_EXPANDED_BYTES``) -- a 21 KB file can hold one 5,000,000-character value used by 400 rows;
- xlsx: the zip directory's uncompressed sizes (``MAX_XLSX_UNCOMPRESSED``) before any member is read;
- at most ``MAX_CONCURRENT_PARSES`` uploads are parsed at once per process; the rest wait their turn.

``MEMORY_BUDGET_MB`` is the peak a single worst-case accepted upload was measured to add to a
process (``benchmarks/upload_memory.py``); with the parse limit, uploads add at most
``MAX_CONCURRENT_PARSES`` times that while parsing.
"""
from __future__ import annotations

import io
import logging
import threading
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from events import LoadError, LoadResult, TooManyRows, load_bytes
from events.facts import has_coordinates
from events.schema import COLUMNS

from .sniff import COMPRESSED, DESCRIBED, TEXT_KINDS, sniff, utf16_codec

MAX_UPLOAD_MB = 50
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024
MAX_UPLOAD_ROWS = 200_000  # checked while reading, before validation and geocoding
MAX_FIELD_CHARS = 100_000  # longest text value in one cell (a long ACLED note is ~2,000)
MAX_EXPANDED_BYTES = MAX_UPLOAD_BYTES  # text a Parquet file may expand to: no more than a CSV upload can carry
MAX_XLSX_UNCOMPRESSED = 4 * MAX_UPLOAD_BYTES  # a sheet's XML is about 3-4x the same table as CSV
MAX_CONCURRENT_PARSES = 2
MEMORY_BUDGET_MB = 700  # measured worst accepted upload: 602 MB (49 MB CSV, 200,000 rows), see benchmarks/upload_memory.py

# What each file name promises, and the sniffed kinds that keep the promise.
PROMISES = {
    "csv": ("CSV text", TEXT_KINDS), "tsv": ("CSV text", TEXT_KINDS), "txt": ("CSV text", TEXT_KINDS),
    "geojson": ("GeoJSON text", TEXT_KINDS), "json": ("GeoJSON text", TEXT_KINDS),
    "parquet": ("a Parquet file", ("parquet",)),
    "xlsx": ("an Excel workbook", ("xlsx",)),
}

_parsing = threading.BoundedSemaphore(MAX_CONCURRENT_PARSES)
log = logging.getLogger(__name__)


def xlsx_readable() -> bool:
    """Whether the events package reads Excel workbooks (the readers registry's xlsx layout)."""
    from events import readers

    return "xlsx" in readers.FORMATS


def accepted_types() -> list[str]:
    """The file name endings the upload box offers."""
    return ["csv", "tsv", "txt", "geojson", "json", "parquet"] + (["xlsx"] if xlsx_readable() else [])


ACCEPTED_TYPES = accepted_types()


def upload_limit_text() -> str:
    """The upload limit as every label states it."""
    return f"up to {MAX_UPLOAD_MB} MB and {MAX_UPLOAD_ROWS:,} events"


class Refused(Exception):
    """The upload is refused before it is parsed; ``str(exc)`` is the message for the user."""


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
    """Sniff, bound, validate and geocode an uploaded file; never raises for a bad file.

    ``data`` is the whole upload, ``name`` the file name the browser gave (shown in messages,
    never a server path). The returned ``Upload`` has either ``result`` or ``error``."""
    notes: list[str] = []
    try:
        data = _admit(data, name, notes)
        with _parsing:
            result = load_bytes(data, name, progress=progress, max_rows=MAX_UPLOAD_ROWS)
    except Refused as exc:
        return Upload(name, error=str(exc))
    except TooManyRows as exc:
        return Upload(name, error=_too_many(name, exc.limit))
    except LoadError as exc:
        return Upload(name, error=f"{name} could not be read: {exc.reason}")
    except Exception:  # noqa: BLE001 - a reader's bug must not end the session; the log keeps the details
        log.exception("reading upload %r failed", name)
        return Upload(name, error=f"{name} could not be read: the reader failed on it (logged on the server). "
                                  "Check the file, or save it as CSV (UTF-8) and try again.")
    upload = Upload(name, result=result, notes=notes)
    kept = len(result.frame)
    upload.notes.append(f"{name}: {result.label} layout, {result.rows} rows read, "
                        f"{kept} kept, {result.rejected} rejected.")
    if result.rows == 0:
        upload.error = f"{name} has a header but no event rows."
    elif kept == 0:
        upload.error = f"Every row of {name} was rejected; see the reasons below."
    else:
        warned = result.warned
        if warned:
            upload.notes.append(f"{warned} kept row(s) have coordinates that lie away from their country; "
                                "they are on the map as given (listed below).")
        if result.district_note():
            upload.notes.append(result.district_note()[:1].upper() + result.district_note()[1:] + ".")
        unplaced = ~has_coordinates(result.frame)
        if unplaced.any():
            off = int(unplaced.sum())
            status = result.frame["geo_status"].astype(str)
            ambiguous = int((unplaced & status.eq("ambiguous")).sum())
            # "unresolved" with a candidate: one place fits, but answers of its kind were measured below
            # the 95% within 25 km that placing needs; its name is in the table (geo_name), not drawn
            unsure = int((unplaced & status.eq("unresolved") & result.frame["geo_name"].astype(str).ne("")).sum())
            found_none = off - ambiguous - unsure
            said = [f"{found_none} name a place the gazetteer could not find"] if found_none else []
            said += [f"{unsure} name a place the gazetteer has but could not confirm (one candidate, named "
                     "in the table as the matched place; not drawn)"] if unsure else []
            said += [f"{ambiguous} name a place that more than one place fits (not drawn: the likeliest "
                     "may be far off; choose the event in the table to see it)"] if ambiguous else []
            upload.notes.append(f"{off} event(s) are in the table but not on the map: "
                                + "; ".join(said) + ".")
    return upload


def _too_many(name: str, limit: int) -> str:
    return (f"{name} has more than {limit:,} events; an upload may have at most {limit:,}. "
            "Split the file or filter it before uploading.")


def _admit(data: bytes, name: str, notes: list[str]) -> bytes:
    """The bytes to parse (UTF-16/32 text re-encoded as UTF-8), after every check that needs no
    parsing; raises Refused with the user's message."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise Refused(f"{name} is {len(data) / 1_048_576:.1f} MB; the limit is {MAX_UPLOAD_MB} MB. "
                      "Split the file or filter it before uploading.")
    if not data.strip():
        raise Refused(f"{name} is empty.")
    kind = sniff(data)
    ending = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    promised, keeps = PROMISES.get(ending, (None, None))
    if kind in COMPRESSED:
        raise Refused(f"{name} is {DESCRIBED[kind]}, not {promised or 'an event file'}. "
                      "Decompress it and upload the file inside.")
    if promised is not None and kind not in keeps:
        hint = {"parquet": " To upload it as Parquet, name it .parquet.",
                "xlsx": " Save the sheet as CSV (UTF-8), or name it .xlsx." if xlsx_readable()
                else " Save the sheet as CSV (UTF-8) and upload that.",
                "ole": " Save it as CSV (UTF-8) and upload that.",
                "zip": " Unpack it and upload the file inside."}.get(kind, "")
        raise Refused(f"{name} is {DESCRIBED[kind]}, not {promised}; it was not read.{hint}")
    if kind in ("utf-16", "utf-32"):
        data = _reencode(data, name, kind, notes)
    if kind in TEXT_KINDS:
        looks_json = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")
        if promised == "CSV text" and looks_json:
            raise Refused(f"{name} is JSON text, not CSV text; it was not read. To upload it as GeoJSON, "
                          "name it .geojson.")
        if promised == "GeoJSON text" and not looks_json:
            raise Refused(f"{name} is not JSON text, so not GeoJSON; it was not read. If it is CSV, name it .csv.")
        return data
    if kind == "parquet":
        check_parquet(data, name)
    elif kind == "xlsx":
        if not xlsx_readable():
            raise Refused(f"{name} is an Excel workbook; this server cannot read those yet. "
                          "Save the sheet as CSV (UTF-8) and upload that.")
        check_zip(data, name)
    else:
        raise Refused(f"{name} is {DESCRIBED[kind]}, not CSV, GeoJSON or Parquet; it was not read.")
    return data


def _reencode(data: bytes, name: str, kind: str, notes: list[str]) -> bytes:
    codec = utf16_codec(data) if kind == "utf-16" else "utf-32"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise Refused(f"{name} starts like {DESCRIBED[kind]} but is not valid {kind.upper()} "
                      f"(at byte {exc.start:,}); save it as UTF-8.") from None
    notes.append(f"{name} is {kind.upper()} text; it was read as {kind.upper()}.")
    return text.lstrip("\ufeff").encode("utf-8")


def check_parquet(data: bytes, name: str) -> None:
    """Refuse (Refused, TooManyRows) a Parquet file that would expand past the limits, reading
    only its footer and its text columns dictionary-encoded, one row group at a time.

    Limits: ``MAX_UPLOAD_ROWS`` rows (footer); ``MAX_EXPANDED_BYTES`` declared uncompressed column
    data (footer); each text value at most ``MAX_FIELD_CHARS`` characters and all text at most
    ``MAX_EXPANDED_BYTES`` bytes once every row holds its own copy (as pandas would make it)."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    limit_mb = MAX_EXPANDED_BYTES / 1_048_576
    try:
        meta_file = pq.ParquetFile(pa.BufferReader(data), thrift_string_size_limit=MAX_UPLOAD_BYTES,
                                   thrift_container_size_limit=1_000_000)
        meta = meta_file.metadata
        if meta.num_rows > MAX_UPLOAD_ROWS:
            raise TooManyRows(name, MAX_UPLOAD_ROWS)
        schema = meta_file.schema_arrow
        wanted = [c for c in COLUMNS if c in schema.names]
        declared = sum(meta.row_group(g).column(c).total_uncompressed_size
                       for g in range(meta.num_row_groups) for c in range(meta.num_columns)
                       if meta.row_group(g).column(c).path_in_schema in wanted)
        if declared > MAX_EXPANDED_BYTES:
            raise Refused(f"{name} expands to {declared / 1_048_576:,.0f} MB of data; an upload may expand "
                          f"to at most {limit_mb:,.0f} MB. Split the file or filter it before uploading.")
        text = [c for c in wanted if _is_text(schema.field(c).type)]
        odd = [c for c in wanted if c not in text and _is_nested(schema.field(c).type)]
        if odd:
            raise Refused(f"{name}: column {odd[0]} holds lists or records, not values; it was not read.")
        reader = pq.ParquetFile(pa.BufferReader(data), read_dictionary=text)
        total = 0
        for group in range(meta.num_row_groups):
            for column in text:
                values = reader.read_row_group(group, columns=[column]).column(0)
                for chunk in values.chunks:
                    if pa.types.is_dictionary(chunk.type):
                        lengths = pc.utf8_length(chunk.dictionary).take(chunk.indices)
                    else:
                        lengths = pc.utf8_length(chunk)
                    longest = pc.max(lengths).as_py() or 0
                    if longest > MAX_FIELD_CHARS:
                        raise Refused(f"{name}: a value in column {column} is {longest:,} characters long; "
                                      f"an upload's values may be at most {MAX_FIELD_CHARS:,}. It was not read.")
                    total += pc.sum(lengths).as_py() or 0
                if total > MAX_EXPANDED_BYTES:
                    raise Refused(f"{name} expands to more than {limit_mb:,.0f} MB of text; an upload may expand "
                                  f"to at most {limit_mb:,.0f} MB. Split the file or filter it before uploading.")
                del values
    except (pa.ArrowException, OSError) as exc:
        raise Refused(f"{name} could not be read: not a readable Parquet file ({exc})") from None


def _is_text(kind) -> bool:
    import pyarrow as pa

    if pa.types.is_dictionary(kind):
        kind = kind.value_type
    return pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_string_view(kind) \
        or pa.types.is_binary(kind) or pa.types.is_large_binary(kind)


def _is_nested(kind) -> bool:
    import pyarrow as pa

    return pa.types.is_nested(kind)


def check_zip(data: bytes, name: str) -> None:
    """Refuse (Refused) a zip (an xlsx) whose members would decompress past ``MAX_XLSX_UNCOMPRESSED``,
    from its central directory, before any member is decompressed."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise Refused(f"{name} could not be read: not a readable workbook ({exc})") from None
    if len(members) > 10_000:
        raise Refused(f"{name} has {len(members):,} parts; a workbook has a few dozen. It was not read.")
    expanded = sum(m.file_size for m in members)
    if expanded > MAX_XLSX_UNCOMPRESSED:
        raise Refused(f"{name} expands to {expanded / 1_048_576:,.0f} MB; an upload may expand to at most "
                      f"{MAX_XLSX_UNCOMPRESSED / 1_048_576:,.0f} MB. Split the file or filter it before uploading.")


def errors_frame(result: LoadResult | None, warnings: bool = False, limit: int | None = None) -> pd.DataFrame:
    """The rejected rows, one line per problem (``warnings``: the kept rows' warnings), for a table;
    the first ``limit`` problems when given."""
    errors = [] if result is None else (result.warnings if warnings else result.errors)
    errors = errors[:limit] if limit is not None else errors
    return pd.DataFrame([{"line": e.line, "column": e.column, "value": e.value, "reason": e.reason}
                         for e in errors], columns=["line", "column", "value", "reason"])
