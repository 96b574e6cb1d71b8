"""PostgreSQL: the table of name characters and pairs (migration grams_1) that serves name search under row-level
security stays equal to what the names give, whoever writes (a county's role through the services, raw SQL on its
own connection, the owner), and a county's search through it finds exactly what a plain "contains" finds in its
own county — no more."""
from __future__ import annotations

from sqlalchemy import text

from talentdesk.services.talents import records, registry
from tests.city.counties_fixture import A, B
from tests.talents.helpers import make_id, talent_values

RECOMPUTE = ("SELECT g, t.county_id, t.id FROM talents t CROSS JOIN LATERAL "
             "(SELECT DISTINCT substr(t.name, i, n) AS g FROM generate_series(1, char_length(t.name)) AS i, "
             "(VALUES (1), (2)) AS k(n) WHERE i + n - 1 <= char_length(t.name)) AS grams ORDER BY 1, 2, 3")


def _grams_equal_names(city) -> None:
    """As the owner (who sees every county): the kept table is exactly a fresh recompute from the names."""
    owner = text("SELECT gram, county_id, talent_id FROM talents_fts_grams ORDER BY 1, 2, 3")
    from sqlalchemy import create_engine

    engine = create_engine(city.owner_url)
    try:
        with engine.connect() as conn:
            kept = conn.execute(owner).all()
            fresh = conn.execute(text(RECOMPUTE)).all()
    finally:
        engine.dispose()
    assert kept == fresh
    assert kept  # the test wrote names: an empty table would pass the comparison above for nothing


def _search(database, actor, needle: str):
    with database.session(actor, readonly=True) as s:
        return registry.search_talents(s, query=registry.TalentQuery(text=needle), limit=50)


def test_the_pairs_follow_every_insert_update_and_delete_under_row_level_security(city):
    a_db, b_db = city.open("a"), city.open("b")
    clerk_a, clerk_b = city.login(a_db, "clerk_a"), city.login(b_db, "clerk_b")
    names_a = ["王志强", "张伟", "欧阳·娜娜", "李 雷", "强", "志强志强"]
    ids = {}
    with a_db.session(clerk_a) as s:
        for k, name in enumerate(names_a):  # odd sequence numbers: men, as talent_values says
            ids[name] = records.create_talent(s, values=talent_values(name=name, id_number=make_id(seq=701 + 2 * k))).id
    with b_db.session(clerk_b) as s:
        b_id = records.create_talent(s, values=talent_values(name="赵志强", id_number=make_id(seq=801))).id
    _grams_equal_names(city)

    # county A searches its own county only: 赵志强 of county B is not among its matches
    page = _search(a_db, clerk_a, "志强")
    assert sorted(r.id for r in page.rows) == sorted([ids["王志强"], ids["志强志强"]]) and page.total == 2
    assert _search(b_db, clerk_b, "志强").total == 1
    assert [r.name for r in _search(a_db, clerk_a, "·娜").rows] == ["欧阳·娜娜"]
    assert [r.name for r in _search(a_db, clerk_a, "李 雷").rows] == ["李 雷"]
    assert _search(a_db, clerk_a, "李雷").total == 0  # the space is part of the name
    assert sorted(r.name for r in _search(a_db, clerk_a, "强志强").rows) == ["志强志强"]

    # a rename through the services: found by the new name only
    with a_db.session(clerk_a) as s:
        detail = records.get_talent(s, talent_id=ids["王志强"])
        records.update_talent(s, talent_id=detail.id, values={**detail.editable_values(), "name": "王志刚"},
                              expected_version=detail.version)
    _grams_equal_names(city)
    assert [r.id for r in _search(a_db, clerk_a, "志强").rows] == [ids["志强志强"]]
    assert [r.name for r in _search(a_db, clerk_a, "志刚").rows] == ["王志刚"]

    # raw SQL on county A's own role: an update that leaves the name alone, a rename, a delete
    raw = city.raw("a")
    try:
        with raw.begin() as conn:
            conn.execute(text("UPDATE talents SET post = '主任'"))  # every row of A, no name changed
            conn.execute(text("UPDATE talents SET name = '张薇' WHERE id = :i"), {"i": ids["张伟"]})
            conn.execute(text("DELETE FROM talents WHERE id = :i"), {"i": ids["强"]})
            # the role sees only its county's pairs
            seen = {c for (c,) in conn.execute(text("SELECT DISTINCT county_id FROM talents_fts_grams"))}
            assert seen == {city.ids[A]}
    finally:
        raw.dispose()
    _grams_equal_names(city)
    assert _search(a_db, clerk_a, "伟").total == 0 and _search(a_db, clerk_a, "薇").total == 1
    assert [r.id for r in _search(b_db, clerk_b, "赵志强").rows] == [b_id]
    assert city.ids[B] != city.ids[A]


def test_a_short_name_search_reads_the_pairs_index_under_row_level_security(city):
    """As a county's role, LIKE cannot use the trigram index (not leakproof); the pairs' primary key serves."""
    a_db = city.open("a")
    clerk_a = city.login(a_db, "clerk_a")
    with a_db.session(clerk_a) as s:
        for seq in range(30):
            records.create_talent(s, values=talent_values(name=f"王{chr(0x4e00 + seq)}强",
                                                          id_number=make_id(seq=901 + 2 * seq)))
    raw = city.raw("a")
    try:
        with raw.begin() as conn:
            conn.execute(text("SET LOCAL enable_seqscan = off"))
            plan = "\n".join(r[0] for r in conn.execute(text(
                "EXPLAIN SELECT talent_id FROM talents_fts_grams WHERE gram = '强'")))
    finally:
        raw.dispose()
    assert "pk_talents_fts_grams" in plan and "Index Cond: (gram = '强'::text)" in plan, plan
    assert _search(a_db, clerk_a, "强").total == 30
