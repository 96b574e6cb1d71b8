"""Integrity: a quick check at every start and the full check behind `talentdesk check`.

The full check runs SQLite's `integrity_check` and `foreign_key_check`, then the ledger's own rules (every
reversal cancels exactly one entry of the same grant, every paid payment order has the matching payment entry,
entries belong to their grant's talent, the append-only triggers are in place) and certificate serials being
unique. When something is wrong, store/backup_files.py names the newest backup that passes the same checks.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from talentdesk.i18n import translate
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
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()
    return [] if rows == ["ok"] else rows


def quick_check(db_path: Path) -> list[str]:
    """`PRAGMA quick_check` (seconds even on a large file); empty when sound."""
    return integrity_check(Path(db_path), quick=True)


def _fetch(conn: sqlite3.Connection, sql: str) -> list[tuple]:
    return conn.execute(sql).fetchall()


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


def _trigger_problems(conn: sqlite3.Connection) -> list[str]:
    from talentdesk.domain.models import APPEND_ONLY_TABLES

    out = []
    triggers = _fetch(conn, "SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger'")
    for table in APPEND_ONLY_TABLES:
        sqls = " ".join((sql or "").upper() for tbl, sql in triggers if tbl == table)
        for verb in ("UPDATE", "DELETE"):
            if f"BEFORE {verb}" not in sqls:
                out.append(translate("Integrity", "The guard that forbids {verb} on {table} is missing.").format(
                    verb=verb, table=table))
    return out


def full_check(db_path: Path) -> CheckReport:
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
                ledger = _ledger_problems(conn)
                items.append(CheckItem(translate("Integrity", "Ledger balances and reversals"), not ledger, ledger))
                serials = [translate("Integrity", "Certificate serial {serial} is used {n} times.").format(
                    serial=s, n=n) for s, n in _fetch(
                    conn, "SELECT serial, count(*) FROM certificates GROUP BY serial HAVING count(*) > 1")]
                items.append(CheckItem(translate("Integrity", "Certificate serials unique"), not serials, serials))
                guards = _trigger_problems(conn)
                items.append(CheckItem(translate("Integrity", "Append-only guards on ledger and audit trail"),
                                       not guards, guards))
            finally:
                conn.close()
        except sqlite3.DatabaseError as exc:
            items.append(CheckItem(translate("Integrity", "Reading the database"), False, [str(exc)]))
    return CheckReport(db_path, items)
