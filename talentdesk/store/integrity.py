"""Integrity: a quick check at every start and the full check behind `talentdesk check`.

The full check runs SQLite's `integrity_check` and `foreign_key_check`, then the ledger's own rules (every
reversal cancels exactly one entry of the same grant, every paid payment order has the matching payment entry,
entries belong to their grant's talent, the append-only triggers are in place), payment batches against their payment
orders (each line's order exists with the same amount, grant and talent, their states agree, the batch's state fits its
lines, no instalment in two live lines) and certificate serials being unique. When something is wrong, store/backup_files.py names the newest backup that passes the same checks.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from talentdesk.i18n import translate
from talentdesk.store import cipher
from talentdesk.store.db import connect_readonly

MAX_LISTED = 20


@dataclass(frozen=True)
class CheckItem:
    name: str
    ok: bool
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CheckReport:
    path: Path
    items: list[CheckItem]
    good_backup: Path | None = None

    @property
    def ok(self) -> bool:
        return all(i.ok for i in self.items)

    def text(self) -> str:
        lines = []
        for i in self.items:
            mark = translate("Integrity", "ok") if i.ok else translate("Integrity", "PROBLEM")
            lines.append(f"[{mark}] {i.name}")
            lines.extend(f"    {p}" for p in i.problems[:MAX_LISTED])
            if len(i.problems) > MAX_LISTED:
                lines.append("    " + translate("Integrity", "… and {n} more").format(n=len(i.problems) - MAX_LISTED))
        if not self.ok:
            if self.good_backup:
                lines.append(translate("Integrity", "The newest backup that passes these checks is {path}. Restore it "
                                                    "with: talentdesk restore \"{path}\"").format(path=self.good_backup))
            else:
                lines.append(translate("Integrity", "No backup that passes these checks was found."))
        return "\n".join(lines)


def integrity_check(db_path: Path, *, quick: bool = False) -> list[str]:
    """Problems reported by SQLite (empty list when the file is sound)."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        conn = connect_readonly(db_path)
    except cipher.DatabaseLocked as exc:
        return [exc.message]
    except cipher.errors() as exc:
        return [str(exc)]
    try:
        rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
    except cipher.database_errors() as exc:
        return [str(exc)]
    finally:
        conn.close()
    return [] if rows == ["ok"] else rows


def quick_check(db_path: Path) -> list[str]:
    """`PRAGMA quick_check` (seconds even on a large file); empty when sound."""
    return integrity_check(Path(db_path), quick=True)


def _fetch(conn: sqlite3.Connection, sql: str) -> list[tuple]:
    return conn.execute(sql).fetchall()


def _has_column(conn, table: str, column: str) -> bool:
    if isinstance(conn, _QmarkConnection):
        return conn.execute("SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND "
                            "table_name = ? AND column_name = ?", (table, column)).fetchone() is not None
    return any(r[1] == column for r in conn.execute(f"PRAGMA table_info({table})").fetchall())


def _rule_items(conn, guards: list[str]) -> list[CheckItem]:
    """The same checks on a file and on a server: the ledger's balances and reversals, unique certificate serials,
    and the append-only guards (`guards`: what the file's triggers or the server's rules lack)."""
    ledger = _ledger_problems(conn)
    lines = _batch_problems(conn)
    serials = [translate("Integrity", "Certificate serial {serial} is used {n} times.").format(serial=s, n=n)
               for s, n in _fetch(conn, "SELECT serial, count(*) FROM certificates GROUP BY serial, "
                                        + ("county_id" if _has_column(conn, "certificates", "county_id") else "serial")
                                        + " HAVING count(*) > 1")]  # serials count per county
    return [CheckItem(translate("Integrity", "Ledger balances and reversals"), not ledger, ledger),
            CheckItem(translate("Integrity", "Payment batches match their payment orders"), not lines, lines),
            CheckItem(translate("Integrity", "Certificate serials unique"), not serials, serials),
            CheckItem(translate("Integrity", "Append-only guards on ledger and audit trail"), not guards, guards)]


def _ledger_problems(conn: sqlite3.Connection) -> list[str]:
    out = []
    for eid, target, amount, tamount, gid, tgid in _fetch(conn, """
            SELECT e.id, e.reverses_id, e.amount_fen, t.amount_fen, e.grant_id, t.grant_id
            FROM ledger_entries e LEFT JOIN ledger_entries t ON t.id = e.reverses_id
            WHERE e.kind = 'reversal' AND (t.id IS NULL OR e.amount_fen <> -t.amount_fen OR e.grant_id <> t.grant_id
                                          OR t.kind = 'reversal')"""):
        out.append(translate("Integrity", "Reversal entry {id} does not exactly cancel entry {target}.").format(
            id=eid, target=target))
    for eid, gid in _fetch(conn, """
            SELECT e.id, e.grant_id FROM ledger_entries e JOIN subsidy_grants g ON g.id = e.grant_id
            WHERE e.talent_id <> g.talent_id"""):
        out.append(translate("Integrity", "Entry {id} names a different talent than its grant {grant}.").format(
            id=eid, grant=gid))
    for pid, status, eid in _fetch(conn, """
            SELECT p.id, p.status, p.entry_id FROM payments p LEFT JOIN ledger_entries e ON e.id = p.entry_id
            WHERE (p.status = 'paid' AND (e.id IS NULL OR e.kind <> 'payment' OR e.amount_fen <> -p.amount_fen
                                           OR e.grant_id <> p.grant_id))
               OR (p.status <> 'paid' AND p.entry_id IS NOT NULL)"""):
        out.append(translate("Integrity", "Payment order {id} ({status}) does not match its ledger entry {entry}.")
                   .format(id=pid, status=status, entry=eid or "-"))
    for gid, total, paid in _fetch(conn, """
            SELECT g.id, g.approved_total_fen, -SUM(e.amount_fen)
            FROM ledger_entries e JOIN subsidy_grants g ON g.id = e.grant_id
            LEFT JOIN ledger_entries t ON t.id = e.reverses_id
            WHERE COALESCE(t.kind, e.kind) = 'payment'
            GROUP BY g.id HAVING -SUM(e.amount_fen) > g.approved_total_fen OR -SUM(e.amount_fen) < 0"""):
        out.append(translate("Integrity", "Grant {grant}: the net amount paid ({paid} fen) is outside 0 … the approved "
                                          "total ({total} fen).").format(grant=gid, paid=paid, total=total))
    return out


def _batch_problems(conn) -> list[str]:
    """Each batch line against its payment order (it exists, for the same instalment's grant, talent and amount, and
    their states agree), each batch's state against its lines, and no instalment live in two lines at once."""
    from talentdesk.domain import enums as E
    from talentdesk.domain.labels import label

    out = []

    def line(batch, line_no, text):
        return translate("Integrity", "Batch {batch} line {line}: {problem}").format(batch=batch, line=line_no,
                                                                                     problem=text)

    for batch, line_no, status, pid, amount, grant, talent, entry, p_id, p_amount, p_grant, p_talent, p_status, \
            p_entry, i_grant, i_amount in _fetch(conn, """
            SELECT b.number, i.line_no, i.status, i.payment_id, i.amount_fen, i.grant_id, i.talent_id, i.entry_id,
                   p.id, p.amount_fen, p.grant_id, p.talent_id, p.status, p.entry_id, n.grant_id, n.amount_fen
            FROM payment_batch_items i JOIN payment_batches b ON b.id = i.batch_id
            LEFT JOIN payments p ON p.id = i.payment_id LEFT JOIN instalments n ON n.id = i.instalment_id
            ORDER BY b.id, i.line_no"""):
        if p_id is None:
            out.append(line(batch, line_no, translate("Integrity", "its payment order {order} does not exist.").format(
                order=pid if pid is not None else "-")))
            continue
        if p_amount != amount or (i_amount is not None and i_amount != amount):
            out.append(line(batch, line_no, translate(
                "Integrity", "the line says {line} fen, its payment order {order} {paid} fen.").format(
                line=amount, order=p_id, paid=p_amount)))
        if p_grant != grant or p_talent != talent or (i_grant is not None and i_grant != grant):
            out.append(line(batch, line_no, translate(
                "Integrity", "its payment order {order} is for another grant or talent.").format(order=p_id)))
        paid_line, paid_order = status == "paid", p_status == "paid"
        if paid_line != paid_order or (paid_line and (entry is None or entry != p_entry)):
            out.append(line(batch, line_no, translate(
                "Integrity", "the line is {line} but its payment order {order} is {paid}.").format(
                line=label(E.BatchItemStatus, status), order=p_id, paid=label(E.PaymentStatus, p_status))))
        elif status in ("failed", "withdrawn") and p_status != "cancelled":
            out.append(line(batch, line_no, translate(
                "Integrity", "the line is {line} but its payment order {order} is still {paid}.").format(
                line=label(E.BatchItemStatus, status), order=p_id, paid=label(E.PaymentStatus, p_status))))
    allowed = {"draft": ("included", "withdrawn"), "publicized": ("included", "withdrawn"),
               "approved": ("included", "withdrawn"), "sent": ("sent", "paid", "failed", "withdrawn"),
               "reconciled": ("paid", "failed", "withdrawn"), "cancelled": ("withdrawn",)}
    for batch, b_status, i_status, n in _fetch(conn, """
            SELECT b.number, b.status, i.status, count(*) FROM payment_batches b
            JOIN payment_batch_items i ON i.batch_id = b.id GROUP BY b.id, b.number, b.status, i.status
            ORDER BY b.id, i.status"""):
        if b_status in allowed and i_status not in allowed[b_status]:
            out.append(translate("Integrity", "Batch {batch} is {state} but {n} of its lines are {line}.").format(
                batch=batch, state=label(E.BatchStatus, b_status), n=n, line=label(E.BatchItemStatus, i_status)))
    for inst, numbers in _fetch(conn, """
            SELECT i.instalment_id, count(*) FROM payment_batch_items i
            WHERE i.status IN ('included', 'sent', 'paid') GROUP BY i.instalment_id HAVING count(*) > 1"""):
        out.append(translate("Integrity", "Instalment {id} is in {n} live batch lines at once (it could be paid "
                                          "twice).").format(id=inst, n=numbers))
    return out


def expected_triggers() -> dict[str, tuple[str, str]]:
    """Every guard trigger the migrations create on SQLite: name → (table, exact SQL)."""
    from talentdesk.domain.models import APPEND_ONLY_TABLES

    out = {}
    for table in APPEND_ONLY_TABLES:
        for verb in ("UPDATE", "DELETE"):
            out[f"trg_{table}_no_{verb.lower()}"] = (
                table, f"CREATE TRIGGER trg_{table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                       f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END")
    return out


def _norm_sql(sql: str) -> str:
    return " ".join((sql or "").split())


def _trigger_problems(conn: sqlite3.Connection) -> list[str]:
    """The guards' definitions must be exactly the ones the migrations wrote, and nothing else may hook the
    guarded tables (a same-named trigger that does nothing, or an extra one, is as bad as none)."""
    from talentdesk.domain.models import APPEND_ONLY_TABLES

    expected = expected_triggers()
    out = []
    found = {name: (tbl, sql) for name, tbl, sql in _fetch(
        conn, "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'")}
    for name, (table, sql) in expected.items():
        verb = "UPDATE" if name.endswith("_update") else "DELETE"
        if name not in found:
            out.append(translate("Integrity", "The guard that forbids {verb} on {table} is missing.").format(
                verb=verb, table=table))
        elif found[name][0] != table or _norm_sql(found[name][1]) != _norm_sql(sql):
            out.append(translate("Integrity", "The guard {name} on {table} was replaced by a different definition: "
                                              "{sql}").format(name=name, table=table, sql=_norm_sql(found[name][1])[:200]))
    for name, (tbl, sql) in found.items():
        if tbl in APPEND_ONLY_TABLES and name not in expected:
            out.append(translate("Integrity", "An unexpected trigger {name} hooks {table}: {sql}").format(
                name=name, table=tbl, sql=_norm_sql(sql)[:200]))
    return out




def _record_label(kind: str, rid) -> str:
    labels = {
        "user": translate("Integrity", "account {id}"),
        "office_key": translate("Integrity", "office key {id}"),
        "request": translate("Integrity", "approval request {id}"),
        "payment": translate("Integrity", "payment order {id}"),
        "ledger": translate("Integrity", "ledger entry {id}"),
        "certificate": translate("Integrity", "certificate {id}"),
        "audit": translate("Integrity", "audit entry {id}"),
    }
    return labels.get(kind, kind + " {id}").format(id=rid)


def _head_problems(conn: sqlite3.Connection, db_path: Path, heads: tuple[str, ...], backups: bool) -> list[str]:
    """Every head kept beside a backup, and every head read off paper, must still be a link of this chain: the
    chain only grows, so a head that is not in it means the history was rewritten after it was recorded."""
    from talentdesk.paths import backups_dir_for
    from talentdesk.store.chain import find_head, read_chain_sidecar, short

    out = []
    if backups:
        folder = backups_dir_for(db_path)
        sidecars = sorted(folder.glob(f"{db_path.stem}-*.db.chain")) if folder.is_dir() else []
        for sc in sidecars:
            full = read_chain_sidecar(Path(str(sc)[:-len(".chain")]))
            if full and full != "0" * 64 and find_head(conn, full[:12]) is None:
                out.append(translate("Integrity", "The chain head {head} kept with backup {name} is not in this "
                                                  "database's chain: its history was rewritten after that backup.")
                           .format(head=short(full), name=sc.name[:-len(".chain")]))
    for printed in heads:
        if find_head(conn, printed) is None:
            out.append(translate("Integrity", "The chain head {head} from paper is not in this database's chain: its "
                                              "history was rewritten after that paper was printed (or the head was "
                                              "misread).").format(head=printed))
    return out


def chain_problems(conn: sqlite3.Connection) -> tuple[list[str], str | None]:
    """Recompute the chain; the first problem names the first broken link. Returns (problems, head)."""
    problems, head, _unseen = chain_findings(conn)
    return problems, head


def chain_findings(conn, present=None) -> tuple[list[str], str | None, int]:
    """chain_problems, and how many linked records this connection could not read (see chain.verify `present`)."""
    from talentdesk.store import chain

    if isinstance(conn, _QmarkConnection):
        tables = {r[0] for r in _fetch(conn, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")}
    else:
        tables = {r[0] for r in _fetch(conn, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "chain_links" not in tables:
        if "office_keys" in tables:  # the schema has the chain: its table was dropped
            return [translate("Integrity", "The hash chain was removed from the file.")], None, 0
        return [], None, 0
    report = chain.verify(conn, present=present)
    texts = {
        "edited-link": translate("Integrity", "link #{link} was edited (its hash does not follow from the link "
                                              "before it)"),
        "changed": translate("Integrity", "{record} was changed after it was written (link #{link})"),
        "missing": translate("Integrity", "{record} was deleted (link #{link})"),
        "unsealed": translate("Integrity", "{record} is not in the chain: it was written outside TalentDesk"),
        "duplicate": translate("Integrity", "{record} is linked twice (link #{link})"),
    }
    out = []
    for i, f in enumerate(report.findings):
        line = texts[f.what].format(link=f.link_id, record=_record_label(f.kind, f.record_id))
        if i == 0 and f.link_id is not None:
            line = translate("Integrity", "The first broken link is #{link}: {problem}").format(
                link=f.link_id, problem=line)
        out.append(line)
    users_gone = [f for f in report.findings if f.kind == "user" and f.what == "missing"]
    if users_gone and not _fetch(conn, "SELECT 1 FROM users LIMIT 1"):
        out.insert(0, translate("Integrity", "Every account was removed from the file outside TalentDesk: this "
                                             "database has accounts and will not open without them."))
    return out, report.head, report.unseen


def full_check(db_path: Path, *, heads: tuple[str, ...] = (), backup_heads: bool = False) -> CheckReport:
    """Every check; read-only. Safe to run while the program has the database open."""
    db_path = Path(db_path)
    items: list[CheckItem] = []
    problems = integrity_check(db_path)
    items.append(CheckItem(translate("Integrity", "SQLite integrity check"), not problems, problems))
    if not problems:
        try:
            conn = connect_readonly(db_path)
            try:
                fks = [translate("Integrity", "{table} row {row} points to a missing {parent} record.").format(
                    table=t, row=r, parent=p) for t, r, p, _ in _fetch(conn, "PRAGMA foreign_key_check")]
                items.append(CheckItem(translate("Integrity", "Links between records"), not fks, fks))
                items += _rule_items(conn, _trigger_problems(conn))
                links, head = chain_problems(conn)
                if head is not None:
                    links += _head_problems(conn, db_path, tuple(heads), backups=backup_heads)
                from talentdesk.store.chain import short

                items.append(CheckItem(translate("Integrity", "Hash chain (head {head})").format(head=short(head)),
                                       not links, links))
            finally:
                conn.close()
        except cipher.database_errors() as exc:
            items.append(CheckItem(translate("Integrity", "Reading the database"), False, [str(exc)]))
    return CheckReport(db_path, items)


# ------------------------------------------------------------------ a server database (PostgreSQL)

class _QmarkConnection:
    """A psycopg connection answering `execute(sql_with_?, params)` like sqlite3, so the ledger and chain checks
    run unchanged on a server database."""

    def __init__(self, raw):
        self.raw = raw

    def execute(self, sql: str, params=()):
        cur = self.raw.cursor()
        cur.execute(sql.replace("%", "%%").replace("?", "%s"), tuple(params))
        return cur


def _server_guard_problems(conn) -> list[str]:
    from talentdesk.domain.models import APPEND_ONLY_TABLES

    out = []
    found = {(t, n) for t, n in conn.execute(
        "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "WHERE NOT t.tgisinternal AND t.tgenabled <> 'D'").fetchall()}
    for table in APPEND_ONLY_TABLES:
        if (table, f"trg_{table}_append_only") not in found:
            out.append(translate("Integrity", "The guard that forbids {verb} on {table} is missing.").format(
                verb="UPDATE/DELETE", table=table))
    return out


def server_check(engine, where: str) -> CheckReport:
    """The checks of `full_check` that mean something on a server (the server keeps its own pages and foreign
    keys): ledger rules, unique serials, the append-only guards and the hash chain. Read-only."""
    from talentdesk.store import chain

    items: list[CheckItem] = []
    with engine.connect() as sa_conn:
        whole, county = _server_view(sa_conn)
        raw = sa_conn.connection.driver_connection
        conn = _QmarkConnection(raw)
        try:
            items += _rule_items(conn, _server_guard_problems(conn))
            present = None if whole else (lambda table, ids: {int(i) for (i,) in conn.execute(
                "SELECT unnest(td_chained_rows_present(CAST(? AS text), CAST(? AS bigint[])))", (table, list(ids))).fetchall()})
            links, head, unseen = chain_findings(conn, present)
            name = translate("Integrity", "Hash chain (head {head})").format(head=chain.short(head))
            if not whole:
                name = translate("Integrity", "Hash chain (head {head}): every link, and the records of {county}")\
                    .format(head=chain.short(head), county=county)
            items.append(CheckItem(name, not links, links))
            if not whole:
                items.append(CheckItem(translate(
                    "Integrity", "{n} records of other counties in the chain are not readable with this server role "
                                 "(row-level security): their content is verified when a city role or the database's "
                                 "owner runs check").format(n=unseen), True))
        finally:
            raw.rollback()
    return CheckReport(where, items)  # type: ignore[arg-type] - the server's address


def _server_view(sa_conn) -> tuple[bool, str]:
    """(whether this connection reads every county, the county it works for as 'CODE NAME'). A server role given to
    a county reads that county's rows only (store/scope.py); a role given to none reads no county's rows."""
    from sqlalchemy import inspect

    from talentdesk.store import scope

    if not inspect(sa_conn).has_table("county_roles"):
        return True, ""
    whole, county_id = scope.connection_county(sa_conn)
    if whole:
        return True, ""
    row = sa_conn.exec_driver_sql("SELECT code, name FROM counties WHERE id = %s", (county_id,)).first() \
        if county_id is not None else None
    sa_conn.rollback()
    if row is None:
        return False, translate("Integrity", "no county (this server role is given to none)")
    return False, f"{row[0]} {row[1]}"
