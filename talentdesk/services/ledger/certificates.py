"""Certificates (补贴发放凭证) for payments: serials that never repeat, signatures, reprints counted, verification.

Payload in the QR code (ASCII, upper case so it encodes compactly in alphanumeric mode):

    TD2:<serial>:<entry id>:<amount fen>:<yyyymmdd>:<office key fingerprint, 16 hex>:<signature>

signature = Ed25519 (base32, 103 characters) by the office's private key over everything before the last colon. The
private key is not in the database (services/safety/keys.py), so whoever holds the file cannot sign; anyone with
the public key can check (`talentdesk verify PAYLOAD --public-key office.pem`, no database needed).

Certificates printed before signing carry `TD1:<serial>:<entry>:<amount>:<yyyymmdd>:<digest>` with an HMAC digest
under the old per-database key; they stay verifiable where that key is (moved into this PC's protected store) and
only while their certificate row is unchanged in the hash chain. A reprint of such a certificate is signed.
"""
from __future__ import annotations

import dataclasses
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
from talentdesk.domain.models import Certificate, Employer, LedgerEntry, SubsidyGrant, Talent
from talentdesk.domain.values import format_yuan, mask_id_number
from talentdesk.i18n import translate
from talentdesk.reports.certificate import CertificateData, render_certificates
from talentdesk.domain.models import OfficeKey
from talentdesk.services.common.serials import next_in_series
from talentdesk.services.base import Change, Lane, Permission, actor_of, file_at_commit, operation, seal_chain
from talentdesk.services.common.printing import check_names
from talentdesk.services.common.settings import get_setting
from talentdesk.store import keystore as keys
from talentdesk.store import chain
from talentdesk.domain.values import utc_now as _now

Progress = Callable[[int, int, str], None]
PREFIX = "TD"
PAYLOAD_RE = re.compile(r"^TD1:(TD-(\d{4})-(\d{6})):(\d{1,12}):(\d{1,15}):(\d{8}):([0-9A-F]{32})$")
SIGNED_RE = re.compile(r"^(TD2:(TD-\d{4}-\d{6}):(\d{1,12}):(\d{1,15}):(\d{8}):([0-9A-F]{16})):([A-Z2-7]{103})$")
MAX_BATCH = 20_000


def _digest(key: bytes, serial: str, e: LedgerEntry) -> str:
    text = "|".join(str(v) for v in (serial, e.id, e.talent_id, e.grant_id, e.instalment_seq or 0, -e.amount_fen,
                                      e.entry_date.isoformat()))
    return hmac.new(key, text.encode(), hashlib.sha256).hexdigest()[:32].upper()


def payload_for(serial: str, e: LedgerEntry, digest: str) -> str:
    """The old (HMAC) payload of a certificate issued before signing."""
    return f"TD1:{serial}:{e.id}:{-e.amount_fen}:{e.entry_date:%Y%m%d}:{digest}"


def signed_message(serial: str, e: LedgerEntry, fingerprint: str) -> str:
    return f"TD2:{serial}:{e.id}:{-e.amount_fen}:{e.entry_date:%Y%m%d}:{fingerprint}"


def signed_payload(serial: str, e: LedgerEntry, fingerprint: str, signature: str) -> str:
    return f"{signed_message(serial, e, fingerprint)}:{signature}"


def stored_payload(session: Session, cert: Certificate) -> str:
    """The QR text of an issued certificate as its latest print carries it."""
    e = session.get(LedgerEntry, cert.entry_id)
    if cert.signature and cert.key_id:
        return signed_payload(cert.serial, e, session.get(OfficeKey, cert.key_id).fingerprint, cert.signature)
    return payload_for(cert.serial, e, cert.digest)


def _next_serial(session: Session, year: int) -> str:
    number = next_in_series(session, PREFIX, year)
    if number > 999_999:
        raise RuleViolation(translate("Certificates", "The serial numbers of {year} are used up.").format(year=year))
    return f"{PREFIX}-{year}-{number:06d}"


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
                       abort: Callable[[], bool] | None = None, accept_missing_glyphs: bool = False) -> PrintResult:
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
    office_key = keys.ensure_office_key(session)
    signer = keys.private_key(session, office_key)
    actor = actor_of(session)
    office = str(get_setting(session, "office_name") or "")
    font_path = str(get_setting(session, "certificate_font") or "") or None
    certs = {c.entry_id: c for c in session.scalars(
        select(Certificate).where(Certificate.entry_id.in_([e.id for e in entries])))}
    grants = {g.id: g for g in session.scalars(
        select(SubsidyGrant).where(SubsidyGrant.id.in_({e.grant_id for e in entries})))}
    talents = {t.id: t for t in session.scalars(select(Talent).where(Talent.id.in_({e.talent_id for e in entries})))}
    # a name no installed font prints in full stops here, before anything changes, unless the clerk accepted it
    check_names(session, [talents[e.talent_id].name for e in entries], document="certificates",
                accept=accept_missing_glyphs, font_path=font_path)
    employers = {m.id: m.name for m in session.scalars(
        select(Employer).where(Employer.id.in_({t.employer_id for t in talents.values() if t.employer_id})))}
    now = _now()
    rows: list[CertificateData] = []
    originals = copies = 0
    for e in entries:
        cert = certs.get(e.id)
        if cert is None:
            serial = _next_serial(session, e.entry_date.year)
            cert = Certificate(serial=serial, entry_id=e.id, digest="", issued_at=now, issued_by=actor.username,
                               print_count=0)
            session.add(cert)
            originals += 1
        else:
            copies += 1
        if not cert.signature or cert.key_id != office_key.id:  # first print, or an old HMAC certificate reprinted
            cert.signature = keys.sign(signer, signed_message(cert.serial, e, office_key.fingerprint))
            cert.key_id = office_key.id
        copy_no = cert.print_count  # 0 on the first print
        cert.print_count = cert.print_count + 1
        cert.last_printed_at = now
        g, t = grants[e.grant_id], talents[e.talent_id]
        rows.append(CertificateData(
            serial=cert.serial, office_name=office, talent_name=t.name, id_masked=mask_id_number(t.id_number),
            employer_name=employers.get(t.employer_id, ""), policy_name=g.policy_name, doc_number=g.doc_number,
            seq=e.instalment_seq or 1, count=g.instalment_count, amount_fen=-e.amount_fen, pay_date=e.entry_date,
            voucher_no=e.voucher_no, method=label(E.PaymentMethod, e.method) if e.method else "",
            payload=signed_payload(cert.serial, e, office_key.fingerprint, cert.signature), copy_no=copy_no,
        ))
    head = chain.short(seal_chain(session))  # the chain as it stands with these certificates in it
    fp = keys.pretty_fingerprint(office_key.fingerprint)
    rows = [dataclasses.replace(r, chain_head=head, key_fingerprint=fp) for r in rows]
    out = Path(out_path)
    # written in full now (a full disk stops the transaction: no serial is used, no count changes); named right
    # after the commit
    with file_at_commit(session, out, failed=lambda exc: StorageError(translate(
            "Certificates", "The certificates could not be written to {path}: {error}").format(
            path=out_path, error=exc.strerror or exc))) as tmp, open(tmp, "wb") as fh:
        pages = render_certificates(rows, fh, total=len(rows), font_path=font_path, progress=progress, abort=abort)
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


def _row_in_chain(session: Session, kind: str, row_id: int) -> bool:
    """The row is exactly as its newest link in the hash chain says (a row slipped into the file has no link)."""
    c = chain.BY_KIND[kind]
    conn = session.connection()
    values = chain._q(conn, chain._select(c, "id = :id"), {"id": row_id}).first()
    last = chain._q(conn, "SELECT content_hash FROM chain_links WHERE kind = :k AND record_id = :r ORDER BY id DESC "
                          "LIMIT 1", {"k": kind, "r": row_id}).scalar()
    return values is not None and last == chain.content_hash(values)


def _not_genuine(serial: str, status: str = "altered") -> Verification:
    return Verification(False, status, translate(
        "Certificates", "Not genuine / altered: the code does not match certificate {serial} as issued.").format(
        serial=serial), serial=serial)


@operation(Permission.LEDGER_READ)
def verify_payload(session: Session, *, payload: str) -> Verification:
    """Check a certificate's QR text: genuine (and still standing), or not genuine / altered, with the reason."""
    text = (payload or "").strip().upper()
    signed = SIGNED_RE.match(text)
    old = PAYLOAD_RE.match(text)
    if not (signed or old):
        return Verification(False, "malformed", translate(
            "Certificates", "Not genuine: this is not the text of a TalentDesk certificate code."))
    if signed:
        message, serial, entry_s, amount_s, date_s, fp, sig = signed.groups()
    else:
        serial, _y, _n, entry_s, amount_s, date_s, digest = old.groups()
    cert = session.scalar(select(Certificate).where(Certificate.serial == serial))
    if cert is None:
        return Verification(False, "unknown", translate(
            "Certificates", "Not genuine: no certificate with serial {serial} was issued by this office.").format(
            serial=serial), serial=serial)
    e = session.get(LedgerEntry, cert.entry_id)
    if e is None:  # pragma: no cover - the foreign key prevents it
        raise NotFound(translate("Certificates", "The certificate's ledger entry is missing."))
    fields_agree = int(entry_s) == e.id and int(amount_s) == -e.amount_fen and date_s == f"{e.entry_date:%Y%m%d}"
    if signed:
        okey = session.scalar(select(OfficeKey).where(OfficeKey.fingerprint == fp))
        same = (okey is not None and fields_agree and _row_in_chain(session, "office_key", okey.id)
                and keys.signature_ok(bytes.fromhex(okey.public_key), message, sig)
                and message == signed_message(serial, e, fp))
    else:
        legacy = keys.legacy_key(session)
        if legacy is None:
            return Verification(False, "unverifiable", translate(
                "Certificates", "Certificate {serial} was printed before certificates were signed, and its old key is "
                                "not on this PC: check it on the office PC, or import the office key here.").format(
                serial=serial), serial=serial)
        expected = _digest(legacy, serial, e)
        same = (hmac.compare_digest(digest, expected) and hmac.compare_digest(cert.digest or "", expected)
                and fields_agree and _row_in_chain(session, "certificate", cert.id)
                and _row_in_chain(session, "ledger", e.id))
    if not same:
        return _not_genuine(serial)
    talent = session.get(Talent, e.talent_id)
    grant = session.get(SubsidyGrant, e.grant_id)
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


@operation(None, lane=Lane.NO_DATABASE)
def verify_with_public_key(payload: str, public_key: bytes) -> Verification:
    """Check a certificate with the office's public key alone (the finance bureau, another office): the signature
    proves the office issued exactly this serial, entry, amount and date. Whether the payment was later reversed
    can only be seen in the office's database."""
    text = (payload or "").strip().upper()
    signed = SIGNED_RE.match(text)
    if not signed:
        if PAYLOAD_RE.match(text):
            return Verification(False, "unverifiable", translate(
                "Certificates", "This certificate was printed before certificates were signed: it can only be checked "
                                "in the office's database."))
        return Verification(False, "malformed", translate(
            "Certificates", "Not genuine: this is not the text of a TalentDesk certificate code."))
    message, serial, _entry, amount_s, date_s, fp, sig = signed.groups()
    if fp != keys.fingerprint_of(public_key):
        return Verification(False, "other-key", translate(
            "Certificates", "Not genuine for this office: the code names office key {fp}, the key given is {given}.")
            .format(fp=keys.pretty_fingerprint(fp), given=keys.pretty_fingerprint(keys.fingerprint_of(public_key))),
            serial=serial)
    if not keys.signature_ok(public_key, message, sig):
        return _not_genuine(serial)
    day = dt.date(int(date_s[:4]), int(date_s[4:6]), int(date_s[6:]))
    return Verification(True, "genuine", translate(
        "Certificates", "Genuine signature of office key {fp}: serial {serial}, amount {amount}, paid on {date}.")
        .format(fp=keys.pretty_fingerprint(fp), serial=serial, amount=format_yuan(int(amount_s)),
                date=day.isoformat()), serial=serial, amount_fen=int(amount_s), pay_date=day)
