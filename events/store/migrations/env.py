"""Alembic environment of the event store.

Run by ``events.store.migrate`` (programmatically, on the store's own connection, passed in
``config.attributes["connection"]``) or by the ``alembic`` command from the repository root
(``alembic upgrade head``; the URL is ``CONFLICTMAP_DB_URL`` or the default SQLite file).
"""
from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from events.store.tables import metadata

config = context.config


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    from events.store.engine import store_url

    engine = create_engine(config.get_main_option("sqlalchemy.url") or store_url())
    with engine.begin() as conn:
        context.configure(connection=conn, target_metadata=metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("the event store's migrations run online only")
run()
