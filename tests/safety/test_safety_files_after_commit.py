"""A certificate PDF (or an export, an agreement, a key file) gets its name only after its transaction commits, and a
program killed anywhere around that commit leaves, after the next start, exactly one of two states: the rows
committed and the PDF in place, or neither — and no `.part` or journal file, wherever the clerk saved.

The kill is modelled by stopping the unit of work at a step and skipping its clean-up (as SIGKILL does); the
subprocess test in test_safety_kill_points.py kills the real program at random moments."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from talentdesk.cli import main as cli_main
from talentdesk.domain.errors import InputFileError
from talentdesk.domain.models import Certificate, LedgerEntry
from talentdesk.services import base
from talentdesk.services.base import Actor, Database
from talentdesk.services.ledger import certificates
from talentdesk.store import backup_files, files, placing


class Killed(BaseException):
    """The process died here: nothing after this point runs, no `finally` of the unit of work either."""


def _payment_ids(database: Database, n: int = 3) -> list[int]:
    with database.session(Actor.local(), readonly=True) as s:
        reversed_ids = select(LedgerEntry.reverses_id).where(LedgerEntry.reverses_id.is_not(None))
        return list(s.scalars(select(LedgerEntry.id).where(LedgerEntry.kind == "payment",
                                                           LedgerEntry.id.not_in(reversed_ids))
                              .order_by(LedgerEntry.id).limit(n)))


def _certificates(database: Database) -> int:
    with database.session(Actor.local(), readonly=True) as s:
        return s.scalar(select(func.count()).select_from(Certificate))


def _kill_at(monkeypatch, step: str) -> None:
    """Die at `step` of the unit of work: "writing" (the PDF half written), "before_commit" (journal sealed, not
    committed), "after_commit" (committed, not renamed). The unit of work's own clean-up never runs."""
    monkeypatch.setattr(base, "_discard", lambda session: session.info.clear())
    if step == "writing":
        def render(rows, fh, **_kw):
            fh.write(b"%PDF-1.4 half a page")
            raise Killed
        monkeypatch.setattr(certificates, "render_certificates", render)
    elif step == "before_commit":
        real = base._prepare_placing

        def prepare(session, pending):
            real(session, pending)
            raise Killed
        monkeypatch.setattr(base, "_prepare_placing", prepare)
    else:
        def place(session, pending):
            raise Killed
        monkeypatch.setattr(base, "_place_files", place)


@pytest.mark.parametrize("step,committed", [("writing", False), ("before_commit", False), ("after_commit", True)])
@pytest.mark.parametrize("elsewhere", [False, True], ids=["beside-the-db", "another-folder #2"])
def test_a_kill_around_the_commit_ends_in_one_of_two_states_after_the_next_start(
        demo_db, tmp_path, monkeypatch, step, committed, elsewhere):
    out_dir = tmp_path / "打印 #2" if elsewhere else demo_db.path.parent
    out_dir.mkdir(exist_ok=True)
    pdf = out_dir / "证书.pdf"
    ids = _payment_ids(demo_db)
    with monkeypatch.context() as m:
        _kill_at(m, step)
        with pytest.raises(Killed), demo_db.session(Actor.local()) as s:
            certificates.print_certificates(s, entry_ids=ids, out_path=pdf)
    assert not pdf.exists(), "the file is named only after the commit, and then only by the program"
    assert _certificates(demo_db) == (len(ids) if committed else 0)
    assert placing.journals(demo_db.path), "the killed run left its journal for the next start"
    assert backup_files.leftovers(demo_db.path)

    backup_files.clean_leftovers(demo_db.path)  # the next start

    assert pdf.exists() == committed
    if committed:
        assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000
    left = [p.name for p in out_dir.iterdir() if ".part" in p.name or ".placing-" in p.name]
    left += [p.name for p in demo_db.path.parent.iterdir() if ".placing-" in p.name]
    assert left == [] and backup_files.leftovers(demo_db.path) == []


def test_a_killed_print_whose_audit_row_number_was_reused_is_not_taken_for_committed(demo_db, tmp_path, monkeypatch):
    """The witness is the whole audit row, not its number: after the killed print rolled back, another program's
    write takes the same row number; the next start still removes the killed print's file."""
    pdf = tmp_path / "证书.pdf"
    with monkeypatch.context() as m:
        _kill_at(m, "before_commit")
        with pytest.raises(Killed), demo_db.session(Actor.local()) as s:
            certificates.print_certificates(s, entry_ids=_payment_ids(demo_db, 1), out_path=pdf)
    with demo_db.session(Actor.local()) as s:  # another unit of work writes audit rows (same ids as the dead one)
        certificates.print_certificates(s, entry_ids=_payment_ids(demo_db, 2)[1:], out_path=tmp_path / "别的.pdf")
    backup_files.clean_leftovers(demo_db.path)
    assert not pdf.exists() and (tmp_path / "别的.pdf").exists()
    assert not list(tmp_path.glob("*.part"))


def test_a_committed_file_held_open_at_the_next_start_is_kept_and_said(demo_db, tmp_path, monkeypatch):
    pdf = tmp_path / "证书.pdf"
    pdf.write_bytes(b"the old print, open in the PDF reader")
    with monkeypatch.context() as m:
        _kill_at(m, "after_commit")
        with pytest.raises(Killed), demo_db.session(Actor.local()) as s:
            certificates.print_certificates(s, entry_ids=_payment_ids(demo_db, 1), out_path=pdf)
    told: list[str] = []
    with monkeypatch.context() as m:
        m.setattr(files, "_sleep", lambda _s: None)

        real_replace = files.os.replace

        def refuse(src, dst):
            if Path(dst) != pdf:
                return real_replace(src, dst)
            exc = PermissionError(13, "in use")
            exc.winerror = 32
            raise exc
        m.setattr(files.os, "replace", refuse)
        backup_files.clean_leftovers(demo_db.path, notice=told.append)
    assert pdf.read_bytes() == b"the old print, open in the PDF reader"
    assert len(told) == 1 and "证书.pdf" in told[0]
    assert (tmp_path / "证书.pdf.part").exists(), "the committed print is kept for the next start"
    assert backup_files.leftovers(demo_db.path) == [], "kept on purpose: not a leftover to delete"
    backup_files.clean_leftovers(demo_db.path)  # the reader was closed: the next start puts it in place
    assert pdf.read_bytes().startswith(b"%PDF") and not list(tmp_path.glob("*.part"))
    assert not placing.journals(demo_db.path)


def test_a_certificate_print_over_a_pdf_open_elsewhere_records_nothing(demo_db, tmp_path, monkeypatch):
    pdf = tmp_path / "证书.pdf"
    pdf.write_bytes(b"open in the PDF reader")
    monkeypatch.setattr(files, "_sleep", lambda _s: None)
    real_open = files.os.open

    def open_(path, flags, *a, **kw):
        if Path(path) == pdf and flags & (files.os.O_RDWR | files.os.O_WRONLY):
            exc = PermissionError(13, "in use")
            exc.winerror = 32
            raise exc
        return real_open(path, flags, *a, **kw)

    monkeypatch.setattr(files.os, "open", open_)
    with pytest.raises(files.FileInUse), demo_db.session(Actor.local()) as s:
        certificates.print_certificates(s, entry_ids=_payment_ids(demo_db, 2), out_path=pdf)
    assert _certificates(demo_db) == 0, "no serial used"
    assert pdf.read_bytes() == b"open in the PDF reader"
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("demo.db")) == ["证书.pdf"]


def _sqlite_ok(path: Path) -> bool:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    finally:
        conn.close()


@pytest.mark.parametrize("target", ["office.db", "office.db-wal", "office.db-journal"])
@pytest.mark.parametrize("command", [["key", "public", "--out"], ["certificates", "--year", "YEAR", "--out"]])
def test_no_command_writes_over_another_database_or_its_journal(demo_db, tmp_path, _demo_template, capsys,
                                                                target, command):
    """The root cause of the fuzzed database that read "file is not a database": `key public --out` run on one
    database wrote the key over another (the office's), whose -wal then no longer matched. Any database — not only
    the one the command works on — and its journal files are refused as an output, and stay intact."""
    office = tmp_path / "office.db"
    shutil.copyfile(_demo_template, office)
    conn = sqlite3.connect(office)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE IF NOT EXISTS keep_wal (x)")  # a -wal with content beside it, as in use
    side = tmp_path / target
    if target != "office.db" and not side.exists():
        side.write_bytes(b"journal pages")
    before = side.read_bytes()
    demo_db.dispose()
    year = sqlite3.connect(demo_db.path).execute(
        "SELECT max(fiscal_year) FROM ledger_entries WHERE kind = 'payment'").fetchone()[0]
    command = [str(year) if w == "YEAR" else w for w in command]
    code = cli_main(["--lang", "en", "--db", str(demo_db.path), *command, str(side)])
    after = side.read_bytes()
    conn.close()
    err = capsys.readouterr()
    assert code != 0 and "database" in (err.out + err.err)
    assert after == before and _sqlite_ok(office)
    assert not list(tmp_path.glob("*.part")) and not list(tmp_path.glob("*.placing-*"))


def test_the_refusal_names_the_file_and_nothing_is_recorded(demo_db, tmp_path, _demo_template):
    from talentdesk.services.safety import keys

    other = tmp_path / "科室#2 备份.db"
    shutil.copyfile(_demo_template, other)
    with demo_db.session(Actor.local(), readonly=True) as s:
        before = s.execute(select(func.count()).select_from(base.AuditEntry)).scalar()
    with pytest.raises(InputFileError) as err, demo_db.session(Actor.local()) as s:
        keys.export_public_key(s, out_path=other)
    assert "科室#2 备份.db" in err.value.message
    assert _sqlite_ok(other)
    with demo_db.session(Actor.local(), readonly=True) as s:
        assert s.execute(select(func.count()).select_from(base.AuditEntry)).scalar() == before


def test_a_report_written_outside_a_transaction_is_not_put_over_a_database(tmp_path, _demo_template):
    import datetime as dt

    from talentdesk.reports import roster

    office = tmp_path / "talentdesk.db"
    shutil.copyfile(_demo_template, office)
    with pytest.raises(InputFileError):
        roster.write_xlsx([], office, office="县人才办", on=dt.date(2025, 3, 1))
    assert _sqlite_ok(office)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["talentdesk.db"], "no temporary file left"
