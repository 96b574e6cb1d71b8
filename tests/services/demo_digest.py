"""The demo data, reduced to one checksum per table that does not depend on the clock, so a faster generator can be
held to producing exactly the same database (issue 18: the 1,000,000-talent benchmark build).

Every table is read in id order with every column; a column written from the wall clock (created_at, updated_at,
the audit trail's `at`) counts only by its form (2026-11-23 08:00:00.123456 -> 9999-99-99 99:99:99.999999), and the
chain's hashes — which cover those times — are replaced by the list of linked records and a full verification.
The search index is compared term by term (fts5vocab) after FTS5's own check against the talents table.

tests/services/data/demo-digest.json was written by the generator as it was before the build was made faster
(main 24c6c4d, before this change); test_demo_same_data.py compares with it. Regenerate only for an intended change of the demo data:

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.services.demo_digest --write
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any

from tests.digest import clock_form, search_index_terms, write_or_show

GOLDEN = Path(__file__).parent / "data" / "demo-digest.json"
TALENTS = 3_000
SEED = 5
CLOCK_COLUMNS = {"created_at", "updated_at", "at"}


def digest(db_path: Path) -> dict[str, Any]:
    from talentdesk.store.integrity import chain_problems

    con = sqlite3.connect(db_path)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'talents_fts%' AND name NOT IN ('alembic_version', 'chain_links') ORDER BY name")]
        out: dict[str, Any] = {}
        for table in tables:
            cols = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]  # noqa: S608
            order = "id" if "id" in cols else "rowid"
            h = hashlib.sha256()
            n = 0
            for row in con.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY {order}"):  # noqa: S608
                # the county every demo row belongs to (the home county, id 1): a column added after the checksums
                # were written, so it is checked here and left out of what is compared
                values = [clock_form(v) if c in CLOCK_COLUMNS else v for c, v in zip(cols, row) if c != "county_id"]
                if "county_id" in cols:
                    assert row[cols.index("county_id")] == 1, f"a row of {table} is not in the home county"
                h.update(json.dumps(values, ensure_ascii=False, default=str).encode())
                n += 1
            out[table] = f"{n} {h.hexdigest()}"
        h = hashlib.sha256()
        for row in search_index_terms(con):
            h.update(repr(row).encode())
        out["talents_fts (terms)"] = h.hexdigest()
        h = hashlib.sha256()
        for row in con.execute("SELECT kind, record_id FROM chain_links ORDER BY id"):
            h.update(repr(row).encode())
        out["chain_links (records)"] = h.hexdigest()
        out["indexes"] = sorted(r[0] for r in con.execute(
            "SELECT sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL"))
        problems, _head = chain_problems(con)
        out["chain_problems"] = problems
    finally:
        con.close()
    return out


def build(path: Path) -> None:
    from talentdesk.services.base import Actor, Database
    from talentdesk.services.common.demo import generate_demo

    from tests.conftest import TODAY

    database = Database.open(path)
    try:
        with database.session(Actor.local()) as s:
            generate_demo(s, talents=TALENTS, seed=SEED, as_of=TODAY)
    finally:
        database.dispose()


def main(argv: list[str]) -> int:
    from talentdesk import i18n

    i18n.set_language("en")  # as the tests run
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.db"
        build(path)
        result = digest(path)
    return write_or_show(result, GOLDEN, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
