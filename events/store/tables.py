"""The store's tables (SQLAlchemy Core), the same on SQLite and PostgreSQL.

``events`` holds the current version of every event: the event table's columns (events.schema.COLUMNS),
the district (``admin2``, as the imported file gave it), where its point came from (``geo_status``,
``geo_name``, ``geo_source``, ``geo_confidence`` as GEO_COLUMNS say it: "" for a row stored before migration
0003 or without coordinates, which a load reads as "given" / geocodes as before) and ``vague_point`` (the
point stands for an area larger than a governorate: nothing is filled from it),
an H3 cell for aggregates, provenance (where the row came from, when, by whom), ``revision`` (1 for a new
event, +1 on every change: the optimistic lock) and ``retired``. ``event_history`` holds every version ever
written, one row per revision, with the action, who, when and why; nothing is ever deleted from either.
On PostgreSQL the migration adds ``geom`` (PostGIS Point, SRID 4326, generated from longitude/latitude)
with a GiST index; SQLAlchemy never writes it.
"""
from __future__ import annotations

from sqlalchemy import (BigInteger, Boolean, Column, Date, DateTime, Float, Index, Integer, MetaData,
                        SmallInteger, String, Table, Text)

from ..schema import ADMIN2, COLUMNS, GEO_PROVENANCE, VAGUE

metadata = MetaData()

# H3 resolution of ``h3_cell`` (about 36 km² a hexagon; coarser cells are its parents). Source: h3 docs,
# https://h3geo.org/docs/core-library/restable
H3_RESOLUTION = 6

INT_COLUMNS = ("date_precision", "geo_precision", "fatalities")
FLOAT_COLUMNS = ("latitude", "longitude", "origin_latitude", "origin_longitude", "geo_confidence")
BOOL_COLUMNS = (VAGUE,)
# The event table's columns the store keeps: COLUMNS, the district (admin2, as the file gave it; "" where it
# had none), the point's geocoding provenance and the vague-point flag. Migration 0002 added admin2, 0003 the
# provenance (GEO_PROVENANCE) and the flag.
STORED_COLUMNS = (*COLUMNS, ADMIN2, *GEO_PROVENANCE, VAGUE)
TEXT_COLUMNS = tuple(c for c in STORED_COLUMNS
                     if c not in (*INT_COLUMNS, *FLOAT_COLUMNS, *BOOL_COLUMNS, "event_id", "event_date"))
# Columns a store adds to the event table.
PROVENANCE = ("provenance", "created_at", "created_by", "updated_at", "updated_by")
STATE = ("revision", "retired", "retired_reason")
EVENT_COLUMNS = (*STORED_COLUMNS, "h3_cell", *PROVENANCE, *STATE)
HISTORY_EXTRA = ("action", "changed_at", "changed_by", "reason")
HISTORY_COLUMNS = ("history_id", *HISTORY_EXTRA, *EVENT_COLUMNS)
ENTERED_IN_APP = "entered in the app"
# ``geo_source`` of a point an analyst entered or moved by hand in the store (``EventStore.add``/``update``)
ANALYST = "analyst"

_BigId = BigInteger().with_variant(Integer, "sqlite")  # SQLite autoincrements INTEGER PRIMARY KEY only


def _event_columns(primary: bool) -> list[Column]:
    cols: list[Column] = [Column("event_id", String(200), primary_key=primary, nullable=False),
                          Column("event_date", Date, nullable=False)]
    for name in STORED_COLUMNS[2:]:
        if name in INT_COLUMNS:
            cols.append(Column(name, Integer if name == "fatalities" else SmallInteger))
        elif name in FLOAT_COLUMNS:
            cols.append(Column(name, Float))
        elif name in BOOL_COLUMNS:
            cols.append(Column(name, Boolean, nullable=False, server_default="0"))
        else:
            cols.append(Column(name, Text, nullable=False, server_default=""))
    cols += [
        Column("h3_cell", String(16)),
        Column("provenance", Text, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("created_by", Text, nullable=False),
        Column("updated_at", DateTime(timezone=True), nullable=False),
        Column("updated_by", Text, nullable=False),
        Column("revision", Integer, nullable=False),
        Column("retired", Boolean, nullable=False, server_default="0"),
        Column("retired_reason", Text, nullable=False, server_default=""),
    ]
    return cols


events = Table("events", metadata, *_event_columns(primary=True))
Index("events_date", events.c.event_date)
Index("events_h3", events.c.h3_cell)

event_history = Table(
    "event_history", metadata,
    Column("history_id", _BigId, primary_key=True, autoincrement=True),
    Column("action", String(20), nullable=False),
    Column("changed_at", DateTime(timezone=True), nullable=False),
    Column("changed_by", Text, nullable=False),
    Column("reason", Text, nullable=False, server_default=""),
    *_event_columns(primary=False),
)
Index("event_history_event", event_history.c.event_id, event_history.c.revision)
