"""Certificates from the demo data: embedded fonts, readable text, a QR code that proves itself, serials, reprints."""
from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import sys

import pytest
from sqlalchemy import select

from talentdesk.domain.errors import RuleViolation, ValidationError
from talentdesk.domain.models import Certificate, LedgerEntry, SerialCounter, Talent
from talentdesk.domain.values import amount_in_capitals
from talentdesk.reports.certificate import measure_throughput, render_certificates, sample_rows
from talentdesk.services.ledger import certificates
from talentdesk.services.ledger import journal
from talentdesk.services.base import Actor

needs_tools = pytest.mark.skipif(not all(shutil.which(t) for t in ("pdffonts", "pdftotext", "pdftoppm", "zbarimg")),
                                 reason="poppler-utils and zbar-tools are needed")


def _entries(database, n=3, year=2025):
    with database.session(Actor.local(), readonly=True) as s:
        reversed_ids = select(LedgerEntry.reverses_id).where(LedgerEntry.reverses_id.is_not(None))
        return list(s.scalars(select(LedgerEntry.id).where(LedgerEntry.kind == "payment",
                                                           LedgerEntry.id.not_in(reversed_ids),
                                                           LedgerEntry.fiscal_year == year)
                              .order_by(LedgerEntry.id).limit(n)))


def _print(database, tmp_path, name="c.pdf", **kw):
    with database.session(Actor.local()) as s:
        return certificates.print_certificates(s, out_path=tmp_path / name, **kw)


def _one_char_changes(payload: str):
    for i in range(len(payload)):
        ch = payload[i]
        repl = "1" if ch != "1" else "2"
        yield payload[:i] + repl + payload[i + 1:]


@needs_tools
def test_certificate_pdf_from_demo_data_proves_itself(demo_db, tmp_path):
    [eid] = _entries(demo_db, 1)
    result = _print(demo_db, tmp_path, entry_ids=[eid])
    pdf = tmp_path / "c.pdf"
    assert result.pages == 1 and result.originals == 1
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts  # the "emb" column
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    with demo_db.session(Actor.local(), readonly=True) as s:
        e = s.get(LedgerEntry, eid)
        name = s.get(Talent, e.talent_id).name
        amount = -e.amount_fen
    assert name in text and amount_in_capitals(amount) in text and result.serials[0] in text
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(pdf), str(tmp_path / "page")], check=True)
    png = next(tmp_path.glob("page*.png"))
    scanned = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True, check=True)
    payload = scanned.stdout.strip()
    assert payload.startswith(f"TD2:{result.serials[0]}:")
    with demo_db.session(Actor.local(), readonly=True) as s:
        ok = certificates.verify_payload(s, payload=payload)
        assert ok.genuine and ok.talent_name == name and ok.amount_fen == amount
        for changed in _one_char_changes(payload):
            assert not certificates.verify_payload(s, payload=changed).genuine, changed
    # the command line agrees: exit 0 genuine, 1 not
    db = str(demo_db.path)
    base = [sys.executable, "-m", "talentdesk", "--db", db, "verify"]
    assert subprocess.run(base + [payload], capture_output=True).returncode == 0
    assert subprocess.run(base + [payload[:-1] + ("0" if payload[-1] != "0" else "1")],
                          capture_output=True).returncode == 1


def test_serials_never_repeat_and_reprints_are_counted_copies(demo_db, tmp_path):
    ids = _entries(demo_db, 3)
    first = _print(demo_db, tmp_path, entry_ids=ids[:2])
    second = _print(demo_db, tmp_path, "d.pdf", entry_ids=ids)
    assert (second.originals, second.copies) == (1, 2)
    assert second.serials[:2] == first.serials and len(set(second.serials)) == 3
    with demo_db.session(Actor.local(), readonly=True) as s:
        counts = {c.entry_id: c.print_count for c in s.scalars(select(Certificate))}
        assert counts == {ids[0]: 2, ids[1]: 2, ids[2]: 1}
    if shutil.which("pdftotext"):  # the reprints say so on the page; the new one does not
        text = subprocess.run(["pdftotext", str(tmp_path / "d.pdf"), "-"], capture_output=True, text=True).stdout
        assert text.count("COPY — reprint 1") == 2


def test_cancelled_batch_uses_no_serial_and_writes_no_file(demo_db, tmp_path):
    ids = _entries(demo_db, 5)
    with pytest.raises(RuleViolation, match="cancelled"):
        with demo_db.session(Actor.local()) as s:
            certificates.print_certificates(s, out_path=tmp_path / "x.pdf", entry_ids=ids, abort=lambda: True)
    assert not (tmp_path / "x.pdf").exists()
    with demo_db.session(Actor.local(), readonly=True) as s:
        assert s.scalar(select(Certificate.id)) is None and s.scalar(select(SerialCounter.last)) is None


def test_reversed_payment_is_not_printable_and_its_certificate_no_longer_valid(demo_db, tmp_path):
    [eid] = _entries(demo_db, 1)
    _print(demo_db, tmp_path, entry_ids=[eid])
    with demo_db.session(Actor.local()) as s:
        cert = s.scalar(select(Certificate))
        e = s.get(LedgerEntry, eid)
        payload = certificates.stored_payload(s, cert)
        journal.reverse_entry(s, entry_id=eid, reason="重复发放", on=dt.date(2026, 11, 23))
    with demo_db.session(Actor.local(), readonly=True) as s:
        v = certificates.verify_payload(s, payload=payload)
        assert (v.genuine, v.status) == (False, "reversed")
    with pytest.raises(ValidationError, match=str(eid)):
        _print(demo_db, tmp_path, entry_ids=[eid])


def test_missing_selection_is_a_clear_refusal(demo_db, tmp_path):
    with pytest.raises(ValidationError):
        _print(demo_db, tmp_path)
    with pytest.raises(RuleViolation):
        _print(demo_db, tmp_path, year=1990)


def test_renderer_reports_progress():
    seen = []
    pages = render_certificates(sample_rows(60), io.BytesIO(), total=60, progress=lambda d, t, _: seen.append(d))
    assert pages == 60 and seen == [25, 50, 60]


def test_the_throughput_measurement_renders_the_pages_it_counts():
    """The benchmark's certificate figure (pages/s beside bare ReportLab; the bar is checked by tests/bench, never by a
    timed test) counts pages the renderer really wrote: a PDF of that many pages, each side timed."""
    r = measure_throughput(20)
    assert r.pages == 20 and r.bytes > 20 * 1000, r
    assert r.seconds > 0 and r.baseline_seconds > 0 and r.pages_per_second == pytest.approx(20 / r.seconds), r
    assert r.ratio == pytest.approx(r.seconds / r.baseline_seconds), r


def test_payment_roster_xlsx_and_pdf(demo_db, tmp_path):
    from openpyxl import load_workbook

    from talentdesk.domain.models import Payment
    from talentdesk.services.ledger import payments
    with demo_db.session(Actor.local(), readonly=True) as s:
        pids = list(s.scalars(select(Payment.id).where(Payment.status == "paid").order_by(Payment.id).limit(4)))
        total = sum(s.get(Payment, p).amount_fen for p in pids)
    with demo_db.session(Actor.local()) as s:
        assert payments.export_roster(s, payment_ids=pids, out_path=str(tmp_path / "r.xlsx")) == 4
        assert payments.export_roster(s, payment_ids=pids, out_path=str(tmp_path / "r.pdf")) == 4
        with pytest.raises(ValidationError):
            payments.export_roster(s, payment_ids=pids, out_path=str(tmp_path / "r.doc"))
    ws = load_workbook(tmp_path / "r.xlsx").active
    values = [row for row in ws.iter_rows(values_only=True)]
    total_row = next(r for r in values if r[0] == "Total")
    assert round(total_row[6] * 100) == total and total_row[7] == amount_in_capitals(total)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True).stdout
        assert amount_in_capitals(total) in text and "Checked by" in text


def test_unwritable_destination_is_a_clear_error_and_uses_no_serial(demo_db, tmp_path):
    from talentdesk.domain.errors import StorageError

    ids = _entries(demo_db, 1)
    with pytest.raises(StorageError, match="could not be written"):
        _print(demo_db, tmp_path / "missing-folder", entry_ids=ids)
    with demo_db.session(Actor.local(), readonly=True) as s:
        assert s.scalar(select(Certificate.id)) is None
