"""The district (admin2) of each event, as its file gave it ("" where none: the reader fills it from the point).

A village list's district is what tells a village from its namesake in another district of the same
governorate (issue 10); before this the store had no place for it, so ``db import`` dropped it and the
store placed events without coordinates from location, country and admin1 only. Existing rows get "".

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TABLES = ("events", "event_history")


def upgrade() -> None:
    # A plain ADD COLUMN on both engines (no table rebuild): SQLite and PostgreSQL 11+ add a column with a
    # constant default without rewriting the rows.
    for table in TABLES:
        op.add_column(table, sa.Column("admin2", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("admin2")
