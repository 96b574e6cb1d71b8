"""The command-line companion: version, demo, self-test, exit codes."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from talentdesk import __version__
from talentdesk.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args, env_extra=None):
    import os

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "talentdesk", *args], capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=300)


def test_version_prints_the_package_version():
    out = run_cli("--version")
    assert out.returncode == 0 and __version__ in out.stdout


def test_demo_fills_a_database_that_passes_every_check(tmp_path, capsys):
    path = tmp_path / "t.db"
    assert main(["--db", str(path), "--lang", "en", "demo", "--talents", "60", "--seed", "3", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["talents"] == 60 and summary["ledger_entries"] > 0
    with sqlite3.connect(path) as c:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert c.execute("PRAGMA foreign_key_check").fetchall() == []
        assert c.execute("SELECT count(*) FROM talents").fetchone()[0] == 60


def test_demo_twice_is_refused_with_exit_1(tmp_path, capsys):
    path = tmp_path / "t.db"
    assert main(["--db", str(path), "demo", "--talents", "5"]) == 0
    capsys.readouterr()
    assert main(["--db", str(path), "--lang", "en", "demo", "--talents", "5"]) == 1
    assert "empty database" in capsys.readouterr().err


def test_usage_errors_exit_2(capsys):
    assert main(["demo", "--talents", "many"]) == 2
    assert "invalid int value" in capsys.readouterr().err
    assert main(["demo", "--talents", "many", "--json"]) == 2  # --json answers JSON on every exit
    answer = json.loads(capsys.readouterr().out)
    assert answer["exit"] == 2 and "invalid int value" in answer["error"]


def test_self_test_visits_every_tab_offscreen_and_saves_screenshots(tmp_path):
    path = tmp_path / "t.db"
    assert run_cli("--db", str(path), "demo", "--talents", "80").returncode == 0
    shots = tmp_path / "shots"
    out = run_cli("--db", str(path), "--lang", "en", "self-test", "--screenshots", str(shots), "--json")
    assert out.returncode == 0, out.stdout + out.stderr
    report = json.loads(out.stdout)
    assert report["ok"] and len(report["checks"]) >= 6
    shots_of_checks = [p for p in shots.glob("*.png") if not p.name.startswith(("growth-", "dialog-"))]
    assert len(shots_of_checks) == len(report["checks"]) - 1
    assert {p.name for p in shots.glob("dialog-*.png")} == {"dialog-settings-en.png", "dialog-talent-editor-en.png"}


def test_a_database_on_a_network_share_is_refused_by_the_cli(tmp_path):
    out = run_cli("--db", r"\\server\share\talentdesk.db", "--lang", "en", "demo")
    assert out.returncode == 1 and "network share" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.parametrize("words", [
    ["annual-indicators", "export", "{db}"],
    ["template", "payments", "--out", "{db}"],
    ["key", "public", "--out", "{db}"],
    ["export", "talents", "{db}"],
    ["reconcile", "--xlsx", "{db}-wal"],
])
def test_no_command_writes_over_the_database_it_works_on(demo_db, capsys, words):
    """Found by the 10,000 bad inputs: a file argument naming the live database overwrote it with JSON."""
    db = str(demo_db.path)
    demo_db.dispose()
    before = Path(db).read_bytes()
    code = main(["--lang", "en", "--db", db, *[w.format(db=db) for w in words]])
    assert code == 2
    assert "is the database itself" in capsys.readouterr().err
    assert Path(db).read_bytes() == before
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM talents").fetchone()[0] > 0
