"""Actor, permissions, the audit hook and the unit of work — each in one place.

Thread rule: `Database` may be shared between threads; each `Database.session()` belongs to the thread that opened it.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import enum
import functools
import json
import logging
import operator
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar

from sqlalchemy import Engine, event, insert, inspect, select
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from talentdesk.store import chain
from talentdesk.services import watch_signals
from talentdesk.domain.enums import AuditAction, Role
from talentdesk.domain.errors import (EditConflict, InputFileError, PermissionDenied, RuleViolation, StorageError,
                                     TalentDeskError)
from talentdesk.domain.models import AuditEntry
from talentdesk.domain.values import utc_now
from talentdesk.i18n import translate
from talentdesk.store.exclusive import ExclusiveLane, lane_for
from talentdesk.store.migrate import MigrationResult, migrate_to_head
from talentdesk.store import db as dbmod

log = logging.getLogger(__name__)


# ------------------------------------------------------------------ permissions

class Permission(enum.StrEnum):
    TALENT_READ = "talent.read"
    TALENT_WRITE = "talent.write"
    TALENT_SENSITIVE = "talent.sensitive"   # full ID and phone numbers
    TALENT_IMPORT = "talent.import"
    PERSONAL_EXPORT = "personal.export"
    LEDGER_READ = "ledger.read"
    LEDGER_RECORD = "ledger.record"
    LEDGER_APPROVE = "ledger.approve"
    LEDGER_PAY = "ledger.pay"
    POLICY_MANAGE = "policy.manage"
    BUDGET_MANAGE = "budget.manage"
    CERTIFICATE_PRINT = "certificate.print"
    MENTOR_READ = "mentor.read"
    MENTOR_WRITE = "mentor.write"
    GROWTH_READ = "growth.read"
    GROWTH_WRITE = "growth.write"
    USER_MANAGE = "user.manage"
    SETTINGS_MANAGE = "settings.manage"
    BACKUP_RUN = "backup.run"
    BACKUP_RESTORE = "backup.restore"
    AUDIT_READ = "audit.read"
    DEMO_GENERATE = "demo.generate"


_READ = {
    Permission.TALENT_READ, Permission.LEDGER_READ, Permission.MENTOR_READ, Permission.GROWTH_READ,
}
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.CLERK: frozenset(_READ | {
        Permission.TALENT_WRITE, Permission.TALENT_SENSITIVE, Permission.TALENT_IMPORT, Permission.PERSONAL_EXPORT,
        Permission.LEDGER_RECORD, Permission.LEDGER_PAY, Permission.POLICY_MANAGE, Permission.BUDGET_MANAGE,
        Permission.CERTIFICATE_PRINT, Permission.MENTOR_WRITE, Permission.GROWTH_WRITE, Permission.BACKUP_RUN,
    }),
    Role.APPROVER: frozenset(_READ | {
        Permission.TALENT_SENSITIVE, Permission.LEDGER_APPROVE, Permission.LEDGER_PAY,
        Permission.CERTIFICATE_PRINT, Permission.BACKUP_RUN,
    }),
    Role.VIEWER: frozenset(_READ),
}


@dataclass(frozen=True, slots=True)
class Actor:
    """Who is acting. `user_id` is None for the single user of a database without accounts.

    `county_id`: the county whose records this account reads and changes (every unit of work is scoped to it);
    `city`: a city account, which reads every county and changes none of their records. Neither (the single user,
    the program itself): the database's own county — a county office's file has only one."""

    username: str
    role: Role
    user_id: int | None = None
    display_name: str = ""
    county_id: int | None = None
    city: bool = False

    @classmethod
    def local(cls) -> "Actor":
        return cls(username="local", role=Role.ADMIN, user_id=None, display_name="")

    @classmethod
    def system(cls) -> "Actor":
        """The program itself (start-up housekeeping such as posting due instalments)."""
        return cls(username="system", role=Role.ADMIN, user_id=None, display_name="")

    @property
    def single_user(self) -> bool:
        return self.user_id is None

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]

    @property
    def label(self) -> str:
        return self.display_name or self.username


def _role_label(role: Role) -> str:
    from talentdesk.domain.labels import label

    return label(Role, role.value)


def actor_of(session: Session) -> Actor:
    actor = session.info.get("actor")
    if actor is None:
        raise RuntimeError("a service was called on a session without an actor")
    return actor


def require(session: Session, permission: Permission, operation: str = "") -> Actor:
    """Check one permission for the session's actor; raises PermissionDenied (audited by Database.session)."""
    actor = actor_of(session)
    if not actor.can(permission):
        raise PermissionDenied(
            translate("Permissions", "Your role ({role}) is not allowed to do this.").format(
                role=_role_label(actor.role)),
            permission=permission.value,
            operation=operation,
        )
    return actor


F = TypeVar("F", bound=Callable[..., Any])
R = TypeVar("R")
P = ParamSpec("P")

Progress = Callable[[int, int, str], None]
"""A long operation's progress report: (done, total, text)."""
Abort = Callable[[], bool]
"""A long operation asks this between steps; True means stop (the unit of work then rolls back)."""


class Change(enum.StrEnum):
    """The kinds of data an operation changes; tabs refresh on the kinds they show."""

    TALENTS = "talents"
    EMPLOYERS = "employers"
    CARE = "care"
    LEDGER = "ledger"
    POLICIES = "policies"
    PAYMENTS = "payments"
    BUDGETS = "budgets"
    CERTIFICATES = "certificates"
    MENTORS = "mentors"
    GROWTH = "growth"
    SETTINGS = "settings"
    USERS = "users"
    AUDIT = "audit"
    BACKUPS = "backups"


class Lane(enum.StrEnum):
    """Where the runner sends an operation. The operation declares it; no caller decides."""

    READ = "read"            # a read-only unit of work: any write in it raises ReadOnlyViolation
    WRITE = "write"          # the one writer: a unit of work that commits
    NO_DATABASE = "no-db"    # hashing, file checks, password hashing: no session at all
    EXCLUSIVE = "exclusive"  # backup, restore, migration: no reader or writer runs meanwhile


def operation(permission: Permission | None, *, writes: bool = False, changes: Iterable[Change] = (),
              lane: Lane | None = None, long: bool = False, purpose: str = "backup") -> Callable[[F], F]:
    """Declare a named service operation — the only authority on how it runs.

    `permission` is checked here, once. `writes` says whether its unit of work commits (an operation that only
    records an audit entry, such as an export, writes too); `changes` lists the kinds of data it changes, so the
    window refreshes the tabs that show them. `lane` is derived (WRITE when `writes`, READ otherwise) unless the
    operation needs no database (NO_DATABASE) or must run alone (EXCLUSIVE). `long` operations take keyword
    arguments `progress` and `abort`, which the runner passes. The function takes the session first (none on
    the NO_DATABASE lane), then keyword-only arguments. An EXCLUSIVE operation runs in a unit of work that holds the
    database's exclusive lane across processes (`Database.session(exclusive=purpose)`); `purpose` ("backup",
    "restore", "migration") is what a waiting writer is told.
    """
    changes = frozenset(Change(c) for c in changes)
    if changes and not writes:
        raise TypeError("an operation that changes data must declare writes=True")
    if lane is None:
        lane = Lane.WRITE if writes else Lane.READ
    elif lane is Lane.READ and writes:
        raise TypeError("an operation on the read lane cannot write")

    def deco(fn: F) -> F:
        name = f"{fn.__module__.rsplit('.', 1)[-1]}.{fn.__name__}"

        if lane is Lane.NO_DATABASE:
            @functools.wraps(fn)
            def wrapper(*args, **kwargs):
                return fn(*args, **kwargs)
        else:
            @functools.wraps(fn)
            def wrapper(session: Session, /, *args, **kwargs):
                if permission is not None:
                    require(session, permission, name)
                if changes & COUNTY_DATA and session.info.get("actor") is not None and session.info["actor"].city:
                    raise _city_refusal(name)
                if lane is Lane.EXCLUSIVE and not session.info.get("exclusive"):
                    raise RuntimeError(f"{name} runs on the exclusive lane: open its unit of work with "
                                       f"Database.session(actor, exclusive={purpose!r})")
                return fn(session, *args, **kwargs)

        wrapper.permission = permission  # type: ignore[attr-defined]
        wrapper.changes = changes  # type: ignore[attr-defined]
        wrapper.writes = writes  # type: ignore[attr-defined]
        wrapper.lane = lane  # type: ignore[attr-defined]
        wrapper.long = long  # type: ignore[attr-defined]
        wrapper.operation_name = name  # type: ignore[attr-defined]
        wrapper.purpose = purpose  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return deco


@dataclass(frozen=True, slots=True)
class Call(Generic[R]):
    """One bound operation call, ready for the runner. Build it with `call(...)`, which type checkers follow."""

    fn: Callable[..., R]
    args: tuple
    kwargs: dict

    @property
    def lane(self) -> Lane:
        return declared_lane(self.fn)

    @property
    def changes(self) -> frozenset[Change]:
        return getattr(self.fn, "changes", frozenset())

    @property
    def long(self) -> bool:
        return bool(getattr(self.fn, "long", False))

    @property
    def name(self) -> str:
        return getattr(self.fn, "operation_name", getattr(self.fn, "__name__", repr(self.fn)))

    @property
    def purpose(self) -> str:
        return getattr(self.fn, "purpose", "backup")


def call(fn: Callable[Concatenate[Session, P], R], /, *args: P.args, **kwargs: P.kwargs) -> Call[R]:
    """Bind an operation to its arguments (everything but the session, which the runner opens)."""
    return Call(fn, args, kwargs)


def call_free(fn: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs) -> Call[R]:
    """Bind a NO_DATABASE operation (no session) to its arguments."""
    if declared_lane(fn) is not Lane.NO_DATABASE:
        raise TypeError(f"{fn!r} is not declared lane=Lane.NO_DATABASE")
    return Call(fn, args, kwargs)


def declared_lane(fn: Callable[..., Any]) -> Lane:
    lane = getattr(fn, "lane", None)
    if lane is None:
        raise TypeError(f"{getattr(fn, '__qualname__', fn)!r} is not an @operation: it declares no lane")
    return lane


# ------------------------------------------------------------------ the audit trail (one place)

REDACTED_COLUMNS = {"password_hash"}
SECRET_SETTINGS = {"certificate_key"}
"""Settings whose value is a secret: the audit trail records that they changed, never their value."""
SETTING_TABLES = ("settings", "county_settings")
"""The city-wide settings and each county's own: their audit entries name the setting and whose it is."""
NOT_AUDITED = {"audit_entries", "chain_links", "watch_signals"}  # watch_signals: derived, recomputed from audited rows


def _jsonable(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


def _dump(d: dict | None) -> str | None:
    if d is None:
        return None
    return json.dumps(d, ensure_ascii=False, default=str, sort_keys=True)


def _redacted(obj: Any) -> set[str]:
    """The columns of this row whose value must never reach the audit trail."""
    if obj.__table__.name in SETTING_TABLES and getattr(obj, "key", None) in SECRET_SETTINGS:
        return REDACTED_COLUMNS | {"value"}
    return REDACTED_COLUMNS


def _row_values(obj: Any) -> dict[str, Any]:
    state = inspect(obj)
    out = {}
    secret = _redacted(obj)
    for attr in state.mapper.column_attrs:
        key = attr.key
        out[key] = "***" if key in secret else _jsonable(getattr(obj, key, None))
    return out


def _setting_summary(session: Session, obj: Any) -> str:
    """Which setting changed and whose: a county's own value (its code and name) or the city-wide one."""
    if obj.__table__.name not in SETTING_TABLES:
        return ""
    county_id = getattr(obj, "county_id", None)
    if county_id is None:
        return translate("Settings", "City-wide setting {key}").format(key=obj.key)
    from talentdesk.domain.models import County

    county = session.get(County, county_id)
    return translate("Settings", "Setting {key} of county {code} {name}").format(
        key=obj.key, code=county.code if county else county_id, name=county.name if county else "")


def _pk(obj: Any) -> str:
    """The row's primary key; new rows have it in their attributes right after the flush (identity comes later).
    A setting is named by its key, a county's own value too (the entry's county says whose)."""
    if obj.__table__.name in SETTING_TABLES:
        return str(obj.key)
    state = inspect(obj)
    ident = state.identity or state.mapper.primary_key_from_instance(obj)
    if ident is None or all(v is None for v in ident):
        return ""
    return ",".join(str(v) for v in ident)


_NO_COUNTY = object()


def audit_row(actor: Actor, action: AuditAction | str, *, table: str = "", record_id: str | None = None,
              before: dict | None = None, after: dict | None = None, summary: str = "",
              county_id: Any = _NO_COUNTY) -> dict[str, Any]:
    """One audit row. `county_id` (the county it belongs to; None for a city account's act) is left out when not
    given: the staged copy of a restore may be a file from before counties."""
    row = {
        "at": dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
        "actor_id": actor.user_id,
        "actor_name": actor.username,
        "action": str(action),
        "table_name": table,
        "record_id": record_id,
        "before": _dump(before),
        "after": _dump(after),
        "summary": summary[:400],
    }
    if county_id is not _NO_COUNTY:
        row["county_id"] = county_id
    return row


def record_event(session: Session, action: AuditAction, *, summary: str = "", table: str = "",
                 record_id: str | None = None, before: dict | None = None, after: dict | None = None) -> None:
    """An explicit audit entry (login, export, import, restore) in the session's transaction."""
    session.connection().execute(
        insert(AuditEntry.__table__),
        [audit_row(actor_of(session), action, table=table, record_id=record_id, before=before, after=after,
                   summary=summary, county_id=audit_county(session))],
    )
    session.info["td_audited"] = True


# ------------------------------------------------------------------ two clerks saved the same record

def form_fields(values: Any) -> dict[str, Any]:
    """A form's values as {field: value}: a mapping as it is, a dataclass (PolicyInput, EventInput …) field by
    field (shallow, so the values keep their types and the editor can put a choice back with `replace`)."""
    if dataclasses.is_dataclass(values) and not isinstance(values, type):
        return {f.name: getattr(values, f.name) for f in dataclasses.fields(values)}
    return dict(values)


def _comparable(value: Any) -> Any:
    """One value as a clerk reads it: None and "" alike, text without outer spaces, 3 and "3" and 3.0 alike, a
    list of codes in any order alike."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple, set, frozenset)):
        return tuple(sorted((_comparable(v) for v in value), key=repr))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return tuple((k, _comparable(v)) for k, v in sorted(form_fields(value).items()))
    return str(value).strip()


def refuse_stale(session: Session, record: Any, expected_version: int | None, *, mine: Any, stored: Any,
                 name: str, fields: Iterable[str] | None = None, compare: Any = None,
                 theirs_record: Any = None, names: dict[str, dict[Any, str]] | None = None) -> None:
    """Another clerk saved `record` after this clerk read it at `expected_version`: refuse the save with an
    EditConflict carrying both values of every field that differs, so the editor can show them side by side
    (ui/common/conflict.py) and save the clerk's choice against the version now stored.

    `mine` is what the editor sends (a mapping or an input dataclass), `stored` the record as now stored in the same
    shape, `fields` the fields to compare (default: all `mine` has), `compare` mine cleaned the way the save would
    store them (a date typed 2023/7/1 is 2023-07-01), `name` the record as the clerk knows it, `names` what the
    ids of a field stand for ({"employer_id": {3: "县医院"}}). When no field differs
    the save goes on: the other save made the record what this one would, nothing of theirs is lost. No
    expected_version (an older caller, an import): nothing is checked here; the ORM's version check still refuses
    a save that races another."""
    if expected_version is None or record.version == expected_version:
        return
    mine_values, stored_values = form_fields(mine), form_fields(stored)
    compared = form_fields(compare) if compare is not None else mine_values
    compared_fields = [f for f in (fields if fields is not None else mine_values) if f in mine_values]
    differ = [f for f in compared_fields if _comparable(compared.get(f, mine_values[f])) != _comparable(stored_values.get(f))]
    if not differ:
        return
    table = record.__tablename__
    last = session.execute(select(AuditEntry.actor_name, AuditEntry.at).where(
        AuditEntry.table_name == table, AuditEntry.record_id == str(record.id)).order_by(
        AuditEntry.id.desc()).limit(1)).first()
    who, when = (last[0] or "", f"{last[1]:%Y-%m-%d %H:%M}") if last else ("", "")
    raise EditConflict(
        translate("Conflicts", "{who} saved “{name}” at {when}, after you opened it. Nothing was saved: choose, field "
                               "by field, which version to keep.").format(
            who=who or translate("Conflicts", "Someone else"), name=name, when=when or "?"),
        mine={f: mine_values[f] for f in differ}, theirs={f: stored_values.get(f) for f in differ},
        theirs_version=record.version, theirs_record=theirs_record if theirs_record is not None else stored,
        who=who, when=when, table=table, names=names)


class AuditedSession(Session):
    """A Session whose every insert, update and delete is written to the audit trail in the same transaction."""


def _column_changes(session: Session, obj: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """The columns an update changed: (before, after), secrets shown as ***; both empty when nothing really changed."""
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    if not session.is_modified(obj, include_collections=False):
        return before, after
    state = inspect(obj)
    secret = _redacted(obj)
    for attr in state.mapper.column_attrs:
        hist = state.attrs[attr.key].history
        if hist.has_changes():
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            if old == new:
                continue
            redact = attr.key in secret
            before[attr.key] = "***" if redact else _jsonable(old)
            after[attr.key] = "***" if redact else _jsonable(new)
    return before, after


@event.listens_for(AuditedSession, "after_flush")
def _audit_after_flush(session: Session, _flush_context) -> None:
    rows: list[dict[str, Any]] = []
    actor = None
    for action, objs in ((AuditAction.INSERT, session.new), (AuditAction.UPDATE, session.dirty),
                         (AuditAction.DELETE, session.deleted)):
        for obj in objs:
            table = obj.__table__.name
            if table in NOT_AUDITED:
                continue
            if action is AuditAction.UPDATE:
                before, after = _column_changes(session, obj)
                if not after:
                    continue
                if table in SETTING_TABLES:  # a county's value names its setting and county in the entry itself
                    for name in ("county_id", "key"):
                        if hasattr(obj, name):
                            before.setdefault(name, getattr(obj, name))
                            after.setdefault(name, getattr(obj, name))
            else:  # an inserted row is its values after, a deleted one its values before
                values = _row_values(obj)
                before, after = (None, values) if action is AuditAction.INSERT else (values, None)
            actor = actor or actor_of(session)
            rows.append(audit_row(actor, action, table=table, record_id=_pk(obj), before=before, after=after,
                                  summary=_setting_summary(session, obj), county_id=audit_county(session)))
    if rows:
        session.connection().execute(insert(AuditEntry.__table__), rows)
        session.info["td_audited"] = True


def _record_bulk(session: Session, name: str, verb: str, params: Any, sql: str) -> None:
    """The audit entry of one bulk statement: how many rows, the first three as written, and the statement."""
    if isinstance(params, list):
        detail = {"rows": len(params), "sample": [{k: _jsonable(v) for k, v in p.items()} for p in params[:3]]}
    else:
        detail = {k: _jsonable(v) for k, v in (params or {}).items()}
    session.connection().execute(
        insert(AuditEntry.__table__),
        [audit_row(actor_of(session), AuditAction.BULK, table=name, after=detail, summary=f"bulk {verb}: {sql[:300]}",
                   county_id=audit_county(session))],
    )
    session.info["td_audited"] = True


@event.listens_for(AuditedSession, "do_orm_execute")
def _audit_bulk(state: ORMExecuteState) -> None:
    """ORM-level bulk INSERT/UPDATE/DELETE statements bypass the flush; record them too."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    watch_signals.note_bulk(state)  # the talents whose watch-list signals it changes
    table = getattr(state.statement, "table", None)
    name = getattr(table, "name", "")
    if name in NOT_AUDITED:
        return
    verb = "insert" if state.is_insert else "update" if state.is_update else "delete"
    try:
        sql = str(state.statement)
    except Exception:  # noqa: BLE001 - some ORM statements only compile against a session
        sql = name
    _record_bulk(state.session, name, verb, state.parameters, sql)


def bulk_insert(session: Session, table: Any, rows: list[dict[str, Any]], *, staging: Staging | None = None,
                bound: BoundRows | None = None) -> None:
    """Insert many rows (dicts with the same keys) into `table`, audited exactly as `session.execute(insert(table),
    rows)` is: one bulk audit entry with the row count and a sample.

    On SQLite the rows go in as few multi-row INSERT statements as its parameter limit allows, not one statement per
    row: SQLite opens a statement savepoint per statement for a table with triggers, and FTS5 writes its pending
    index to disk at every savepoint — per row, that was most of an import's time (issue 18). Values pass through
    the column types' own bind conversions, as SQLAlchemy does (`bind_rows`; `bound` when the caller converted them
    already, on another thread). Other databases get the Core executemany.
    With `staging` (SQLite) the rows go into its temporary table and move into `table` in larger steps."""
    if not rows:
        return
    if table.name in NOT_AUDITED:
        raise ValueError(f"{table.name} is written by the audit and chain code only")
    stmt = insert(table)
    watch_signals.note_insert(session, table, rows)  # as the session's bulk hook does: the watch list follows
    _record_bulk(session, table.name, "insert", rows, str(stmt))
    conn = session.connection()
    if bound is None:
        bound = bind_rows(session, table, rows)
    if bound is None:  # another database, or defaults only SQLAlchemy can work out
        county = _row_county(session, table, rows)
        conn.execute(stmt, [{**r, **county} for r in rows] if county else rows)
        return
    target = conn.dialect.identifier_preparer.format_table(table)
    if staging is not None:
        target = staging.target(conn, bound.keys)
    dbmod.insert_values(conn, target, bound.keys, bound.values)
    if staging is not None:
        staging.added(conn, len(bound.values))


def _row_county(session: Session, table: Any, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The rows belong to this unit of work's county (as the column default, not a parameter)."""
    if "county_id" in table.c and "county_id" not in rows[0]:
        return {"county_id": session_county(session)}
    return {}


@dataclass(frozen=True)
class BoundRows:
    """Rows as the SQLite driver takes them: the columns' names, and each row's values in that order."""
    keys: list[str]
    values: list[list[Any]]


def bind_rows(session: Session, table: Any, rows: list[dict[str, Any]]) -> BoundRows | None:
    """Rows for `table` (dicts with the same keys) with this unit of work's county and the columns' Python-side
    defaults added (created_at, version …, as SQLAlchemy fills them per row) and every value through its column
    type's bind conversion — pure work, no statement (an import does it on the checks' thread). None on another
    database, or when a default is one only SQLAlchemy can work out."""
    if not rows or session.get_bind().dialect.name != "sqlite":
        return None
    dialect = session.get_bind().dialect
    extra = _row_county(session, table, rows)
    given = list(rows[0])
    defaults = [c for c in table.c if c.key not in rows[0] and c.key not in extra and c.default is not None]
    if any(not (d.default.is_scalar or d.default.is_callable) for d in defaults):
        return None
    extra.update((c.key, c.default.arg) for c in defaults if c.default.is_scalar)
    called = [c.default.arg for c in defaults if c.default.is_callable]
    keys = given + list(extra) + [c.key for c in defaults if c.default.is_callable]
    # column by column (a C loop each): the row's values, then the county and the scalar defaults, then the called
    # ones, once a row as SQLAlchemy calls them (it wraps a no-argument default to take the execution context)
    columns = [list(map(operator.itemgetter(k), rows)) for k in given]
    columns += [[v] * len(rows) for v in extra.values()]
    for fn in called:
        if getattr(fn, "__wrapped__", None) is utc_now:  # when the rows were made: one moment for rows written
            columns.append([fn(None)] * len(rows))       # together, as the database's CURRENT_TIMESTAMP is
        else:
            columns.append([fn(None) for _r in rows])
    for i, k in enumerate(keys):
        fn = dbmod.bind_converter(table.c[k].type, dialect)
        if fn is not None:
            column = columns[i]
            first = column[0]
            if all(v is first for v in column):  # one value for every row (the moment, a default): converted once
                columns[i] = [None if first is None else fn(first)] * len(column)
            else:
                columns[i] = [None if v is None else fn(v) for v in column]
    return BoundRows(keys, list(map(list, zip(*columns))))


STAGE_ROWS = 10_000


class Staging:
    """Rows bound for one table, gathered in a temporary table of the unit of work's SQLite connection and moved in
    with one INSERT … SELECT per `every` rows (`bulk_insert(…, staging=)` writes them; `close` moves the rest).

    SQLite keeps a statement journal for every statement that may fail half-way — a copy of each page the statement
    changes — and a table with many indexes and full-text triggers changes pages all over the file: one statement
    for 10,000 rows copies each page once where 960-row statements copied it ten times (issue 18: a third of a large
    import's write time). The temporary table has no types, indexes or triggers: each value goes in as bound and
    takes the real column's type as it moves. Only the writer of the unit of work uses it; it is dropped at the
    end (a rolled-back transaction takes it back with everything else). Other databases: written directly."""

    def __init__(self, table: Any, *, every: int = STAGE_ROWS,
                 moved: Callable[[Any, int | None, int], None] | None = None):
        self.table, self.every, self.moved = table, every, moved
        self.name = f"td_stage_{table.name}"
        self._keys: list[str] | None = None
        self._held = 0
        self._cache = -2000

    def target(self, conn, keys: list[str]) -> str:
        quote = conn.dialect.identifier_preparer.quote
        if self._keys is None:
            # its pages stay in memory (a temporary table's cache is 2 MB, one step of rows is more, and a file
            # would spill them to disk — of an encrypted database, in clear); the connection's own size after
            self._cache = conn.exec_driver_sql("PRAGMA temp.cache_size").scalar()
            conn.exec_driver_sql("PRAGMA temp.cache_size = -32768")
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{self.name}")  # never another unit of work's rows
            conn.exec_driver_sql(f"CREATE TEMP TABLE {self.name} ({', '.join(quote(k) for k in keys)})")
            self._keys = list(keys)
        elif keys != self._keys:
            raise ValueError(f"rows for {self.table.name} with other columns than those staged")
        return f"temp.{self.name}"

    def added(self, conn, n: int) -> None:
        self._held += n
        if self._held >= self.every:
            self.move(conn)

    def move(self, conn) -> None:
        """Move what is held into the table, in the order it was written (the ids follow it). `moved` is told the
        id of the first row moved (None when they are not known to be consecutive) and how many were."""
        if not self._held:
            return
        quote = conn.dialect.identifier_preparer
        table = quote.format_table(self.table)
        cols = ", ".join(quote.quote(k) for k in self._keys)
        before = conn.exec_driver_sql(f"SELECT coalesce(max(rowid), 0) FROM {table}").scalar()
        conn.exec_driver_sql(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM temp.{self.name} ORDER BY rowid")
        n, self._held = self._held, 0
        last = conn.exec_driver_sql(f"SELECT max(rowid) FROM {table}").scalar()
        conn.exec_driver_sql(f"DELETE FROM temp.{self.name}")
        if self.moved is not None:
            # a new row's id is one above the highest in the table, so the n rows are numbered before+1 … last
            # when last - before == n (n new ids, all above before, none above last); otherwise not said
            self.moved(conn, before + 1 if last - before == n else None, n)

    def close(self, conn) -> None:
        """Move the rest and drop the temporary table."""
        if self._keys is None:
            return
        self.move(conn)
        conn.exec_driver_sql(f"DROP TABLE temp.{self.name}")
        conn.exec_driver_sql(f"PRAGMA temp.cache_size = {int(self._cache)}")
        self._keys = None

    def forget(self, conn) -> None:
        """The transaction (or savepoint) that created the table was rolled back: it and its rows are gone."""
        if self._keys is not None:
            conn.exec_driver_sql(f"PRAGMA temp.cache_size = {int(self._cache)}")
        self._keys, self._held = None, 0


# ------------------------------------------------------------------ derived data kept in the same transaction

@event.listens_for(AuditedSession, "after_flush")
def _watch_after_flush(session: Session, _flush_context) -> None:
    watch_signals.note_flush(session)


@event.listens_for(AuditedSession, "before_commit")
def _watch_before_commit(session: Session) -> None:
    """The watch list's precomputed signals of every talent this unit of work touched, recomputed before it commits."""
    watch_signals.refresh_pending(session)


# ------------------------------------------------------------------ the hash chain (store/chain.py), sealed in the unit of work

def _chain_enabled(session: Session, connection) -> bool:
    database = session.info.get("database")
    cached = getattr(database, "_chain", None)
    if cached is not None:
        return cached
    enabled = chain.chain_present(connection)
    if database is not None and enabled:
        database._chain = True  # once migrated it stays so; an older schema is asked again next time
    return enabled


@event.listens_for(AuditedSession, "after_begin")
def _chain_watermarks(session: Session, _transaction, connection) -> None:
    session.info.pop("td_chain", None)
    session.info.pop("td_audited", None)  # whether this transaction wrote audit rows (the witness of a placed file)
    if session.info.get("readonly") or not _chain_enabled(session, connection):
        return
    session.info["td_chain"] = {"start": chain.watermarks(connection), "done": {}}


def seal_chain(session: Session) -> str | None:
    """Flush and link everything this unit of work wrote into the chain now; returns the head (full hex).
    Called by the commit hook, and by operations that print the head on paper before they commit."""
    state = session.info.get("td_chain")
    if state is None:
        session.flush()
        state = session.info.get("td_chain")
        if state is None:
            return chain.head(session.connection()) if _chain_enabled(session, session.connection()) else None
    session.flush()
    return chain.seal(session.connection(), state["start"], state["done"])


@event.listens_for(AuditedSession, "before_commit")
def _chain_before_commit(session: Session) -> None:
    session.flush()  # a unit of work that only added objects begins its transaction here
    if session.info.get("td_chain") is not None:
        seal_chain(session)


# ------------------------------------------------------------------ counties: each unit of work keeps to its own

COUNTY_DATA = frozenset({
    Change.TALENTS, Change.EMPLOYERS, Change.CARE, Change.LEDGER, Change.POLICIES, Change.PAYMENTS, Change.BUDGETS,
    Change.CERTIFICATES, Change.MENTORS, Change.GROWTH,
})
"""The kinds of data that belong to a county: a city account changes none of them."""


def _city_refusal(operation: str = "") -> PermissionDenied:
    return PermissionDenied(translate(
        "Counties", "A city account reads every county's records but does not change them. Sign in with an "
                    "account of the county to make this change."), permission="county.write", operation=operation)


def _other_county(operation: str = "") -> PermissionDenied:
    return PermissionDenied(translate(
        "Counties", "This record belongs to another county; your account works for its own county only. Nothing "
                    "was changed."), permission="county.scope", operation=operation)


def _counties_present(session: Session, connection) -> bool:
    database = session.info.get("database")
    if getattr(database, "_counties", None):
        return True
    present = inspect(connection).has_table("counties")
    if database is not None and present:
        database._counties = True  # once migrated it stays so
    return present


def _own_county(session: Session, connection) -> int | None:
    """The county of a unit of work whose actor names none (the single user, the program itself): the county the
    server connection's role works for, else the database's only county; None when there are several."""
    from talentdesk.store import scope

    if connection.dialect.name == "postgresql":
        database = session.info.get("database")
        role = getattr(database, "_role_county", None)
        if role is None:
            role = scope.connection_county(connection)
            if database is not None:
                database._role_county = role
        if role[1] is not None:
            return role[1]
    ids = connection.exec_driver_sql("SELECT id FROM counties ORDER BY id LIMIT 2").fetchall()
    return ids[0][0] if len(ids) == 1 else None


def _resolve_county(session: Session, connection) -> int | None:
    actor = session.info.get("actor")
    if actor is None or actor.city or not _counties_present(session, connection):
        return None
    if actor.county_id is not None:
        return actor.county_id
    return _own_county(session, connection)


@event.listens_for(AuditedSession, "after_begin")
def _county_scope(session: Session, _transaction, connection) -> None:
    """The county this transaction writes for goes where the column default (models.county_default) finds it; a
    county account's transaction on a server is narrowed to its county (store/scope.py: it can only narrow)."""
    from talentdesk.domain.models import COUNTY_KEY

    session.info.pop("td_county", None)
    actor = session.info.get("actor")
    if actor is None:
        return
    if actor.county_id is not None and connection.dialect.name == "postgresql" \
            and _counties_present(session, connection):
        from talentdesk.store.scope import SCOPE_SETTING

        connection.exec_driver_sql("SELECT set_config(%s, %s, true)", (SCOPE_SETTING, str(actor.county_id)))
    if session.info.get("readonly") and actor.county_id is None:
        return  # a reading unit of work stamps nothing (asked for when needed: session_county)
    county = _resolve_county(session, connection)
    session.info["td_county"] = county
    info = connection.info
    if county is None:
        info.pop(COUNTY_KEY, None)
    else:
        info[COUNTY_KEY] = county
        session.info.setdefault("td_county_infos", []).append(info)


def _unmark_county(session: Session) -> None:
    from talentdesk.domain.models import COUNTY_KEY

    for info in session.info.pop("td_county_infos", []):
        info.pop(COUNTY_KEY, None)


def session_county(session: Session) -> int | None:
    """The county this unit of work's new rows belong to: its account's county, else the database's own; None for
    a city account (or a database with several counties and no county account)."""
    if "td_county" not in session.info:
        connection = session.connection()
        if "td_county" not in session.info:
            session.info["td_county"] = _resolve_county(session, connection)
    return session.info["td_county"]


def audit_county(session: Session) -> Any:
    """The county an audit entry of this unit of work belongs to (None: a city account's act); left out on a
    database from before counties."""
    if not _counties_present(session, session.connection()):
        return _NO_COUNTY
    return session_county(session)


@event.listens_for(AuditedSession, "do_orm_execute")
def _county_criteria(state: ORMExecuteState) -> None:
    """A county account's reads, updates and deletes see only its county's rows; a city account's bulk changes of
    county data are refused."""
    actor = state.session.info.get("actor")
    if actor is None or (actor.county_id is None and not actor.city):
        return
    if state.session.get_bind().dialect.name == "sqlite":
        return  # a county office's own file: one county, nothing to keep apart
    from sqlalchemy.orm import with_loader_criteria

    from talentdesk.domain.models import CountyOwned, CountyScoped

    if actor.city:
        if state.is_insert or state.is_update or state.is_delete:
            entity = getattr(state.bind_mapper, "class_", None)
            if entity is not None and issubclass(entity, CountyOwned):
                raise _city_refusal()
        return
    if state.is_select or state.is_update or state.is_delete:
        county = actor.county_id
        state.statement = state.statement.options(
            with_loader_criteria(CountyScoped, lambda cls: cls.county_id == county, include_aliases=True))


@event.listens_for(AuditedSession, "before_flush")
def _keep_to_county(session: Session, _flush_context, _instances) -> None:
    """New county rows get the unit of work's county; nobody changes another county's rows; a city account changes
    no county's rows."""
    from talentdesk.domain.models import CountyOwned, CountyScoped

    actor = session.info.get("actor")
    if actor is None:
        return
    if actor.county_id is not None:
        from talentdesk.domain.models import Setting

        if any(isinstance(o, Setting) for o in (*session.new, *session.dirty, *session.deleted)):
            raise PermissionDenied(translate(
                "Settings", "The city-wide settings are changed by a city account; a county's account changes its "
                            "county's own settings only. Nothing was changed."), permission="county.scope",
                operation="settings")
    new = [o for o in session.new if isinstance(o, CountyScoped)]
    changed = [o for o in (*session.dirty, *session.deleted) if isinstance(o, CountyScoped)]
    if not new and not changed:
        return
    if actor.city:
        if any(isinstance(o, CountyOwned) for o in (*new, *changed)):
            raise _city_refusal()
        return
    county = None
    for o in new:
        if isinstance(o, CountyOwned) and o.county_id is None:
            county = county if county is not None else session_county(session)
            if county is None:
                raise RuleViolation(translate(
                    "Counties", "This database holds several counties: sign in with an account of the county whose "
                                "records you are changing."))
            o.county_id = county
    if actor.county_id is not None:
        for o in (*new, *changed):
            if o.county_id != actor.county_id:
                raise _other_county()


# ------------------------------------------------------------------ read-only units of work

class ReadOnlyViolation(RuntimeError):
    """A write was attempted in a read-only unit of work: the operation must declare writes=True."""


_WRITE_VERBS = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER", "UPSERT", "MERGE", "TRUNCATE")


@event.listens_for(AuditedSession, "after_begin")
def _mark_readonly_connection(session: Session, _transaction, connection) -> None:
    if session.info.get("readonly"):
        info = connection.info  # the pooled DB-API connection's own dict: outlives this checkout
        info["td_readonly"] = True
        session.info.setdefault("td_readonly_infos", []).append(info)


def _unmark_readonly(session: Session) -> None:
    session.info["readonly"] = False
    for info in session.info.pop("td_readonly_infos", []):
        info.pop("td_readonly", None)


def _refuse_writes_in_readonly(conn, _cursor, statement: str, _params, _context, _executemany) -> None:
    if conn.info.get("td_readonly") and statement.lstrip()[:8].upper().startswith(_WRITE_VERBS):
        raise ReadOnlyViolation(f"a write in a read-only unit of work: {statement.strip()[:120]}")


# ------------------------------------------------------------------ files that belong to a transaction

def temporary_beside(session: Session, dest: Path | str, suffix: str = ".part") -> Path:
    """The temporary name to write `dest` under in this unit of work (hand it to `place_at_commit` when written).
    It is recorded in the database's placing journal before the file exists, so a kill while writing leaves nothing
    the next start does not remove (store/placing.py)."""
    dest = Path(dest)
    if not dest.name or dest.is_dir():
        raise InputFileError(translate("Files", "{path} is a folder; give the name of the file to write.").format(
            path=str(dest) or "."))
    tmp = dest.with_name(dest.name + suffix)
    journal = _journal(session)
    if journal is not None:
        journal.add(tmp, dest)
    return tmp


@contextmanager
def file_at_commit(session: Session, dest: Path | str, *, suffix: str = ".part",
                   failed: Callable[[OSError], TalentDeskError] | None = None) -> Iterator[Path]:
    """Write `dest` as part of this unit of work: yields the temporary path to write in full; when the block ends
    the file is placed at commit (`place_at_commit`). A database (or its journal) is refused as `dest` before
    anything is written; an error in the block removes the temporary file, and an OSError is raised as
    `failed(exc)` (the operation's own message) when given."""
    from talentdesk.store.files import refuse_a_database

    refuse_a_database(dest)
    tmp = temporary_beside(session, dest, suffix)
    try:
        yield tmp
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if failed is None:
            raise
        raise failed(exc) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    place_at_commit(session, tmp, Path(dest))


def place_at_commit(session: Session, tmp: Path, dest: Path) -> None:
    """`tmp` (already written in full, beside `dest`) gets the name `dest` right after this unit of work commits.
    Before the commit `dest` is checked to be replaceable (a copy open in WPS/Excel or a PDF reader refuses the
    whole operation, and nothing is recorded); a rollback deletes `tmp`. So no file exists for a transaction that
    did not commit, and a kill between the commit and the rename is finished at the next start (store/placing.py).
    The unit of work must write an audit entry (every such file is an audited print or export): that entry is the
    witness of the commit."""
    if session.info.get("readonly"):
        raise ReadOnlyViolation("a file placed at commit needs a unit of work that commits (writes=True)")
    journal = _journal(session)
    if journal is not None:
        journal.add(Path(tmp), Path(dest))
    pending = session.info.setdefault("td_at_commit", [])
    if (Path(tmp), Path(dest)) not in pending:
        pending.append((Path(tmp), Path(dest)))


def _journal(session: Session):
    """The placing journal of this unit of work (None for a server database)."""
    from talentdesk.store.placing import Journal

    journal = session.info.get("td_journal")
    if journal is None:
        database = session.info.get("database")
        path = getattr(database, "path", None)
        if path is None:
            return None
        journal = session.info["td_journal"] = Journal.beside(path)
    return journal


def _prepare_placing(session: Session, pending: list[tuple[Path, Path]]) -> None:
    """Before the commit: every destination replaceable, and the journal sealed with this unit of work's newest
    audit row (it exists in the file if and only if the commit happens)."""
    from talentdesk.store.files import ensure_replaceable
    from talentdesk.store.placing import row_digest, WITNESS_SQL

    for _tmp, dest in pending:
        ensure_replaceable(dest)
    journal = session.info.get("td_journal")
    if journal is None:
        return
    session.flush()
    if not session.info.get("td_audited"):
        raise RuntimeError("a file placed at commit needs an audited write in its unit of work (the commit's witness)")
    conn = session.connection()
    last = conn.exec_driver_sql("SELECT max(id) FROM audit_entries").scalar()
    row = conn.exec_driver_sql(WITNESS_SQL, (last,)).one()
    journal.seal(last, row_digest(row))


def _place_files(session: Session, pending: list[tuple[Path, Path]]) -> None:
    """After the commit: move every file into place, then drop the journal. A file that cannot be moved now (it
    was opened elsewhere a moment ago) is named in the error; the data are saved."""
    from talentdesk.store.files import replace_file

    failed: list[tuple[Path, BaseException]] = []
    for tmp, dest in pending:
        try:
            replace_file(tmp, dest)  # waits out a copy open in WPS/Excel or a PDF reader
        except (OSError, TalentDeskError) as exc:
            failed.append((dest, exc))
    journal = session.info.pop("td_journal", None)
    if journal is not None:
        journal.remove()
    if failed:
        dest, exc = failed[0]
        raise StorageError(translate(
            "Storage", "The change was saved, but {name} could not be written ({error}). Close it in WPS/Excel or "
                       "the PDF reader and make the file again.").format(
            name=dest.name, error=getattr(exc, "message", None) or getattr(exc, "strerror", None) or exc)) from exc


def _discard(session: Session) -> None:
    """Not committed: the temporary files and the journal go."""
    for tmp, _dest in session.info.pop("td_at_commit", []):
        try:
            tmp.unlink(missing_ok=True)
        except OSError:  # pragma: no cover - the next start removes it (it is in the journal)
            log.warning("could not remove %s after a failed commit", tmp)
    journal = session.info.pop("td_journal", None)
    if journal is not None:
        for tmp, _dest in journal.files:
            tmp.unlink(missing_ok=True)
        journal.remove()


# ------------------------------------------------------------------ faults named

def storage_fault(exc: BaseException) -> StorageError | None:
    """What SQLite (or the file system) said, as a message in the user's language; None when it is not a fault
    of the storage. Every one says the change was not saved."""
    if type(exc).__module__.startswith("psycopg"):  # a server database: what the server or network said
        from talentdesk.store.server import connection_fault

        named = connection_fault(exc)
        if named is not None:
            return named
    text = str(exc).lower()
    if getattr(exc, "errno", None) in (36, 22) or getattr(exc, "winerror", None) in (123, 206):
        return StorageError(translate(
            "Storage", "A file name or path is too long, or has characters the disk does not allow: {path}. "
                       "Nothing was changed.").format(path=str(getattr(exc, "filename", "") or "")[:120] + "…"))
    if "full" in text or getattr(exc, "errno", None) == 28:  # SQLITE_FULL / ENOSPC
        return StorageError(translate(
            "Storage", "The disk is full, so the change was not saved; the database is unchanged. Free some "
                       "space (or delete old files) and try again."))
    if "readonly" in text or "read-only" in text or getattr(exc, "errno", None) in (13, 30):
        return StorageError(translate(
            "Storage", "The database file or its folder is read-only (or belongs to another user), so nothing can "
                       "be saved; the database is unchanged. Check the file's properties and the folder's "
                       "permissions."))
    if "locked" in text or "busy" in text:
        return StorageError(translate(
            "Storage", "Another program kept the database locked (for example a long import, or a copy tool); the "
                       "change was not saved. Try again when it has finished."))
    if "disk i/o error" in text or getattr(exc, "errno", None) == 5:
        return StorageError(translate(
            "Storage", "The disk reported a read or write error; the change was not saved. Copy the database to "
                       "another disk, and check this one."))
    if "unable to open database file" in text:
        return StorageError(translate(
            "Storage", "The database file cannot be opened: its folder is missing, not writable, or the disk is not "
                       "available; nothing was changed."))
    if "not a database" in text or "malformed" in text:
        return StorageError(translate(
            "Storage", "The file is not a TalentDesk database, or it is damaged: {error}. Run `talentdesk check`, "
                       "or restore a backup.").format(error=exc))
    return None


# ------------------------------------------------------------------ the database façade

@dataclass
class Database:
    """One database: its engine, its session factory, and where it lives. Safe to share between threads."""

    engine: Engine
    path: Path | None = None
    server: Any = None  # the ServerTarget of a server database (store/server.py); None for a file
    migration: MigrationResult | None = None
    # told once when a unit of work has to wait for a backup, restore or migration (the CLI prints it, the
    # window shows it in the status bar)
    wait_notice: Callable[[str], None] | None = field(default=None, repr=False)
    _factory: sessionmaker = field(init=False, repr=False)
    _chain: bool | None = field(default=None, init=False, repr=False)
    _counties: bool | None = field(default=None, init=False, repr=False)
    _role_county: tuple | None = field(default=None, init=False, repr=False)  # (sees the city, its county) on a server
    pending_password: str | None = field(default=None, init=False, repr=False)  # kept once the server accepts it

    def __post_init__(self) -> None:
        self._factory = sessionmaker(self.engine, class_=AuditedSession, expire_on_commit=False)
        if not event.contains(self.engine, "before_cursor_execute", _refuse_writes_in_readonly):
            event.listen(self.engine, "before_cursor_execute", _refuse_writes_in_readonly)

    @classmethod
    def open(cls, target: Any, *, migrate: bool = True, check_network: bool = True,
             backup_dir: Path | None = None, password: str | None = None,
             ask_password: Callable[[Any], str | None] | None = None, connect: bool = True) -> "Database":
        """Open (and if needed back up and migrate) a database: a SQLite file (refused on a network share) or a
        server database named by a URL or ServerTarget (store/server.py: the password comes from `password`, this
        PC's protected store, or `ask_password(target)`, and is kept there once the server accepts it)."""
        from talentdesk.store import server

        if server.is_server_url(target):
            if isinstance(target, server.ServerTarget):
                where, given = target, None
            else:
                where, given = server.parse_server_url(target)
            if connect:
                engine = server.open_server_engine(where, password or given, ask_password=ask_password)
                database = cls(engine=engine, path=None, server=where)
            else:  # the window connects on its worker (prepare_database), then keeps the password
                secret = password or given
                engine = server.make_server_engine(where, secret or server.stored_password(where))
                database = cls(engine=engine, path=None, server=where)
                database.pending_password = secret
        else:
            path = Path(target)
            if check_network:
                dbmod.refuse_network_location(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            database = cls(engine=dbmod.make_engine(path), path=path)
        if migrate:
            try:
                database.migration = database.migrate(backup_dir=backup_dir)
            except BaseException:
                database.dispose()
                raise
        return database

    def keep_password(self) -> None:
        """A password given for a server database, now accepted by the server, goes to this PC's protected store."""
        if self.server is not None and self.pending_password:
            from talentdesk.store.server import remember_password

            remember_password(self.server, self.pending_password)
        self.pending_password = None

    @property
    def where(self) -> str:
        """The database as shown to people: the file's path, or the server's address without the password."""
        return str(self.path) if self.path is not None else self.server.display() if self.server else \
            self.engine.url.render_as_string(hide_password=True)

    @property
    def lane(self) -> ExclusiveLane | None:
        """The exclusive lane of a database file (None for a server database)."""
        return lane_for(self.path) if self.path is not None else None

    def migrate(self, *, backup_dir: Path | None = None) -> MigrationResult:
        """Bring the schema to head; the backup and the upgrade hold the exclusive lane."""
        lane = self.lane
        around = (lambda: lane.exclusive("migration", self.wait_notice)) if lane is not None else None
        result = migrate_to_head(self.engine, self.path, backup_dir=backup_dir, around=around)
        self.move_legacy_key_out()  # the old certificate key leaves the file for this PC's protected store
        return result

    def move_legacy_key_out(self) -> None:
        """A database that still holds the old certificate key in `settings` gets an office key, and the old key
        moves into this PC's protected store (store/keystore.py); nothing happens once it is gone."""
        from talentdesk.domain.models import Setting
        from talentdesk.store import keystore

        with self.session(Actor.system(), readonly=True) as s:
            if not chain.chain_present(s.connection()) or s.get(Setting, "certificate_key") is None:
                return
        with self.session(Actor.system()) as s:
            keystore.ensure_office_key(s)
        if self.engine.dialect.name == "sqlite":  # the zeroed pages reach the file itself now, not only the WAL
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    @contextmanager
    def session(self, actor: Actor, *, readonly: bool = False, exclusive: str | None = None) -> Iterator[Session]:
        """A unit of work: commits on success, rolls back on any error. A PermissionDenied is rolled back and
        then recorded in the audit trail in its own transaction, so refused attempts are never lost.

        A unit of work that may write holds the database's exclusive lane shared (it waits while a backup, restore
        or migration runs, in any program); `exclusive="backup"|"restore"|"migration"` holds it alone."""
        lane = self.lane
        with ExitStack() as stack:
            if lane is not None and exclusive:
                stack.enter_context(lane.exclusive(exclusive, self.wait_notice))
            elif lane is not None and not readonly:
                stack.enter_context(lane.shared(self.wait_notice))
            with self._unit_of_work(actor, readonly=readonly, exclusive=bool(exclusive)) as s:
                yield s

    @contextmanager
    def _unit_of_work(self, actor: Actor, *, readonly: bool, exclusive: bool) -> Iterator[Session]:
        s = self._factory()
        s.info["actor"] = actor
        s.info["database"] = self
        s.info["readonly"] = readonly
        s.info["exclusive"] = exclusive
        try:
            yield s
            if readonly:
                s.rollback()
            else:
                pending = list(s.info.get("td_at_commit", []))
                if pending:
                    _prepare_placing(s, pending)
                s.commit()
                if pending:
                    s.info.pop("td_at_commit", None)
                    _place_files(s, pending)
        except PermissionDenied as exc:
            s.rollback()
            _unmark_readonly(s)  # the refused attempt itself is recorded, even from a read-only unit of work
            try:
                record_event(s, AuditAction.DENIED, summary=f"{exc.operation}: {exc.permission}")
                s.commit()
            except Exception:  # pragma: no cover - never mask the denial itself
                log.exception("could not record a denied attempt")
                s.rollback()
            raise
        except StaleDataError as exc:  # a versioned record changed under this save (TimestampMixin.version)
            s.rollback()
            log.info("save refused, the record changed meanwhile: %s", exc)
            raise EditConflict(translate(
                "Conflicts", "Someone else saved this record after you opened it, so your change was not saved. "
                             "Open it again to see their change, then make yours.")) from None
        except (OperationalError, ProgrammingError) as exc:
            s.rollback()
            named = storage_fault(exc.orig)
            if named is not None:
                raise named from exc
            raise
        except BaseException:
            s.rollback()
            raise
        finally:
            _unmark_readonly(s)
            _unmark_county(s)
            _discard(s)  # not committed: no file stays behind
            s.close()

    def run(self, actor: Actor, fn: Callable[..., Any], /, **kwargs) -> Any:
        """Run one service function in its own unit of work."""
        with self.session(actor) as s:
            return fn(s, **kwargs)

    def reopen(self) -> None:
        """A new engine on the same file (after it was encrypted in place: the driver changes). Only on the
        exclusive lane, when no unit of work is open."""
        old = self.engine
        self.engine = dbmod.make_engine(self.path if self.path is not None else old.url)
        self.__post_init__()
        old.dispose()

    def dispose(self) -> None:
        self.engine.dispose()


__all__ = [
    "Actor", "Permission", "ROLE_PERMISSIONS", "operation", "Change", "Lane", "Call", "call", "call_free",
    "ReadOnlyViolation", "Progress", "Abort", "require", "actor_of", "record_event", "bulk_insert", "seal_chain", "place_at_commit",
    "temporary_beside", "file_at_commit",
    "Database", "AuditedSession", "TalentDeskError",
]


# big reads are fetched in batches: each batch is converted to rows in one go without yielding the GIL, so
# small batches keep the window responsive while a background job reads 100,000 rows
STREAM = {"yield_per": 2000}
