"""ID and phone fragments are found through the trigram index, and the index follows every change to talents."""
from __future__ import annotations

import sqlite3

from talentdesk.services.talents import registry
from talentdesk.services.base import Actor


def _search(database, text):
    with database.session(Actor.local(), readonly=True) as s:
        return {r.id for r in registry.search_talents(s, query=registry.TalentQuery(text=text), limit=10_000).rows}


def _expected(path, needle):
    with sqlite3.connect(path) as c:
        return {r[0] for r in c.execute("SELECT id FROM talents WHERE instr(id_number, ?) OR instr(phone, ?)",
                                         (needle, needle))}


def test_number_fragments_find_exactly_what_a_full_scan_finds(demo_db):
    with sqlite3.connect(demo_db.path) as c:
        idn, phone = c.execute("SELECT id_number, phone FROM talents WHERE id = 17").fetchone()
    for needle in (idn[6:14], idn[-4:], phone[3:9], phone[-3:], "000", idn):
        found = _search(demo_db, needle)
        assert found == _expected(demo_db.path, needle) and (needle == "000" or 17 in found), needle


def test_the_index_is_used_and_follows_edits(demo_db):
    with sqlite3.connect(demo_db.path) as c:
        plan = " ".join(r[3] for r in c.execute(
            "EXPLAIN QUERY PLAN SELECT rowid FROM talents_fts WHERE talents_fts MATCH ?", ('{id_number phone} : "123"',)))
        assert "VIRTUAL TABLE INDEX" in plan
        c.execute("UPDATE talents SET phone = '13912345678' WHERE id = 5")
    assert 5 in _search(demo_db, "9123456")
    with sqlite3.connect(demo_db.path) as c:
        c.execute("UPDATE talents SET phone = '13800000000' WHERE id = 5")
    assert 5 not in _search(demo_db, "9123456")
