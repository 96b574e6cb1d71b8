"""Accounts and logins: argon2id password hashes, lockout after repeated failures, admin resets.

A database without accounts is single-user (`Actor.local()`); the first account created is always an admin, and
from then on every run must log in. Logins and failed logins are written to the audit trail even when they fail.

A login runs in three steps so that the slow, memory-hard password check holds no session: `login_challenge`
(read lane: the stored hash), `verify_password` (no-database lane), `record_login` (write lane: the outcome, the
failed-attempt counter and the lockout, and the audit entry; it refuses a proof made against a hash that has
changed since). `authenticate` does all three in one unit of work (the command line). One's own password change
runs the same way: `own_password_challenge` (read), `hash_own_password` (no-database: checks the current password,
hashes the new one), `set_own_password` (write; refuses if the hash changed since); `change_own_password` does all
three in one unit of work. New and reset passwords are hashed first by `hash_new_password` (no-database lane).
Password prompts belong to the callers (commands/safety.py, ui/safety/login.py).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentdesk.domain.enums import AuditAction, Role
from talentdesk.domain.errors import AuthenticationError, Conflict, NotFound, RuleViolation, StorageError, ValidationError
from talentdesk.domain.models import ChainLink, User
from talentdesk.i18n import translate
from talentdesk.services.base import (
    Actor, Change, Lane, Permission, actor_of, operation, record_event, refuse_stale,
)
from talentdesk.services.safety import key_wraps
from talentdesk.domain.values import utc_now as _now

HASHER = PasswordHasher()  # argon2id, library defaults (memory-hard); tests may swap in a cheaper one
MAX_FAILED_ATTEMPTS = 5
LOCKOUT_MINUTES = 15
MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 256
_USERNAME = re.compile(r"^[^\s\x00-\x1f]{1,40}$")


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
    version: int = 1  # what the accounts page saves a role or on/off change against (services/base.refuse_stale)
    county_id: int | None = None  # None: a city account


@dataclass(frozen=True, slots=True)
class LoginResult:
    ok: bool
    actor: Actor | None
    message: str = ""
    must_change_password: bool = False


def _row(u: User) -> UserRow:
    return UserRow(u.id, u.username, u.display_name, u.role, bool(u.active), u.locked_until, u.failed_attempts,
                   bool(u.must_change_password), u.last_login_at, u.version or 1, u.county_id)


def _actor(u: User) -> Actor:
    return Actor(username=u.username, role=Role(u.role), user_id=u.id, display_name=u.display_name,
                 county_id=u.county_id, city=u.county_id is None)


def has_accounts(session: Session) -> bool:
    """True once any account exists (then every run must log in). A database whose accounts were deleted from the
    file (the hash chain remembers them) refuses to open in single-user mode."""
    if (session.scalar(select(func.count()).select_from(User)) or 0) > 0:
        return True
    if session.scalar(select(ChainLink.id).where(ChainLink.kind == "user").limit(1)) is not None:
        if session.get_bind().dialect.name == "postgresql":  # row-level security hides the other counties' accounts
            raise StorageError(translate(
                "Accounts", "This server database has accounts, but none that this connection's county may see. Ask "
                            "the city's administrator to make an account for your county (see docs/city.md)."))
        raise StorageError(translate(
            "Accounts", "This database has accounts, but they were removed from the file outside TalentDesk. It will "
                        "not open without them. Run \"talentdesk check\" and restore the backup it names."))
    return False


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

@dataclass(frozen=True, slots=True)
class NewPassword:
    """A new password already checked against the rules and hashed (argon2id) — made on the no-database lane by
    `hash_new_password`, so the slow hashing never holds the writer."""

    password_hash: str
    password: str = field(default="", repr=False, compare=False)  # for the key wrap of an encrypted database

    def __repr__(self) -> str:  # never a hash or a password in a log line
        return "NewPassword(***)"


def _plain(password: str | NewPassword) -> str:
    """The password itself, which an encrypted database's key wrap is sealed under (key_wraps.password_set)."""
    return password.password if isinstance(password, NewPassword) else password


@operation(None, lane=Lane.NO_DATABASE)
def hash_new_password(*, password: str) -> NewPassword:
    """Check a new password against the rules and hash it, with no session held (the window runs this first, then
    `create_user` / `reset_password` with the result)."""
    check_password(password)
    return NewPassword(HASHER.hash(password), password)


def _hashed(password: str | NewPassword) -> str:
    """The hash to store: a NewPassword made on the no-database lane, or (the command line, which has no window to
    keep responsive) a password hashed here."""
    if isinstance(password, NewPassword):
        return password.password_hash
    return hash_new_password(password=password).password_hash


@operation(Permission.USER_MANAGE, writes=True, changes=(Change.USERS,))
def create_user(session: Session, *, username: str, password: str | NewPassword, role: str = Role.CLERK.value,
                display_name: str = "", county: str | None = None, city: bool = False) -> UserRow:
    """Create an account (admins only; the single local user of a database without accounts counts as admin).
    The very first account is always an admin, whatever role was asked for.

    The account works for `county` (its 6-digit code), else for the creating account's county, else for the
    database's own (a county office's file has one: no question is asked); `city=True` makes a city account, which
    reads every county (only a city administrator, or the database's owner, makes one)."""
    from talentdesk.services.city.counties import account_county

    first = not has_accounts(session)
    county_id = account_county(session, county=county, city=city)
    name = check_username(username)
    if not isinstance(password, NewPassword):
        check_password(password)
    the_role = Role.ADMIN if first else _check_role(role)
    display = (display_name or "").strip()
    if len(display) > 60:
        raise ValidationError(translate("Accounts", "The display name can have at most 60 characters."),
                              field="display_name")
    if find_user(session, name) is not None:
        raise Conflict(translate("Accounts", "An account named {name} already exists.").format(name=name),
                       field="username")
    u = User(username=name, display_name=display, role=the_role.value, password_hash=_hashed(password),
             active=True, failed_attempts=0, created_by_id=actor_of(session).user_id, county_id=county_id)
    session.add(u)
    session.flush()
    key_wraps.password_set(session, username=u.username, password=_plain(password))
    return _row(u)


@operation(Permission.USER_MANAGE)
def list_users(session: Session) -> list[UserRow]:
    return [_row(u) for u in session.scalars(select(User).order_by(User.username))]


@operation(Permission.USER_MANAGE, writes=True, changes=(Change.USERS,))
def reset_password(session: Session, *, user_id: int, new_password: str | NewPassword,
                   must_change: bool = True) -> UserRow:
    """An admin sets a new password (e.g. a forgotten one); it also clears a lockout."""
    if not isinstance(new_password, NewPassword):
        check_password(new_password)
    u = _user(session, user_id)
    u.password_hash = _hashed(new_password)
    u.failed_attempts = 0
    u.locked_until = None
    u.must_change_password = bool(must_change)
    session.flush()
    key_wraps.password_set(session, username=u.username, password=_plain(new_password))  # an admin's re-wrap
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
                display_name: str | None = None, expected_version: int | None = None) -> UserRow:
    """Change an account's role, active flag or display name. The last active admin cannot be demoted or disabled.
    A change over another administrator's newer one (since `expected_version`) to the same field is an
    EditConflict with both values (a login changes the version too, but none of these fields)."""
    u = _user(session, user_id)
    given = {k: v for k, v in (("role", role), ("active", active), ("display_name", display_name)) if v is not None}
    refuse_stale(session, u, expected_version, mine=given, name=u.username,
                 stored={"role": u.role, "active": bool(u.active), "display_name": u.display_name})
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
    was_active = bool(u.active)
    u.role = new_role.value
    u.active = new_active
    session.flush()
    if was_active and not new_active:
        key_wraps.account_disabled(session, username=u.username)
    return _row(u)


# ------------------------------------------------------------------ logging in

def _verify(password_hash: str, password: str) -> bool:
    try:
        return HASHER.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


_DUMMY_HASH: str | None = None


def _dummy_hash() -> str:
    """A hash to verify against for an unknown user name, so it takes as long as a wrong password."""
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = HASHER.hash("not a real password")
    return _DUMMY_HASH


@dataclass(frozen=True, slots=True)
class Challenge:
    """What a login checks the password against. `password_hash` is None for an unknown user name."""

    username: str
    password_hash: str | None = None

    def __repr__(self) -> str:  # never a hash in a log line
        return f"Challenge({self.username!r})"


@dataclass(frozen=True, slots=True)
class Proof:
    """The outcome of checking a password against a challenge's hash (and a fresh hash when it needs one)."""

    username: str
    checked_hash: str | None
    ok: bool
    rehash: str | None = None

    def __repr__(self) -> str:
        return f"Proof({self.username!r}, ok={self.ok})"


@operation(None)
def login_challenge(session: Session, *, username: str) -> Challenge:
    name = (username or "").strip()
    u = find_user(session, name)
    return Challenge(name, u.password_hash if u is not None else None)


@operation(None, lane=Lane.NO_DATABASE)
def verify_password(*, challenge: Challenge, password: str) -> Proof:
    """The slow part of a login (argon2id), with no session held."""
    if challenge.password_hash is None:
        _verify(_dummy_hash(), password or "")
        return Proof(challenge.username, None, False)
    ok = _verify(challenge.password_hash, password or "")
    rehash = HASHER.hash(password) if ok and HASHER.check_needs_rehash(challenge.password_hash) else None
    return Proof(challenge.username, challenge.password_hash, ok, rehash)


@operation(None, writes=True, changes=(Change.USERS, Change.AUDIT))
def record_login(session: Session, *, proof: Proof, now: dt.datetime | None = None) -> LoginResult:
    """Record a login attempt. Never raises for a wrong password: the failure (and the failed-attempt counter,
    and a lockout) must be committed, so the caller raises or shows the message after the unit of work."""
    now = now or _now()
    name = proof.username
    session.info["actor"] = Actor(username=name[:60] or "?", role=Role.VIEWER, user_id=None)
    generic = translate("Accounts", "The user name or password is wrong.")
    u = find_user(session, name)
    if u is None:
        record_event(session, AuditAction.LOGIN_FAILED, table="users", summary=f"unknown user: {name[:60]}")
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
    if proof.checked_hash != u.password_hash:  # the password changed while it was being checked: check again
        record_event(session, AuditAction.LOGIN_FAILED, table="users", record_id=str(u.id),
                     summary=f"{u.username}: password changed during the login")
        return LoginResult(False, None, generic)
    if not proof.ok:
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
    if proof.rehash:
        u.password_hash = proof.rehash
    u.failed_attempts = 0
    u.locked_until = None
    u.last_login_at = now
    session.flush()
    session.info["actor"] = _actor(u)
    record_event(session, AuditAction.LOGIN, table="users", record_id=str(u.id), summary=u.username)
    return LoginResult(True, _actor(u), "", bool(u.must_change_password))


# ------------------------------------------------------------------ changing one's own password

@dataclass(frozen=True, slots=True)
class OwnPasswordChange:
    """The current password checked against `checked_hash` and the new one hashed — made on the no-database lane
    by `hash_own_password`, so neither argon2 step holds the writer."""

    username: str
    checked_hash: str
    new: NewPassword

    def __repr__(self) -> str:  # never a hash or a password in a log line
        return f"OwnPasswordChange({self.username!r})"


@operation(None)
def own_password_challenge(session: Session) -> Challenge:
    """The signed-in account's stored hash, which `hash_own_password` checks the current password against."""
    actor = actor_of(session)
    if actor.user_id is None:
        raise RuleViolation(translate("Accounts", "There are no accounts yet, so there is no password to change."))
    u = _user(session, actor.user_id)
    return Challenge(u.username, u.password_hash)


@operation(None, lane=Lane.NO_DATABASE)
def hash_own_password(*, challenge: Challenge, old_password: str, new_password: str) -> OwnPasswordChange:
    """The slow part of one's own password change (argon2id: check the current password, hash the new one), with
    no session held."""
    if challenge.password_hash is None or not _verify(challenge.password_hash, old_password or ""):
        raise AuthenticationError(translate("Accounts", "The current password is wrong."), field="old_password")
    check_password(new_password)
    if new_password == old_password:
        raise ValidationError(translate("Accounts", "The new password must differ from the old one."),
                              field="new_password")
    return OwnPasswordChange(challenge.username, challenge.password_hash,
                             NewPassword(HASHER.hash(new_password), new_password))


@operation(None, writes=True, changes=(Change.USERS,))
def set_own_password(session: Session, *, change: OwnPasswordChange) -> None:
    """Store the new password of the signed-in account. Refuses a change checked against a hash that has changed
    since (another window, or an admin's reset, in between)."""
    actor = actor_of(session)
    if actor.user_id is None:
        raise RuleViolation(translate("Accounts", "There are no accounts yet, so there is no password to change."))
    u = _user(session, actor.user_id)
    if u.username != change.username or u.password_hash != change.checked_hash:
        raise Conflict(translate("Accounts", "The password was changed meanwhile. Enter your current password again."),
                       field="old_password")
    u.password_hash = change.new.password_hash
    u.must_change_password = False
    session.flush()
    key_wraps.password_set(session, username=u.username, password=change.new.password)


@operation(None, writes=True, changes=(Change.USERS,))
def change_own_password(session: Session, *, old_password: str, new_password: str) -> None:
    """All three steps in one unit of work (the command line, which has no window to keep responsive)."""
    set_own_password(session, change=hash_own_password(challenge=own_password_challenge(session),
                                                       old_password=old_password, new_password=new_password))


@operation(None, writes=True, changes=(Change.USERS, Change.AUDIT))
def authenticate(session: Session, *, username: str, password: str, now: dt.datetime | None = None) -> LoginResult:
    """All three steps of a login in one unit of work (the command line, which has no window to keep alive)."""
    proof = verify_password(challenge=login_challenge(session, username=username), password=password)
    return record_login(session, proof=proof, now=now)


@operation(None, writes=True, changes=(Change.AUDIT,))
def record_logout(session: Session) -> None:
    """The window closed: the end of this person's session goes into the trail."""
    actor = actor_of(session)
    if actor.user_id is not None:
        record_event(session, AuditAction.LOGOUT, table="users", record_id=str(actor.user_id),
                     summary=actor.username)


@operation(None)
def idle_lock_minutes(session: Session) -> int:
    """Minutes of inactivity before the window locks (setting `idle_lock_minutes`; 0 turns it off)."""
    from talentdesk.services.common.settings import get_setting

    value = get_setting(session, "idle_lock_minutes")
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return 15
