"""Alembic environment. The program hands us its connection (config.attributes["connection"]) and migrates
itself at start; `python -m talentdesk.devtools.revision` uses a scratch database for autogenerate."""
from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from talentdesk.domain.models import Base

config = context.config
target_metadata = Base.metadata


def include_name(name, type_, parent_names) -> bool:
    """Full-text index tables (talents_fts and its shadow tables) are made by hand in a migration, not by models."""
    return not (type_ == "table" and name and name.startswith("talents_fts"))


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_name=include_name,
        render_as_batch=True,
        compare_type=True,
        compare_server_default=False,
        transaction_per_migration=False,
    )


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    url = config.get_main_option("sqlalchemy.url")
    engine = create_engine(url)
    with engine.begin() as conn:
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():  # pragma: no cover - SQL scripts are not used by the program
    raise SystemExit("TalentDesk migrates online only")
run_migrations_online()
