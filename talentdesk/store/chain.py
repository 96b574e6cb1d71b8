"""The hash chain: every ledger entry, payment order state, certificate, account, approval request, office key and
audit entry is a link whose hash covers its content and the previous link.

    content_hash = SHA-256(canonical JSON of the record's chained columns)         ("-" for a record deleted)
    link_hash    = SHA-256(previous link_hash | kind | record_id | content_hash)    (genesis: 64 zeros)

Links live in `chain_links` (append-only, like the ledger): a ledger row cannot be updated once written, and its id is
only known after the insert, so its link is a row of its own, written in the same transaction. Rows that never
change (ledger, audit, office keys) have exactly one link; rows whose state moves (payment orders, certificates,
accounts, requests) get a new link whenever their chained state changes, and the newest link must match the row.

Sealing happens in the writing transaction (the unit of work's `before_commit`, see services/base.py): only rows this
transaction wrote are sealed — rows someone slipped into the file meanwhile stay outside the chain, and `check` names
them. SQLite serialises write transactions (and a deferred one that read a stale snapshot cannot write at all), so
two writers can never fork the chain; on PostgreSQL an advisory lock serialises them.

The head (the newest link_hash) is printed short on certificates, payment rosters and the yearly report and kept with
every backup: a rewrite of history produces a different head than the paper shows.
"""
from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

GENESIS = "0" * 64
DELETED = "-"
PG_LOCK_KEY = 15_015_015


@dataclass(frozen=True)
class Chained:
    kind: str
    table: str
    columns: tuple[str, ...]
    mutable: bool


# Order = the order in which one transaction's rows are sealed (parents before children, the audit trail last).
CHAINED: tuple[Chained, ...] = (
    Chained("user", "users", ("id", "username", "role", "password_hash", "active", "created_by_id"), True),
    Chained("office_key", "office_keys", ("id", "algorithm", "public_key", "fingerprint", "created_at"), False),
    Chained("request", "approval_requests", (
        "id", "action", "params", "summary", "amount_fen", "status", "requested_by_id", "requested_by",
        "requested_at", "decided_by_id", "decided_by", "decided_at", "decision_note", "result"), True),
    Chained("payment", "payments", (
        "id", "grant_id", "talent_id", "instalment_seq", "amount_fen", "status", "method", "voucher_no", "pay_date",
        "recorded_by_id", "recorded_by", "approved_by_id", "approved_by", "approved_at", "paid_at", "entry_id",
        "memo"), True),
    Chained("ledger", "ledger_entries", (
        "id", "grant_id", "talent_id", "kind", "amount_fen", "entry_date", "fiscal_year", "instalment_seq",
        "reverses_id", "payment_id", "voucher_no", "method", "memo", "created_at", "created_by"), False),
    Chained("certificate", "certificates", (
        "id", "serial", "entry_id", "digest", "issued_at", "issued_by", "signature", "key_id"), True),
    Chained("audit", "audit_entries", (
        "id", "at", "actor_id", "actor_name", "action", "table_name", "record_id", "before", "after", "summary"),
        False),
)
BY_KIND = {c.kind: c for c in CHAINED}
BY_TABLE = {c.table: c for c in CHAINED}


def _canon(v: Any) -> Any:
    if v is None or isinstance(v, (str, int, float)) and not isinstance(v, bool):
        return v
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, dt.datetime):
        return v.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, decimal.Decimal):
        return str(v)
    if isinstance(v, (bytes, memoryview)):
        return bytes(v).hex()
    return str(v)


_PLAIN = frozenset({str, int, float, type(None)})
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def content_hash(values: Iterable[Any]) -> str:
    vals = list(values)
    # rows read back from SQLite hold only these types: they are their own canonical form (sealing a million
    # rows spends its time here)
    if not all(type(v) in _PLAIN for v in vals):
        vals = [_canon(v) for v in vals]
    return hashlib.sha256(_dumps(vals).encode()).hexdigest()


def link_hash(prev: str, kind: str, record_id: int, chash: str) -> str:
    return hashlib.sha256(f"{prev}|{kind}|{record_id}|{chash}".encode()).hexdigest()


def short(head: str | None) -> str:
    """The head as printed on paper: 12 hex digits in three groups (e.g. 3F9A-1C0B-77E2)."""
    if not head:
        return "0000-0000-0000"
    h = head[:12].upper()
    return f"{h[:4]}-{h[4:8]}-{h[8:12]}"


def normalise_short(text: str) -> str:
    return "".join(ch for ch in (text or "").upper() if ch in "0123456789ABCDEF")


def _select(c: Chained, where: str) -> str:
    return f"SELECT {', '.join(c.columns)} FROM {c.table} WHERE {where}"


# ------------------------------------------------------------------ sealing, inside the writing transaction

def _q(conn, sql: str, params: dict | None = None):
    from sqlalchemy import text

    return conn.execute(text(sql), params or {})


def chain_present(conn) -> bool:
    from sqlalchemy import inspect

    return inspect(conn).has_table("chain_links")


def watermarks(conn) -> dict[str, int]:
    """Highest id of every chained table when the writing transaction starts (and the PostgreSQL writer lock)."""
    if conn.dialect.name == "postgresql":
        _q(conn, "SELECT pg_advisory_xact_lock(:k)", {"k": PG_LOCK_KEY})
    row = _q(conn, "SELECT " + ", ".join(f"(SELECT COALESCE(MAX(id), 0) FROM {c.table})" for c in CHAINED)).one()
    return {c.table: int(v or 0) for c, v in zip(CHAINED, row)}


def head(conn) -> str | None:
    return _q(conn, "SELECT link_hash FROM chain_links ORDER BY id DESC LIMIT 1").scalar()


BATCH = 20_000


def seal(conn, start: dict[str, int], done: dict[str, int]) -> str | None:
    """Append links for the rows this transaction wrote (ids above `start`, and changed rows named by this
    transaction's audit entries); `done` remembers what is already sealed, so sealing twice adds nothing.
    Streams in batches (a demo database writes a million ledger rows in one transaction). Returns the new head."""
    from sqlalchemy import insert

    from talentdesk.domain.models import ChainLink

    touched: dict[str, set[int]] = {}
    bulk: set[str] = set()
    for table, record_id, action in _q(conn, (
            "SELECT table_name, record_id, action FROM audit_entries WHERE id > :lo AND table_name IN "
            "('users', 'approval_requests', 'payments', 'certificates')"), {"lo": start["audit_entries"]}):
        if action == "bulk":
            bulk.add(table)
        elif record_id and str(record_id).isdigit():
            touched.setdefault(table, set()).add(int(record_id))
    state = {"prev": head(conn) or GENESIS, "pending": []}

    def append(kind: str, rid: int, chash: str) -> None:
        state["prev"] = link_hash(state["prev"], kind, rid, chash)
        state["pending"].append((kind, rid, chash, state["prev"]))
        if len(state["pending"]) >= BATCH:
            flush()

    def flush() -> None:
        if state["pending"]:
            if conn.dialect.name == "sqlite":  # plain tuples: sealing a demo database writes millions of links
                conn.exec_driver_sql(
                    "INSERT INTO chain_links (kind, record_id, content_hash, link_hash) VALUES (?, ?, ?, ?)",
                    state["pending"])
            else:
                conn.execute(insert(ChainLink.__table__), [
                    {"kind": k, "record_id": r, "content_hash": c, "link_hash": h} for k, r, c, h in state["pending"]])
            state["pending"] = []

    tops = _q(conn, "SELECT " + ", ".join(
        f"(SELECT COALESCE(MAX(id), 0) FROM {c.table})" for c in CHAINED)).one()
    grown = {c.table for c, top in zip(CHAINED, tops) if int(top or 0) > max(start[c.table], done.get(c.table, 0))}
    sqlite = conn.dialect.name == "sqlite"
    sha = hashlib.sha256
    for c in CHAINED:
        first = max(start[c.table], done.get(c.table, 0))
        fresh_to = first  # rows first < id <= fresh_to are sealed below with their final state
        while c.table in grown:
            lo = max(start[c.table], done.get(c.table, 0))
            if sqlite:  # plain tuples from the driver: sealing a demo database hashes millions of rows
                cur = conn.connection.dbapi_connection.cursor()  # this transaction's own connection
                try:
                    rows = cur.execute(_select(c, "id > ?") + " ORDER BY id LIMIT ?", (lo, BATCH)).fetchall()
                finally:
                    cur.close()
            else:
                rows = _q(conn, _select(c, "id > :lo") + " ORDER BY id LIMIT :n", {"lo": lo, "n": BATCH}).fetchall()
            kind, prev, pending = c.kind, state["prev"], state["pending"]
            for r in rows:  # content_hash and link_hash, inlined
                rid = int(r[0])
                if sqlite:  # the driver gives str, int, float, None (their own canonical form) or bytes
                    try:
                        text = _dumps(r)
                    except TypeError:
                        text = _dumps([_canon(v) for v in r])
                else:
                    text = _dumps([_canon(v) for v in r])
                chash = sha(text.encode()).hexdigest()
                prev = sha(f"{prev}|{kind}|{rid}|{chash}".encode()).hexdigest()
                pending.append((kind, rid, chash, prev))
            state["prev"] = prev
            if len(pending) >= BATCH:
                flush()
            if rows:
                done[c.table] = fresh_to = int(rows[-1][0])
            if len(rows) < BATCH:
                break
        if not c.mutable:
            continue
        if c.table in bulk:
            ids = sorted({int(i) for (i,) in _q(conn, f"SELECT id FROM {c.table}")} | set(_latest_ids(conn, c.kind)))
        else:
            ids = sorted(touched.get(c.table, set()))
        for rid in ids:
            if first < rid <= fresh_to:
                continue  # sealed above with its final state
            row = _q(conn, _select(c, "id = :id"), {"id": rid}).first()
            chash = content_hash(row) if row is not None else DELETED
            last = _q(conn, "SELECT content_hash FROM chain_links WHERE kind = :k AND record_id = :r "
                            "ORDER BY id DESC LIMIT 1", {"k": c.kind, "r": rid}).scalar()
            if last is None:
                # a row from before this transaction that never had a link was written outside TalentDesk:
                # sealing it now would launder it, so it stays out of the chain (check names it)
                continue
            if last != chash:
                append(c.kind, rid, chash)
    flush()
    return state["prev"]


def link_raw(conn: sqlite3.Connection, table: str, row_id: int) -> None:
    """Link one row written through a plain sqlite3 connection (the restore's own audit entry in the staged file),
    in that connection's transaction."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'chain_links'").fetchone():
        return
    c = BY_TABLE[table]
    row = conn.execute(_select(c, "id = ?"), (row_id,)).fetchone()
    prev = (conn.execute("SELECT link_hash FROM chain_links ORDER BY id DESC LIMIT 1").fetchone() or [GENESIS])[0]
    chash = content_hash(row)
    conn.execute("INSERT INTO chain_links (kind, record_id, content_hash, link_hash) VALUES (?, ?, ?, ?)",
                 (c.kind, row_id, chash, link_hash(prev, c.kind, row_id, chash)))


def _latest_ids(conn, kind: str) -> list[int]:
    return [int(i) for (i,) in _q(conn, "SELECT DISTINCT record_id FROM chain_links WHERE kind = :k", {"k": kind})]


def genesis_rows(conn) -> Iterator[dict]:
    """Links for every existing row, in table order then id order (the migration that introduces the chain)."""
    prev = GENESIS
    for c in CHAINED:
        for r in _q(conn, _select(c, "1 = 1") + " ORDER BY id"):
            chash = content_hash(r)
            prev = link_hash(prev, c.kind, int(r[0]), chash)
            yield {"kind": c.kind, "record_id": int(r[0]), "content_hash": chash, "link_hash": prev}


# ------------------------------------------------------------------ verification (for `check`, on a sqlite3 connection)

@dataclass(frozen=True)
class ChainFinding:
    link_id: int | None     # the link where it shows (None: a row with no link at all)
    kind: str
    record_id: int | None
    what: str               # 'edited-link' | 'changed' | 'missing' | 'unsealed' | 'duplicate'


@dataclass(frozen=True)
class ChainReport:
    links: int
    head: str | None
    findings: tuple[ChainFinding, ...]
    unseen: int = 0         # linked records that exist but this connection may not read (other counties')

    @property
    def ok(self) -> bool:
        return not self.findings


def verify(conn, *, limit: int = 1000, present=None) -> ChainReport:
    """Recompute every link and compare every chained row with its link. Read-only; streams rows.

    `present(table, ids) -> set of ids`: for a connection that sees only part of the rows (a county's server role,
    which row-level security keeps from the other counties' rows). Every link is still recomputed and every row it
    can read compared with its link; a link whose row it cannot read is another county's when the row exists
    (counted in `unseen`, verified by a city account) and reported missing only when it does not."""
    findings: list[ChainFinding] = []
    unseen = 0

    def gone(c: Chained, candidates: list[tuple[int, int]]) -> None:
        nonlocal unseen
        if present is not None and candidates:
            there = present(c.table, [rid for _lid, rid in candidates])
            unseen += sum(1 for _lid, rid in candidates if rid in there)
            candidates = [(lid, rid) for lid, rid in candidates if rid not in there]
        for lid, rid in candidates:
            add(ChainFinding(lid, c.kind, rid, "missing"))

    def add(f: ChainFinding) -> None:
        if len(findings) < limit:
            findings.append(f)

    prev = GENESIS
    n = 0
    stored_head = None
    for lid, kind, rid, chash, lhash in conn.execute(
            "SELECT id, kind, record_id, content_hash, link_hash FROM chain_links ORDER BY id"):
        n += 1
        expected = link_hash(prev, kind, rid, chash)
        if expected != lhash:
            add(ChainFinding(lid, kind, rid, "edited-link"))
        prev = lhash
        stored_head = lhash
    for c in CHAINED:
        cols = ", ".join(f"r.{col}" for col in c.columns)
        if not c.mutable:
            last_id = None
            for row in conn.execute(
                    f"SELECT {cols}, l.id, l.content_hash FROM {c.table} r LEFT JOIN chain_links l "
                    f"ON l.kind = ? AND l.record_id = r.id ORDER BY r.id, l.id", (c.kind,)):
                values, lid, chash = row[:-2], row[-2], row[-1]
                rid = int(values[0])
                if lid is None:
                    add(ChainFinding(None, c.kind, rid, "unsealed"))
                elif rid == last_id:
                    add(ChainFinding(lid, c.kind, rid, "duplicate"))
                elif content_hash(values) != chash:
                    add(ChainFinding(lid, c.kind, rid, "changed"))
                last_id = rid
        else:
            latest = {rid: (lid, chash) for rid, lid, chash in conn.execute(
                "SELECT l.record_id, l.id, l.content_hash FROM chain_links l JOIN (SELECT record_id, MAX(id) AS m "
                "FROM chain_links WHERE kind = ? GROUP BY record_id) x ON l.id = x.m", (c.kind,))}
            for row in conn.execute(f"SELECT {cols} FROM {c.table} r ORDER BY r.id"):
                rid = int(row[0])
                got = latest.pop(rid, None)
                if got is None or got[1] == DELETED:
                    add(ChainFinding(None if got is None else got[0], c.kind, rid, "unsealed"))
                elif content_hash(row) != got[1]:
                    add(ChainFinding(got[0], c.kind, rid, "changed"))
            gone(c, sorted((lid, rid) for rid, (lid, chash) in latest.items() if chash != DELETED))
            continue
        gone(c, [(lid, rid) for lid, rid in conn.execute(
            f"SELECT l.id, l.record_id FROM chain_links l WHERE l.kind = ? AND NOT EXISTS "
            f"(SELECT 1 FROM {c.table} r WHERE r.id = l.record_id) ORDER BY l.id", (c.kind,))])
    findings.sort(key=lambda f: (f.link_id is None, f.link_id or 0, f.kind, f.record_id or 0))
    return ChainReport(n, stored_head, tuple(findings), unseen)


def find_head(conn, printed: str) -> tuple[int, int] | None:
    """Where a head printed on paper sits in the chain: (link id, number of links after it), or None."""
    wanted = normalise_short(printed).lower()
    if len(wanted) < 12:
        return None
    row = conn.execute("SELECT id FROM chain_links WHERE link_hash LIKE ? ORDER BY id LIMIT 1",
                       (wanted + "%",)).fetchone()
    if row is None:
        return None
    after = conn.execute("SELECT COUNT(*) FROM chain_links WHERE id > ?", (row[0],)).fetchone()[0]
    return int(row[0]), int(after)


# ------------------------------------------------------------------ the head kept beside each backup

def chain_head_of(conn: sqlite3.Connection) -> tuple[str, int] | None:
    """(head link hash, number of links) of a database's hash chain, or None before the chain existed."""
    try:
        row = conn.execute("SELECT link_hash, id FROM chain_links ORDER BY id DESC LIMIT 1").fetchone()
    except Exception as exc:  # noqa: BLE001 - sqlite3's or SQLCipher's DatabaseError (store/cipher.py)
        from talentdesk.store.cipher import database_errors

        if isinstance(exc, database_errors()):
            return None
        raise
    return (row[0], int(row[1])) if row else ("0" * 64, 0)


def chain_sidecar(backup: Path) -> Path:
    return Path(str(backup) + ".chain")


def write_chain_sidecar(backup: Path, head: tuple[str, int]) -> None:
    """Keep the chain head beside each backup (and so in every copy of the backup folder): a later rewrite of the
    history inside the database shows as a head that no backup and no paper knows."""
    link_hash, links = head
    text = (f"chain head: {short(link_hash)}\nfull: {link_hash}\nlinks: {links}\n"
            f"backup: {backup.name}\nmade: {dt.datetime.now().isoformat(timespec='seconds')}\n")
    try:
        chain_sidecar(backup).write_text(text, encoding="utf-8")
    except OSError as exc:  # the backup itself is good; the sidecar is evidence, not data
        log.warning("could not write the chain head beside %s: %s", backup, exc)


def read_chain_sidecar(backup: Path) -> str | None:
    """The full head hash kept beside a backup, or None."""
    try:
        for line in chain_sidecar(backup).read_text(encoding="utf-8").splitlines():
            if line.startswith("full: "):
                return line[6:].strip()
    except OSError:
        return None
    return None
