"""Shared fixtures: a migrated template database copied per test, actors, sessions, language.

Tests run in English unless they set zh_CN themselves (`zh` fixture), and never touch the user's data folder.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from talentdesk import i18n  # noqa: E402
from talentdesk.domain.enums import Role  # noqa: E402
from talentdesk.services.base import Actor, Database  # noqa: E402
from talentdesk.store import guard  # noqa: E402
from tests.support import copied_database, ini_settings, running  # noqa: E402

guard.watch()  # the test process's main thread is the window's thread

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("TALENTDESK_HOME", str(home))
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture(autouse=True)
def _no_database_work_on_the_window_thread():
    """Any database I/O that window code starts on the window's thread fails the test that caused it."""
    guard.clear()
    yield
    found = guard.violations()
    guard.clear()
    if found:
        lines = "\n".join(f"  {v.where}: {v.what}" for v in found[:20])
        pytest.fail(f"{len(found)} database calls on the window's thread:\n{lines}", pytrace=False)


@pytest.fixture
def zh():
    i18n.set_language("zh_CN")
    yield
    i18n.set_language("en")


@pytest.fixture(scope="session")
def _template_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    database = Database.open(path)
    database.dispose()
    return path


@pytest.fixture
def db_path(tmp_path, _template_db) -> Path:
    path = tmp_path / "talentdesk.db"
    shutil.copyfile(_template_db, path)
    return path


@pytest.fixture
def database(db_path) -> Database:
    database = Database.open(db_path)
    yield database
    database.dispose()


@pytest.fixture
def local() -> Actor:
    return Actor.local()


@pytest.fixture
def session(database, local):
    """A unit of work as the single local user; committed when the test body finishes without error."""
    with database.session(local) as s:
        yield s


def make_actor(role: Role, user_id: int = 1, username: str | None = None) -> Actor:
    return Actor(username=username or role.value, role=role, user_id=user_id)


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory) -> Path:
    """A small demo database (300 talents, seed 7, as of TODAY) built once per run."""
    from talentdesk.services.common.demo import generate_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    database = Database.open(path)
    with database.session(Actor.local()) as s:
        generate_demo(s, talents=300, seed=7, as_of=TODAY)
    database.dispose()
    return path


@pytest.fixture
def demo_db(tmp_path, _demo_template) -> Database:
    with copied_database(_demo_template, tmp_path / "demo.db") as database:
        yield database


@pytest.fixture
def runner(database, local):
    """The window's background runner on the test database, as the single local user."""
    with running(database, local) as r:
        yield r


@pytest.fixture
def context(demo_db, local, tmp_path, qtbot):
    """What a tab or page is given by the window (database, runner, actor, settings), on the demo database."""
    from talentdesk.ui.common.tab import AppContext

    with running(demo_db, local) as r:
        yield AppContext(database=demo_db, runner=r, actor=local, settings=ini_settings(tmp_path))


@pytest.fixture
def fresh_keys(monkeypatch):
    """No encryption key unlocked, none in the environment, no console to ask on; cheap key wrapping."""
    from talentdesk.store import cipher

    monkeypatch.setattr(cipher, "SCRYPT_N", 2 ** 10)  # cheap in tests; each wrap records its own cost
    for env in ("TALENTDESK_PASSWORD", "TALENTDESK_NEW_PASSWORD", "TALENTDESK_RECOVERY_KEY"):
        monkeypatch.delenv(env, raising=False)
    monkeypatch.setattr("sys.stdin", None)
    cipher.forget()
    yield
    cipher.forget()
