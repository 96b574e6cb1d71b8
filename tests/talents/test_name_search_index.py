"""Name searches go through the index of the names' characters (migration namefts_1) and find exactly what a scan of
every name finds — with separators, Latin letters in any case, one character or several — and the index follows
every change to talents."""
from __future__ import annotations

import sqlite3

from talentdesk.services.base import Actor
from talentdesk.services.talents import registry


def _search(database, text):
    with database.session(Actor.local(), readonly=True) as s:
        page = registry.search_talents(s, query=registry.TalentQuery(text=text), limit=100_000)
        assert page.total == len(page.rows)
        return {r.id for r in page.rows}


def _expected(path, text):
    """What the search meant before the index: the name contains the text, or the employer's name does."""
    with sqlite3.connect(path) as c:
        return {r[0] for r in c.execute(
            "SELECT t.id FROM talents t LEFT JOIN employers e ON e.id = t.employer_id "
            "WHERE instr(t.name, ?) OR instr(e.name, ?)", (text, text))}


def test_names_found_through_the_index_are_exactly_those_a_scan_finds(demo_db):
    with sqlite3.connect(demo_db.path) as c:
        c.execute("UPDATE talents SET name = '阿卜杜拉·买买提' WHERE id = 3")
        c.execute("UPDATE talents SET name = 'Anna Müller' WHERE id = 4")
        c.execute("UPDATE talents SET name = '阿卜杜拉买买提' WHERE id = 6")  # the same without the separator
        c.execute("UPDATE talents SET name = '欧阳 娜娜' WHERE id = 7")
        names = [r[0] for r in c.execute("SELECT name FROM talents WHERE id IN (10, 11, 12, 13) ORDER BY id")]
        plan = " ".join(r[3] for r in c.execute(
            "EXPLAIN QUERY PLAN SELECT rowid FROM talents_fts_names WHERE talents_fts_names MATCH ?", ('"张"',)))
    assert "VIRTUAL TABLE INDEX" in plan
    texts = ["拉·买", "拉买", "·", "Müller", "müller", "a Mü", "娜 娜", "欧阳 ", "人民医院", "县",
             '"', "伟\"", names[0], names[1][1:], names[2][-1], names[3][:2]]
    for text in texts:
        assert _search(demo_db, text) == _expected(demo_db.path, text.strip()), text
    assert _search(demo_db, "拉·买") == {3}
    assert _search(demo_db, "拉买") == {6}


def test_the_name_index_follows_inserts_renames_and_deletes(demo_db):
    with sqlite3.connect(demo_db.path) as c:
        c.execute("UPDATE talents SET name = '龘靐' WHERE id = 5")
    assert _search(demo_db, "龘") == {5} and _search(demo_db, "龘靐") == {5}
    with sqlite3.connect(demo_db.path) as c:
        c.execute("UPDATE talents SET name = '张龘' WHERE id = 8")
        c.execute("UPDATE talents SET name = '王五' WHERE id = 5")
    assert _search(demo_db, "龘") == {8} and _search(demo_db, "龘靐") == set()
    with sqlite3.connect(demo_db.path) as c:
        c.execute("INSERT INTO talents_fts_names(talents_fts_names) VALUES ('integrity-check')")
