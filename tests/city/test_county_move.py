"""`talentdesk move --county CODE`: two counties' office files moved into one city database on a real server (new
ids, every link remapped, county stamped, counts and id-independent checksums equal, the source's hash chain verified
and the rows sealed into the city's so `check` passes), a second move of a county refused, and a county moved back
out into a file of its own that equals the file it came from."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from talentdesk.services.base import Actor, Database
from talentdesk.services.common import settings
from talentdesk.services.talents import attachments

A, B = "330102", "330105"


def _cli(*args, home: Path, cwd: Path):
    env = {**os.environ, "TALENTDESK_HOME": str(home), "TALENTDESK_LANG": "en"}
    root = Path(__file__).resolve().parents[2]
    env["PYTHONPATH"] = str(root) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-m", "talentdesk.cli", *args], env=env, cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=900, stdin=subprocess.DEVNULL)


def _county_file(folder: Path, seed: int, talents: int) -> Path:
    from talentdesk.services.common.demo import generate_demo

    folder.mkdir(parents=True)
    path = folder / "talentdesk.db"
    database = Database.open(path)
    with database.session(Actor.local()) as s:
        generate_demo(s, talents=talents, seed=seed, as_of=dt.date(2026, 11, 23))
    database.dispose()
    return path


def _facts(engine, county: int | None = None) -> dict:
    """What a county's office relies on, independent of ids: its people, its money, its pairings, its scans."""
    where = "" if county is None else f" WHERE county_id = {int(county)}"
    with engine.connect() as conn:
        def one(sql):
            return conn.execute(text(sql)).scalar()

        return {
            "talents": sorted(r[0] for r in conn.execute(text(f"SELECT id_number FROM talents{where}"))),
            "ledger_sum": one(f"SELECT COALESCE(SUM(amount_fen), 0) FROM ledger_entries{where}"),
            "ledger_rows": one(f"SELECT count(*) FROM ledger_entries{where}"),
            "pairings": sorted(tuple(str(v) for v in r) for r in conn.execute(text(
                "SELECT t.id_number, m.name, p.start_date FROM pairings p JOIN talents t ON t.id = p.talent_id "
                "JOIN mentors m ON m.id = p.mentor_id" + where.replace("county_id", "p.county_id")))),
            "grant_amounts": sorted(tuple(str(v) for v in r) for r in conn.execute(text(
                "SELECT t.id_number, g.policy_name, g.approved_total_fen FROM subsidy_grants g JOIN talents t ON t.id = g.talent_id"
                + where.replace("county_id", "g.county_id")))),
            "certificates": one(f"SELECT count(*) FROM certificates{where}"),
        }


@pytest.fixture
def city(pg_url):
    from talentdesk.services.city import counties

    database = Database.open(pg_url)
    with database.session(Actor.local()) as s:
        ids = {A: counties.add_county(s, code=A, name="上城区").id, B: counties.add_county(s, code=B, name="拱墅区").id}
    database.dispose()
    return pg_url, ids


def test_two_counties_move_into_a_city_database_and_one_back_out(city, tmp_path):
    url, ids = city
    home = tmp_path / "home"
    file_a = _county_file(tmp_path / "a", seed=5, talents=60)
    file_b = _county_file(tmp_path / "b", seed=9, talents=45)
    scan = tmp_path / "毕业证书.pdf"
    scan.write_bytes(b"%PDF-1.4 " + os.urandom(5000))
    database = Database.open(file_a)
    with database.session(Actor.local()) as s:
        first = s.execute(text("SELECT id FROM talents ORDER BY id LIMIT 1")).scalar()
        attachments.add_attachment(s, talent_id=first, source=scan, kind="diploma")
    database.dispose()
    for path, name, threshold in ((file_a, "上城区人才工作办公室", 35), (file_b, "拱墅区人才办", None)):
        database = Database.open(path)
        with database.session(Actor.local()) as s:  # each office's own settings, as its administrator saved them
            settings.save_settings(s, values={"office_name": name, **({"risk_threshold": threshold} if threshold
                                                                       else {})})
        database.dispose()
    want_a, want_b = _facts(create_engine(f"sqlite:///{file_a}")), _facts(create_engine(f"sqlite:///{file_b}"))

    r = _cli("move", "--from", str(file_a), "--to", url, "--county", A, home=home, cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "content checksum match" in r.stdout and "hash chain verified" in r.stdout
    r = _cli("move", "--from", str(file_b), "--to", url, "--county", B, home=home, cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr

    server = create_engine(url)
    assert _facts(server, ids[A]) == want_a and _facts(server, ids[B]) == want_b  # each county's own, intact
    with server.connect() as conn:  # new ids on the target: the two files' talents no longer share numbers
        assert conn.execute(text("SELECT count(DISTINCT id) FROM talents")).scalar() == 105
        dangling = conn.execute(text(
            "SELECT count(*) FROM ledger_entries e JOIN subsidy_grants g ON g.id = e.grant_id "
            "WHERE g.county_id <> e.county_id")).scalar()
        assert dangling == 0  # every link stays inside its county
        recorded = conn.execute(text("SELECT summary FROM audit_entries WHERE actor_name = 'move' "
                                     "ORDER BY id")).scalars().all()
    assert len(recorded) == 2 and A in recorded[0] and B in recorded[1]
    check = _cli("--db", url, "check", home=home, cwd=tmp_path)
    assert check.returncode == 0, check.stdout + check.stderr  # the hash chain takes the copied rows
    with server.connect() as conn:  # each county keeps its own office name; the city-wide settings are untouched
        own = conn.execute(text("SELECT county_id, key, value FROM county_settings WHERE key IN "
                                "('office_name', 'risk_threshold') ORDER BY county_id, key")).all()
        assert own == [(ids[A], "office_name", '"上城区人才工作办公室"'), (ids[A], "risk_threshold", "35"),
                       (ids[B], "office_name", '"拱墅区人才办"')]
        assert conn.execute(text("SELECT count(*) FROM settings WHERE key <> 'certificate_key'")).scalar() == 0
    owner = Database.open(url)
    with owner.session(Actor.local()) as s:  # the city sets a default county A has not set for itself
        settings.save_settings(s, values={"commitment_notice_days": 200, "risk_threshold": 80})
    owner.dispose()
    # the scan came along: opened on the server
    moved = Database.open(url)
    with moved.session(Actor.local(), readonly=True) as s:
        aid = s.execute(select(func.max(text("id"))).select_from(text("attachments"))).scalar()
        copy = Path(attachments.open_copy(s, attachment_id=aid, temp_root=tmp_path / "view"))
    moved.dispose()
    assert copy.read_bytes() == scan.read_bytes()

    # the same county again: refused, nothing written
    before = _facts(server, ids[A])
    again = _cli("move", "--from", str(file_a), "--to", url, "--county", A, home=home, cwd=tmp_path)
    assert again.returncode == 1 and "already has data" in again.stderr and "Traceback" not in again.stderr
    assert _facts(server, ids[A]) == before

    # and county A back out into a new file of its own: the same people, money and links as the file it came from
    back = tmp_path / "back" / "talentdesk.db"
    back.parent.mkdir()
    r = _cli("move", "--from", url, "--county", A, "--to", str(back), home=home, cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    server.dispose()
    out = create_engine(f"sqlite:///{back}")
    assert _facts(out) == want_a
    with out.connect() as conn:
        assert conn.execute(text("SELECT code, name FROM counties")).one() == (A, "上城区")
    out.dispose()
    office = Database.open(back)  # its own settings came back, and the city's default it used
    with office.session(Actor.local(), readonly=True) as s:
        values = settings.office_settings(s)
        assert settings.settings_scope(s) == settings.SettingsScope(False, A, "上城区", False)
    office.dispose()
    assert values["office_name"] == "上城区人才工作办公室" and values["risk_threshold"] == 35
    assert values["commitment_notice_days"] == 200
    check = _cli("--db", str(back), "check", home=home, cwd=tmp_path)
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_county_code_the_city_does_not_have_is_refused(city, tmp_path):
    url, _ids = city
    county = _county_file(tmp_path / "c", seed=3, talents=10)
    r = _cli("move", "--from", str(county), "--to", url, "--county", "330199", home=tmp_path / "home", cwd=tmp_path)
    assert r.returncode == 1 and "Traceback" not in r.stderr and "330199" in r.stderr and "add-county" in r.stderr
    bad = _cli("move", "--from", str(county), "--to", url, "--county", "3301", home=tmp_path / "home", cwd=tmp_path)
    assert bad.returncode != 0 and "6-digit" in bad.stderr and "Traceback" not in bad.stderr
