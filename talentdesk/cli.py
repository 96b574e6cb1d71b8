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
from dataclasses import asdict, dataclass, field, is_dataclass
from pathlib import Path
from typing import Any

from talentdesk import __version__, i18n
from talentdesk.domain.errors import InputFileError, TalentDeskError
from talentdesk.i18n import translate
from talentdesk.logs import enable_crash_log, setup_logging
from talentdesk.paths import data_paths

log = logging.getLogger(__name__)

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


@dataclass
class CliContext:
    """What every command gets: where the database is, the language, and how to act on it."""

    db_path: Path
    lang: str
    user: str | None
    json: bool = False
    _database: Any = field(default=None, repr=False)

    def database(self):
        if self._database is None:
            from talentdesk.services.base import Database

            self._database = Database.open(self.db_path)
        return self._database

    def actor(self):
        """The actor for this run: the single local user of a database without accounts; with accounts, the
        named user after checking the password (commands/safety.py asks for it)."""
        from talentdesk.commands.safety import cli_actor

        return cli_actor(self.database(), username=self.user)

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


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2 with a short message
        self.print_usage(sys.stderr)
        print(f"{self.prog}: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


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
    from talentdesk.commands import core, departures, growth, leadership, ledger, mentors, movein, safety, talents

    return [core, talents, ledger, safety, mentors, growth, movein, departures, leadership]


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="talentdesk", description="TalentDesk — the county talent-work office's desktop program.")
    p.add_argument("--db", type=Path, help="database file (default: the data folder's talentdesk.db)")
    p.add_argument("--lang", choices=i18n.SUPPORTED_LANGUAGES, default=None, help="interface language")
    p.add_argument("--user", help="account name, when the database has accounts")
    p.add_argument("--demo", action="store_true", help="open the window on a fresh demo database")
    p.add_argument("--version", action="version", version=f"TalentDesk {__version__}")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)
    for module in command_modules():
        module.register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    console_safe_output()
    parser = build_parser()
    args = parser.parse_args(argv)
    lang = args.lang or os.environ.get("TALENTDESK_LANG") or i18n.DEFAULT_LANGUAGE
    i18n.set_language(lang)
    paths = data_paths()
    if args.command is None:
        from talentdesk.app import run

        return run(args.db, lang=lang, demo=args.demo)
    paths.ensure()
    log_file = setup_logging(paths.log_file_for("cli"))
    if not faulthandler.is_enabled():  # a developer's own (python -X faulthandler, pytest) writes to the terminal
        enable_crash_log(paths.crash_log_for("cli"))
    ctx = CliContext(db_path=args.db or paths.default_db, lang=lang, user=args.user,
                     json=bool(getattr(args, "json", False)))
    try:
        return int(args.handler(args, ctx) or 0)
    except InputFileError as exc:
        print(exc.message, file=sys.stderr)
        return EXIT_USAGE
    except TalentDeskError as exc:
        if ctx.json:
            ctx.emit({"error": exc.message, "field": exc.field, "details": exc.details})
        else:
            print(exc.message, file=sys.stderr)
            for d in exc.details:
                print(f"  {d}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return EXIT_REFUSED
    except Exception:  # noqa: BLE001 - never a traceback in the user's face
        log.exception("command %s failed", args.command)
        print(translate("Cli", "The command failed unexpectedly; details are in the log: {path}").format(
            path=log_file), file=sys.stderr)
        return EXIT_REFUSED
    finally:
        ctx.close()


if __name__ == "__main__":
    raise SystemExit(main())
