"""A county's clerk imports a roster into the city's PostgreSQL database: the import writes on its second thread
there too (issue 18), under the county's row-level security — the rows are the county's, the other county sees none
of them, an ID number the other county holds is no obstacle, the watch list's rows are right — and a roster refused
near its end leaves the county's file as it was."""
from __future__ import annotations

from sqlalchemy import func, select

from talentdesk.domain.models import Employer, Talent
from talentdesk.services import watch_signals
from talentdesk.services.talents import importer, records
from tests.city.counties_fixture import A, B
from tests.conftest import TODAY
from tests.talents.helpers import talent_values, write_csv
from tests.talents.test_import_writer import _rows


def _county_state(database, actor) -> dict:
    with database.session(actor, readonly=True) as s:
        conn = s.connection()
        return {"talents": s.scalar(select(func.count()).select_from(Talent)),
                "employers": s.scalar(select(func.count()).select_from(Employer)),
                "counties": set(s.scalars(select(Talent.county_id).distinct())),
                "stored": sorted(map(repr, (tuple(r) for r in watch_signals.stored_rows(conn)))),
                "fresh": sorted(repr((r["talent_id"], r["code"], r["start_on"], r["end_on"], r["n"], r["v_date"],
                                      r["v_text"])) for r in watch_signals.all_rows(conn))}


def test_a_county_imports_a_large_roster_into_the_city_database(city, tmp_path):
    rows = _rows(4_500)
    b = city.open("b")
    clerk_b = city.login(b, "clerk_b")
    with b.session(clerk_b) as s:  # the other county already holds one of these people
        records.create_talent(s, values=talent_values(name=rows[10][1], id_number=rows[10][3]))

    a = city.open("a")
    clerk_a = city.login(a, "clerk_a")
    bad = [*rows[4_400]]
    bad[3] = bad[3][:-1] + ("1" if bad[3][-1] != "1" else "2")
    with a.session(clerk_a) as s:
        refused = importer.import_talents(s, path=write_csv(tmp_path / "refused.csv", [*rows[:4_400], bad,
                                                                                       *rows[4_401:]]), today=TODAY)
    assert refused.refused and [r.row for r in refused.rejected] == [4_401]
    assert _county_state(a, clerk_a)["talents"] == 0 and _county_state(a, clerk_a)["employers"] == 0

    with a.session(clerk_a) as s:
        result = importer.import_talents(s, path=write_csv(tmp_path / "good.csv", rows), today=TODAY)
    assert result.imported == 4_500 and result.rejected == []
    mine = _county_state(a, clerk_a)
    assert mine["talents"] == 4_500 and mine["counties"] == {city.ids[A]}
    assert mine["stored"] == mine["fresh"] and len(mine["stored"]) > 10_000
    theirs = _county_state(b, clerk_b)
    assert theirs["talents"] == 1 and theirs["counties"] == {city.ids[B]}
