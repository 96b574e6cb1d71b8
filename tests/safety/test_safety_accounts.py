"""Accounts: the first account is an admin, passwords are argon2id, wrong passwords lock the account, every login
attempt is in the audit trail, and the CLI asks for --user once accounts exist."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from argon2 import PasswordHasher, Type
from sqlalchemy import select

from talentdesk.cli import main as cli_main
from talentdesk.commands.safety import PASSWORD_ENV, LoginRequired, cli_actor
from talentdesk.domain.enums import Role
from talentdesk.domain.errors import AuthenticationError, Conflict, PermissionDenied, RuleViolation, ValidationError
from talentdesk.domain.models import User
from talentdesk.services.safety import accounts
from talentdesk.services.base import Actor
from talentdesk.services.common.settings import set_setting

from tests.safety.safety_helpers import audit_rows, login

PW = "correct horse 1"


def _create(database, username, role="clerk", password=PW, actor=None):
    with database.session(actor or Actor.local()) as s:
        return accounts.create_user(s, username=username, password=password, role=role)


@pytest.fixture
def office(database):
    """An office with an admin, a clerk, an approver and a viewer."""
    admin = _create(database, "admin", "clerk")  # the first account is an admin whatever was asked
    actor = login(database, username="admin", password=PW)
    for name, role in (("clerk", "clerk"), ("approver", "approver"), ("viewer", "viewer")):
        _create(database, name, role, actor=actor)
    return database, admin


def test_production_hasher_is_memory_hard_argon2id():
    hasher = PasswordHasher()
    assert hasher.type is Type.ID
    assert hasher.memory_cost >= 19 * 1024  # OWASP minimum for argon2id, in KiB


def _has_accounts(database) -> bool:
    with database.session(Actor.system(), readonly=True) as s:
        return accounts.has_accounts(s)


def test_the_first_account_is_an_admin_and_switches_on_logins(database):
    assert not _has_accounts(database)
    row = _create(database, "zhang", "viewer")
    assert row.role == "admin"
    assert _has_accounts(database)


def test_passwords_are_stored_as_argon2id_hashes_and_never_in_the_trail(office):
    database, _ = office
    with database.session(Actor.system(), readonly=True) as s:
        hashes = list(s.scalars(select(User.password_hash)))
    assert all(h.startswith("$argon2id$") for h in hashes)
    assert all(PW not in (a.after or "") + (a.before or "") for a in audit_rows(database))
    inserts = audit_rows(database, table_name="users", action="insert")
    assert json.loads(inserts[0].after)["password_hash"] == "***"


def test_login_returns_the_users_actor_and_is_audited(office):
    database, _ = office
    actor = login(database, username="Clerk", password=PW)  # user names are case-insensitive
    assert actor.role is Role.CLERK and actor.user_id is not None and actor.username == "clerk"
    last = audit_rows(database, action="login")[-1]
    assert last.actor_name == "clerk" and last.actor_id == actor.user_id


def test_a_wrong_password_is_refused_and_the_failure_is_committed_to_the_trail(office):
    database, _ = office
    with pytest.raises(AuthenticationError, match="wrong"):
        login(database, username="clerk", password="guess")
    with pytest.raises(AuthenticationError):
        login(database, username="nobody", password="guess")
    failed = audit_rows(database, action="login_failed")
    assert [f.actor_name for f in failed] == ["clerk", "nobody"]
    with database.session(Actor.system(), readonly=True) as s:
        assert s.scalar(select(User.failed_attempts).where(User.username == "clerk")) == 1


def test_repeated_failures_lock_the_account_until_the_time_passes(office):
    database, _ = office
    now = dt.datetime(2026, 11, 23, 9, 0)
    for _ in range(accounts.MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(AuthenticationError, match="wrong"):
            login(database, username="clerk", password="bad", now=now)
    with pytest.raises(AuthenticationError, match="locked"):
        login(database, username="clerk", password="bad", now=now)
    with pytest.raises(AuthenticationError, match="locked"):  # even the right password while locked
        login(database, username="clerk", password=PW, now=now + dt.timedelta(minutes=5))
    later = now + dt.timedelta(minutes=accounts.LOCKOUT_MINUTES + 1)
    assert login(database, username="clerk", password=PW, now=later).role is Role.CLERK


def test_an_admin_resets_a_password_and_clears_the_lock_but_a_clerk_cannot(office):
    database, _ = office
    for _ in range(accounts.MAX_FAILED_ATTEMPTS):
        with pytest.raises(AuthenticationError):
            login(database, username="viewer", password="bad")
    admin = login(database, username="admin", password=PW)
    clerk = login(database, username="clerk", password=PW)
    with database.session(admin, readonly=True) as s:
        vid = next(u.id for u in accounts.list_users(s) if u.username == "viewer")
    with pytest.raises(PermissionDenied):
        with database.session(clerk) as s:
            accounts.reset_password(s, user_id=vid, new_password="new password 2")
    assert audit_rows(database, action="denied")[-1].actor_name == "clerk"
    with database.session(admin) as s:
        row = accounts.reset_password(s, user_id=vid, new_password="new password 2")
    assert row.must_change_password and row.locked_until is None
    with pytest.raises(AuthenticationError):
        login(database, username="viewer", password=PW)
    assert login(database, username="viewer", password="new password 2").role is Role.VIEWER


def test_users_change_their_own_password(office):
    database, _ = office
    clerk = login(database, username="clerk", password=PW)
    with pytest.raises(AuthenticationError):
        with database.session(clerk) as s:
            accounts.change_own_password(s, old_password="nope", new_password="another one 3")
    with database.session(clerk) as s:
        accounts.change_own_password(s, old_password=PW, new_password="another one 3")
    assert login(database, username="clerk", password="another one 3").username == "clerk"


def test_an_own_password_change_checked_against_an_old_hash_is_refused(office):
    """The window checks the current password with no session held; if the password changed meanwhile (another
    window, an admin's reset), storing the change is refused and nothing changes."""
    database, _ = office
    clerk = login(database, username="clerk", password=PW)
    with database.session(clerk, readonly=True) as s:
        challenge = accounts.own_password_challenge(s)
    with pytest.raises(AuthenticationError):
        accounts.hash_own_password(challenge=challenge, old_password="nope", new_password="another one 3")
    with pytest.raises(ValidationError):
        accounts.hash_own_password(challenge=challenge, old_password=PW, new_password=PW)
    stale = accounts.hash_own_password(challenge=challenge, old_password=PW, new_password="another one 3")
    with database.session(clerk) as s:
        accounts.change_own_password(s, old_password=PW, new_password="meanwhile 4")
    with pytest.raises(Conflict):
        with database.session(clerk) as s:
            accounts.set_own_password(s, change=stale)
    assert login(database, username="clerk", password="meanwhile 4").username == "clerk"
    with pytest.raises(AuthenticationError):
        login(database, username="clerk", password="another one 3")
    with pytest.raises(RuleViolation):
        with database.session(Actor.local(), readonly=True) as s:
            accounts.own_password_challenge(s)


def test_bad_account_input_is_refused_with_a_message(office):
    database, _ = office
    admin = login(database, username="admin", password=PW)
    cases = [("has space", PW, ValidationError), ("", PW, ValidationError), ("x" * 41, PW, ValidationError),
             ("short", "1234567", ValidationError), ("ADMIN", PW, Conflict)]
    for username, password, error in cases:
        with pytest.raises(error) as info:
            _create(database, username, password=password, actor=admin)
        assert info.value.message
    with pytest.raises(ValidationError):
        _create(database, "ok_name", role="superuser", actor=admin)


def test_disabled_accounts_cannot_log_in_and_the_last_admin_stays(office):
    database, admin_row = office
    admin = login(database, username="admin", password=PW)
    with pytest.raises(RuleViolation):
        with database.session(admin) as s:
            accounts.update_user(s, user_id=admin_row.id, role="clerk")
    with database.session(admin) as s:
        vid = next(u.id for u in accounts.list_users(s) if u.username == "viewer")
        accounts.update_user(s, user_id=vid, active=False)
    with pytest.raises(AuthenticationError, match="disabled"):
        login(database, username="viewer", password=PW)


def test_idle_lock_minutes_come_from_the_settings(database):
    def minutes():
        with database.session(Actor.system(), readonly=True) as s:
            return accounts.idle_lock_minutes(s)

    assert minutes() == 15
    with database.session(Actor.local()) as s:
        set_setting(s, key="idle_lock_minutes", value=3)
    assert minutes() == 3


def test_cli_actor_is_local_without_accounts_and_needs_a_login_with_them(database, monkeypatch):
    assert cli_actor(database, username=None) == Actor.local()
    _create(database, "boss")
    with pytest.raises(LoginRequired, match="--user"):
        cli_actor(database, username=None)
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    monkeypatch.setattr("sys.stdin", None)
    with pytest.raises(LoginRequired, match="TALENTDESK_PASSWORD"):
        cli_actor(database, username="boss")
    monkeypatch.setenv(PASSWORD_ENV, "wrong password")
    with pytest.raises(AuthenticationError):
        cli_actor(database, username="boss")
    monkeypatch.setenv(PASSWORD_ENV, PW)
    assert cli_actor(database, username="boss").role is Role.ADMIN


def test_cli_exit_codes_for_logins(db_path, monkeypatch, capsys):
    monkeypatch.setenv("TALENTDESK_NEW_PASSWORD", PW)
    assert cli_main(["--lang", "en", "--db", str(db_path), "users", "add", "boss"]) == 0
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    monkeypatch.setattr("sys.stdin", None)
    assert cli_main(["--lang", "en", "--db", str(db_path), "backup"]) == 2
    assert "--user" in capsys.readouterr().err
    monkeypatch.setenv(PASSWORD_ENV, "not it at all")
    assert cli_main(["--lang", "en", "--db", str(db_path), "--user", "boss", "backup"]) == 1
    assert "wrong" in capsys.readouterr().err
    monkeypatch.setenv(PASSWORD_ENV, PW)
    assert cli_main(["--lang", "en", "--db", str(db_path), "--user", "boss", "users", "list"]) == 0
    assert "boss" in capsys.readouterr().out


def test_messages_speak_chinese_by_default(office, zh):
    database, _ = office
    with pytest.raises(AuthenticationError) as info:
        login(database, username="clerk", password="guess")
    assert "密码" in info.value.message


def test_a_reset_password_must_be_changed_at_the_next_login(office):
    database, _ = office
    admin = login(database, username="admin", password=PW)
    with database.session(admin) as s:
        vid = next(u.id for u in accounts.list_users(s) if u.username == "viewer")
        accounts.reset_password(s, user_id=vid, new_password="temporary 123")
    with database.session(Actor.system()) as s:
        first = accounts.authenticate(s, username="viewer", password="temporary 123")
    assert first.ok and first.must_change_password
    with database.session(first.actor) as s:
        accounts.change_own_password(s, old_password="temporary 123", new_password="my own secret")
    with database.session(Actor.system()) as s:
        again = accounts.authenticate(s, username="viewer", password="my own secret")
    assert again.ok and not again.must_change_password
