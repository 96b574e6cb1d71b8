"""What an import leaves in the database, reduced to a digest that does not depend on the clock: the talents and
employers (every column; of the timestamps only their form), the audit trail (every column; of `at` its form), the search index (every
term of the FTS5 index with its row, column and offset, after FTS5's own integrity check against the talents),
the hash chain (which records are linked, and that it verifies) and what each import reported.

The scenario is an office's import day on a fresh database: the 32 generated office rosters of tests/talents/
rosters.py (title rows, A类, 五年, Excel serial dates, people born before their county's code existed, merged cells,
hidden rows …) one after the other, then one large roster of every shape with Excel-damaged ID numbers, ID numbers
twice in the file or already on file, an unknown tier and a totals row, imported skipping the invalid rows, then
once more refused. The large roster spans several write batches.

tests/talents/data/import-digest.json was written by this module from the import as it was before the import's
write path was made faster (issue 18, commit d726f93 of main); test_import_same_result.py compares every import
since with it. Regenerate it only for an intended change of what an import stores:

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.talents.import_digest --write
"""
from __future__ import annotations

import hashlib
import json
import random
import re
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any

from tests.digest import clock_form, search_index_terms, write_or_show

GOLDEN = Path(__file__).parent / "data" / "import-digest.json"
BIG_PEOPLE = 4_700


def _big_roster(folder: Path, on_file: list[str]) -> Path:
    """One large roster in every spelling the generator knows, with damaged and duplicate rows among them."""
    from openpyxl import Workbook

    from tests.talents import rosters as R

    rng = random.Random(77)
    people = R._people(rng, BIG_PEOPLE, start=1000)
    fields = list(R.HEADERS)
    head = [R.HEADERS[f][j % len(R.HEADERS[f])] for j, f in enumerate(fields)]
    wb = Workbook()
    ws = wb.active
    ws.append(["2025年度引进人才花名册"])
    ws.append(["填报单位：某某县人才工作领导小组办公室"])
    ws.append(head)
    id_col = fields.index("id_number")
    tier_col = fields.index("tier_code")
    for i, p in enumerate(people):
        row = R._row(p, fields, i, True)
        if i % 997 == 13:  # Excel stored the ID number as a number and lost its last digits
            row[id_col] = float(p.id_number[:17])
        elif i % 1201 == 40:  # the same person twice in the file
            row[id_col] = people[i - 30].id_number
        elif i % 1303 == 7 and on_file:  # already on file from an earlier roster
            row[id_col] = on_file[i % len(on_file)]
        elif i % 1499 == 99:
            row[tier_col] = "特聘"
        ws.append(row)
    ws.append(["合计", f"{len(people)}人"])
    ws.append(["填表人：张三"])
    path = folder / "big-roster.xlsx"
    wb.save(path)
    return path


def _results_json(result) -> dict:
    return result.as_json()


def run_scenario(folder: Path, template: Path) -> dict[str, Any]:
    """Import the rosters into a copy of `template`; returns the digest of the database and the results."""
    from talentdesk.services.base import Actor, Database
    from talentdesk.services.talents import importer

    from tests.conftest import TODAY
    from tests.talents.rosters import generate

    db_path = folder / "talentdesk.db"
    shutil.copyfile(template, db_path)
    (folder / "rosters").mkdir()
    rosters = generate(folder / "rosters", count=32)
    results = []
    database = Database.open(db_path)
    try:
        for roster in rosters:
            with database.session(Actor.local()) as s:
                res = importer.import_talents(
                    s, path=roster.path, today=TODAY, sheet=roster.sheet,
                    fixed=importer.parse_fixed([f"{k}={v}" for k, v in roster.fixed.items()]),
                    hidden_rows="skip" if roster.hidden else None)
            results.append(_results_json(res))
        big = _big_roster(folder, [p.id_number for r in rosters for p in r.people])
        for skip in (True, False):
            with database.session(Actor.local()) as s:
                res = importer.import_talents(s, path=big, today=TODAY, skip_invalid=skip)
            results.append(_results_json(res))
    finally:
        database.dispose()
    return digest(db_path) | {"results": _hashed(results), "imported": [r["imported"] for r in results]}


def _hashed(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, ensure_ascii=False, sort_keys=True, default=str).encode()).hexdigest()


_TIMESTAMPS = re.compile(r'"(created_at|updated_at)": ?"[^"]*"')


_HOME = re.compile(r'"county_id": 1(, |(?=\}))|, "county_id": 1(?=\})')
"""The county every row of a county office's file belongs to (its home county, id 1): added after the digest was
written, so it is checked here and left out of what is compared."""


def _rows(con: sqlite3.Connection, table: str, drop: tuple[str, ...]) -> list[list[Any]]:
    """Every column; of the timestamps in `drop` only their form (2026-11-23 08:00:00.123456 -> 9999-99-99 …)."""
    cols = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]  # noqa: S608
    out = []
    for r in con.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY id"):  # noqa: S608
        row = dict(zip(cols, r))
        if "county_id" in row:
            assert row.pop("county_id") == 1, f"a row of {table} is not in the home county"
        out.append([clock_form(v) if c in drop else v for c, v in row.items()])
    return out


def digest(db_path: Path) -> dict[str, Any]:
    from talentdesk.store.integrity import chain_problems

    con = sqlite3.connect(db_path)
    try:
        talents = _rows(con, "talents", ("created_at", "updated_at"))
        employers = _rows(con, "employers", ("created_at", "updated_at"))
        audit = [[_HOME.sub("", _TIMESTAMPS.sub(r'"\1": "<time>"', v)) if isinstance(v, str) else v for v in row]
                 for row in _rows(con, "audit_entries", ("at",))]
        terms = [list(r) for r in search_index_terms(con)]
        links = [list(r) for r in con.execute("SELECT kind, record_id FROM chain_links ORDER BY id")]
        problems, _head = chain_problems(con)
    finally:
        con.close()
    return {
        "counts": {"talents": len(talents), "employers": len(employers), "audit_entries": len(audit),
                   "fts_terms": len(terms), "chain_links": len(links)},
        "talents": _hashed(talents), "employers": _hashed(employers), "audit_entries": _hashed(audit),
        "search_index": _hashed(terms), "chain_links": _hashed(links), "chain_problems": problems,
    }


def main(argv: list[str]) -> int:
    from talentdesk import i18n
    from talentdesk.services.base import Database

    i18n.set_language("en")  # as the tests run
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        template = folder / "template.db"
        Database.open(template).dispose()
        result = run_scenario(folder, template)
    return write_or_show(result, GOLDEN, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
