"""The event store: current events and their full history; PostGIS point and GiST index on PostgreSQL.

Revision ID: 0001
Revises:
Create Date: 2026-11-30
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TEXT = ("event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "location", "source",
        "source_url", "notes", "origin_location", "origin_country")


def _event_columns(primary: bool) -> list:
    def text(name):
        return sa.Column(name, sa.Text, nullable=False, server_default="")
    return [
        sa.Column("event_id", sa.String(200), primary_key=primary, nullable=False),
        sa.Column("event_date", sa.Date, nullable=False),
        sa.Column("date_precision", sa.SmallInteger),
        text("event_type"), text("sub_event_type"), text("actor1"), text("actor2"), text("country"),
        text("admin1"), text("location"),
        sa.Column("latitude", sa.Float), sa.Column("longitude", sa.Float),
        sa.Column("geo_precision", sa.SmallInteger),
        sa.Column("fatalities", sa.Integer),
        text("source"), text("source_url"), text("notes"), text("origin_location"), text("origin_country"),
        sa.Column("origin_latitude", sa.Float), sa.Column("origin_longitude", sa.Float),
        sa.Column("h3_cell", sa.String(16)),
        sa.Column("provenance", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.Text, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("retired", sa.Boolean, nullable=False, server_default="0"),
        sa.Column("retired_reason", sa.Text, nullable=False, server_default=""),
    ]


def upgrade() -> None:
    op.create_table("events", *_event_columns(primary=True))
    op.create_index("events_date", "events", ["event_date"])
    op.create_index("events_h3", "events", ["h3_cell"])
    op.create_table(
        "event_history",
        sa.Column("history_id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True,
                  autoincrement=True),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False, server_default=""),
        *_event_columns(primary=False),
    )
    op.create_index("event_history_event", "event_history", ["event_id", "revision"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS postgis")
        op.execute(
            "ALTER TABLE events ADD COLUMN geom geometry(Point, 4326) GENERATED ALWAYS AS ("
            "CASE WHEN latitude IS NOT NULL AND longitude IS NOT NULL "
            "THEN ST_SetSRID(ST_MakePoint(longitude, latitude), 4326) END) STORED")
        op.execute("CREATE INDEX events_geom ON events USING GIST (geom)")


def downgrade() -> None:
    op.drop_table("event_history")
    op.drop_table("events")
