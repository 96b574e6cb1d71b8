"""Options several commands share (kept apart from cli.py, which imports every command module)."""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from talentdesk.i18n import translate

FIRST_YEAR, LAST_YEAR = 1900, 2199  # reference dates outside these are typing slips (9999-12-31, 0001-01-01)


def add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true",
                        help="print one JSON document in ASCII (other characters as \\uXXXX escapes), readable "
                             "whatever the console's code page")


def reference_date(text: str) -> dt.date:
    """An `--as-of` date: ISO (2026-11-23), within the years the program's date arithmetic can reach."""
    try:
        value = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise argparse.ArgumentTypeError(f"a date between {FIRST_YEAR} and {LAST_YEAR} is needed: {text!r}")
    return value


def reference_year(text: str) -> int:
    """A `--year`/`--period` option: a whole year the program's date arithmetic can reach (not -1, not 99999)."""
    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a year (YYYY): {text!r}") from None
    if not FIRST_YEAR <= value <= LAST_YEAR:
        raise argparse.ArgumentTypeError(f"a year between {FIRST_YEAR} and {LAST_YEAR} is needed: {text!r}")
    return value


def database_target(text: str) -> Path | str:
    """--db: a server database's URL stays text (a Path would fold its `//` and name a folder `postgresql+psycopg:`);
    anything else is a file path."""
    from talentdesk.store.targets import names_server  # not store/server.py: SQLAlchemy loads after the window

    if names_server(text):
        from talentdesk.store.server import parse_server_url

        parse_server_url(text)  # a malformed address is refused here, before anything is opened
        return text.strip()
    return Path(text)


def ask_server_password(target) -> str | None:
    """The server refused the password (or none is kept on this PC): ask on the terminal, never echoing it."""
    import getpass

    if not sys.stdin or not sys.stdin.isatty():
        return None
    return getpass.getpass(translate("Cli", "Password for {user} on {server}: ").format(
        user=target.user, server=target.display())) or None


def add_print_anyway(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--print-anyway", action="store_true", dest="print_anyway",
                        help="print even when a name has characters no installed font has (they stay blank on "
                             "paper; the operation log notes it). Without it such a document is refused (exit 1) "
                             "naming each person and character")


def command(sub, name: str, handler, *arguments: tuple, help: str | None = None, json: bool = True,
            printing: bool = False, **defaults) -> argparse.ArgumentParser:
    """Add one subcommand: its arguments as (flag, ..., {options}) tuples, then --json (unless `json` is False) and
    --print-anyway (`printing`), and the handler it runs (with any further `defaults`)."""
    parser = sub.add_parser(name) if help is None else sub.add_parser(name, help=help)
    for *flags, options in arguments:
        parser.add_argument(*flags, **options)
    if json:
        add_json(parser)
    if printing:
        add_print_anyway(parser)
    parser.set_defaults(handler=handler, **defaults)
    return parser
