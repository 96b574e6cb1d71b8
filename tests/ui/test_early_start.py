"""Issue 18: the window is painted before the heavy imports. The overview's first rows, read early through a plain
read-only sqlite3 connection on a worker thread (services/early.py), are exactly the service's rows; a database that
needs something before its data is shown (log in, unlock, migrate, the first-run wizard, a server) is not read
early; the early frame becomes the whole window once the services are in, and its tabs work."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from talentdesk import paths
from talentdesk.services import early
from talentdesk.services.base import Actor
from talentdesk.services.common import settings as office_settings
from talentdesk.services.growth import overview
from talentdesk.services.safety import accounts
from talentdesk.store import db as dbmod
from talentdesk.ui.common.waiting import pump_until
from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parents[2]


def _built_migrations(dest: Path) -> Path:
    """The migrations as a build lays them out: with the head it records (installer/build_data.py)."""
    sys.path.insert(0, str(ROOT / "installer"))
    import build_data

    shutil.copytree(dbmod.migrations_dir(), dest, ignore=shutil.ignore_patterns("__pycache__"))
    build_data.write_head(dest, dest)
    return dest


@pytest.fixture
def qapp():
    from talentdesk.app import make_application

    return make_application(lang="en")


@pytest.fixture
def built(tmp_path, monkeypatch) -> Path:
    folder = _built_migrations(tmp_path / "migrations")
    monkeypatch.setattr(paths, "migrations_dir", lambda: folder)
    return folder


def _service_rows(database, today=TODAY):
    with database.session(Actor.local(), readonly=True) as s:
        return overview.attention_items(s, today=today, categories=("service_end",))


def _sql(path: Path, *statements) -> None:
    con = sqlite3.connect(path)
    with con:
        for statement, params in statements:
            con.execute(statement, params)
    con.close()


def test_the_early_rows_are_the_services_rows_on_the_demo_data(demo_db, built):
    rows = early.first_rows(demo_db.path, today=TODAY)
    service = _service_rows(demo_db)
    assert len(service) >= 5, "the demo data has commitments ending within the notice period"
    assert rows == service
    assert [r.date for r in rows] == sorted(r.date for r in rows)


def test_the_early_rows_follow_the_offices_notice_setting_and_its_edges(demo_db, built):
    """Boundaries the office does not shape: a commitment ending today and one ending on the notice period's last
    day are listed, a leaver's is not; the office's own notice period (and a damaged value, which falls back to
    the default) is honoured by both reads alike."""
    active = [r[0] for r in sqlite3.connect(demo_db.path).execute(
        "SELECT id FROM talents WHERE status = 'active' ORDER BY id LIMIT 2").fetchall()]
    departed = sqlite3.connect(demo_db.path).execute(
        "SELECT id FROM talents WHERE status = 'departed' LIMIT 1").fetchone()[0]
    with demo_db.session(Actor.local()) as s:
        office_settings.set_setting(s, key="commitment_notice_days", value=400)
    last_day = TODAY.fromordinal(TODAY.toordinal() + 400)
    _sql(demo_db.path, ("UPDATE talents SET service_end_date = ? WHERE id = ?", (TODAY.isoformat(), active[0])),
         ("UPDATE talents SET service_end_date = ? WHERE id = ?", (last_day.isoformat(), active[1])),
         ("UPDATE talents SET service_end_date = ? WHERE id = ?", (TODAY.isoformat(), departed)))
    rows = early.first_rows(demo_db.path, today=TODAY)
    assert rows == _service_rows(demo_db)
    ids = {r.talent_id for r in rows}
    assert {active[0], active[1]} <= ids and departed not in ids
    assert max(r.date for r in rows) == last_day
    # the office's value is its county's own (a county's file keeps what its clerks save per county): damage it there
    con = sqlite3.connect(demo_db.path)
    assert con.execute("SELECT value FROM county_settings WHERE key = 'commitment_notice_days'").fetchone() == ("400",)
    con.close()
    _sql(demo_db.path, ("UPDATE county_settings SET value = ? WHERE key = ?", (json.dumps("six months"),
                                                                                 "commitment_notice_days")))
    rows = early.first_rows(demo_db.path, today=TODAY)
    assert rows == _service_rows(demo_db) and last_day not in {r.date for r in rows}


def test_a_database_that_needs_something_first_is_not_read_early(demo_db, db_path, built, tmp_path, monkeypatch):
    path = demo_db.path
    assert early.first_rows(path, today=TODAY)
    behind = tmp_path / "behind.db"
    shutil.copyfile(path, behind)
    assert early.first_rows(db_path, today=TODAY) is None  # no talents yet: the first-run wizard may come first
    assert early.first_rows(tmp_path / "missing.db", today=TODAY) is None
    with demo_db.session(Actor.local()) as s:  # accounts: the login comes first
        accounts.create_user(s, username="wang", password="correct horse battery", role="admin")
    assert early.first_rows(path, today=TODAY) is None
    _sql(path, ("DELETE FROM users", ()))  # an account the hash chain remembers: the full start refuses it
    assert early.first_rows(path, today=TODAY) is None

    _sql(behind, ("UPDATE alembic_version SET version_num = ?", ("0001",)))
    assert early.first_rows(behind, today=TODAY) is None  # the schema is behind: back up and migrate first
    _sql(behind, ("UPDATE alembic_version SET version_num = ?", (paths.recorded_head(built),)))
    assert early.first_rows(behind, today=TODAY)
    monkeypatch.setattr(paths, "migrations_dir", lambda: tmp_path)  # the source tree records no head
    assert early.first_rows(behind, today=TODAY) is None


def test_an_encrypted_database_is_not_read_early(demo_db, built, tmp_path):
    from talentdesk.services.safety.encryption import encrypt_file_in_place

    copy = tmp_path / "locked.db"
    demo_db.dispose()
    shutil.copyfile(demo_db.path, copy)
    assert early.first_rows(copy, today=TODAY)
    encrypt_file_in_place(copy, os.urandom(32))
    assert early.first_rows(copy, today=TODAY) is None


def test_the_early_frame_shows_the_rows_then_becomes_the_whole_window(qapp, demo_db, built, tmp_path):
    import datetime as dt

    from talentdesk.app import early_window, open_main_window

    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    window = early_window(demo_db.path, settings)
    try:
        assert window.isVisible() and window.context is None
        assert window.overview.loaded and window.overview.items == _service_rows(demo_db, dt.date.today())
        assert not window.settings_action.isEnabled()  # needs the database: on once the services are in
        window = open_main_window(demo_db, settings=settings, window=window, staged=True)
        assert window.settings_action.isEnabled()
        assert pump_until(lambda: not window._steps.isActive(), 30)  # the other tabs, one per turn
        assert pump_until(lambda: window.overview.complete, 30)
        assert {i.category for i in window.overview.items} > {"service_end"}
        for i in range(window.tabs.count()):
            window.tabs.setCurrentIndex(i)
            tab = window.tabs.currentWidget()
            assert tab is window.all_tabs[i]
            assert pump_until(lambda: tab.loaded, 30), tab.title()
            assert window.tabs.tabText(i) == tab.title()
    finally:
        window.close()
        if window.context is not None:
            window.context.runner.shutdown()


def test_a_remembered_tab_opens_once_attached(qapp, demo_db, built, tmp_path):
    """A clerk who left the window on another tab gets that tab: nothing is shown early (only the overview can be),
    and the tab is built as soon as the services are in."""
    from talentdesk.app import early_window, open_main_window

    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    settings.setValue("main/tab", 3)
    window = early_window(demo_db.path, settings)
    assert not window.isVisible()
    with pytest.raises(RuntimeError):
        window.mentors  # noqa: B018 - a tab that needs the database cannot be built before it is open
    window = open_main_window(demo_db, settings=settings, window=window, staged=True)
    try:
        window.show()
        assert window.tabs.currentWidget() is window.mentors
        assert pump_until(lambda: window.mentors.loaded, 30)
    finally:
        window.close()
        window.context.runner.shutdown()


_EARLY_ONLY = """
import os, sys
from pathlib import Path
import talentdesk.paths as p
p.migrations_dir = lambda: Path({migrations!r})
from PySide6.QtCore import QSettings
from talentdesk.app import early_window, make_application
app = make_application(lang="zh_CN")
w = early_window(Path({db!r}), QSettings({ini!r}, QSettings.Format.IniFormat))
app.processEvents()
heavy = sorted(m for m in ("sqlalchemy", "alembic", "reportlab", "openpyxl", "talentdesk.services.base")
               if m in sys.modules)
print(w.isVisible(), len(w.overview.items), w.tabs.tabText(0), heavy)
os._exit(0)
"""


def test_the_first_rows_are_on_screen_before_sqlalchemy_and_the_services_load(demo_db, built, tmp_path):
    """What makes start-up fast: a fresh process shows the window with its first rows (in the user's language)
    having loaded neither SQLAlchemy, Alembic, ReportLab nor the services."""
    code = _EARLY_ONLY.format(migrations=str(built), db=str(demo_db.path), ini=str(tmp_path / "w.ini"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env,
                         timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    visible, count, title, heavy = out.stdout.strip().split(" ", 3)
    assert visible == "True" and int(count) == len(_service_rows(demo_db, __import__("datetime").date.today()))
    assert title == "首页" and heavy == "[]"


def test_the_program_starts_through_the_early_window_to_a_usable_window(demo_db, built, tmp_path):
    """`talentdesk --db FILE` on a database that needs nothing first: the real start-up (lock, quick check, daily
    backup, wizard check) runs behind the early window and the window becomes usable (the start-up probe)."""
    marker = tmp_path / "usable"
    demo_db.dispose()
    code = (f"import sys; from pathlib import Path; import talentdesk.paths as p; "
            f"p.migrations_dir = lambda: Path({str(built)!r}); from talentdesk.cli import main; "
            f"sys.exit(main(['--db', {str(demo_db.path)!r}]))")
    env = dict(os.environ, TALENTDESK_HOME=str(tmp_path / "home"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               QT_QPA_PLATFORM="offscreen", TALENTDESK_STARTUP_PROBE=str(marker),
               TALENTDESK_FIRST_ROWS_PROBE=str(tmp_path / "first-rows"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env,
                         timeout=180)
    assert out.returncode == 0, out.stderr[-2000:]
    assert (tmp_path / "first-rows").read_text(encoding="utf-8") == "first rows\n"  # shown early, then usable
    assert marker.read_text(encoding="utf-8") == "usable\n"
    assert list((demo_db.path.parent / "backups").iterdir()), "the daily backup ran behind the early window"


def test_a_tab_clicked_before_its_turn_is_built_at_once(qapp, demo_db, built, tmp_path):
    from talentdesk.app import early_window, open_main_window

    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    window = early_window(demo_db.path, settings)
    window = open_main_window(demo_db, settings=settings, window=window, staged=True)
    try:
        assert window._steps.isActive()
        window.tabs.setCurrentIndex(4)  # the growth timeline, before the steps reached it
        growth = window.tabs.currentWidget()
        assert type(growth).__name__ == "GrowthTab" and window.tabs.currentIndex() == 4
        assert pump_until(lambda: growth.loaded, 30)
        assert pump_until(lambda: not window._steps.isActive(), 30)
        assert [window.tabs.widget(i) for i in range(5)] == window.all_tabs
    finally:
        window.close()
        window.context.runner.shutdown()


_SAME_CATALOGUE = """
import json, shutil, sys
from pathlib import Path
import talentdesk.paths as p
here = Path(FOLDER)
for ts in p.translations_dir().glob("*.ts"):  # compiled afresh, as a build does (a tree's .qm may be stale)
    shutil.copyfile(ts, here / ts.name)
p.translations_dir = lambda: here
from talentdesk.devtools import i18n as tool
tool.compile_all()
from talentdesk import i18n
from talentdesk.app import make_application
files = i18n.ts_files("zh_CN")
parsed = {}
for f in files:
    parsed.update(i18n.parse_ts(f))
make_application(lang="zh_CN")
wrong = [(c, s, t, i18n.translate(c, s)) for (c, s), t in parsed.items() if i18n.translate(c, s) != t]
print(json.dumps({"entries": len(parsed), "wrong": wrong[:10],
                  "untranslated": i18n.translate("NoSuchContext", "no such text")}))
"""


def test_the_window_process_translates_the_qt_free_layers_through_the_catalogue_it_loaded(tmp_path):
    """In the window's process the services' `translate` reads Qt's loaded catalogue instead of parsing every .ts
    file at start-up: every finished translation comes out the same, and an unknown text stays itself."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", _SAME_CATALOGUE.replace("FOLDER", repr(str(tmp_path)))], capture_output=True,
                         text=True, cwd=ROOT, env=env, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["entries"] > 1000 and result["wrong"] == []
    assert result["untranslated"] == "no such text"
