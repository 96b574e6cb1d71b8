"""Accounts and logins: argon2id password hashes, lockout after repeated failures, admin resets, the CLI login.

A database without accounts is single-user (`Actor.local()`); the first account created is always an admin, and
from then on every run must log in. Logins and failed logins are written to the audit trail even when they fail.

Thread rule: plain functions; `login` opens its own unit of work on the `Database` it is given.
"""
from __future__ import annotations

import datetime as dt
import getpass
import os
import re
import sys
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentdesk.domain.enums import AuditAction, Role
from talentdesk.domain.errors import (
    AuthenticationError, Conflict, InputFileError, NotFound, RuleViolation, StorageError, ValidationError,
)
from talentdesk.domain.models import ChainLink, User
from talentdesk.i18n import translate
from talentdesk.services.base import Change, Actor, Database, Permission, actor_of, operation, record_event

HASHER = PasswordHasher()  # argon2id, library defaults (memory-hard); tests may swap in a cheaper one
MAX_FAILED_ATTEMPTS = 5
LOCKOUT_MINUTES = 15
MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 256
PASSWORD_ENV = "TALENTDESK_PASSWORD"
_USERNAME = re.compile(r"^[^\s\x00-\x1f]{1,40}$")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class LoginRequired(InputFileError):
    """The database has accounts but no user (or no password) was given: a usage error (CLI exit 2)."""


@dataclass(frozen=True, slots=True)
class UserRow:
    id: int
    username: str
    display_name: str
    role: str
    active: bool
    locked_until: dt.datetime | None
    failed_attempts: int
    must_change_password: bool
    last_login_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class LoginResult:
    ok: bool
    actor: Actor | None
    message: str = ""
    must_change_password: bool = False


def _row(u: User) -> UserRow:
    return UserRow(u.id, u.username, u.display_name, u.role, bool(u.active), u.locked_until, u.failed_attempts,
                   bool(u.must_change_password), u.last_login_at)


def _actor(u: User) -> Actor:
    return Actor(username=u.username, role=Role(u.role), user_id=u.id, display_name=u.display_name)


def has_accounts(session: Session) -> bool:
    """True once any account exists (then every run must log in). A database whose accounts were deleted from the
    file (the hash chain remembers them) refuses to open in single-user mode."""
    if (session.scalar(select(func.count()).select_from(User)) or 0) > 0:
        return True
    if session.scalar(select(ChainLink.id).where(ChainLink.kind == "user").limit(1)) is not None:
        raise StorageError(translate(
            "Accounts", "This database has accounts, but they were removed from the file outside TalentDesk. It will "
                        "not open without them. Run \"talentdesk check\" and restore the backup it names."))
    return False


def database_has_accounts(database: Database) -> bool:
    with database.session(Actor.system(), readonly=True) as s:
        return has_accounts(s)


def check_username(username: str) -> str:
    name = (username or "").strip()
    if not _USERNAME.match(name):
        raise ValidationError(
            translate("Accounts", "A user name has 1 to 40 characters and no spaces."), field="username")
    return name


def check_password(password: str) -> str:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            translate("Accounts", "A password needs at least {n} characters.").format(n=MIN_PASSWORD_LENGTH),
            field="password")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValidationError(
            translate("Accounts", "A password can have at most {n} characters.").format(n=MAX_PASSWORD_LENGTH),
            field="password")
    if "\x00" in password:
        raise ValidationError(translate("Accounts", "The password contains a character that cannot be used."),
                              field="password")
    return password


def _check_role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise ValidationError(translate("Accounts", "Unknown role: {role}").format(role=role), field="role") from None


def _user(session: Session, user_id: int) -> User:
    u = session.get(User, user_id)
    if u is None:
        raise NotFound(translate("Accounts", "There is no account with number {id}.").format(id=user_id))
    return u


def find_user(session: Session, username: str) -> User | None:
    """The account with this name, ignoring case (Unicode-aware: SQLite's lower() folds only ASCII)."""
    wanted = (username or "").strip().casefold()
    if not wanted:
        return None
    for u in session.scalars(select(User)):  # an office has a handful of accounts
        if u.username.casefold() == wanted:
            return u
    return None


def _active_admins(session: Session) -> int:
    return session.scalar(
        select(func.count()).select_from(User).where(User.role == Role.ADMIN.value, User.active.is_(True))) or 0


# ------------------------------------------------------------------ managing accounts

@operation(Permission.USER_MANAGE, writes=True, changes=(Change.USERS,))
def create_user(session: Session, *, username: str, password: str, role: str = Role.CLERK.value,
                display_name: str = "") -> UserRow:
    """Create an account (admins only; the single local user of a database without accounts counts as admin).
    The very first account is always an admin, whatever role was asked for."""
    first = not has_accounts(session)
    name = check_username(username)
    check_password(password)
    the_role = Role.ADMIN if first else _check_role(role)
    display = (display_name or "").strip()
    if len(display) > 60:
        raise ValidationError(translate("Accounts", "The display name can have at most 60 characters."),
                              field="display_name")
    if find_user(session, name) is not None:
        raise Conflict(translate("Accounts", "An account named {name} already exists.").format(name=name),
                       field="username")
    u = User(username=name, display_name=display, role=the_role.value, password_hash=HASHER.hash(password),
             active=True, failed_attempts=0, created_by_id=actor_of(session).user_id)
    session.add(u)
    session.flush()
    return _row(u)


@operation(Permission.USER_MANAGE)
def list_users(session: Session) -> list[UserRow]:
    return [_row(u) for u in session.scalars(select(User).order_by(User.username))]


@operation(Permission.USER_MANAGE, writes=True, changes=(Change.USERS,))
def reset_password(session: Session, *, user_id: int, new_password: str, must_change: bool = True) -> UserRow:
    """An admin sets a new password (e.g. a forgotten one); it also clears a lockout."""
    check_password(new_password)
    u = _user(session, user_id)
    u.password_hash = HASHER.hash(new_password)
    u.failed_attempts = 0
    u.locked_until = None
    u.must_change_password = bool(must_change)
    session.flush()
    return _row(u)


@operation(Permission.USER_MANAGE, writes=True, changes=(Change.USERS,))
def unlock_user(session: Session, *, user_id: int) -> UserRow:
    u = _user(session, user_id)
    u.failed_attempts = 0
    u.locked_until = None
    session.flush()
    return _row(u)


@operation(Permission.USER_MANAGE, writes=True, changes=(Change.USERS,))
def update_user(session: Session, *, user_id: int, role: str | None = None, active: bool | None = None,
                display_name: str | None = None) -> UserRow:
    """Change an account's role, active flag or display name. The last active admin cannot be demoted or disabled."""
    u = _user(session, user_id)
    new_role = _check_role(role) if role is not None else Role(u.role)
    new_active = u.active if active is None else bool(active)
    losing_admin = u.role == Role.ADMIN.value and u.active and (new_role != Role.ADMIN or not new_active)
    if losing_admin and _active_admins(session) <= 1:
        raise RuleViolation(translate(
            "Accounts", "This is the last active administrator; make another account an administrator first."))
    if display_name is not None:
        if len(display_name.strip()) > 60:
            raise ValidationError(translate("Accounts", "The display name can have at most 60 characters."),
                                  field="display_name")
        u.display_name = display_name.strip()
    u.role = new_role.value
    u.active = new_active
    session.flush()
    return _row(u)


@operation(None, writes=True, changes=(Change.USERS,))
def change_own_password(session: Session, *, old_password: str, new_password: str) -> None:
    actor = actor_of(session)
    if actor.user_id is None:
        raise RuleViolation(translate("Accounts", "There are no accounts yet, so there is no password to change."))
    u = _user(session, actor.user_id)
    if not _verify(u.password_hash, old_password or ""):
        raise AuthenticationError(translate("Accounts", "The current password is wrong."), field="old_password")
    check_password(new_password)
    if new_password == old_password:
        raise ValidationError(translate("Accounts", "The new password must differ from the old one."),
                              field="new_password")
    u.password_hash = HASHER.hash(new_password)
    u.must_change_password = False
    session.flush()


# ------------------------------------------------------------------ logging in

def _verify(password_hash: str, password: str) -> bool:
    try:
        return HASHER.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


_DUMMY_HASH: str | None = None


def _burn_time(password: str) -> None:
    """Verify against a dummy hash so an unknown user name takes as long as a wrong password."""
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = HASHER.hash("not a real password")
    _verify(_DUMMY_HASH, password)


def authenticate(session: Session, *, username: str, password: str, now: dt.datetime | None = None) -> LoginResult:
    """Check a user name and password. Never raises for a wrong password: the failure (and the failed-attempt
    counter, and a lockout) must be committed, so the caller raises after the unit of work (see `login`)."""
    now = now or _now()
    name = (username or "").strip()
    generic = translate("Accounts", "The user name or password is wrong.")
    u = find_user(session, name)
    if u is None:
        _burn_time(password or "")
        record_event(session, AuditAction.LOGIN_FAILED, table="users",
                     summary=f"unknown user: {name[:60]}")
        return LoginResult(False, None, generic)
    if not u.active:
        record_event(session, AuditAction.LOGIN_FAILED, table="users", record_id=str(u.id),
                     summary=f"{u.username}: account disabled")
        return LoginResult(False, None, translate("Accounts", "This account is disabled. Ask an administrator."))
    if u.locked_until is not None and u.locked_until > now:
        record_event(session, AuditAction.LOGIN_FAILED, table="users", record_id=str(u.id),
                     summary=f"{u.username}: locked until {u.locked_until:%Y-%m-%d %H:%M} UTC")
        minutes = max(1, int((u.locked_until - now).total_seconds() // 60) + 1)
        return LoginResult(False, None, translate(
            "Accounts", "Too many wrong passwords: this account is locked for {minutes} more minutes, or until an "
                        "administrator unlocks it.").format(minutes=minutes))
    if not _verify(u.password_hash, password or ""):
        u.failed_attempts = (u.failed_attempts or 0) + 1
        message = generic
        if u.failed_attempts >= MAX_FAILED_ATTEMPTS:
            u.locked_until = now + dt.timedelta(minutes=LOCKOUT_MINUTES)
            message = translate(
                "Accounts", "Too many wrong passwords: this account is locked for {minutes} minutes, or until an "
                            "administrator unlocks it.").format(minutes=LOCKOUT_MINUTES)
        session.flush()
        record_event(session, AuditAction.LOGIN_FAILED, table="users", record_id=str(u.id),
                     summary=f"{u.username}: wrong password ({u.failed_attempts})")
        return LoginResult(False, None, message)
    if HASHER.check_needs_rehash(u.password_hash):
        u.password_hash = HASHER.hash(password)
    u.failed_attempts = 0
    u.locked_until = None
    u.last_login_at = now
    session.flush()
    session.info["actor"] = _actor(u)
    record_event(session, AuditAction.LOGIN, table="users", record_id=str(u.id), summary=u.username)
    return LoginResult(True, _actor(u), "", bool(u.must_change_password))


def login(database: Database, *, username: str, password: str, now: dt.datetime | None = None) -> Actor:
    """Log in and return the actor; raises AuthenticationError after the attempt has been committed to the trail."""
    pending = Actor(username=(username or "").strip()[:60] or "?", role=Role.VIEWER, user_id=None)
    with database.session(pending) as s:
        result = authenticate(s, username=username, password=password, now=now)
    if not result.ok:
        raise AuthenticationError(result.message)
    return result.actor


def record_logout(database: Database, actor: Actor) -> None:
    """The window closed: the end of this person's session goes into the trail."""
    with database.session(actor) as s:
        record_event(s, AuditAction.LOGOUT, table="users", record_id=str(actor.user_id), summary=actor.username)


def must_change_password(database: Database, actor: Actor) -> bool:
    """True after an admin reset: the user should choose their own password now."""
    if actor.user_id is None:
        return False
    with database.session(Actor.system(), readonly=True) as s:
        u = s.get(User, actor.user_id)
        return bool(u and u.must_change_password)


def verify_actor_password(database: Database, actor: Actor, password: str) -> Actor:
    """Unlock after an idle lock: the same person types their password again (audited like a login)."""
    return login(database, username=actor.username, password=password)


def idle_lock_minutes(database: Database) -> int:
    """Minutes of inactivity before the window locks (setting `idle_lock_minutes`; 0 turns it off)."""
    from talentdesk.services.common.settings import get_setting

    with database.session(Actor.system(), readonly=True) as s:
        value = get_setting(s, "idle_lock_minutes")
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return 15


def cli_actor(database: Database, *, username: str | None) -> Actor:
    """The actor for a CLI run: the local single user without accounts; otherwise `--user` with the password
    from TALENTDESK_PASSWORD or a prompt. Missing user or password → LoginRequired (exit 2); wrong → exit 1."""
    if not database_has_accounts(database):
        return Actor.local()
    if not username:
        raise LoginRequired(translate(
            "Accounts", "This database has accounts: give your user name with --user NAME (the password is read "
                        "from TALENTDESK_PASSWORD or asked for)."))
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        if not sys.stdin or not sys.stdin.isatty():
            raise LoginRequired(translate(
                "Accounts", "No password: set TALENTDESK_PASSWORD or run the command in a terminal to be asked."))
        try:
            password = getpass.getpass(translate("Accounts", "Password for {user}: ").format(user=username))
        except (EOFError, KeyboardInterrupt):
            raise LoginRequired(translate("Accounts", "No password was entered.")) from None
    return login(database, username=username, password=password)
