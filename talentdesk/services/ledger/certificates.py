"""Certificates (补贴发放凭证) for payments: serials that never repeat, keyed digests, reprints counted, verification.

Payload in the QR code (ASCII, upper case so it encodes compactly):  TD1:<serial>:<entry id>:<amount fen>:<yyyymmdd>:<digest>
digest = first 32 hex digits of HMAC-SHA256(certificate key of this database,
         "serial|entry id|talent id|grant id|instalment seq|amount fen|pay date") — fields that never change (the
ledger is append-only), so a certificate stays verifiable when a name is corrected later. Any changed character
of the payload fails: the digest no longer matches, or the fields no longer agree with the ledger.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.domain import enums as E
from talentdesk.domain.errors import NotFound, RuleViolation, StorageError, ValidationError
from talentdesk.domain.labels import label
from talentdesk.domain.models import Certificate, Employer, LedgerEntry, SerialCounter, SubsidyGrant, Talent
from talentdesk.domain.values import format_yuan, mask_id_number
from talentdesk.i18n import translate
from talentdesk.reports.certificate import CertificateData, render_certificates
from talentdesk.services.base import Change, Permission, actor_of, operation, place_at_commit
from talentdesk.services.common.settings import certificate_key, get_setting

Progress = Callable[[int, int, str], None]
PREFIX = "TD"
PAYLOAD_RE = re.compile(r"^TD1:(TD-(\d{4})-(\d{6})):(\d{1,12}):(\d{1,15}):(\d{8}):([0-9A-F]{32})$")
MAX_BATCH = 20_000


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def _digest(key: bytes, serial: str, e: LedgerEntry) -> str:
    text = "|".join(str(v) for v in (serial, e.id, e.talent_id, e.grant_id, e.instalment_seq or 0, -e.amount_fen,
                                      e.entry_date.isoformat()))
    return hmac.new(key, text.encode(), hashlib.sha256).hexdigest()[:32].upper()


def payload_for(serial: str, e: LedgerEntry, digest: str) -> str:
    return f"TD1:{serial}:{e.id}:{-e.amount_fen}:{e.entry_date:%Y%m%d}:{digest}"


def _next_serial(session: Session, year: int) -> str:
    counter = session.get(SerialCounter, (PREFIX, year))
    if counter is None:
        counter = SerialCounter(prefix=PREFIX, year=year, last=0)
        session.add(counter)
    counter.last += 1
    if counter.last > 999_999:
        raise RuleViolation(translate("Certificates", "The serial numbers of {year} are used up.").format(year=year))
    return f"{PREFIX}-{year}-{counter.last:06d}"


def _payment_entries(session: Session, entry_ids, year: int | None) -> list[LedgerEntry]:
    reversed_ids = select(LedgerEntry.reverses_id).where(LedgerEntry.reverses_id.is_not(None))
    stmt = select(LedgerEntry).where(LedgerEntry.kind == E.EntryKind.PAYMENT.value, LedgerEntry.id.not_in(reversed_ids))
    if entry_ids:
        ids = list(dict.fromkeys(int(i) for i in entry_ids))
        found = session.scalars(stmt.where(LedgerEntry.id.in_(ids))).all()
        missing = sorted(set(ids) - {e.id for e in found})
        if missing:
            raise ValidationError(translate(
                "Certificates", "No certificate can be printed for entry {ids}: only payments that stand (not "
                                "reversed) have certificates.").format(ids=", ".join(map(str, missing))), field="entry")
        order = {i: n for n, i in enumerate(ids)}
        return sorted(found, key=lambda e: order[e.id])
    if year is not None:
        stmt = stmt.where(LedgerEntry.fiscal_year == year)
    return list(session.scalars(stmt.order_by(LedgerEntry.entry_date, LedgerEntry.id).limit(MAX_BATCH + 1)))


@dataclass(frozen=True)
class PrintResult:
    pages: int
    originals: int
    copies: int
    serials: tuple[str, ...]
    path: str


@operation(Permission.CERTIFICATE_PRINT, writes=True, changes=(Change.LEDGER, Change.CERTIFICATES), long=True)
def print_certificates(session: Session, *, out_path: str | Path, entry_ids: list[int] | tuple[int, ...] | None = None,
                       year: int | None = None, progress: Progress | None = None,
                       abort: Callable[[], bool] | None = None) -> PrintResult:
    """Issue (first print) or reprint the certificates of payment entries into one PDF.

    A first print takes the next serial of the payment's year; a reprint keeps its serial, is marked as a copy and
    counted. It is one unit of work: if rendering fails or is cancelled, no serial is used and no count changes.
    """
    if not entry_ids and year is None:
        raise ValidationError(translate("Certificates", "Choose the payments: give entry numbers or a year."),
                              field="entry")
    entries = _payment_entries(session, entry_ids, year)
    if not entries:
        raise RuleViolation(translate("Certificates", "There are no payments to print."))
    if len(entries) > MAX_BATCH:
        raise RuleViolation(translate("Certificates", "At most {n} certificates can be printed at once; choose a "
                                                      "smaller selection.").format(n=MAX_BATCH))
    key = certificate_key(session)
    actor = actor_of(session)
    office = str(get_setting(session, "office_name") or "")
    font_path = str(get_setting(session, "certificate_font") or "") or None
    certs = {c.entry_id: c for c in session.scalars(
        select(Certificate).where(Certificate.entry_id.in_([e.id for e in entries])))}
    grants = {g.id: g for g in session.scalars(
        select(SubsidyGrant).where(SubsidyGrant.id.in_({e.grant_id for e in entries})))}
    talents = {t.id: t for t in session.scalars(select(Talent).where(Talent.id.in_({e.talent_id for e in entries})))}
    employers = {m.id: m.name for m in session.scalars(
        select(Employer).where(Employer.id.in_({t.employer_id for t in talents.values() if t.employer_id})))}
    now = _now()
    rows: list[CertificateData] = []
    originals = copies = 0
    for e in entries:
        cert = certs.get(e.id)
        if cert is None:
            serial = _next_serial(session, e.entry_date.year)
            cert = Certificate(serial=serial, entry_id=e.id, digest=_digest(key, serial, e), issued_at=now,
                               issued_by=actor.username, print_count=0)
            session.add(cert)
            originals += 1
        else:
            copies += 1
        copy_no = cert.print_count  # 0 on the first print
        cert.print_count = cert.print_count + 1
        cert.last_printed_at = now
        g, t = grants[e.grant_id], talents[e.talent_id]
        rows.append(CertificateData(
            serial=cert.serial, office_name=office, talent_name=t.name, id_masked=mask_id_number(t.id_number),
            employer_name=employers.get(t.employer_id, ""), policy_name=g.policy_name, doc_number=g.doc_number,
            seq=e.instalment_seq or 1, count=g.instalment_count, amount_fen=-e.amount_fen, pay_date=e.entry_date,
            voucher_no=e.voucher_no, method=label(E.PaymentMethod, e.method) if e.method else "",
            payload=payload_for(cert.serial, e, cert.digest), copy_no=copy_no,
        ))
    session.flush()
    out = Path(out_path)
    tmp = out.with_name(out.name + ".part")
    try:  # written in full now (a full disk stops the transaction); named as it commits
        with open(tmp, "wb") as fh:
            pages = render_certificates(rows, fh, total=len(rows), font_path=font_path, progress=progress,
                                        abort=abort)
    except OSError as exc:  # the unit of work rolls back: no serial is used, no count changes
        tmp.unlink(missing_ok=True)
        raise StorageError(translate("Certificates", "The certificates could not be written to {path}: {error}").format(
            path=out_path, error=exc.strerror or exc)) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    place_at_commit(session, tmp, out)
    return PrintResult(pages, originals, copies, tuple(r.serial for r in rows), str(out_path))


# ------------------------------------------------------------------ verification

@dataclass(frozen=True)
class Verification:
    genuine: bool
    status: str              # genuine | reversed | altered | unknown | malformed
    message: str             # translated, one sentence for the clerk
    serial: str = ""
    talent_name: str = ""
    amount_fen: int = 0
    pay_date: dt.date | None = None
    policy_name: str = ""
    print_count: int = 0


@operation(Permission.LEDGER_READ)
def verify_payload(session: Session, *, payload: str) -> Verification:
    """Check a certificate's QR text: genuine (and still standing), or not genuine / altered, with the reason."""
    text = (payload or "").strip()
    m = PAYLOAD_RE.match(text)
    if not m:
        return Verification(False, "malformed", translate(
            "Certificates", "Not genuine: this is not the text of a TalentDesk certificate code."))
    serial, _y, _n, entry_s, amount_s, date_s, digest = m.groups()
    cert = session.scalar(select(Certificate).where(Certificate.serial == serial))
    if cert is None:
        return Verification(False, "unknown", translate(
            "Certificates", "Not genuine: no certificate with serial {serial} was issued by this office.").format(
            serial=serial), serial=serial)
    e = session.get(LedgerEntry, cert.entry_id)
    if e is None:  # pragma: no cover - the foreign key prevents it
        raise NotFound(translate("Certificates", "The certificate's ledger entry is missing."))
    expected = _digest(certificate_key(session), serial, e)
    same = (
        hmac.compare_digest(digest, expected) and hmac.compare_digest(cert.digest, expected)
        and int(entry_s) == e.id and int(amount_s) == -e.amount_fen and date_s == f"{e.entry_date:%Y%m%d}"
    )
    talent = session.get(Talent, e.talent_id)
    grant = session.get(SubsidyGrant, e.grant_id)
    if not same:
        return Verification(False, "altered", translate(
            "Certificates", "Not genuine / altered: the code does not match certificate {serial} as issued.").format(
            serial=serial), serial=serial)
    facts = dict(serial=serial, talent_name=talent.name, amount_fen=-e.amount_fen, pay_date=e.entry_date,
                 policy_name=grant.policy_name, print_count=cert.print_count)
    reversal = session.scalar(select(LedgerEntry).where(LedgerEntry.reverses_id == e.id))
    if reversal is not None:
        return Verification(False, "reversed", translate(
            "Certificates", "Issued by this office, but no longer valid: the payment was reversed on {date}.").format(
            date=reversal.entry_date.isoformat()), **facts)
    return Verification(True, "genuine", translate(
        "Certificates", "Genuine: serial {serial}, talent {talent}, amount {amount}, paid on {date}.").format(
        serial=serial, talent=talent.name, amount=format_yuan(-e.amount_fen), date=e.entry_date.isoformat()), **facts)
