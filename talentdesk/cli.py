"""The command-line companion: the same services as the window, for scripting, support and tests.

Exit codes: 0 success; 1 the command ran but refused (invalid data, failed check); 2 usage or unreadable input.
Output never fails on a console or pipe, whatever its code page (cp936, cp1252 …): `--json` documents are ASCII
(every other character as a \\uXXXX escape, which any JSON reader decodes), and text replaces a character the
code page lacks with "?" (see `console_safe_output`).
Qt is imported only by the commands that open a window (`self-test`, and no command at all).
"""
from __future__ import annotations

import argparse
import faulthandler
import json
import logging
import os
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, is_dataclass
from pathlib import Path
from typing import Any, TypeVar

from talentdesk import __version__, i18n
from talentdesk.domain.errors import InputFileError, TalentDeskError
from talentdesk.i18n import translate
from talentdesk.logs import enable_crash_log, setup_logging
from talentdesk.paths import data_paths

log = logging.getLogger(__name__)

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
T = TypeVar("T")


@dataclass
class CliContext:
    """What every command gets: where the database is, the language, and how to act on it."""

    db_path: Path | str  # a file, or a server's URL (store/server.py)
    lang: str
    user: str | None
    json: bool = False
    _database: Any = field(default=None, repr=False)
    _password: str | None = field(default=None, repr=False)

    def password(self) -> str:
        """The --user's password (TALENTDESK_PASSWORD or a prompt), asked once per run: it unlocks an encrypted
        database and logs in."""
        if self._password is None:
            from talentdesk.commands.safety import read_password

            self._password = read_password(self.user or "")
        return self._password

    def unlock(self) -> None:
        """An encrypted database is opened only after its key is unwrapped (commands/safety.py `unlock_for_cli`):
        with the recovery key, this PC's store (single-user mode) or the --user's password."""
        from talentdesk.commands.safety import unlock_for_cli

        unlock_for_cli(self)

    def database(self):
        if self._database is None:
            from talentdesk.services.base import Database
            from talentdesk.store.backup_files import clean_leftovers

            self.unlock()
            self._database = Database.open(self.db_path, ask_password=_ask_server_password)
            self._database.wait_notice = lambda text: print(text, file=sys.stderr, flush=True)
            if self._database.path is not None:
                # what a killed run left behind; a committed print or export is put in place (said when it cannot)
                clean_leftovers(self._database.path, notice=lambda text: print(text, file=sys.stderr, flush=True))
        return self._database

    def actor(self):
        """The actor for this run: the single local user of a database without accounts; with accounts, the
        named user after checking the password (commands/safety.py asks for it)."""
        from talentdesk.commands.safety import cli_actor

        database = self.database()
        return cli_actor(database, username=self.user, password=self._password if self.user else None,
                         ask=self.password)

    def run(self, operation: Callable[..., T], /, *, readonly: bool = False, **kwargs: Any) -> T:
        """One service operation as this run's actor, in its own unit of work (committed when it returns)."""
        with self.database().session(self.actor(), readonly=readonly) as s:
            return operation(s, **kwargs)

    def emit(self, payload: Any, text: str | None = None) -> None:
        """Print one JSON document (with --json) or the human text."""
        if self.json:
            # ASCII: survives any console code page or pipe (the frozen program ignores PYTHONIOENCODING)
            print(json.dumps(to_jsonable(payload), ensure_ascii=True, indent=2, default=str))
        elif text is not None:
            print(text)

    def close(self) -> None:
        if self._database is not None:
            self._database.dispose()
            self._database = None


def to_jsonable(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {k: to_jsonable(v) for k, v in asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


class UsageError(Exception):
    def __init__(self, parser: argparse.ArgumentParser, message: str):
        super().__init__(message)
        self.parser, self.message = parser, message


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2 with a short message (main prints it)
        raise UsageError(self, message)


# commands that may create the database they are pointed at; every other one refuses a path that does not exist
CREATES_DATABASE = {"init", "demo"}


from talentdesk.commands.options import ask_server_password as _ask_server_password  # noqa: E402
from talentdesk.commands.options import database_target  # noqa: E402


def _check_database_path(command: str, db_path: Path, default: Path) -> None:
    """A mistyped --db must not create folders and an empty database that then answers "nobody", "0 talents"."""
    from talentdesk.store.server import is_server_url

    if is_server_url(db_path):
        return
    path = Path(db_path)
    if path.is_dir():
        raise InputFileError(translate("Cli", "{path} is a folder, not a database file. Give the database file "
                                              "(for example {default}).").format(path=path, default=default))
    if command not in CREATES_DATABASE and not path.exists():
        raise InputFileError(translate(
            "Cli", "There is no database at {path}. Check the path; the default database is {default}. To create a "
                   "new, empty database there: talentdesk --db \"{path}\" init").format(path=path, default=default))


FILE_ARGUMENTS = ("out", "xlsx", "pdf", "file", "public_key")  # backup --to has its own check
"""The command-line arguments that name a file to write (or read): none of them may be the database itself."""


def _refuse_the_database_as_a_file(args, db_path: Path) -> None:
    """`--out`, `--xlsx`, `export FILE` … naming the live database (or its journal) would overwrite it."""
    from talentdesk.store.server import is_server_url

    if is_server_url(db_path):
        return
    try:
        db = Path(db_path).resolve()
    except (OSError, RuntimeError, ValueError):
        return
    guarded = {db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm"),
               db.with_name(db.name + "-journal"), db.with_name(db.name + ".keys")}  # .keys: encryption at rest
    for name in FILE_ARGUMENTS:
        value = getattr(args, name, None)
        if not isinstance(value, (str, Path)) or not str(value):
            continue
        try:
            target = Path(value).resolve()
        except (OSError, RuntimeError, ValueError):
            continue
        if target in guarded:
            raise InputFileError(translate(
                "Cli", "{path} is the database itself; choose another file name, so the database is not "
                       "overwritten.").format(path=value))


def console_safe_output() -> None:
    """Make printing never fail, whatever the console or pipe. A redirected Windows console writes in the ANSI code
    page (cp936 has no ¥, cp1252 no Chinese), and the frozen program ignores PYTHONIOENCODING and PYTHONUTF8, so a
    character the code page lacks is printed as "?" instead of ending the command with UnicodeEncodeError (which
    for `verify` would read as "not genuine"). JSON needs no replacement: it is ASCII (`CliContext.emit`)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)  # None: a windowed program has no console
        if reconfigure is None:
            continue
        try:
            reconfigure(errors="replace")
        except (ValueError, OSError):  # a closed or detached stream: nothing will be printed to it anyway
            pass


def command_modules():
    """Every module that contributes subcommands; each has `register(subparsers)`."""
    from talentdesk.commands import (
        city, core, departures, growth, leadership, ledger, mentors, movein, payments, safety, talents,
    )

    return [core, talents, ledger, safety, mentors, growth, movein, departures, leadership, city, payments]


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="talentdesk", description="TalentDesk — the county talent-work office's desktop program.")
    p.add_argument("--db", type=str, help="database file (default: the data folder's talentdesk.db), or a server: "
                                         "postgresql://user@host:5432/database")
    p.add_argument("--lang", choices=i18n.SUPPORTED_LANGUAGES, default=None, help="interface language")
    p.add_argument("--user", help="account name, when the database has accounts")
    p.add_argument("--demo", action="store_true", help="open the window on a fresh demo database")
    p.add_argument("--version", action="version", version=f"TalentDesk {__version__}")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)
    for module in command_modules():
        module.register(sub)
    return p


def _fail_json(message: str, code: int, **extra) -> None:
    print(json.dumps({"error": message, "exit": code, **extra}, ensure_ascii=True, indent=2))


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    wants_json = "--json" in argv
    console_safe_output()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        if wants_json:
            _fail_json(exc.message, EXIT_USAGE)
        else:
            exc.parser.print_usage(sys.stderr)
            print(f"{exc.parser.prog}: {exc.message}", file=sys.stderr)
        return EXIT_USAGE
    lang = args.lang or os.environ.get("TALENTDESK_LANG") or i18n.DEFAULT_LANGUAGE
    i18n.set_language(lang)
    paths = data_paths()
    if args.db is not None:
        try:
            args.db = database_target(args.db)
        except TalentDeskError as exc:
            if wants_json:
                _fail_json(exc.message, EXIT_USAGE, field=exc.field)
            else:
                print(exc.message, file=sys.stderr)
            return EXIT_USAGE
    if args.command is None:
        from talentdesk.app import run

        return run(args.db, lang=lang, demo=args.demo)
    paths.ensure()
    log_file = setup_logging(paths.log_file_for("cli"))
    if not faulthandler.is_enabled():  # a developer's own (python -X faulthandler, pytest) writes to the terminal
        enable_crash_log(paths.crash_log_for("cli"))
    ctx = CliContext(db_path=args.db or paths.default_db, lang=lang, user=args.user,
                     json=bool(getattr(args, "json", False)) or wants_json)
    try:
        if args.command == "move":  # names its own two databases (--from, --to)
            pass
        elif not (args.command == "verify" and getattr(args, "public_key", None)):  # the public key file alone
            _check_database_path(args.command, ctx.db_path, paths.default_db)
        _refuse_the_database_as_a_file(args, ctx.db_path)
        return int(args.handler(args, ctx) or 0)
    except InputFileError as exc:
        if ctx.json:
            _fail_json(exc.message, EXIT_USAGE, field=exc.field)
        else:
            print(exc.message, file=sys.stderr)
        return EXIT_USAGE
    except TalentDeskError as exc:
        return _refused(ctx, exc)
    except KeyboardInterrupt:
        return EXIT_REFUSED
    except OverflowError as exc:  # a number on the command line larger than any the database can hold
        log.warning("command %s: %s", args.command, exc)
        text = translate("Cli", "A number given is too large (a 22-digit entry or year?); nothing was changed. Check "
                                "the numbers on the command line.")
        if ctx.json:
            _fail_json(text, EXIT_USAGE)
        else:
            print(text, file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # noqa: BLE001 - never a traceback in the user's face
        named = _named_fault(exc)
        if named is not None:
            log.warning("command %s: %s", args.command, exc)
            return _refused(ctx, named)
        log.exception("command %s failed", args.command)
        text = translate("Cli", "The command failed unexpectedly; details are in the log: {path}").format(
            path=log_file)
        if ctx.json:
            _fail_json(text, EXIT_REFUSED)
        else:
            print(text, file=sys.stderr)
        return EXIT_REFUSED
    finally:
        ctx.close()


def _refused(ctx: CliContext, exc: TalentDeskError) -> int:
    from talentdesk.domain.errors import UnprintableText

    if isinstance(exc, UnprintableText):  # the window asks "print anyway?"; here the option says it
        exc = UnprintableText(exc.message + "\n" + translate(
            "Cli", "Nothing was printed or changed. To print anyway, give the same command with --print-anyway."),
            people=exc.people, details=[])
    if ctx.json:
        _fail_json(exc.message, EXIT_REFUSED, field=exc.field, details=list(exc.details))
    else:
        print(exc.message, file=sys.stderr)
        for d in exc.details:
            print(f"  {d}", file=sys.stderr)
    return EXIT_REFUSED


def _named_fault(exc: BaseException) -> TalentDeskError | None:
    """A storage fault (disk full, read-only, locked, I/O error, not a database) somewhere in the exception's chain,
    as the message that names it."""
    from talentdesk.services.base import storage_fault

    seen = 0
    while exc is not None and seen < 6:
        if isinstance(exc, TalentDeskError):
            return exc
        if isinstance(exc, OSError) or type(exc).__module__.startswith(("sqlite3", "sqlcipher3", "sqlalchemy")):
            named = storage_fault(getattr(exc, "orig", None) or exc)
            if named is not None:
                return named
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return None


if __name__ == "__main__":
    raise SystemExit(main())
