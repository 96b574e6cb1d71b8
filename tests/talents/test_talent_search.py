"""Searching the talent file: name, pinyin initials and full pinyin, ID number and phone (any part), employer;
filters; counts; masking for roles without access to personal numbers."""
from __future__ import annotations

import datetime as dt

import pytest

from talentdesk.domain.enums import Role
from talentdesk.services.talents import employers, records
from talentdesk.services.talents.registry import (
    TalentQuery,
    count_talents,
    search_talents,
)
from tests.conftest import TODAY, make_actor
from tests.talents.helpers import make_id, talent_values


@pytest.fixture
def people(database, local):
    with database.session(local) as s:
        hosp = employers.save_employer(s, values={"name": "县人民医院"})
        school = employers.save_employer(s, values={"name": "县第一中学"})
        records.create_talent(s, values=talent_values(name="张三", id_number=make_id(seq=13), phone="13812345678",
                                                          employer_id=hosp.id, education="master",
                                                          arrival_date="2023-07-01", service_years=3))
        records.create_talent(s, values=talent_values(name="李小明", id_number=make_id(dt.date(1995, 6, 7), 21),
                                                          phone="13987654321", employer_id=school.id, tier_code="D",
                                                          education="bachelor", arrival_date="2021-03-01",
                                                          service_years=5))
        records.create_talent(s, values=talent_values(name="张珊珊", id_number=make_id(dt.date(1996, 1, 2), 22),
                                                          phone="", gender="F", arrival_date="2024-01-01"))
    return hosp, school


def _names(database, actor, **kw):
    with database.session(actor, readonly=True) as s:
        page = search_talents(s, query=TalentQuery(today=TODAY, **kw))
    return sorted(r.name for r in page.rows), page.total


@pytest.mark.parametrize("text,expected", [
    ("zs", ["张三", "张珊珊"]), ("zhangsan", ["张三"]), ("ZhangS", ["张三", "张珊珊"]), ("lxm", ["李小明"]),
    ("张", ["张三", "张珊珊"]), ("小明", ["李小明"]), ("人民医院", ["张三"]), ("第一中学", ["李小明"]),
    ("1234", ["张三"]), ("987654", ["李小明"]), ("19950607", ["李小明"]), ("１９９５", ["李小明"]),
    ("nobody", []), ("%", []), ("_", []),
])
def test_search_matches_name_pinyin_numbers_and_employer(database, local, people, text, expected):
    names, total = _names(database, local, text=text)
    assert names == expected and total == len(expected)


def test_filters_combine_with_the_search(database, local, people):
    hosp, school = people
    assert _names(database, local, employer_id=school.id)[0] == ["李小明"]
    assert _names(database, local, education="master")[0] == ["张三", "张珊珊"]
    assert _names(database, local, arrival_year=2021)[0] == ["李小明"]
    assert _names(database, local, tier_code="D", text="l")[0] == ["李小明"]
    # 张三: arrival 2023-07-01 + 3 years = 2026-07-01 (before TODAY); 李小明: 2026-03-01 (passed)
    assert _names(database, local, service_ends_within_months=60)[0] == ["张珊珊"]
    with database.session(local, readonly=True) as s:
        assert count_talents(s, query=TalentQuery(text="zs", education="master")) == 2


def test_sorting_and_paging(database, local, people):
    with database.session(local, readonly=True) as s:
        first = search_talents(s, query=TalentQuery(sort="arrival_date", descending=True), limit=1)
        second = search_talents(s, query=TalentQuery(sort="arrival_date", descending=True), offset=1, limit=1,
                                with_total=False)
    assert first.total == 3 and [r.name for r in first.rows] == ["张珊珊"]
    assert [r.name for r in second.rows] == ["张三"]


def test_the_list_masks_numbers_for_roles_without_access(database, people):
    with database.session(make_actor(Role.VIEWER), readonly=True) as s:
        row = next(r for r in search_talents(s, query=TalentQuery(text="zhangsan")).rows)
    assert row.id_number == make_id(seq=13)[:4] + "*" * 10 + make_id(seq=13)[-4:] and row.phone == "138****5678"
    with database.session(make_actor(Role.CLERK), readonly=True) as s:
        row = next(r for r in search_talents(s, query=TalentQuery(text="zhangsan")).rows)
    assert row.id_number == make_id(seq=13) and row.phone == "13812345678"


@pytest.mark.parametrize("text", ["县", "人民", "医院", "中学"])
def test_a_text_most_employers_contain_gives_the_same_page_and_total_read_in_id_order(demo_db, local, monkeypatch,
                                                                                       text):
    """When a text matches the talents of many employers, the page is read in id order and the total counted
    through the employer index; it must be exactly the page and total of collecting every matching id."""
    from talentdesk.services.talents import registry

    def page(dense_from, **kw):
        monkeypatch.setattr(registry, "DENSE_EMPLOYER_MATCHES", dense_from)
        with demo_db.session(local, readonly=True) as s:
            p = registry.search_talents(s, query=registry.TalentQuery(text=text, **kw.pop("q", {})), **kw)
        return p.total, [r.id for r in p.rows]

    for kw in ({"offset": 0, "limit": 20}, {"offset": 20, "limit": 20}, {"offset": 0, "limit": 20, "q": {"descending": True}}):
        listed = page(10**9, **dict(kw))
        read_in_order = page(1, **dict(kw))
        assert read_in_order == listed, (text, kw)
    assert listed[0] > 0


def test_an_id_list_condition_is_served_by_the_primary_key(demo_db):
    """`ids_in` (one bound parameter for any number of ids) must stay a predicate SQLite can serve from an index:
    rendered as `IN (...) = 1` it made every search page read the whole talents table."""
    import sqlite3

    from sqlalchemy import select

    from talentdesk.domain.models import Talent
    from talentdesk.store.db import ids_in

    stmt = select(Talent.id, Talent.name).where(ids_in(Talent.id, [3, 1, 2])).order_by(Talent.id)
    compiled = stmt.compile(demo_db.engine)
    assert "= 1" not in str(compiled).replace("\n", " ")
    with demo_db.engine.connect() as conn:
        assert [r[0] for r in conn.execute(stmt)] == [1, 2, 3]
    raw = sqlite3.connect(f"file:{demo_db.path}?mode=ro", uri=True)
    try:
        params = [compiled.params[k] for k in compiled.positiontup]
        plan = [r[-1] for r in raw.execute("EXPLAIN QUERY PLAN " + str(compiled), params)]
    finally:
        raw.close()
    assert not any(line.startswith("SCAN talents") for line in plan), plan
