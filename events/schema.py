"""The event table: one row per event, ACLED-compatible where ACLED has the concept.

Every loader returns a pandas frame with exactly ``COLUMNS`` (in this order) so the
dashboard, exports and benchmarks never need to know which format a file came in.
"""
from __future__ import annotations

# ACLED's 6 event types and 25 sub-event types, exact spellings (ACLED codebook 2023+).
EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
SUB_EVENT_TYPES: dict[str, str] = {
    sub: event_type for event_type, subs in EVENT_TYPES.items() for sub in subs
}

# Column -> meaning. The order here is the order of every frame and export.
COLUMN_DOCS: dict[str, str] = {
    "event_id": "unique id within the file (ACLED event_id_cnty, UCDP id, or curated id)",
    "event_date": "date of the event (first day of the window when imprecise)",
    "date_precision": "1 day, 2 week, 3 month (ACLED time_precision)",
    "event_type": "one of ACLED's 6 event types",
    "sub_event_type": "one of ACLED's 25 sub-event types, consistent with event_type (may be empty)",
    "actor1": "main actor (the attacker / initiator)",
    "actor2": "other actor (the target), may be empty",
    "country": "ISO 3166-1 alpha-2 code of the country where the event happened",
    "admin1": "first-level administrative division (governorate / province)",
    "location": "the place as the source wrote it, e.g. 'Rumalyn'",
    "latitude": "WGS84 latitude; empty = to be geocoded from location",
    "longitude": "WGS84 longitude; empty = to be geocoded from location",
    "geo_precision": "1 the place itself, 2 near it / part of a region, 3 a region or province",
    "fatalities": "reported fatalities, integer >= 0; empty = unknown",
    "source": "who reported it (outlet, agency, dataset)",
    "source_url": "exact http(s) address of the report, when known",
    "notes": "free-text description",
    "origin_location": "for attacks launched from one place at another: where from",
    "origin_country": "ISO 3166-1 alpha-2 of the origin; alone when only the country is stated ('fired from Iran')",
    "origin_latitude": "origin latitude (empty = geocode origin_location)",
    "origin_longitude": "origin longitude (empty = geocode origin_location)",
}
COLUMNS: tuple[str, ...] = tuple(COLUMN_DOCS)

# Filled by the loader when it geocodes (admin2 also read from a file whose layout has a district).
GEO_COLUMNS: dict[str, str] = {
    "geo_status": "'given' (coordinates from the file), or the geocoder's resolved / ambiguous / unresolved",
    "geo_name": "the gazetteer place the location was matched to",
    "geo_source": "gazetteer the match came from",
    "geo_confidence": "geocoder confidence in [0, 1]",
    "admin2": "district: the file's own (ACLED admin2, UCDP adm_2, a generic file's admin2/district/qada column; "
              "the geocoder uses it for rows without coordinates), else that of the embedded polygon holding the "
              "point; admin1 is filled the same way when empty",
}

# The district column, where a layout has one: carried beside COLUMNS from the reader to the loaded
# frame (``readers`` map their own header to it; ``validate`` keeps it as text).
ADMIN2 = "admin2"

# The admin1 as the file gave it ("Nīnawá province", "Ninawa"; "" where the file had none and the loader
# filled it from the point), kept by a geocoding load beside ``admin1``. Exports write ``admin1`` under
# its one display name (``geodata.display.admin1_shown``: "Nineveh") and this column after it.
ADMIN1_SOURCE = "admin1_source"

# The district as the file gave it, kept beside ``admin2`` as ADMIN1_SOURCE beside admin1: exports write
# ``admin2`` under its one display name (``geodata.display.admin2_shown``: UCDP's "Mosul district" and
# IOM's "Mosul" both "Mosul") and this column after it ("" where the loader filled admin2 from the point).
ADMIN2_SOURCE = "admin2_source"

# Where a point came from, as an export written with the geocoder's columns says it (GEO_COLUMNS: our own
# ``convert --geocode``/``db export``/the app's download): carried from a file that has them (text; the
# loader reads ``geo_confidence`` as a number) so a point the geocoder found is not taken for one the source
# gave when the file is read again or imported into the store (``events.facts.keep_provenance``).
GEO_PROVENANCE: tuple[str, ...] = ("geo_status", "geo_name", "geo_source", "geo_confidence")

# The vague-point flag (``VAGUE_POINT`` below) as the loaded frame keeps it (a layout that sets it: UCDP),
# as exports write it (last column) and as the event store keeps it (migration 0003), so a store load or a
# file read again does not fill admin1/admin2 from such a point either.
VAGUE = "vague_point"

# Text columns carried beside COLUMNS from a file that has them to the loaded frame ("" where empty):
# the district, the admin1/admin2 source spellings our own exports write (read back as such, so a file
# written by ``convert``/``db export``/the app's download and read again is written out the same), and the
# geocoding provenance and the vague-point flag (``VAGUE``: "True"/"False" as our exports write it).
CARRIED: tuple[str, ...] = (ADMIN2, ADMIN1_SOURCE, ADMIN2_SOURCE, *GEO_PROVENANCE, VAGUE)

# Raw/validated column a reader may add (bool): the row's point stands for an area larger than one
# governorate (UCDP where_prec 5 a linear feature or vague region such as "Northern Iraq", 6 the
# country, 7 international waters), so the loader does not fill admin1/admin2 from it.
VAGUE_POINT = "_vague_point"

REQUIRED: tuple[str, ...] = ("event_id", "event_date", "event_type", "actor1", "country", "source")

DATE_PRECISIONS = {1: "day", 2: "week", 3: "month"}
GEO_PRECISIONS = {1: "the place itself", 2: "near the place / part of a region", 3: "a region or province"}

# pandas dtypes after loading (nullable where a value may be missing).
DTYPES: dict[str, str] = {
    "date_precision": "Int8",
    "geo_precision": "Int8",
    "fatalities": "Int32",
    "latitude": "float64",
    "longitude": "float64",
    "origin_latitude": "float64",
    "origin_longitude": "float64",
}
