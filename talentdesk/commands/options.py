"""Options several commands share (kept apart from cli.py, which imports every command module)."""
from __future__ import annotations

import argparse
import datetime as dt

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
