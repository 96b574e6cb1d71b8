"""Every export of personal data is audited, from every place: each command that writes a file of the office's
data records one "export" entry (or, for certificates, the audited print counts), and every service operation
that writes a file commits (writes=True), so the window, which submits the same operations, is audited too."""
from __future__ import annotations

import inspect
import pkgutil
import sqlite3
from importlib import import_module

import talentdesk.services as services_pkg
from talentdesk.cli import main as cli_main
from talentdesk.services.base import Lane

OUTPUT_PARAMETERS = {"path", "out_path", "out", "target", "xlsx", "pdf", "dest"}


def _exports(path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM audit_entries WHERE action = 'export'").fetchone()[0]


def _operations():
    for info in pkgutil.walk_packages(services_pkg.__path__, "talentdesk.services."):
        module = import_module(info.name)
        for name, fn in vars(module).items():
            if callable(fn) and hasattr(fn, "operation_name") and fn.__module__ == module.__name__:
                yield f"{module.__name__}.{name}", fn


def test_every_operation_that_writes_a_file_commits_its_audit_entry():
    writers = {}
    for name, fn in _operations():
        params = set(inspect.signature(fn).parameters)
        if params & OUTPUT_PARAMETERS and fn.lane is not Lane.NO_DATABASE:
            writers[name] = fn
    assert len(writers) >= 6, sorted(writers)  # the exports exist (talents, audit, roster, reports, agreement …)
    read_only = sorted(n for n, fn in writers.items() if not fn.writes and "import" not in n)
    assert not read_only, f"these write a file but run read-only, so their audit entry would be lost: {read_only}"


def test_each_export_command_records_one_export(demo_db, tmp_path, capsys):
    from sqlalchemy import select

    from talentdesk.domain.models import LedgerEntry, Pairing
    from talentdesk.services.base import Actor

    with demo_db.session(Actor.local(), readonly=True) as s:
        pairing = s.scalar(select(Pairing.id).limit(1))
        year = s.scalar(select(LedgerEntry.fiscal_year).where(LedgerEntry.kind == "payment").limit(1))
    db = str(demo_db.path)
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    commands = {
        "export talents": ["export", "talents", tmp_path / "人才.xlsx"],
        "export talents csv": ["export", "talents", tmp_path / "人才.csv"],
        "retention": ["retention", "--xlsx", tmp_path / "留存.xlsx"],
        "yearly report": ["yearly-report", "--out", tmp_path / "年报.pdf", "--year", str(year)],
        "agreement": ["agreement", str(pairing), "--out", tmp_path / "协议.pdf"],
        "reconcile": ["reconcile", "--xlsx", tmp_path / "对账.xlsx"],
    }
    counted = {}
    for what, args in commands.items():
        before = _exports(db)
        code = cli_main(["--lang", "en", "--db", db, *[str(a) for a in args]])
        capsys.readouterr()
        assert code == 0, what
        counted[what] = _exports(db) - before
    assert counted == {what: 1 for what in commands}, counted
    assert len(list(tmp_path.iterdir())) == len(commands)  # one file each, no temporary file left
