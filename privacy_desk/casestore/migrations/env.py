"""Alembic environment for the case store, driven programmatically.

The app passes an open connection in ``config.attributes["connection"]`` (see
:func:`privacy_desk.casestore.migrate.alembic_config`), so no alembic.ini and no URL
with a password ever has to exist on disk, and the same code runs in a frozen build.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from privacy_desk.casestore.models import Base

config = context.config
connection: Connection | None = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reachable by running the alembic CLI
    raise RuntimeError("Run case store migrations through privacy_desk.casestore.migrate.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things: batch mode rebuilds the table instead.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
