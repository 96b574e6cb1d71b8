"""A database on a PostgreSQL server (an office's or a city's shared database), named by a URL, never a file path.

`talentdesk --db postgresql://clerk@db.office.lan/talentdesk` (or `postgresql+psycopg://…`) names a server database.
The password is never kept in clear: given once (in the URL, the wizard or when asked), it goes to this PC's
protected store (store/keystore.py: the system keyring, Windows DPAPI, or a file only this user can read) once the
server has accepted it, and is read from there next time. It is never written to a log, the audit trail or a
message (`ServerTarget.display()` has no password). TLS is used whenever the server offers it (sslmode=prefer
unless the URL asks for more, e.g. `?sslmode=verify-full`).
"""
from __future__ import annotations

import getpass
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from talentdesk.domain.errors import InputFileError, StorageError
from talentdesk.i18n import translate
from talentdesk.store.targets import SERVER_SCHEMES, names_server

log = logging.getLogger(__name__)

DEFAULT_PORT = 5432
DRIVER = "postgresql+psycopg"
CONNECT_TIMEOUT_S = 10


class ServerError(StorageError):
    """The server database cannot be reached or used. `kind`: unreachable, password, refused, no-database,
    permission, tls, driver."""

    def __init__(self, message: str, *, kind: str = ""):
        super().__init__(message)
        self.kind = kind


def is_server_url(target: object) -> bool:
    """Whether `target` names a server database. A `Path` made of a URL (which folds `//` into `/`) counts too, so
    such a path is never taken for a file name."""
    return isinstance(target, ServerTarget) or names_server(target)


@dataclass(frozen=True, slots=True)
class ServerTarget:
    """Where a server database is: host, port, database, user and connection options — never the password."""

    host: str
    port: int
    database: str
    user: str
    options: tuple[tuple[str, str], ...] = ()

    def display(self) -> str:
        """The address as shown to people and written to logs (no password)."""
        return f"postgresql://{self.user}@{self.host}:{self.port}/{self.database}"

    def __str__(self) -> str:
        return self.display()

    @property
    def key_name(self) -> str:
        """The name its password has in this PC's protected store (a password belongs to the server's account, not to
        one of its databases)."""
        return f"{self.user}@{self.host}:{self.port}"

    def url(self, password: str | None = None) -> URL:
        query = dict(self.options)
        return URL.create(DRIVER, username=self.user, password=password or None, host=self.host, port=self.port,
                          database=self.database, query=query)

    @property
    def sslmode(self) -> str:
        return dict(self.options).get("sslmode", "prefer")


def parse_server_url(text: str | Path) -> tuple[ServerTarget, str | None]:
    """The server and (when the URL carries one) the password. A URL that is not a usable PostgreSQL address is an
    InputFileError naming what is missing."""
    raw = str(text).strip()
    if raw.lower().startswith(SERVER_SCHEMES) and "://" not in raw:  # a Path folded `//` into `/`
        scheme, _, rest = raw.partition(":")
        raw = f"{scheme}://{rest.lstrip('/')}"
    try:
        url = make_url(raw)
    except (ArgumentError, ValueError):
        raise InputFileError(translate(
            "Server", "{url} is not a database server address. Write it as "
                      "postgresql://user@host:5432/database").format(url=_without_password(raw)), field="db") from None
    if url.get_backend_name() != "postgresql":
        raise InputFileError(translate("Server", "Only PostgreSQL servers are supported, not {scheme}.").format(
            scheme=url.drivername), field="db")
    if not url.database:
        raise InputFileError(translate(
            "Server", "The server address {url} names no database. Write it as "
                      "postgresql://user@host:5432/database").format(url=_without_password(raw)), field="db")
    try:
        port = int(url.port or DEFAULT_PORT)
    except ValueError:
        raise InputFileError(translate("Server", "The port in {url} is not a number.").format(
            url=_without_password(raw)), field="db") from None
    options = tuple(sorted((k, str(v if isinstance(v, str) else v[-1])) for k, v in url.query.items()
                           if k not in ("password",)))
    user = url.username or _os_user()
    host = url.host or dict(options).get("host") or "localhost"
    return ServerTarget(host, port, url.database, user, options), (url.password or None)


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in some service contexts
        return "postgres"


def _without_password(raw: str) -> str:
    try:
        return make_url(raw).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - whatever it is, the text after '@' carries no password
        return raw.rpartition("@")[2] if "@" in raw else raw


# ------------------------------------------------------------------ the password, kept on this PC

def _secret_name(target: ServerTarget) -> str:
    import hashlib

    return "server-" + hashlib.sha256(target.key_name.encode()).hexdigest()[:24]  # a file name on every system


def stored_password(target: ServerTarget) -> str | None:
    from talentdesk.store import keystore

    secret = keystore.read_secret(_secret_name(target))
    return secret.get("password") if secret else None


def remember_password(target: ServerTarget, password: str) -> None:
    from talentdesk.store import keystore

    if stored_password(target) == password:
        return
    keystore.store_secret(_secret_name(target), {"server": target.key_name, "password": password})


def forget_password(target: ServerTarget) -> None:
    from talentdesk.store import keystore

    keystore.delete_secret(_secret_name(target))


# ------------------------------------------------------------------ the engine

def make_server_engine(target: ServerTarget, password: str | None, *, echo: bool = False) -> Engine:
    """An engine on the server. TLS when offered (sslmode=prefer unless the URL asks otherwise); a 10-second connect
    timeout so an unreachable server is said, not waited on."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise ServerError(translate(
            "Server", "This copy of TalentDesk cannot connect to a PostgreSQL server: the psycopg driver is not "
                      "installed (pip install \"psycopg[binary]\")."), kind="driver") from None
    connect_args = {"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "TalentDesk"}
    if "sslmode" not in dict(target.options):
        connect_args["sslmode"] = "prefer"
    engine = create_engine(target.url(password), echo=echo, pool_pre_ping=True, pool_size=5, max_overflow=5,
                           hide_parameters=True, connect_args=connect_args)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        scope = getattr(engine, "td_scope", None)  # the county the program acts for (store/scope.py)
        if scope is not None:
            scope(dbapi_conn)

    return engine


def connection_fault(exc: BaseException, target: ServerTarget | None = None) -> ServerError | None:
    """What the server (or the network) said, as a message in the user's language; None when it is not one of
    these. Every message names the server without the password."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).lower()
    sqlstate = getattr(orig, "sqlstate", None) or getattr(getattr(orig, "diag", None), "sqlstate", None)
    where = target.display() if target else translate("Server", "the database server")
    user = target.user if target else ""
    if "password authentication failed" in text or "no password supplied" in text or sqlstate == "28P01" \
            or ("role" in text and "does not exist" in text):
        return ServerError(translate(
            "Server", "The server {server} did not accept the user name {user} with this password; nothing was "
                      "changed. Check the user name and password (ask the server's administrator).").format(
            server=where, user=user), kind="password")
    if "no pg_hba.conf entry" in text or sqlstate == "28000":
        return ServerError(translate(
            "Server", "The server {server} does not let this PC or user in (its pg_hba.conf has no entry for them). "
                      "Ask the server's administrator to allow this PC.").format(server=where), kind="refused")
    if "database" in text and "does not exist" in text or sqlstate == "3D000":
        return ServerError(translate(
            "Server", "There is no database named {name} on the server {server}. Check the name, or ask the server's "
                      "administrator to create it.").format(name=target.database if target else "", server=where), kind="no-database")
    if sqlstate == "42501" or "permission denied" in text or "row-level security" in text:
        return ServerError(translate(
            "Server", "The server refused this: the account has no permission for it (or the record belongs to "
                      "another county). Nothing was changed."), kind="permission")
    if "ssl" in text and ("required" in text or "not support" in text or "certificate" in text):
        return ServerError(translate(
            "Server", "A secure (TLS) connection to {server} could not be made: {error}").format(
            server=where, error=str(orig).strip().splitlines()[0][:200]), kind="tls")
    if any(s in text for s in ("connection refused", "could not translate host name", "timeout expired",
                               "no route to host", "network is unreachable", "could not connect",
                               "name or service not known", "connection timed out", "server closed the connection",
                               "terminating connection", "connection is closed", "consuming input failed",
                               "the connection is lost", "connection to server")):
        return ServerError(translate(
            "Server", "The database server {server} cannot be reached (it is off, the address is wrong, or the "
                      "network is down); nothing was changed. Check the address and the network, then try "
                      "again.").format(server=where), kind="unreachable")
    return None


def check_connection(engine: Engine, target: ServerTarget) -> None:
    """Connect once; a refusal is a ServerError that says why."""
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except DBAPIError as exc:
        named = connection_fault(exc, target)
        if named is not None:
            log.warning("cannot connect to %s: %s", target.display(), type(exc.orig).__name__)
            raise named from None
        raise


def open_server_engine(target: ServerTarget, password: str | None = None, *, ask_password=None) -> Engine:
    """Connect to the server with the password given, else the one kept on this PC, else the one `ask_password()`
    returns (the CLI asks on its terminal, the window in a dialog); a password given or asked for is kept on this
    PC once the server has accepted it. A wrong password kept on this PC is forgotten."""
    given = password
    if password is None:
        password = stored_password(target)
    engine = make_server_engine(target, password)
    try:
        check_connection(engine, target)
    except ServerError as exc:
        engine.dispose()
        if exc.kind != "password":
            raise
        if given is None and password is not None:
            forget_password(target)  # the kept one is stale (changed on the server)
        asked = ask_password(target) if ask_password is not None else None
        if not asked:
            raise
        given = password = asked
        engine = make_server_engine(target, password)
        try:
            check_connection(engine, target)
        except ServerError:
            engine.dispose()
            raise
    if given:
        remember_password(target, given)
    return engine
