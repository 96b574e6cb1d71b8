"""Clean-up shared by the server tests: a test database is dropped after ending its own client sessions.

Only client sessions of roles that are not superusers are ended: CI's role (CREATEROLE, not a superuser) may not
end a superuser's process, and the server's own workers on that database (autovacuum, just after a restore) are
ended by DROP DATABASE itself."""
from __future__ import annotations

from sqlalchemy import text


def drop_database(conn, name: str) -> None:
    conn.execute(text(
        "SELECT pg_terminate_backend(a.pid) FROM pg_stat_activity a JOIN pg_roles r ON r.oid = a.usesysid "
        "WHERE a.datname = :n AND a.pid <> pg_backend_pid() AND a.backend_type = 'client backend' "
        "AND NOT r.rolsuper"), {"n": name})
    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
