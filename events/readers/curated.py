"""The project's own layout: exactly ``events.schema.COLUMNS`` (extra columns ignored), and the
generic table people write by hand with those names. Dates ISO ``2024-04-21`` only. ``NA`` in
``country``/``origin_country`` is Namibia's ISO code, not a missing value.

A district column, where there is one, is read as ``admin2`` (``DISTRICT_COLUMNS``, first present
wins: our own export's ``admin2``, UCDP's ``adm_2``, OCHA's ``adm2_en``/``adm2_name``, humanitarian
lists' ``district``, and Iraq's ``qada``/``qadaa``): the geocoder uses it for rows without
coordinates (``events.geocoding``). Our own exports' ``admin1_source`` and ``admin2_source`` (the division as
the source spelled it, beside ``admin1``/``admin2`` written under their display names) are read back as
such (``events.schema.ADMIN1_SOURCE``, ``ADMIN2_SOURCE``), and so is their geocoding provenance
(``events.schema.GEO_PROVENANCE``: geo_status, geo_name, geo_source, geo_confidence), so a point the geocoder
found reads ``resolved`` again, not as one the file gave (``events.facts.keep_provenance``), and so is
the vague-point flag (``events.schema.VAGUE``: a UCDP point standing for the country fills no governorate)."""
from __future__ import annotations

import pandas as pd

from ..schema import ADMIN1_SOURCE, ADMIN2, ADMIN2_SOURCE, COLUMNS, GEO_PROVENANCE, VAGUE
from .base import DISTRICT, Layout

DISTRICT_COLUMNS = ("admin2", "adm_2", "adm2_en", "adm2_name", "district", "qada", "qadaa")


def to_raw(rows: pd.DataFrame) -> pd.DataFrame:
    raw = pd.DataFrame({col: rows[col] if col in rows else "" for col in COLUMNS}, index=rows.index)
    district = next((c for c in DISTRICT_COLUMNS if c in rows), None)
    if district is not None:
        raw[ADMIN2] = rows[district]
        raw.attrs[DISTRICT] = district
    for col in (ADMIN1_SOURCE, ADMIN2_SOURCE, *GEO_PROVENANCE, VAGUE):
        if col in rows:
            raw[col] = rows[col]
    return raw


CURATED = Layout(
    "curated", "curated event table", frozenset({"event_id", "event_date", "event_type", "location"}),
    ("%Y-%m-%d",), to_raw, excludes=frozenset({"event_id_cnty"}),
    keeps_na=frozenset({"country", "origin_country"}),
    mapping="columns by name (events/schema.py); the district from admin2, adm_2, adm2_en, adm2_name, "
            "district, qada or qadaa (the first present)",
)
LAYOUTS = (CURATED,)
