"""A PostgreSQL server for the city tests: the one CI starts (TALENTDESK_TEST_PG_URL, a role that may create
databases and roles), else a throw-away cluster on loopback started here from the installed binaries. The tests
skip only where no PostgreSQL binaries exist.

Each test gets its own fresh database (`pg_url`), created from the admin URL and dropped afterwards.
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.city.server import drop_database

TEST_PASSWORD = "td-city-Secret-9"


def pg_bin_dir() -> Path | None:
    """Where initdb and pg_ctl are: on PATH, or Debian's /usr/lib/postgresql/<version>/bin (newest)."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).parent
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: [int(x) for x in
                                                                                    Path(p).parent.name.split(".")
                                                                                    if x.isdigit()]
                            , reverse=True):
        if (Path(candidate) / "initdb").exists() and (Path(candidate) / "pg_ctl").exists():
            return Path(candidate)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_server_user(cmd: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run its tools as the `postgres` account then."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        runuser = shutil.which("runuser")
        if runuser is None:
            pytest.skip("running as root without runuser: cannot start a PostgreSQL server")
        try:
            import pwd

            pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no postgres account to start PostgreSQL with")
        return [runuser, "-u", "postgres", "--", *cmd]
    return cmd


@pytest.fixture(scope="session")
def pg_admin_url():
    """A URL of a role that may create databases and roles."""
    given = os.environ.get("TALENTDESK_TEST_PG_URL")
    if given:
        yield given
        return
    bindir = pg_bin_dir()
    if bindir is None:
        pytest.skip("no PostgreSQL binaries (initdb, pg_ctl) on this machine")
    root = Path(tempfile.mkdtemp(prefix="td-city-pg-"))
    data = root / "data"
    port = _free_port()
    pwfile = root / "pw"
    pwfile.write_text(TEST_PASSWORD + "\n")
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(pwfile, "postgres")
    try:
        subprocess.run(_as_server_user([str(bindir / "initdb"), "-D", str(data), "-U", "tdadmin", "-E", "UTF8",
                                        "--auth=scram-sha-256", f"--pwfile={pwfile}", "--no-sync"]),
                       check=True, capture_output=True)
        subprocess.run(_as_server_user([str(bindir / "pg_ctl"), "-D", str(data), "-w", "-l", str(root / "log"),
                                        "-o", f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
                                        f"-c max_connections=80", "start"]), check=True, capture_output=True)
    except subprocess.CalledProcessError as exc:
        shutil.rmtree(root, ignore_errors=True)
        pytest.fail(f"could not start a PostgreSQL server for the city tests: {exc.stderr!r}", pytrace=False)
    try:
        yield f"postgresql+psycopg://tdadmin:{TEST_PASSWORD}@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_server_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_url(pg_admin_url):
    """A fresh, empty database on the server owned by a fresh login role (both dropped afterwards), as a URL with
    that role's password."""
    admin = make_url(pg_admin_url)
    name = f"td_{uuid.uuid4().hex[:10]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f"CREATE ROLE \"{name}\" LOGIN PASSWORD '{TEST_PASSWORD}'"))
        conn.execute(text(f'GRANT "{name}" TO CURRENT_USER'))  # so the admin may drop what it owns
        conn.execute(text(f'CREATE DATABASE "{name}" OWNER "{name}"'))
    try:
        yield admin.set(database=name, username=name, password=TEST_PASSWORD).render_as_string(hide_password=False)
    finally:
        for _ in range(20):  # clean-up never fails a test: a backend may still be closing
            try:
                with engine.connect() as conn:
                    drop_database(conn, name)
                    conn.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
                break
            except Exception:  # noqa: BLE001
                time.sleep(0.3)
        engine.dispose()


def pg_tools_dir() -> Path | None:
    """pg_dump / pg_restore, when installed."""
    found = shutil.which("pg_dump")
    if found:
        return Path(found).parent
    return pg_bin_dir()


@pytest.fixture
def city(pg_admin_url, pg_url):
    """A city database with two counties, a server role for each and one for the city, and their accounts
    (tests/city/counties_fixture.py)."""
    from tests.city.counties_fixture import build_city

    built, cleanup = build_city(pg_admin_url, pg_url)
    try:
        yield built
    finally:
        cleanup()
