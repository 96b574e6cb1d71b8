"""Safety commands: backup, restore, check, and account management."""
from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from talentdesk.commands.options import command
from talentdesk.domain.errors import InputFileError
from talentdesk.i18n import translate

NEW_PASSWORD_ENV = "TALENTDESK_NEW_PASSWORD"
PASSWORD_ENV = "TALENTDESK_PASSWORD"


class LoginRequired(InputFileError):
    """The database has accounts but no user (or no password) was given: a usage error (CLI exit 2)."""


RECOVERY_KEY_ENV = "TALENTDESK_RECOVERY_KEY"
ROLES = ["admin", "clerk", "approver", "viewer"]
USERNAME = ("username", {})


def read_password(username: str) -> str:
    """The password from TALENTDESK_PASSWORD, or asked for in a terminal; LoginRequired (exit 2) otherwise."""
    password = os.environ.get(PASSWORD_ENV)
    if password is not None:
        return password
    if not sys.stdin or not sys.stdin.isatty():
        raise LoginRequired(translate(
            "SafetyCli", "No password: set TALENTDESK_PASSWORD or run the command in a terminal to be asked."))
    try:
        return getpass.getpass(translate("SafetyCli", "Password for {user}: ").format(user=username))
    except (EOFError, KeyboardInterrupt):
        raise LoginRequired(translate("SafetyCli", "No password was entered.")) from None


def unlock_for_cli(ctx) -> None:
    """Before an encrypted database is opened: its key from the recovery key (TALENTDESK_RECOVERY_KEY), from this
    PC's store (single-user mode, when the office turned it on), or unwrapped with --user's password. A wrong
    password or key exits 1 and changes nothing; no user given exits 2."""
    from talentdesk.store import cipher

    path = Path(ctx.db_path)
    recovery = os.environ.get(RECOVERY_KEY_ENV)
    if recovery and "://" not in str(ctx.db_path):
        cipher.remember(cipher.key_from_recovery_text(recovery))  # also opens backups made with that key
    if "://" in str(ctx.db_path) or not cipher.needs_key(path):
        return
    if recovery:
        cipher.unlock_with_recovery_key(path, recovery)
        return
    if cipher.unlock_from_os_store(path) is not None:
        return
    if not ctx.user:
        raise LoginRequired(translate(
            "Encryption", "This database is encrypted: give your user name with --user NAME (the password is read "
                          "from TALENTDESK_PASSWORD or asked for), or its recovery key in TALENTDESK_RECOVERY_KEY."))
    cipher.unlock_with_password(path, ctx.user, ctx.password())


def cli_actor(database, *, username: str | None, password: str | None = None, ask=None):
    """The actor for a CLI run: the local single user without accounts; otherwise `--user` with the password
    from TALENTDESK_PASSWORD or a prompt. Missing user or password → LoginRequired (exit 2); wrong → exit 1."""
    from talentdesk.domain.errors import AuthenticationError
    from talentdesk.services.base import Actor
    from talentdesk.services.safety.accounts import authenticate, has_accounts

    with database.session(Actor.system(), readonly=True) as s:
        accounts_exist = has_accounts(s)
    if not accounts_exist:
        return Actor.local()
    if not username:
        raise LoginRequired(translate(
            "SafetyCli", "This database has accounts: give your user name with --user NAME (the password is read "
                         "from TALENTDESK_PASSWORD or asked for)."))
    if password is None:
        password = ask() if ask is not None else read_password(username)
    with database.session(Actor.system()) as s:
        result = authenticate(s, username=username, password=password)
    if not result.ok:  # raised after the unit of work, so the failed attempt and any lockout are committed
        raise AuthenticationError(result.message)
    return result.actor


def register(sub) -> None:
    command(sub, "init", cmd_init,
            help="create a new, empty database at --db (every other command needs one to exist)")
    command(sub, "backup", cmd_backup,
            ("--to", {"type": Path, "default": None, "help": "write the backup to this file or folder instead"}),
            ("--overwrite", {"action": "store_true", "help": "replace the --to file when it already exists"}),
            help="back up the database now (checked copy, rotated)")
    command(sub, "restore", cmd_restore, ("path", {"type": Path}),
            help="replace the database with a backup (the current one is backed up first)")
    command(sub, "check", cmd_check,
            ("--head", {"action": "append", "default": None, "metavar": "HEAD",
                        "help": "a chain head printed on a certificate, roster or report: it must still be in the "
                                "chain"}),
            help="full integrity check: SQLite, links, ledger, payment batches against their payment orders, "
                 "certificate serials, hash chain")

    p = sub.add_parser("encryption", help="encryption at rest: status, turn on, recover with the recovery key")
    es = p.add_subparsers(dest="encryption_command", required=True)
    command(es, "status", cmd_encryption_status, help="is the file encrypted, and which accounts can open it")
    command(es, "on", cmd_encryption_on,
            ("--os-store", {"action": "store_true", "help": "single-user mode: keep the key in this PC's store"}),
            help="encrypt the database now (with accounts: --user, an administrator; without: --os-store keeps the "
                 "key in this PC's protected store); prints the recovery key once")
    command(es, "recover", cmd_encryption_recover, USERNAME,
            help=f"open with the recovery key ({RECOVERY_KEY_ENV} or a prompt) and set a new password for an "
                 f"account ({NEW_PASSWORD_ENV} or a prompt)")

    p = sub.add_parser("users", help="list or manage accounts (admins)")
    us = p.add_subparsers(dest="users_command", required=True)
    command(us, "list", cmd_users_list)
    command(us, "add", cmd_users_add, USERNAME, ("--role", {"choices": ROLES, "default": "clerk"}),
            ("--name", {"default": "", "help": "display name"}),
            ("--county", {"default": None, "help": "a city database: the 6-digit code of the county the account "
                                                   "works for (default: your own county)"}),
            ("--city", {"action": "store_true", "help": "a city database: a city account, which reads every county"}),
            help=f"create an account (password from {NEW_PASSWORD_ENV} or a prompt)")
    command(us, "reset-password", cmd_users_reset, USERNAME,
            help=f"set a new password (from {NEW_PASSWORD_ENV} or a prompt)")
    command(us, "unlock", cmd_users_unlock, USERNAME, help="clear a lockout after too many wrong passwords")
    command(us, "set-role", cmd_users_set_role, USERNAME, ("role", {"choices": ROLES}))


def cmd_init(args: argparse.Namespace, ctx) -> int:
    from talentdesk.domain.errors import Conflict
    from talentdesk.services.base import Database

    from talentdesk.store.server import is_server_url

    if is_server_url(ctx.db_path):
        return _init_server(ctx)
    path = Path(ctx.db_path)
    if path.exists() and path.stat().st_size > 0:
        raise Conflict(translate("SafetyCli", "There is already a database at {path}; nothing was changed.").format(
            path=path))
    database = Database.open(path)
    try:
        revision = database.migration.to_revision if database.migration else ""
    finally:
        database.dispose()
    ctx.emit({"path": str(path), "schema": revision},
             translate("SafetyCli", "Created an empty database at {path}.").format(path=path))
    return 0


def _init_server(ctx) -> int:
    """`init` on a server: the schema on an empty database (refused when it already holds TalentDesk data)."""
    from sqlalchemy import inspect as sa_inspect

    from talentdesk.domain.errors import Conflict
    from talentdesk.services.base import Database

    database = Database.open(ctx.db_path, migrate=False, ask_password=None)
    try:
        names = set(sa_inspect(database.engine).get_table_names()) - {"alembic_version"}
        if names:
            raise Conflict(translate("SafetyCli", "There is already a database at {path}; nothing was changed.")
                           .format(path=database.where))
        database.migration = database.migrate()
        revision = database.migration.to_revision
    finally:
        database.dispose()
    ctx.emit({"path": database.where, "schema": revision},
             translate("SafetyCli", "Created an empty database at {path}.").format(path=database.where))
    return 0


def _require_db_file(ctx) -> None:
    from talentdesk.domain.errors import InputFileError
    from talentdesk.store.server import is_server_url

    if not is_server_url(ctx.db_path) and not Path(ctx.db_path).exists():
        raise InputFileError(translate("SafetyCli", "There is no database at {path}.").format(path=ctx.db_path))


def cmd_backup(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.safety.backups import run_backup
    from talentdesk.store.server import is_server_url

    if is_server_url(ctx.db_path):
        return _server_backup(args, ctx)
    _require_db_file(ctx)
    database = ctx.database()
    with database.session(ctx.actor(), exclusive="backup") as s:
        result = run_backup(s, reason="manual", to=args.to, overwrite=args.overwrite)
    text = translate("SafetyCli", "Backup written and checked: {path} ({size:,} bytes)").format(
        path=result.path, size=result.size)
    if result.counts:
        text += "\n" + result.proof_text()
    if result.second_path:
        text += "\n" + translate("SafetyCli", "Copied to: {path}").format(path=result.second_path)
    if result.second_error:
        text += "\n" + result.second_error
    ctx.emit({"path": str(result.path), "size": result.size, "counts": result.counts or {},
              "second_path": str(result.second_path or ""),
              "second_error": result.second_error, "removed": [str(p) for p in result.removed]}, text)
    return 0


def cmd_restore(args: argparse.Namespace, ctx) -> int:
    from talentdesk.services.safety.backups import check_candidate, restore
    from talentdesk.store.locking import DatabaseLock

    from talentdesk.store.server import is_server_url

    if is_server_url(ctx.db_path):
        return _server_restore(args, ctx)
    ctx.unlock()  # an encrypted database (and its backups) open only with its key
    check_candidate(path=args.path)  # a wrong file is refused before anything is opened or changed
    with DatabaseLock(ctx.db_path):
        database = ctx.database()
        with database.session(ctx.actor(), exclusive="restore") as s:
            result = restore(s, source=args.path)
    ctx.emit({"restored_from": str(result.restored_from), "safety_backup": str(result.safety_backup),
              "schema_before": result.revision_before, "migrated": result.migrated,
              "talents": result.talents, "ledger_entries": result.ledger_entries},
             translate("SafetyCli", "Restored {source} ({talents} talents, {entries} ledger entries). The previous "
                                    "database was saved as {backup}.").format(
                 source=result.restored_from, talents=result.talents, entries=result.ledger_entries,
                 backup=result.safety_backup))
    return 0


def _require(actor, permission) -> None:
    from talentdesk.domain.errors import PermissionDenied

    if not actor.can(permission):
        raise PermissionDenied(translate("Permissions", "Your role ({role}) is not allowed to do this.").format(
            role=actor.role.value), permission=permission.value, operation="backup")


def _server_backup(args: argparse.Namespace, ctx) -> int:
    """A server database is backed up with pg_dump (store/pgtools.py): checked before it is named."""
    from talentdesk.paths import data_paths
    from talentdesk.services.base import Permission
    from talentdesk.store import pgtools

    database = ctx.database()
    _require(ctx.actor(), Permission.BACKUP_RUN)
    folder = data_paths().root / "backups" / "server"
    dest = Path(args.to) if args.to else pgtools.default_dump_path(folder, database.server)
    if args.to and Path(args.to).is_dir():
        dest = pgtools.default_dump_path(Path(args.to), database.server)
    result = pgtools.dump(database.engine, database.server, database.engine.url.password, dest)
    ctx.emit({"path": str(result.path), "size": result.size, "tables": result.tables},
             translate("SafetyCli", "Backup written and checked: {path} ({size:,} bytes)").format(
                 path=result.path, size=result.size))
    return 0


def _server_restore(args: argparse.Namespace, ctx) -> int:
    """A pg_dump backup goes into an empty server database, then the full check runs on it."""
    from talentdesk.domain.errors import StorageError
    from talentdesk.services.base import Permission
    from talentdesk.store import pgtools
    from talentdesk.store.integrity import server_check

    database = ctx.database()
    _require(ctx.actor(), Permission.BACKUP_RESTORE)
    pgtools.restore(database.engine, database.server, database.engine.url.password, Path(args.path))
    database.engine.dispose()
    report = server_check(database.engine, database.where)
    if not report.ok:
        raise StorageError(translate("PgTools", "The restored database fails its check:") + "\n" + report.text())
    ctx.emit({"restored_from": str(args.path), "target": database.where, "checks": report.ok},
             translate("PgTools", "Restored {source} into {target}; the full check passes.").format(
                 source=args.path, target=database.where) + "\n" + report.text())
    return 0


def cmd_check(args: argparse.Namespace, ctx) -> int:
    from talentdesk.store.backup_files import check_naming_a_good_backup

    _require_db_file(ctx)
    from talentdesk.store.server import is_server_url

    if is_server_url(ctx.db_path):
        from talentdesk.store.integrity import server_check

        database = ctx.database()
        report = server_check(database.engine, database.where)
    else:
        ctx.unlock()
        report = check_naming_a_good_backup(Path(ctx.db_path), heads=tuple(args.head or ()))
        database = None
        if report.ok:
            from talentdesk.services.base import Database

            database = Database.open(ctx.db_path, migrate=False)
    if database is not None:
        try:
            report = _with_watch_list_check(report, database)
        finally:
            if database is not ctx._database:
                database.dispose()
    ctx.emit({"ok": report.ok, "checks": [{"name": i.name, "ok": i.ok, "problems": i.problems} for i in report.items],
              "good_backup": str(report.good_backup or "")}, report.text())
    return 0 if report.ok else 1


def _with_watch_list_check(report, database):
    """The watch list's precomputed signals against the from-scratch computation (services/growth/risk.py);
    skipped on a schema without them (an older database is brought up to date when the program opens it)."""
    import datetime as dt

    from sqlalchemy import inspect

    from talentdesk.services.base import Actor
    from talentdesk.services.growth import risk
    from talentdesk.store.integrity import CheckItem, CheckReport

    if not inspect(database.engine).has_table("watch_signals"):
        return report
    with database.session(Actor.system(), readonly=True) as s:
        drift = risk.watch_drift(s, today=dt.date.today())
    bad = sorted(set(drift.differing_today) | set(drift.differing_rows))
    problems = [translate("SafetyCli", "Talent #{id}: the watch list's stored signals differ from the data.").format(
        id=tid) for tid in bad]
    if bad:
        problems.append(translate("SafetyCli", "Recompute them with: talentdesk watch-list --rebuild"))
    item = CheckItem(translate(
        "SafetyCli", "Watch list's stored signals against the data ({n} talents with a signal today)").format(
        n=drift.talents_today), not bad, problems)
    return CheckReport(report.path, [*report.items, item], report.good_backup)


def _new_password(prompt_for: str) -> str:
    pw = os.environ.get(NEW_PASSWORD_ENV)
    if pw is not None:
        return pw
    if not sys.stdin or not sys.stdin.isatty():
        raise LoginRequired(translate("SafetyCli", "No new password: set {env} or run the command in a terminal.")
                            .format(env=NEW_PASSWORD_ENV))
    first = getpass.getpass(translate("SafetyCli", "New password for {user}: ").format(user=prompt_for))
    again = getpass.getpass(translate("SafetyCli", "Repeat the new password: "))
    if first != again:
        raise LoginRequired(translate("SafetyCli", "The two passwords differ."))
    return first


def _user_id(session, username: str) -> int:
    from talentdesk.domain.errors import NotFound
    from talentdesk.services.safety.accounts import find_user

    user = find_user(session, username)
    if user is None:
        raise NotFound(translate("SafetyCli", "There is no account named {name}.").format(name=username))
    return user.id


def _user_dict(u) -> dict:
    return {"id": u.id, "username": u.username, "display_name": u.display_name, "role": u.role, "active": u.active,
            "locked_until": u.locked_until, "last_login_at": u.last_login_at}


def cmd_users_list(args, ctx) -> int:
    from talentdesk.services.safety.accounts import list_users

    with ctx.database().session(ctx.actor()) as s:
        users = list_users(s)
    text = "\n".join(f"{u.username:<20} {u.role:<9} {'' if u.active else '(disabled)'} {u.display_name}"
                     for u in users) or translate("SafetyCli", "No accounts: the database is in single-user mode.")
    ctx.emit([_user_dict(u) for u in users], text)
    return 0


def cmd_users_add(args, ctx) -> int:
    from talentdesk.services.safety.accounts import create_user

    database = ctx.database()
    actor = ctx.actor()
    password = _new_password(args.username)
    with database.session(actor) as s:
        u = create_user(s, username=args.username, password=password, role=args.role, display_name=args.name,
                        county=args.county, city=args.city)
    text = translate("SafetyCli", "Account {name} created with role {role}.").format(name=u.username, role=u.role)
    payload = _user_dict(u)
    if actor.single_user:
        text += "\n" + translate("SafetyCli", "This is the first account, so it is an administrator; from now on "
                                              "every command that reads or changes data needs --user.")
        encrypted = _encrypt_after_first_account(database, u.username, password)
        if encrypted is not None:
            text += "\n" + _encrypted_text(encrypted)
            payload["recovery_key"] = encrypted.recovery_key
            payload["encrypted"] = True
    ctx.emit(payload, text)
    return 0


def _encrypt_after_first_account(database, username: str, password: str):
    """The first account turns encryption at rest on: the file (and every backup) is encrypted, the key wrapped
    by this account's password. Nothing to do for a server database or a file already encrypted."""
    from talentdesk.services.safety.accounts import authenticate
    from talentdesk.services.safety.encryption import encrypt_database
    from talentdesk.store import cipher

    if database.path is None or cipher.is_encrypted(database.path):
        return None
    with database.session(database_actor_system()) as s:
        result = authenticate(s, username=username, password=password)
    with database.session(result.actor, exclusive="migration") as s:
        return encrypt_database(s, username=username, password=password)


def database_actor_system():
    from talentdesk.services.base import Actor

    return Actor.system()


def _encrypted_text(result) -> str:
    lines = [translate("Encryption", "The database and its {n} backups are now encrypted.").format(
                 n=result.backups_encrypted),
             translate("Encryption", "RECOVERY KEY (shown only now; print it or write it down, and keep it locked "
                                     "away from the PC): {key}").format(key=result.recovery_key),
             translate("Encryption", "With it the database and every backup can be opened when all passwords are "
                                     "lost: talentdesk encryption recover USER.")]
    if result.accounts_without_key:
        lines.append(translate("Encryption", "These accounts need a new password from an administrator before they "
                                             "can open the database: {names}").format(
            names=", ".join(result.accounts_without_key)))
    return "\n".join(lines)


def cmd_encryption_status(args, ctx) -> int:
    from talentdesk.services.safety.encryption import encryption_status

    with ctx.database().session(ctx.actor(), readonly=True) as s:
        st = encryption_status(s)
    if not st.applicable:
        text = translate("Encryption", "A server database: encryption at rest is the server's (this setting does "
                                       "not apply).")
    elif not st.encrypted:
        text = translate("Encryption", "Not encrypted (single-user mode without encryption).")
    else:
        text = translate("Encryption", "Encrypted (SQLCipher). Accounts that can open it: {ok}.").format(
            ok=", ".join(st.accounts_with_key) or "—")
        if st.os_store:
            text += "\n" + translate("Encryption", "The key is also kept in this PC's protected store "
                                                   "(single-user mode).")
        if st.accounts_without_key:
            text += "\n" + translate("Encryption", "Accounts that need a new password from an administrator first: "
                                                   "{names}").format(names=", ".join(st.accounts_without_key))
    ctx.emit({"applicable": st.applicable, "encrypted": st.encrypted, "accounts_with_key": list(st.accounts_with_key),
              "accounts_without_key": list(st.accounts_without_key), "os_store": st.os_store}, text)
    return 0


def cmd_encryption_on(args, ctx) -> int:
    from talentdesk.services.safety.encryption import encrypt_database

    database = ctx.database()
    actor = ctx.actor()
    with database.session(actor, exclusive="migration") as s:
        result = encrypt_database(s, username=ctx.user if not actor.single_user else None,
                                  password=ctx._password if not actor.single_user else None,
                                  os_store=bool(args.os_store))
    ctx.emit({"encrypted": True, "recovery_key": result.recovery_key, "backups_encrypted": result.backups_encrypted,
              "backup": str(result.backup), "accounts_without_key": list(result.accounts_without_key)},
             _encrypted_text(result))
    return 0


def cmd_encryption_recover(args, ctx) -> int:
    """All passwords lost: the recovery key opens the file, and this account gets a new password (and a new wrap),
    to be changed at its next login. Recorded in the audit trail as done with the recovery key."""
    from talentdesk.domain.enums import Role
    from talentdesk.services.base import Actor
    from talentdesk.store import cipher

    path = Path(ctx.db_path)
    if not cipher.is_encrypted(path):
        raise InputFileError(translate("Encryption", "{path} is not encrypted; there is nothing to recover with a "
                                                     "recovery key.").format(path=path))
    text = os.environ.get(RECOVERY_KEY_ENV)
    if not text:
        if not sys.stdin or not sys.stdin.isatty():
            raise LoginRequired(translate("Encryption", "No recovery key: set {env} or run the command in a "
                                                        "terminal.").format(env=RECOVERY_KEY_ENV))
        text = getpass.getpass(translate("Encryption", "Recovery key: "))
    cipher.unlock_with_recovery_key(path, text)
    return _set_new_password(ctx, Actor(username="recovery-key", role=Role.ADMIN), args.username, translate(
        "Encryption", "Opened with the recovery key. New password set for {name}; they must change it at the next "
                      "login."))


def cmd_users_reset(args, ctx) -> int:
    return _set_new_password(ctx, ctx.actor(), args.username, translate(
        "SafetyCli", "New password set for {name}; they must change it at the next login."))


def _set_new_password(ctx, actor, username: str, done_text: str) -> int:
    """A new password (asked for, or from TALENTDESK_NEW_PASSWORD) for the account, set by `actor`; the account must
    change it at its next login."""
    from talentdesk.services.safety.accounts import reset_password

    password = _new_password(username)
    with ctx.database().session(actor) as s:
        u = reset_password(s, user_id=_user_id(s, username), new_password=password)
    ctx.emit(_user_dict(u), done_text.format(name=u.username))
    return 0


def cmd_users_unlock(args, ctx) -> int:
    from talentdesk.services.safety.accounts import unlock_user

    with ctx.database().session(ctx.actor()) as s:
        u = unlock_user(s, user_id=_user_id(s, args.username))
    ctx.emit(_user_dict(u), translate("SafetyCli", "Account {name} unlocked.").format(name=u.username))
    return 0


def cmd_users_set_role(args, ctx) -> int:
    from talentdesk.services.safety.accounts import update_user

    with ctx.database().session(ctx.actor()) as s:
        u = update_user(s, user_id=_user_id(s, args.username), role=args.role)
    ctx.emit(_user_dict(u), translate("SafetyCli", "Account {name} now has role {role}.").format(
        name=u.username, role=u.role))
    return 0
