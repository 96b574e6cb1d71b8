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


def test_imported_talents_get_their_watch_list_signals(tmp_path, _template_db):
    """The import writes below the session's bulk hook (services.base.bulk_insert), so it notes its new talents for
    the precomputed watch list itself: after an import day the stored signals equal the ones computed from scratch,
    and every imported talent in post has its own."""
    from sqlalchemy import select

    from talentdesk.domain.models import Talent
    from talentdesk.services import watch_signals
    from talentdesk.services.base import Actor, Database

    run_scenario(tmp_path, _template_db)
    database = Database.open(tmp_path / "talentdesk.db")
    try:
        with database.session(Actor.local(), readonly=True) as s:
            conn = s.connection()
            stored = sorted(map(repr, (tuple(r) for r in watch_signals.stored_rows(conn))))
            fresh = sorted(repr((r["talent_id"], r["code"], r["start_on"], r["end_on"], r["n"], r["v_date"], r["v_text"]))
                           for r in watch_signals.all_rows(conn))
            in_post = set(s.scalars(select(Talent.id).where(Talent.status == "active")))
            with_signals = {r[0] for r in watch_signals.stored_rows(conn)}
    finally:
        database.dispose()
    assert len(in_post) > 4_000
    assert stored == fresh
    assert in_post <= with_signals
