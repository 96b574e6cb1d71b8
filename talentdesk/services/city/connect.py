"""Checking a server database before the program moves onto it (the first-run wizard's server page)."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import inspect

from talentdesk.domain.errors import ValidationError
from talentdesk.i18n import translate
from talentdesk.services.base import Lane, operation
from talentdesk.store import server as srv


@dataclass(frozen=True, slots=True)
class ServerCheck:
    address: str          # postgresql://user@host:port/database (no password)
    server_version: str
    tls: bool             # the connection is encrypted
    has_data: bool        # TalentDesk's tables are there already


def server_address(*, host: str, port: int | str, database: str, user: str) -> str:
    """The address the form's fields make (checked: every field filled, the port a number)."""
    host, database, user = host.strip(), database.strip(), user.strip()
    if not host or not database or not user:
        raise ValidationError(translate("Server", "Fill in the server, the database and the user name."),
                              field="host" if not host else "database" if not database else "user")
    try:
        port = int(str(port).strip() or srv.DEFAULT_PORT)
    except ValueError:
        raise ValidationError(translate("Server", "The port must be a number (usually 5432)."),
                              field="port") from None
    if not 0 < port < 65536:
        raise ValidationError(translate("Server", "The port must be a number (usually 5432)."), field="port")
    return srv.ServerTarget(host, port, database, user).display()


@operation(None, lane=Lane.NO_DATABASE)
def check_server(*, address: str, password: str | None = None) -> ServerCheck:
    """Connect once with this password (or the one kept on this PC); on success the password is kept in this PC's
    protected store and never anywhere else."""
    target, given = srv.parse_server_url(address)
    engine = srv.open_server_engine(target, password or given)
    try:
        with engine.connect() as conn:
            version = conn.exec_driver_sql("SHOW server_version").scalar() or ""
            tls = bool(conn.exec_driver_sql(
                "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").scalar())
        has_data = "talents" in set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
    return ServerCheck(target.display(), str(version), tls, has_data)
