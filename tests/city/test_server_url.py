"""`--db postgresql://…` is a server, never a file path; the password is kept on this PC, never in clear; faults are
named; TLS is asked for when offered; a broad search stays under PostgreSQL's bound-parameter limit."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from talentdesk.store.server import ServerError, is_server_url, parse_server_url

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, cwd: Path, home: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "TALENTDESK_HOME": str(home), "TALENTDESK_LANG": "en", **(env or {})}
    full_env.pop("PGPASSWORD", None)
    return subprocess.run([sys.executable, "-m", "talentdesk.cli", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, encoding="utf-8", timeout=180,
                          stdin=subprocess.DEVNULL)


def without_password(url: str) -> str:
    return make_url(url).set(password=None).render_as_string(hide_password=False)


def test_server_urls_are_recognised_even_after_a_path_folded_them():
    assert is_server_url("postgresql+psycopg://u@h/db") and is_server_url("postgresql://u@h/db")
    assert is_server_url(Path("postgresql+psycopg://u@h/db"))  # Path made it postgresql+psycopg:/u@h/db
    assert not is_server_url("C:/data/postgresql.db") and not is_server_url("talentdesk.db")
    target, password = parse_server_url(Path("postgresql+psycopg://clerk:pw@db.office:5433/county"))
    assert (target.user, target.host, target.port, target.database, password) == \
        ("clerk", "db.office", 5433, "county", "pw")
    assert "pw" not in target.display() and "pw" not in repr(target)


def test_cli_creates_and_fills_the_server_database_and_keeps_the_password_out_of_sight(pg_url, tmp_path):
    home = tmp_path / "home"
    url = pg_url.replace("postgresql+psycopg://", "postgresql+psycopg://")
    secret = make_url(pg_url).password
    r = run_cli("--db", url, "init", cwd=tmp_path, home=home)
    assert r.returncode == 0, r.stderr
    assert secret not in r.stdout + r.stderr
    # the URL was never taken for a file path: no folder named after the scheme, no SQLite file anywhere
    assert not any(tmp_path.glob("postgresql*")) and not list(tmp_path.rglob("*.db"))
    # the second run names no password: it comes from this PC's protected store
    r = run_cli("--db", without_password(url), "demo", "--talents", "40", cwd=tmp_path, home=home)
    assert r.returncode == 0, r.stderr
    engine = create_engine(pg_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM talents")).scalar() == 40
        audit = " ".join(str(v) for row in conn.execute(text("SELECT * FROM audit_entries")) for v in row)
    engine.dispose()
    assert secret not in audit
    logs = " ".join(p.read_text(errors="replace") for p in (home / "logs").rglob("*") if p.is_file())
    assert secret not in logs
    r = run_cli("--db", without_password(url), "check", cwd=tmp_path, home=home)
    assert r.returncode == 0 and "[ok] Ledger balances" in r.stdout, r.stdout + r.stderr


@pytest.mark.parametrize("fault", ["password", "database", "port", "malformed"])
def test_a_server_that_refuses_is_named_without_a_traceback(pg_url, tmp_path, fault):
    url = make_url(pg_url)
    bad = {
        "password": url.set(password="not-the-password"),
        "database": url.set(database="no_such_county"),
        "port": url.set(port=1),
        "malformed": None,
    }[fault]
    arg = "postgresql://clerk@/" if bad is None else bad.render_as_string(hide_password=False)
    r = run_cli("--db", arg, "watch-list", cwd=tmp_path, home=tmp_path / "home")
    out = r.stdout + r.stderr
    assert "Traceback" not in out and "failed unexpectedly" not in out
    expected = {"password": "did not accept the user name", "database": "There is no database named no_such_county",
                "port": "cannot be reached", "malformed": "names no database"}[fault]
    assert expected in out
    assert r.returncode == (2 if fault == "malformed" else 1)
    assert "not-the-password" not in out
    assert not any(tmp_path.glob("postgresql*"))


def test_a_wrong_password_is_said_in_chinese(pg_url, tmp_path):
    bad = make_url(pg_url).set(password="nope").render_as_string(hide_password=False)
    r = run_cli("--lang", "zh_CN", "--db", bad, "watch-list", cwd=tmp_path, home=tmp_path / "home")
    assert r.returncode == 1 and "密码" in r.stderr and "Traceback" not in r.stderr


def test_tls_is_asked_for_when_offered_and_required_when_the_url_says_so(pg_url, monkeypatch):
    from talentdesk.services.base import Database

    monkeypatch.setenv("PGSSLMODE", "disable")  # the program asks for TLS whatever the environment says
    database = Database.open(pg_url)
    try:
        with database.engine.connect() as conn:
            options = {o.keyword: o.val for o in conn.connection.driver_connection.pgconn.info}
            assert options[b"sslmode"] == b"prefer"
            ssl_here = conn.execute(text("SHOW ssl")).scalar() == "on"
    finally:
        database.dispose()
    if not ssl_here:  # a server without TLS: asking for it is refused by name, not with a traceback
        with pytest.raises(ServerError) as err:
            Database.open(pg_url + "?sslmode=require")
        assert err.value.kind == "tls" and "TLS" in err.value.message


def test_a_broad_search_passes_more_ids_than_postgresql_allows_parameters(pg_url):
    from talentdesk.services.base import Actor, Database
    from talentdesk.services.common.demo import generate_demo
    from talentdesk.services.talents import registry

    import datetime as dt

    database = Database.open(pg_url)
    try:
        with database.session(Actor.local()) as s:
            generate_demo(s, talents=5, seed=3, as_of=dt.date(2026, 11, 23))
        with database.engine.begin() as conn:  # 70,000 more people, each with their own ID number
            cols = [r[0] for r in conn.execute(text(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'talents' "
                "AND column_name NOT IN ('id', 'id_number', 'phone', 'version')"))]
            listed = ", ".join(cols)
            conn.execute(text(
                f"INSERT INTO talents (id, {listed}, id_number, phone) "
                f"SELECT (SELECT max(id) FROM talents) + g, {listed}, '9' || lpad(g::text, 17, '0'), '1' || lpad(g::text, 10, '0') "
                f"FROM talents t, generate_series(1, 70000) g WHERE t.id = (SELECT min(id) FROM talents)"))
        with database.session(Actor.local(), readonly=True) as s:
            broad = registry.TalentQuery(text="000")
            page = registry.search_talents(s, query=broad, limit=50)
            filtered = registry.search_talents(s, query=registry.TalentQuery(text="000", status="active"), limit=50)
            count = registry.count_talents(s, query=registry.TalentQuery(text="000", status="active"))
    finally:
        database.dispose()
    assert page.total >= 70_000 and len(page.rows) == 50
    assert filtered.total == count and count > 65_535
