"""Issue 15: proof that holds against someone holding the database file and sqlite3.

Each attack of the issue is played out on a demo database: `check` must fail naming what broke, `verify` must refuse
a forged certificate, and money-changing actions by one account need another account's approval.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import logging
import secrets
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from talentdesk.domain.enums import Role
from talentdesk.domain.errors import RuleViolation, StorageError, ValidationError
from talentdesk.domain.models import ApprovalRequest, Certificate, LedgerEntry, OfficeKey, Payment
from talentdesk.services.base import Actor, Database
from talentdesk.services.ledger import approvals, certificates, journal, payments
from talentdesk.services.safety import accounts, keys
from talentdesk.store import chain
from talentdesk.store.integrity import full_check
from tests.safety.safety_helpers import login

TODAY = dt.date(2026, 11, 23)
PW = "correct horse battery"


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch):
    from argon2 import PasswordHasher

    monkeypatch.setattr(accounts, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


def _payment_entries(database, n=1) -> list[int]:
    with database.session(Actor.local(), readonly=True) as s:
        reversed_ids = select(LedgerEntry.reverses_id).where(LedgerEntry.reverses_id.is_not(None))
        return list(s.scalars(select(LedgerEntry.id).where(LedgerEntry.kind == "payment",
                                                           LedgerEntry.payment_id.is_not(None),
                                                           LedgerEntry.id.not_in(reversed_ids))
                              .order_by(LedgerEntry.id).limit(n)))


def _print(database, tmp_path, ids, actor=None):
    with database.session(actor or Actor.local()) as s:
        return certificates.print_certificates(s, out_path=tmp_path / f"c{secrets.token_hex(3)}.pdf", entry_ids=ids)


def _payload(database, entry_id) -> str:
    with database.session(Actor.local(), readonly=True) as s:
        cert = s.scalar(select(Certificate).where(Certificate.entry_id == entry_id))
        return certificates.stored_payload(s, cert)


def _verify(database, payload):
    with database.session(Actor.local(), readonly=True) as s:
        return certificates.verify_payload(s, payload=payload)


def _check_text(path, **kw) -> tuple[bool, str]:
    report = full_check(Path(path), **kw)
    return report.ok, report.text()


def _raw(path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    return conn


GUARD = ("CREATE TRIGGER trg_{t}_no_{v} BEFORE {V} ON {t} BEGIN SELECT RAISE(ABORT, '{t} is append-only'); END")


def _drop_guards(conn, table):
    for v in ("update", "delete"):
        conn.execute(f"DROP TRIGGER trg_{table}_no_{v}")


def _restore_guards(conn, table):
    for v in ("update", "delete"):
        conn.execute(GUARD.format(t=table, v=v, V=v.upper()))


# ------------------------------------------------------------------ the chain and check

def test_a_demo_database_and_its_certificates_pass_check_with_a_chain_head(demo_db, tmp_path):
    [eid] = _payment_entries(demo_db)
    _print(demo_db, tmp_path, [eid])
    ok, text = _check_text(demo_db.path)
    assert ok, text
    with _raw(demo_db.path) as conn:
        report = chain.verify(conn)
        n_ledger = conn.execute("SELECT count(*) FROM ledger_entries").fetchone()[0]
        n_linked = conn.execute("SELECT count(*) FROM chain_links WHERE kind = 'ledger'").fetchone()[0]
    assert report.ok and report.links > n_ledger and n_linked == n_ledger
    assert chain.short(report.head) in text


def test_attack_drop_triggers_lower_a_payment_recreate_them(demo_db, tmp_path):
    [eid] = _payment_entries(demo_db)
    _print(demo_db, tmp_path, [eid])
    payload = _payload(demo_db, eid)
    assert _verify(demo_db, payload).genuine
    demo_db.dispose()
    with _raw(demo_db.path) as conn:
        _drop_guards(conn, "ledger_entries")
        conn.execute("UPDATE ledger_entries SET amount_fen = amount_fen + 100000 WHERE id = ?", (eid,))
        conn.execute("UPDATE payments SET amount_fen = amount_fen - 100000 WHERE entry_id = ?", (eid,))
        _restore_guards(conn, "ledger_entries")
        pay_id = conn.execute("SELECT id FROM payments WHERE entry_id = ?", (eid,)).fetchone()[0]
    ok, text = _check_text(demo_db.path)
    assert not ok
    assert "The first broken link is #" in text
    assert f"payment order {pay_id} was changed after it was written" in text
    assert f"ledger entry {eid} was changed after it was written" in text
    # the certificate's code still names the old amount; re-signing it needs the private key, which is not in the file
    parts = payload.split(":")
    parts[3] = str(int(parts[3]) - 100000)
    forged = ":".join(parts)
    v = _verify(demo_db, forged)
    assert not v.genuine and v.status == "altered"
    # and the old HMAC key the issue used to re-sign is not in the file any more
    with _raw(demo_db.path) as conn:
        assert conn.execute("SELECT count(*) FROM settings WHERE key = 'certificate_key'").fetchone()[0] == 0


def test_attack_insert_a_payment_entry_and_certificate_without_touching_triggers(demo_db, tmp_path):
    [eid] = _payment_entries(demo_db)
    _print(demo_db, tmp_path, [eid])
    demo_db.dispose()
    with _raw(demo_db.path) as conn:
        cols = [r[1] for r in conn.execute("PRAGMA table_info(ledger_entries)")]
        row = dict(zip(cols, conn.execute("SELECT * FROM ledger_entries WHERE id = ?", (eid,)).fetchone()))
        row.pop("id")
        row.update(payment_id=None, voucher_no="记-forged", instalment_seq=None)
        conn.execute(f"INSERT INTO ledger_entries ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                     list(row.values()))
        new_id = conn.execute("SELECT max(id) FROM ledger_entries").fetchone()[0]
        # a certificate signed with the forger's own key, which they also slip into office_keys
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
        from cryptography.hazmat.primitives import serialization

        forger = Ed25519PrivateKey.generate()
        pub = forger.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        fp = keys.fingerprint_of(pub)
        conn.execute("INSERT INTO office_keys (algorithm, public_key, fingerprint, created_at) VALUES "
                     "('ed25519', ?, ?, '2026-01-01 00:00:00.000000')", (pub.hex(), fp))
        key_id = conn.execute("SELECT max(id) FROM office_keys").fetchone()[0]
        e = type("E", (), {"id": new_id, "amount_fen": row["amount_fen"],
                           "entry_date": dt.date.fromisoformat(row["entry_date"])})
        serial = "TD-2026-999999"
        sig = keys.sign(forger, certificates.signed_message(serial, e, fp))
        conn.execute("INSERT INTO certificates (serial, entry_id, digest, issued_at, issued_by, print_count, "
                     "signature, key_id) VALUES (?, ?, '', '2026-11-01 00:00:00.000000', 'x', 1, ?, ?)",
                     (serial, new_id, sig, key_id))
    forged = certificates.signed_payload(serial, e, fp, sig)
    v = _verify(demo_db, forged)
    assert not v.genuine and v.status == "altered"
    ok, text = _check_text(demo_db.path)
    assert not ok
    assert f"ledger entry {new_id} is not in the chain: it was written outside TalentDesk" in text
    assert f"office key {key_id} is not in the chain" in text


def test_attack_same_named_guards_that_do_nothing(demo_db):
    demo_db.dispose()
    with _raw(demo_db.path) as conn:
        for table in ("ledger_entries", "audit_entries"):
            _drop_guards(conn, table)
            for v in ("UPDATE", "DELETE"):
                conn.execute(f"CREATE TRIGGER trg_{table}_no_{v.lower()} BEFORE {v} ON {table} "
                             f"WHEN 0 BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END")
        conn.execute("UPDATE ledger_entries SET memo = 'edited' WHERE id = 1")  # the no-op guards let it through
        conn.execute("CREATE TRIGGER trg_extra AFTER INSERT ON audit_entries BEGIN SELECT 1; END")
    ok, text = _check_text(demo_db.path)
    assert not ok
    assert "The guard trg_ledger_entries_no_update on ledger_entries was replaced by a different definition" in text
    assert "The guard trg_audit_entries_no_delete on audit_entries was replaced" in text
    assert "An unexpected trigger trg_extra hooks audit_entries" in text
    assert "ledger entry 1 was changed after it was written" in text


def test_attack_delete_every_audit_row(demo_db, tmp_path):
    [eid] = _payment_entries(demo_db)
    _print(demo_db, tmp_path, [eid])
    demo_db.dispose()
    with _raw(demo_db.path) as conn:
        first = conn.execute("SELECT min(id) FROM audit_entries").fetchone()[0]
        _drop_guards(conn, "audit_entries")
        conn.execute("DELETE FROM audit_entries")
        _restore_guards(conn, "audit_entries")
    ok, text = _check_text(demo_db.path)
    assert not ok and f"audit entry {first} was deleted" in text


def test_attack_delete_the_chain_itself_or_rewrite_it_shows_against_paper_and_backups(demo_db, tmp_path):
    from talentdesk.store.backup_files import make_backup

    [eid] = _payment_entries(demo_db)
    result = _print(demo_db, tmp_path, [eid])
    text = subprocess.run(["pdftotext", result.path, "-"], capture_output=True, text=True).stdout \
        if shutil.which("pdftotext") else ""
    with _raw(demo_db.path) as conn:
        head = chain.short(chain.verify(conn).head)
    if text:
        assert head in text  # the head is on the paper
    backup = make_backup(Path(demo_db.path)).path
    assert head in Path(str(backup) + ".chain").read_text()
    assert full_check(Path(demo_db.path), heads=(head,)).ok
    demo_db.dispose()
    # a forger who edits an entry and then recomputes every link from genesis: the chain is self-consistent again
    with _raw(demo_db.path) as conn:
        _drop_guards(conn, "ledger_entries")
        conn.execute("UPDATE ledger_entries SET memo = 'rewritten' WHERE id = ?", (eid,))
        _restore_guards(conn, "ledger_entries")
        _drop_guards(conn, "chain_links")
        conn.execute("DELETE FROM chain_links")
        conn.execute("BEGIN")
        cur = sqlite3.connect(demo_db.path)
        from sqlalchemy import create_engine

        engine = create_engine(f"sqlite:///{demo_db.path}")
        with engine.connect() as c2:
            rows = list(chain.genesis_rows(c2))
        engine.dispose()
        cur.close()
        conn.executemany("INSERT INTO chain_links (kind, record_id, content_hash, link_hash) VALUES "
                         "(:kind, :record_id, :content_hash, :link_hash)", rows)
        conn.execute("COMMIT")
        _restore_guards(conn, "chain_links")
    report = full_check(Path(demo_db.path), heads=(head,), backup_heads=True)
    assert not report.ok
    out = report.text()
    assert f"The chain head {head} from paper is not in this database's chain" in out
    assert f"kept with backup {backup.name} is not in this database's chain" in out


def test_chain_is_sealed_inside_the_writing_transaction(demo_db):
    """A rolled-back unit of work leaves no link; a committed one links exactly what it wrote."""
    [eid] = _payment_entries(demo_db)
    with _raw(demo_db.path) as conn:
        before = conn.execute("SELECT count(*) FROM chain_links").fetchone()[0]
    with pytest.raises(RuntimeError):
        with demo_db.session(Actor.local()) as s:
            journal.reverse_entry(s, entry_id=eid, reason="test", on=TODAY)
            raise RuntimeError("abandon")
    with _raw(demo_db.path) as conn:
        assert conn.execute("SELECT count(*) FROM chain_links").fetchone()[0] == before
    with demo_db.session(Actor.local()) as s:
        rev = journal.reverse_entry(s, entry_id=eid, reason="test", on=TODAY)
    with _raw(demo_db.path) as conn:
        kinds = [k for (k,) in conn.execute("SELECT kind FROM chain_links WHERE id > ? ORDER BY id", (before,))]
        assert ("ledger" in kinds) and kinds[-1] == "audit"
        assert conn.execute("SELECT count(*) FROM chain_links WHERE kind='ledger' AND record_id=?",
                            (rev.id,)).fetchone()[0] == 1
    assert full_check(Path(demo_db.path)).ok


# ------------------------------------------------------------------ signatures and the key

def test_verify_with_the_public_key_file_alone(demo_db, tmp_path):
    [eid] = _payment_entries(demo_db)
    _print(demo_db, tmp_path, [eid])
    payload = _payload(demo_db, eid)
    pem = tmp_path / "office.pem"
    with demo_db.session(Actor.local()) as s:
        keys.export_public_key(s, out_path=pem)
    base = [sys.executable, "-m", "talentdesk", "--lang", "en", "verify"]
    ok = subprocess.run(base + [payload, "--public-key", str(pem)], capture_output=True, text=True)
    assert ok.returncode == 0 and "Genuine signature" in ok.stdout
    parts = payload.split(":")
    parts[3] = str(int(parts[3]) + 1)
    bad = subprocess.run(base + [":".join(parts), "--public-key", str(pem)], capture_output=True, text=True)
    assert bad.returncode == 1 and "Not genuine" in bad.stdout
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    other = tmp_path / "other.pem"
    other.write_bytes(Ed25519PrivateKey.generate().public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    wrong = subprocess.run(base + [payload, "--public-key", str(other)], capture_output=True, text=True)
    assert wrong.returncode == 1


def test_key_export_and_import_for_a_new_pc(demo_db, tmp_path, monkeypatch):
    [eid, eid2] = _payment_entries(demo_db, 2)
    _print(demo_db, tmp_path, [eid])
    exported = tmp_path / "office-key.tdkey"
    with demo_db.session(Actor.local()) as s:
        fp = keys.export_key(s, out_path=exported, password=PW)
    assert PW not in exported.read_text()
    # a new PC: an empty data folder, the same database
    monkeypatch.setenv("TALENTDESK_HOME", str(tmp_path / "newpc"))
    with pytest.raises(RuleViolation, match="not on this PC"):
        _print(demo_db, tmp_path, [eid2])
    assert _verify(demo_db, _payload(demo_db, eid)).genuine  # verifying needs only the public key
    with pytest.raises(ValidationError, match="password is wrong"):
        with demo_db.session(Actor.local()) as s:
            keys.import_key(s, in_path=exported, password="not the password")
    with demo_db.session(Actor.local()) as s:
        assert keys.import_key(s, in_path=exported, password=PW) == fp
    _print(demo_db, tmp_path, [eid2])
    assert _verify(demo_db, _payload(demo_db, eid2)).genuine
    if sys.platform != "win32":
        key_file = tmp_path / "newpc" / "keys" / f"{fp}.key"
        assert key_file.stat().st_mode & 0o077 == 0  # readable only by this user


def _old_database(tmp_path) -> tuple[Path, bytes, str, int]:
    """A database as the previous version left it: the certificate key in settings and, in clear, in the audit
    trail, and one HMAC certificate."""
    from talentdesk.services.common.demo import generate_demo
    from talentdesk.store import db as dbmod

    from alembic import command

    path = tmp_path / "old.db"
    database = Database.open(path)  # today's schema: the demo is written by today's models ...
    with database.session(Actor.local()) as s:
        generate_demo(s, talents=30, seed=3, as_of=TODAY)
    database.dispose()
    engine = dbmod.make_engine(path)  # ... then taken back to the last revision before the proof (its downgrades)
    with engine.connect() as conn:
        conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        with conn.begin():
            command.downgrade(dbmod._alembic_config(conn), "sweep_1")
    engine.dispose()
    key = secrets.token_bytes(32)
    conn = _raw(path)
    conn.execute("INSERT INTO settings (key, value) VALUES ('certificate_key', ?)", (json.dumps(key.hex()),))
    conn.execute("INSERT INTO audit_entries (at, actor_id, actor_name, action, table_name, record_id, after, summary) "
                 "VALUES ('2026-01-01 00:00:00', NULL, 'local', 'insert', 'settings', 'certificate_key', ?, '')",
                 (json.dumps({"key": "certificate_key", "value": json.dumps(key.hex())}),))
    eid, tid, gid, seq, amount, day = conn.execute(
        "SELECT id, talent_id, grant_id, instalment_seq, amount_fen, entry_date FROM ledger_entries "
        "WHERE kind = 'payment' ORDER BY id LIMIT 1").fetchone()
    serial = "TD-2025-000001"
    text = "|".join(str(v) for v in (serial, eid, tid, gid, seq or 0, -amount, day))
    digest = hmac.new(key, text.encode(), hashlib.sha256).hexdigest()[:32].upper()
    conn.execute("INSERT INTO certificates (serial, entry_id, digest, issued_at, issued_by, print_count) VALUES "
                 "(?, ?, ?, '2025-06-01 00:00:00.000000', 'local', 1)", (serial, eid, digest))
    conn.close()
    payload = f"TD1:{serial}:{eid}:{-amount}:{day.replace('-', '')}:{digest}"
    return path, key, payload, eid


def test_old_certificate_key_leaves_the_file_and_the_audit_trail_and_old_certificates_still_verify(tmp_path):
    path, key, payload, eid = _old_database(tmp_path)
    database = Database.open(path)  # migrates: redacts the trail, builds the chain, moves the key out
    try:
        raw = path.read_bytes() + b"".join(p.read_bytes() for p in path.parent.glob("old.db*") if p != path)
        assert key.hex().encode() not in raw
        with _raw(path) as conn:
            assert conn.execute("SELECT count(*) FROM settings WHERE key='certificate_key'").fetchone()[0] == 0
            trail = " ".join(str(r) for r in conn.execute("SELECT * FROM audit_entries"))
            assert key.hex() not in trail
        v = _verify(database, payload)
        assert v.genuine, v.message
        assert full_check(path).ok
        # the old certificate reprinted is signed now, with the same serial
        result = _print(database, tmp_path, [eid])
        assert result.copies == 1
        assert _payload(database, eid).startswith("TD2:TD-2025-000001:")
        assert _verify(database, _payload(database, eid)).genuine
    finally:
        database.dispose()


def test_no_secret_in_audit_trail_exports_or_log(demo_db, tmp_path):
    """The private key, the old certificate key, the key-export password and user passwords appear nowhere a person
    or a copy of the file can read: the database, the audit trail and its export, the log."""
    from talentdesk.logs import setup_logging
    from talentdesk.paths import data_paths
    from talentdesk.services.safety import audit

    log_file = setup_logging(data_paths().log_file)
    [eid] = _payment_entries(demo_db)
    _print(demo_db, tmp_path, [eid])
    with demo_db.session(Actor.local()) as s:
        keys.export_key(s, out_path=tmp_path / "k.tdkey", password=PW)
        accounts.create_user(s, username="admin", password="admin-password-1")
    admin = login(demo_db, username="admin", password="admin-password-1")
    from talentdesk.services.safety import encryption
    from talentdesk.store import cipher

    with demo_db.session(admin, exclusive="migration") as s:  # encryption at rest: its key and recovery key too
        encrypted = encryption.encrypt_database(s, username="admin", password="admin-password-1")
    database_key = cipher.key_from_recovery_text(encrypted.recovery_key).hex()
    with demo_db.session(admin) as s:
        audit.export_audit(s, path=tmp_path / "trail.csv")
        audit.export_audit(s, path=tmp_path / "trail.xlsx")
    with demo_db.session(Actor.local(), readonly=True) as s:
        row = s.scalar(select(OfficeKey))
        secret = keys._store_read(row.fingerprint)
    private_hex = secret["private"]
    secrets_ = [private_hex, PW, "admin-password-1", database_key, encrypted.recovery_key,
                encrypted.recovery_key.replace("-", "")]
    demo_db.dispose()
    logging.getLogger().handlers and [h.flush() for h in logging.getLogger().handlers]
    import zipfile

    places = {
        "database": b"".join(p.read_bytes() for p in Path(demo_db.path).parent.glob("demo.db*")),
        "csv export": (tmp_path / "trail.csv").read_bytes(),
        "xlsx export": b"".join(zipfile.ZipFile(tmp_path / "trail.xlsx").read(n)
                                for n in zipfile.ZipFile(tmp_path / "trail.xlsx").namelist()),
        "log": log_file.read_bytes() if log_file.exists() else b"",
        "key export": (tmp_path / "k.tdkey").read_bytes(),
        "keys file and backups": b"".join(p.read_bytes() for p in Path(demo_db.path).parent.rglob("*")
                                          if p.is_file() and p.suffix in (".keys", ".db", ".chain")),
    }
    for where, data in places.items():
        for secret_value in secrets_:
            assert secret_value.encode() not in data, (where, secret_value[:6])
            assert secret_value.upper().encode() not in data, (where, secret_value[:6])


# ------------------------------------------------------------------ accounts and four eyes

def _office(database):
    """admin (first account), a clerk and an approver created by the admin; returns their actors."""
    with database.session(Actor.local()) as s:
        accounts.create_user(s, username="admin", password="admin-password-1")
    admin = login(database, username="admin", password="admin-password-1")
    with database.session(admin) as s:
        accounts.create_user(s, username="clerk", password="clerk-password-1", role="clerk")
        accounts.create_user(s, username="approver", password="approver-password-1", role="approver")
    clerk = login(database, username="clerk", password="clerk-password-1")
    approver = login(database, username="approver", password="approver-password-1")
    return admin, clerk, approver


def _a_clawback(database) -> int:
    with database.session(Actor.local(), readonly=True) as s:
        eid = s.scalar(select(LedgerEntry.id).where(LedgerEntry.kind == "clawback", LedgerEntry.id.not_in(
            select(LedgerEntry.reverses_id).where(LedgerEntry.reverses_id.is_not(None)))).limit(1))
    assert eid is not None
    return eid


def test_attack_delete_from_users_does_not_open_in_single_user_mode(demo_db):
    _office(demo_db)
    demo_db.dispose()
    with _raw(demo_db.path) as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("DELETE FROM users")
    database = Database.open(demo_db.path)
    try:
        from talentdesk.commands.safety import cli_actor

        with pytest.raises(StorageError, match="removed from the file"):
            cli_actor(database, username=None)
        with pytest.raises(StorageError, match="removed from the file"):
            with database.session(Actor.system(), readonly=True) as s:
                accounts.has_accounts(s)
    finally:
        database.dispose()
    ok, text = _check_text(demo_db.path)
    assert not ok and "Every account was removed from the file outside TalentDesk" in text
    assert "account 1 was deleted" in text
    cli = subprocess.run([sys.executable, "-m", "talentdesk", "--lang", "en", "--db", str(demo_db.path),
                          "export", "talents", str(Path(demo_db.path).parent / "all.csv")],
                         capture_output=True, text=True)
    assert cli.returncode != 0 and not (Path(demo_db.path).parent / "all.csv").exists()


def test_attack_clerk_reverses_a_clawback_needs_an_approval(demo_db):
    admin, clerk, approver = _office(demo_db)
    claw = _a_clawback(demo_db)
    with demo_db.session(clerk) as s:
        pending = journal.reverse_entry(s, entry_id=claw, reason="按会议纪要撤销追缴", on=TODAY)
    assert isinstance(pending, approvals.PendingApproval)
    with demo_db.session(Actor.local(), readonly=True) as s:
        assert s.scalar(select(LedgerEntry.id).where(LedgerEntry.reverses_id == claw)) is None  # nothing reversed
    with pytest.raises(Exception) as refused:  # a clerk cannot approve at all
        with demo_db.session(clerk) as s:
            approvals.approve_request(s, request_id=pending.request_id)
    assert "not allowed" in str(refused.value.message)
    with demo_db.session(approver) as s:
        assert [r.id for r in approvals.list_requests(s)] == [pending.request_id]
        done = approvals.approve_request(s, request_id=pending.request_id, note="核实无误")
    assert done.status == "approved" and done.decided_by == "approver"
    with demo_db.session(Actor.local(), readonly=True) as s:
        rev = s.scalar(select(LedgerEntry).where(LedgerEntry.reverses_id == claw))
        assert rev is not None and rev.memo == "按会议纪要撤销追缴"
    with pytest.raises(RuleViolation, match="already been decided"):
        with demo_db.session(approver) as s:
            approvals.approve_request(s, request_id=pending.request_id)
    assert full_check(Path(demo_db.path)).ok


def test_attack_admin_creates_a_second_admin_to_approve_own_payment_and_request(demo_db):
    admin, clerk, approver = _office(demo_db)
    with demo_db.session(admin) as s:
        accounts.create_user(s, username="admin2", password="admin2-password", role="admin")
    admin2 = login(demo_db, username="admin2", password="admin2-password")
    with demo_db.session(admin2) as s:  # and a third, created by the second
        accounts.create_user(s, username="admin3", password="admin3-password", role="admin")
    admin3 = login(demo_db, username="admin3", password="admin3-password")
    with demo_db.session(Actor.local(), readonly=True) as s:
        pid = s.scalar(select(Payment.id).where(Payment.status == "recorded").limit(1))
    with demo_db.session(admin) as s:  # the admin records a payment order themselves
        pay = s.get(Payment, pid)
        payments.cancel_payment(s, payment_id=pid, reason="重录")
    with demo_db.session(Actor.local(), readonly=True) as s:
        from talentdesk.domain.models import Instalment

        inst = s.scalar(select(Instalment.id).where(Instalment.grant_id == pay.grant_id,
                                                    Instalment.seq == pay.instalment_seq))
    with demo_db.session(admin) as s:
        recorded = payments.record_payments(s, instalment_ids=[inst])
    [new_pid] = recorded.done
    for other in (admin2, admin3):
        with demo_db.session(other) as s:
            result = payments.approve_payments(s, payment_ids=[new_pid])
        assert result.done == () and "created by the person who recorded it" in result.refused[0][1]
    with demo_db.session(approver) as s:  # created by the admin too: also refused
        assert payments.approve_payments(s, payment_ids=[new_pid]).done == ()
    # a request by the admin: neither the admin nor accounts they made may approve it
    claw = _a_clawback(demo_db)
    with demo_db.session(admin) as s:
        pending = payments_waive(s)
    for other, why in ((admin, "asked for this yourself"), (admin2, "created by the person"),
                       (admin3, "created by the person")):
        with pytest.raises(RuleViolation, match=why):
            with demo_db.session(other) as s:
                approvals.approve_request(s, request_id=pending.request_id)
    # the database holds it too
    with pytest.raises(Exception):
        with demo_db.session(Actor.local()) as s:
            s.get(ApprovalRequest, pending.request_id).decided_by_id = admin.user_id
            s.flush()
    assert claw


def payments_waive(s):
    owed = [o for o in payments.obligations(s) if o.open_fen > 0]
    assert owed
    return payments.waive_obligation(s, grant_id=owed[0].grant_id, reason="因病离职", on=TODAY)


def test_single_user_mode_keeps_acting_at_once(demo_db):
    claw = _a_clawback(demo_db)
    with demo_db.session(Actor.local()) as s:
        row = journal.reverse_entry(s, entry_id=claw, reason="更正", on=TODAY)
    assert not isinstance(row, approvals.PendingApproval) and row.kind == "reversal"


def test_policy_amount_change_needs_approval_but_a_note_does_not(demo_db):
    from talentdesk.services.ledger import policies

    admin, clerk, approver = _office(demo_db)
    with demo_db.session(clerk) as s:
        p = policies.list_policies(s)[0]
        data = policies.get_policy(s, policy_id=p.id).to_input()
    import dataclasses

    richer = dataclasses.replace(data, amounts=tuple(
        policies.AmountRule(a.tier_code, a.education, a.amount_fen + 100_000) for a in data.amounts))
    with demo_db.session(clerk) as s:
        pending = policies.save_policy(s, data=richer, policy_id=p.id)
        assert isinstance(pending, approvals.PendingApproval)
        noted = policies.save_policy(s, data=dataclasses.replace(data, notes="见2026年文件"), policy_id=p.id)
        assert not isinstance(noted, approvals.PendingApproval)
    with demo_db.session(approver) as s:
        approvals.approve_request(s, request_id=pending.request_id)
    with demo_db.session(clerk) as s:
        after = policies.get_policy(s, policy_id=p.id)
    assert sorted(a.amount_fen for a in after.amounts) == sorted(a.amount_fen + 100_000 for a in data.amounts)


def test_the_command_line_requests_and_approves(demo_db, monkeypatch):
    import os

    admin, clerk, approver = _office(demo_db)
    claw = _a_clawback(demo_db)
    demo_db.dispose()

    def run(user, password, *args):
        env = dict(os.environ, TALENTDESK_PASSWORD=password)
        return subprocess.run([sys.executable, "-m", "talentdesk", "--lang", "en", "--db", str(demo_db.path),
                               "--user", user, *args], capture_output=True, text=True, env=env)

    asked = run("clerk", "clerk-password-1", "reverse", str(claw), "--reason", "撤销追缴")
    assert asked.returncode == 0 and "waiting for approval by another account" in asked.stdout, asked.stderr
    listed = run("approver", "approver-password-1", "requests", "list")
    assert "Reversal" in listed.stdout and "clerk" in listed.stdout
    request_id = listed.stdout.split()[0].lstrip("#")
    own = run("clerk", "clerk-password-1", "requests", "approve", request_id)
    assert own.returncode != 0
    done = run("approver", "approver-password-1", "requests", "approve", request_id)
    assert done.returncode == 0 and "approved" in done.stdout, done.stderr
    check = subprocess.run([sys.executable, "-m", "talentdesk", "--lang", "en", "--db", str(demo_db.path), "check"],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout


def test_a_unit_of_work_that_only_adds_rows_is_sealed_too(database, tmp_path):
    """The first statement of a unit of work may be its flush at commit: its rows are still linked."""
    from talentdesk.domain.models import Employer
    from talentdesk.store.backup_files import make_backup, record_in

    with database.session(Actor.local()) as s:
        s.add(Employer(name="只新增的单位"))
    assert full_check(Path(database.path)).ok
    # and an audit entry the restore writes straight into a staged file is a link as well
    copy = make_backup(Path(database.path)).path
    record_in(copy, {"at": dt.datetime(2026, 11, 23, 9, 0), "actor_id": None, "actor_name": "local",
                     "action": "restore", "table_name": "", "record_id": None, "before": None, "after": None,
                     "summary": "restored from x.db"})
    assert full_check(copy).ok, full_check(copy).text()
