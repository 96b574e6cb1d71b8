"""`check` on a city database run with a county's server role: row-level security hides the other counties' rows,
so the city-wide hash chain cannot be verified in full there. The role verifies every link and every record it can
read, says in the user's language how many records of other counties a city role verifies, and still reports a
record that was really deleted or changed — never a false "tampered", never a traceback."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, text

from talentdesk.services.talents import records
from tests.city.counties_fixture import A, B
from tests.talents.helpers import make_id, talent_values


def _cli(*args, home: Path, lang: str = "en"):
    env = {**os.environ, "TALENTDESK_HOME": str(home), "TALENTDESK_LANG": lang}
    root = Path(__file__).resolve().parents[2]
    env["PYTHONPATH"] = str(root) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-m", "talentdesk.cli", *args], env=env, cwd=home, capture_output=True,
                          text=True, encoding="utf-8", timeout=600, stdin=subprocess.DEVNULL)


def _talents(city) -> None:
    for who, username, seq, name in (("a", "clerk_a", 701, "周一"), ("b", "clerk_b", 703, "吴二"),
                                     ("b", "clerk_b", 705, "郑三")):
        database = city.open(who)
        with database.session(city.login(database, username)) as s:
            records.create_talent(s, values=talent_values(name=name, id_number=make_id(seq=seq)))


def test_check_with_a_county_role_verifies_what_it_can_read_and_says_who_verifies_the_rest(city, tmp_path):
    _talents(city)
    home = tmp_path / "home"
    home.mkdir()
    r = _cli("--db", city.urls["a"], "check", home=home)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Traceback" not in r.stderr and "PROBLEM" not in r.stdout
    assert f"the records of {A} 上城区" in r.stdout and "verified when a city role" in r.stdout
    zh = _cli("--db", city.urls["a"], "check", home=home, lang="zh_CN")
    assert zh.returncode == 0 and "市级" in zh.stdout and "Traceback" not in zh.stderr, zh.stdout + zh.stderr
    whole = _cli("--db", city.urls["city"], "check", home=home)  # the city's role verifies the whole chain
    assert whole.returncode == 0 and "other counties" not in whole.stdout, whole.stdout + whole.stderr
    assert _cli("--db", city.owner_url, "check", home=home).returncode == 0


def test_a_county_role_still_finds_its_own_records_changed_and_any_record_deleted(city, tmp_path):
    _talents(city)
    home = tmp_path / "home"
    home.mkdir()
    owner = create_engine(city.owner_url)
    try:
        with owner.begin() as conn:  # someone with the owner's password edits county A's account behind the program
            conn.execute(text("UPDATE users SET role = 'admin' WHERE username = 'clerk_a'"))
        r = _cli("--db", city.urls["a"], "check", home=home)
        assert r.returncode == 1 and "PROBLEM" in r.stdout and "changed after it was written" in r.stdout, r.stdout
        assert "Traceback" not in r.stderr
        with owner.begin() as conn:
            conn.execute(text("UPDATE users SET role = 'clerk' WHERE username = 'clerk_a'"))
            # one of county B's audit entries deleted behind the append-only guard: county A's role cannot read it,
            # but the chain names it and the server says it is gone
            conn.execute(text("ALTER TABLE audit_entries DISABLE TRIGGER USER"))
            victim = conn.execute(text("SELECT max(id) FROM audit_entries WHERE county_id = :b"),
                                  {"b": city.ids[B]}).scalar()
            conn.execute(text("DELETE FROM audit_entries WHERE id = :i"), {"i": victim})
            conn.execute(text("ALTER TABLE audit_entries ENABLE TRIGGER USER"))
        r = _cli("--db", city.urls["a"], "check", home=home)
        assert r.returncode == 1 and "was deleted" in r.stdout and str(victim) in r.stdout, r.stdout + r.stderr
        assert "Traceback" not in r.stderr
    finally:
        owner.dispose()
