"""Options several commands share (kept apart from cli.py, which imports every command module)."""
from __future__ import annotations

import argparse


def add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true",
                        help="print one JSON document in ASCII (other characters as \\uXXXX escapes), readable "
                             "whatever the console's code page")
