"""The ledger's command-line commands: exit codes and output."""
from __future__ import annotations

import subprocess
import sys

from sqlalchemy import select

from talentdesk.cli import main
from talentdesk.domain.models import Certificate, LedgerEntry
from talentdesk.services.ledger import certificates
from talentdesk.services.base import Actor


def test_certificates_command_writes_one_page_per_payment(demo_db, tmp_path, capsys):
    with demo_db.session(Actor.local(), readonly=True) as s:
        reversed_ids = select(LedgerEntry.reverses_id).where(LedgerEntry.reverses_id.is_not(None))
        ids = list(s.scalars(select(LedgerEntry.id).where(LedgerEntry.kind == "payment",
                                                          LedgerEntry.id.not_in(reversed_ids)).limit(3)))
    db = str(demo_db.path)
    out = tmp_path / "c.pdf"
    args = ["--db", db, "certificates", "--out", str(out)]
    for i in ids:
        args += ["--entry", str(i)]
    assert main(args + ["--json"]) == 0
    assert '"pages": 3' in capsys.readouterr().out and out.read_bytes().startswith(b"%PDF")
    assert main(["--db", db, "certificates", "--out", str(out)]) == 2           # nothing chosen: usage
    assert main(["--db", db, "certificates", "--out", str(out), "--year", "1999"]) == 1  # nothing to print: refused
    assert main(["--db", db, "certificates", "--out", str(tmp_path / "no" / "c.pdf"), "--year", "2025"]) == 2


def test_verify_command_exit_codes(demo_db, tmp_path):
    with demo_db.session(Actor.local()) as s:
        eid = s.scalar(select(LedgerEntry.id).where(LedgerEntry.kind == "payment").order_by(LedgerEntry.id.desc()))
        certificates.print_certificates(s, out_path=tmp_path / "c.pdf", entry_ids=[eid])
        cert = s.scalar(select(Certificate))
        payload = certificates.stored_payload(s, cert)
    db = str(demo_db.path)
    run = lambda p: subprocess.run([sys.executable, "-m", "talentdesk", "--db", db, "--lang", "en", "verify", p],  # noqa: E731
                                   capture_output=True, text=True)
    ok = run(payload)
    assert ok.returncode == 0 and cert.serial in ok.stdout and "Genuine" in ok.stdout
    bad = run(payload.replace(cert.serial, cert.serial[:-1] + ("9" if cert.serial[-1] != "9" else "8")))
    assert bad.returncode == 1 and "Not genuine" in bad.stdout
