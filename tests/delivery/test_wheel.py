"""The built wheel works on its own: `pip wheel .` from a clean copy of the source tree, installed into a fresh
venv, run from outside the source tree — `demo` migrates a new database and `self-test` shows the window in Chinese.

How the fresh venv gets its dependencies: the wheel is installed with `--no-deps` into a venv made WITHOUT system
site-packages, and one `.pth` line puts the project venv's site-packages after the venv's own. A full dependency
install would copy about 1 GB (PySide6 alone is 650 MB) on every run, minutes on CI's shared cores. A plain path
line in a `.pth` file does not run that folder's own `.pth` files, so the project's editable install of talentdesk
stays invisible: the only talentdesk the fresh venv can import is the wheel's (asserted below), and the only
migrations, catalogues and icons it can find are the ones the wheel carries.
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from talentdesk.paths import bundle_root

ROOT = bundle_root()
NOT_COPIED = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "*.pyc", "*.qm",
                                    "tests", "docs", ".hypothesis", ".pytest_cache", "*.db", "*.db-wal", "*.db-shm")


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    work = tmp_path_factory.mktemp("wheel")
    src = work / "src"
    shutil.copytree(ROOT, src, ignore=NOT_COPIED)  # a clean checkout: no compiled .qm, no build/ left-overs
    assert not list(src.rglob("*.qm"))
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "-q", "-w", str(work / "w")],
                           capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr
    (wheel,) = (work / "w").glob("talentdesk-*.whl")

    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=False, system_site_packages=False).create(env_dir)
    py = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    inst = subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps", "-q", str(wheel)],
                          capture_output=True, text=True, timeout=300)
    assert inst.returncode == 0, inst.stderr
    site = Path(subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               capture_output=True, text=True, check=True).stdout.strip())
    (site / "zz_project_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    script = env_dir / ("Scripts/talentdesk.exe" if os.name == "nt" else "bin/talentdesk")
    outside = work / "elsewhere"
    outside.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "TALENTDESK_"))}
    env.update(TALENTDESK_HOME=str(work / "home"), XDG_CONFIG_HOME=str(work / "config"), QT_QPA_PLATFORM="offscreen",
               PYTHONIOENCODING="utf-8")
    return {"wheel": wheel, "py": py, "script": script, "cwd": outside, "env": env, "work": work}


def _run(installed, *args, timeout=300):
    return subprocess.run([str(installed["script"]), *args], cwd=installed["cwd"], env=installed["env"],
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout)


def test_the_wheel_carries_migrations_resources_and_compiled_catalogues(installed):
    names = set(zipfile.ZipFile(installed["wheel"]).namelist())
    for ts in (ROOT / "resources" / "i18n").glob("*.ts"):
        assert f"talentdesk/_resources/i18n/{ts.name}" in names
        assert f"talentdesk/_resources/i18n/{ts.stem}.qm" in names, "the .qm is compiled at build time"
    versions = sorted(p.name for p in (ROOT / "migrations" / "versions").glob("*.py"))
    assert versions and all(f"talentdesk/_migrations/versions/{v}" in names for v in versions)
    assert {"talentdesk/_migrations/env.py", "talentdesk/_migrations/script.py.mako", "talentdesk/_migrations/HEAD",
            "talentdesk/_resources/icons/talentdesk-64.png",
            "talentdesk/_resources/help/zh_CN/01-getting-started.md"} <= names
    assert not any(n.startswith(("migrations/", "resources/")) for n in names), "nothing at the top of site-packages"


def test_the_installed_program_is_the_wheel_and_finds_its_own_data(installed):
    probe = ("import talentdesk, talentdesk.paths as p, talentdesk.store.db as d; "
             "print(talentdesk.__file__); print(p.migrations_dir()); print(p.translations_dir()); print(d.built_head())")
    out = subprocess.run([str(installed["py"]), "-c", probe], cwd=installed["cwd"], env=installed["env"],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    venv_dir = installed["work"] / "venv"
    assert all(Path(line).resolve().is_relative_to(venv_dir.resolve()) for line in out[:3]), out
    from talentdesk.store.db import head_revision

    assert out[3] == head_revision()


def test_demo_and_self_test_run_in_chinese_from_outside_the_source_tree(installed):
    db = installed["work"] / "data" / "talentdesk.db"
    demo = _run(installed, "--db", str(db), "--lang", "zh_CN", "demo", "--talents", "60", "--json")
    assert demo.returncode == 0, demo.stderr
    assert json.loads(demo.stdout)["talents"] == 60
    from talentdesk.store.db import head_revision

    with sqlite3.connect(db) as conn:  # the migrations the wheel carries ran
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
        assert conn.execute("SELECT count(*) FROM talents").fetchone()[0] == 60

    text = _run(installed, "--db", str(db), "--lang", "zh_CN", "demo", "--talents", "1")
    assert _has_cjk(text.stdout + text.stderr), "the CLI speaks Chinese: its catalogue was found"

    test = _run(installed, "--db", str(db), "--lang", "zh_CN", "self-test", "--json")
    assert test.returncode == 0, test.stdout + test.stderr
    result = json.loads(test.stdout)
    assert result["ok"]
    tabs = [c["name"] for c in result["checks"] if c["name"].startswith("tab ")]
    assert tabs and all(_has_cjk(name) for name in tabs), tabs  # tab titles come from the compiled .qm


def test_a_current_database_opens_without_loading_alembic(installed):
    db = installed["work"] / "data2" / "talentdesk.db"
    assert _run(installed, "--db", str(db), "demo", "--talents", "5", "--json").returncode == 0
    code = ("import sys; from pathlib import Path; from talentdesk.services.base import Database; "
            f"d = Database.open(Path({str(db)!r})); print(d.migration.migrated, 'alembic' in sys.modules)")
    out = subprocess.run([str(installed["py"]), "-c", code], cwd=installed["cwd"], env=installed["env"],
                         capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
