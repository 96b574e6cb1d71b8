"""proof that holds: the hash chain (chain_links) built over every existing row, office public keys, signed
certificates, who created each account, approval requests (four eyes); the certificate key's value is redacted from
the audit trail before the chain's genesis covers it.

Revision ID: proof_1
Revises: sweep_1
"""
from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from talentdesk.store.schema_kit import create_table

revision = "proof_1"
down_revision = "sweep_1"

REQUEST_STATUSES = ("pending", "approved", "rejected", "withdrawn")


def _triggers(table: str, create: bool) -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            if create:
                op.execute(f"CREATE TRIGGER trg_{table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                           f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END")
            else:
                op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_no_{verb.lower()}")
    elif dialect == "postgresql":
        if create:
            op.execute(f"CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger AS $$ "
                       f"BEGIN RAISE EXCEPTION '{table} is append-only'; END; $$ LANGUAGE plpgsql")
            op.execute(f"CREATE TRIGGER trg_{table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                       f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_append_only ON {table}")


def _redact_certificate_key() -> None:
    """The certificate key was written in clear into the audit trail when it was created: redact those entries."""
    conn = op.get_bind()
    rows = conn.execute(sa.text(
        "SELECT id, before, after FROM audit_entries WHERE table_name = 'settings' AND "
        "(before LIKE '%certificate_key%' OR after LIKE '%certificate_key%')")).fetchall()
    if not rows:
        return
    _triggers("audit_entries", create=False)
    for rid, before, after in rows:
        fixed = []
        for text in (before, after):
            try:
                d = json.loads(text) if text else None
            except ValueError:
                d = None
            if isinstance(d, dict) and "value" in d:
                d["value"] = "***"
                text = json.dumps(d, ensure_ascii=False, sort_keys=True)
            fixed.append(text)
        conn.execute(sa.text("UPDATE audit_entries SET before = :b, after = :a WHERE id = :id"),
                     {"b": fixed[0], "a": fixed[1], "id": rid})
    _triggers("audit_entries", create=True)


def upgrade() -> None:
    create_table("office_keys", """
        algorithm    str16
        public_key   str128   unique
        fingerprint  str32
        created_at   datetime
        """)
    create_table("chain_links", """
        kind          str16
        record_id     int
        content_hash  str64
        link_hash     str64
        index ix_chain_links_record: kind record_id
        """)
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("created_by_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_users_created_by_id_users"), "users", ["created_by_id"], ["id"])
    with op.batch_alter_table("certificates", schema=None) as batch_op:
        batch_op.add_column(sa.Column("signature", sa.String(length=128), nullable=True))
        batch_op.add_column(sa.Column("key_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_certificates_key_id_office_keys"), "office_keys", ["key_id"],
                                    ["id"])
    statuses = ", ".join(f"'{s}'" for s in REQUEST_STATUSES)
    create_table("approval_requests", """
        action           str40
        params           text
        summary          str400
        amount_fen       int?
        status           str12
        requested_by_id  int       >users
        requested_by     str60
        requested_at     datetime
        decided_by_id    int?      >users
        decided_by       str60
        decided_at       datetime?
        decision_note    str200
        result           str200
        index ix_approval_requests_status: status id
        """,
        checks=[("status_valid", f"status IN ({statuses})"),
                ("decider_not_requester", "decided_by_id IS NULL OR decided_by_id <> requested_by_id")],
        refs_in_order=True)

    conn = op.get_bind()
    # who created each existing account: the actor of its insert in the audit trail
    conn.execute(sa.text(
        "UPDATE users SET created_by_id = (SELECT a.actor_id FROM audit_entries a WHERE a.table_name = 'users' "
        "AND a.action = 'insert' AND a.record_id = CAST(users.id AS VARCHAR(40)) "
        "AND a.actor_id IN (SELECT id FROM users) ORDER BY a.id LIMIT 1)"))
    _redact_certificate_key()
    _triggers("chain_links", create=True)

    from talentdesk.store import chain

    batch: list[dict] = []
    table = sa.table("chain_links", sa.column("kind"), sa.column("record_id"), sa.column("content_hash"),
                     sa.column("link_hash"))
    for link in chain.genesis_rows(conn):
        batch.append(link)
        if len(batch) >= 20_000:
            conn.execute(sa.insert(table), batch)
            batch.clear()
    if batch:
        conn.execute(sa.insert(table), batch)


def downgrade() -> None:
    _triggers("chain_links", create=False)
    op.drop_index("ix_approval_requests_status", table_name="approval_requests")
    op.drop_table("approval_requests")
    with op.batch_alter_table("certificates", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_certificates_key_id_office_keys"), type_="foreignkey")
        batch_op.drop_column("key_id")
        batch_op.drop_column("signature")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_users_created_by_id_users"), type_="foreignkey")
        batch_op.drop_column("created_by_id")
    op.drop_index("ix_chain_links_record", table_name="chain_links")
    op.drop_table("chain_links")
    op.drop_table("office_keys")
