"""Shared by the checksum tests that hold a faster code path to writing exactly what the old one wrote
(tests/talents/import_digest.py, tests/services/demo_digest.py): the clock-free form of a timestamp, the search
index term by term, and the command line that writes a golden file."""
from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Any


def clock_form(value: Any) -> Any:
    """A value written from the wall clock counts only by its form: 2026-11-23 08:00:00.123456 -> 9999-99-99 …"""
    return re.sub(r"\d", "9", str(value)) if value is not None else None


def search_index_terms(con: sqlite3.Connection) -> list[tuple]:
    """FTS5's own check of the talents' search index against the talents table (raises when they differ), then
    every term of the index with its row, column and offset."""
    con.execute("INSERT INTO talents_fts(talents_fts, rank) VALUES ('integrity-check', 1)")
    con.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms USING fts5vocab(main, talents_fts, instance)")
    return con.execute("SELECT term, doc, col, offset FROM temp.fts_terms ORDER BY term, doc, col, offset").fetchall()


def write_or_show(result: dict, golden: Path, argv: list[str]) -> int:
    """`--write`: the result becomes the golden file; always printed."""
    text = json.dumps(result, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if "--write" in argv:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    print(text)
    return 0
