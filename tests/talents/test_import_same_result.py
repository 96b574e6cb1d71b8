"""The faster import writes exactly what the import wrote before it (issue 18): the same talents, employers, audit
entries, search index and chain links, and reports the same, on an office's import day of 32 generated rosters and a
large roster of every shape with damaged and duplicate rows (tests/talents/import_digest.py; the expected digest was
written by the import as it was at main d726f93)."""
from __future__ import annotations

import json

from tests.talents.import_digest import GOLDEN, run_scenario


def test_an_import_day_leaves_the_database_exactly_as_the_old_import_did(tmp_path, _template_db):
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    got = run_scenario(tmp_path, _template_db)
    assert got["chain_problems"] == []
    assert got["imported"] == expected["imported"]
    assert got["counts"] == expected["counts"]
    for part in ("results", "talents", "employers", "audit_entries", "search_index", "chain_links"):
        assert got[part] == expected[part], f"{part} differs from what the import wrote before"
