"""kill -9 at many points of the operations that move whole databases or many rows: demo, import, backup, restore,
migration and certificate printing (the command line, in its own process, killed at a random moment).

After every kill, before the next start: the database passes SQLite's integrity check and is in exactly one of
its two states (before or after the operation: never torn), and whatever the command reported as done is there.
After the next start (the command line opening the database): no `.part`, `.part-journal` or `.restoring` file is
left. The figures are printed and recorded (`kill_figures`)."""
from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from talentdesk.cli import main as cli_main
from talentdesk.store import backup_files
from talentdesk.store.integrity import integrity_check

from tests.talents.helpers import make_id, write_csv

ROOT = Path(__file__).resolve().parents[2]
RELEASE_DB = ROOT / "tests" / "fixtures" / "release-0.1.0.db"
ROUNDS = 9   # per operation: 6 operations, 54 kill points
IMPORT_ROWS = 150


def _scalar(path: Path, sql: str):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def _talents(path: Path) -> int:
    return _scalar(path, "SELECT count(*) FROM talents")


def _employers(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {n for (n,) in conn.execute("SELECT name FROM employers")}
    finally:
        conn.close()


def _kill_after(cmd: list[str], env: dict, delay: float) -> tuple[str, bool]:
    """Run the command line, SIGKILL it after `delay` seconds; its output so far, and whether it had finished."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT)
    out: list[str] = []
    reader = threading.Thread(target=lambda: out.extend(proc.stdout), daemon=True)
    reader.start()
    time.sleep(delay)
    finished = proc.poll() is not None
    if not finished:
        proc.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no clean-up either way
    proc.wait()
    reader.join(5)
    return "".join(out), finished


@pytest.mark.slow
def test_kill_9_at_many_points_loses_nothing_and_leaves_nothing(tmp_path, _template_db, _demo_template,
                                                                 record_property, capsys):
    rng = random.Random(20261130)
    env = dict(os.environ, TALENTDESK_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    base = [sys.executable, "-m", "talentdesk", "--lang", "en"]
    roster = write_csv(tmp_path / "新人名单.csv", [["姓名", "身份证号", "人才类别", "到岗日期", "用人单位"]] + [
        [f"杀进程{i}", make_id(birth=dt.date(1990, 1, 1) + dt.timedelta(days=i), seq=100 + i % 800), "C",
         "2024-07-01", "县人民医院"] for i in range(IMPORT_ROWS)])
    good_backup = tmp_path / "good-backup.db"
    shutil.copyfile(_demo_template, good_backup)
    from talentdesk.domain.models import Employer
    from talentdesk.services.base import Actor, Database

    marked = Database.open(good_backup)
    with marked.session(Actor.local()) as s:
        s.add(Employer(name="只在备份里"))
    marked.dispose()
    year = _scalar(_demo_template, "SELECT max(fiscal_year) FROM ledger_entries WHERE kind = 'payment'")
    figures = {"kill_points": 0, "killed_before_finishing": 0, "finished_before_the_kill": 0,
               "inside_a_backup_or_restore": 0,
               "torn_states": 0, "lost_reports": 0, "leftovers_after_next_start": 0, "pdf_parts_after_kill": 0,
               "pdf_parts_after_next_start": 0, "pdfs_put_in_place_at_next_start": 0,
               "committed_without_pdf_after_next_start": 0}
    t0 = time.monotonic()

    def next_start(db: Path) -> None:
        capsys.readouterr()
        cli_main(["--lang", "en", "--db", str(db), "users", "list"])  # opening the database: cleans up
        capsys.readouterr()
        left = backup_files.leftovers(db)
        figures["leftovers_after_next_start"] += len(left)
        assert not left, left

    ops = ("backup", "restore", "import", "demo", "migration", "certificates")

    def prepare(op: str, work: Path) -> tuple[Path, Path, list[str]]:
        work.mkdir()
        db = work / "talentdesk.db"
        shutil.copyfile(_template_db if op == "demo" else RELEASE_DB if op == "migration" else _demo_template, db)
        pdf = work / "证书.pdf"
        args = {"backup": ["backup"], "restore": ["restore", str(good_backup)],
                "import": ["import", "talents", str(roster)], "demo": ["demo", "--talents", "300"],
                "migration": ["watch-list"], "certificates": ["certificates", "--out", str(pdf),
                                                               "--year", str(year)]}[op]
        return db, pdf, base + ["--db", str(db)] + args

    # how long each operation takes here, start to finish: the kills land between 15 % and 70 % of that,
    # so they fall inside the work on a fast machine as on a slow one (fixed delays once let most runs finish)
    duration: dict[str, float] = {}
    for op in ops:
        for attempt in range(2):  # the faster of two runs: the first may pay for a cold disk cache
            _db, _pdf, cmd = prepare(op, tmp_path / f"{op}-timed-{attempt}")
            started = time.monotonic()
            subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, timeout=300)
            duration[op] = min(duration.get(op, float("inf")), time.monotonic() - started)
    figures["seconds_to_finish"] = {op: round(d, 2) for op, d in duration.items()}

    for rnd in range(ROUNDS):
        for op in ops:
            work = tmp_path / f"{op}-{rnd}"
            db, pdf, cmd = prepare(op, work)
            before_talents, before_employers = _talents(db), _employers(db)
            before_revision = _scalar(db, "SELECT version_num FROM alembic_version")
            out, finished = _kill_after(cmd, env, rng.uniform(0.15, 0.7) * duration[op])
            figures["kill_points"] += 1
            figures["finished_before_the_kill" if finished else "killed_before_finishing"] += 1
            figures["inside_a_backup_or_restore"] += int(bool(backup_files.leftovers(db)))
            assert integrity_check(db) == [], (op, rnd)
            talents, employers = _talents(db), _employers(db)
            if op == "backup":
                torn = talents != before_talents or employers != before_employers
                lost = "Backup written" in out and not any(
                    b.path.name in out for b in backup_files.list_backups(db))
            elif op == "restore":
                restored = "只在备份里" in employers
                torn = talents != 300 or (employers - {"只在备份里"}) != before_employers
                lost = "Restored" in out and not restored
            elif op == "import":
                torn = talents not in (before_talents, before_talents + IMPORT_ROWS)
                lost = "imported" in out.lower() and talents != before_talents + IMPORT_ROWS
            elif op == "demo":
                torn = talents not in (0, 300)
                lost = "Demo data" in out and talents != 300
            elif op == "migration":
                revision = _scalar(db, "SELECT version_num FROM alembic_version")
                torn = talents != before_talents or revision not in (before_revision, _head())
                lost = False
            else:
                certs = _scalar(db, "SELECT count(*) FROM certificates")
                torn = pdf.exists() and certs == 0  # paper for serials that were never committed
                lost = "written to" in out and (certs == 0 or not pdf.exists())
                figures["pdf_parts_after_kill"] += len(list(work.glob("*.part")))
            figures["torn_states"] += int(torn)
            figures["lost_reports"] += int(lost)
            assert not torn and not lost, (op, rnd, out[-300:])
            had_pdf = pdf.exists()
            next_start(db)
            if op == "certificates":
                # after the next start: no temporary file anywhere in the output folder, and every committed
                # certificate has its PDF (a kill between the commit and the rename is finished by the start)
                parts = [p.name for p in work.iterdir() if ".part" in p.name or ".placing-" in p.name]
                figures["pdf_parts_after_next_start"] += len(parts)
                committed = _scalar(db, "SELECT count(*) FROM certificates") > 0
                figures["pdfs_put_in_place_at_next_start"] += int(pdf.exists() and not had_pdf)
                figures["committed_without_pdf_after_next_start"] += int(committed and not pdf.exists())
                assert not parts, (rnd, parts)
                assert pdf.exists() == committed, (rnd, committed, pdf.exists())
    figures["seconds"] = round(time.monotonic() - t0, 1)
    record_property("kill_figures", figures)
    print(f"\nkill -9 figures: {figures}")
    assert figures["kill_points"] >= 50 and figures["killed_before_finishing"] >= 40


def _head() -> str:
    from talentdesk.store.db import head_revision

    return head_revision()
