"""Where each event's point came from (geo_status, geo_name, geo_source, geo_confidence) and the vague-point flag.

Before this the store kept only coordinates: ``db import`` of a ``db export --geocode`` file stored the
geocoder's points as plain coordinates, so after the round trip every point read "given" (as if the source
had given it) and the analyst could no longer tell a geocoded guess from a source's own point (issue 10).
And a UCDP point standing for a country or a vague region (where_prec 5-7, ``events.schema.VAGUE_POINT``)
was flagged on a file load but not kept, so a store load filled admin1/admin2 from a country-wide point.

Names and types as ``events.schema.GEO_COLUMNS``: text ("" where unknown) and a float in [0, 1]. Existing
rows get "" / NULL / false, which a load reads as today: "given" (source "file") with coordinates,
geocoded from the place name without.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TABLES = ("events", "event_history")
TEXT = ("geo_status", "geo_name", "geo_source")


def upgrade() -> None:
    # Plain ADD COLUMNs with constant defaults (as 0002): no table rebuild on SQLite or PostgreSQL 11+.
    for table in TABLES:
        for name in TEXT:
            op.add_column(table, sa.Column(name, sa.Text, nullable=False, server_default=""))
        op.add_column(table, sa.Column("geo_confidence", sa.Float))
        op.add_column(table, sa.Column("vague_point", sa.Boolean, nullable=False, server_default="0"))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            for name in (*TEXT, "geo_confidence", "vague_point"):
                batch.drop_column(name)
