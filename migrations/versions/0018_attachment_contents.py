"""attachment_contents: the bytes of attachments on a server database

On a SQLite file the attachments are files in the data folder beside it; a PostgreSQL database has no folder every
clerk's PC shares, so the bytes are stored in the database itself: one `bytea` row per attachment (not large
objects: a row is deleted with its attachment, copied by `move` and dumped by pg_dump like any other, and the
row-level security of a city's counties applies to it through its attachment; large objects have none of that).
The column is stored EXTERNAL: scans (PDF, JPEG, PNG) are compressed already, so PostgreSQL does not try again.

On PostgreSQL the table has row-level security: a content row is visible to a role only with its attachment (so a
county's role reads only its own county's scans once attachments are scoped). Not forced on the owner: pg_dump,
run by the owner with row security off, must read every row (it refuses a table whose policy would hide some).

Revision ID: attach_1
Revises: watchsig_1
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "attach_1"
down_revision = "watchsig_1"


def upgrade() -> None:
    op.create_table(
        "attachment_contents",
        sa.Column("attachment_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["attachment_id"], ["attachments.id"], ondelete="CASCADE",
                                name=op.f("fk_attachment_contents_attachment_id_attachments")),
        sa.PrimaryKeyConstraint("attachment_id", name=op.f("pk_attachment_contents")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE attachment_contents ALTER COLUMN content SET STORAGE EXTERNAL")
        op.execute("ALTER TABLE attachment_contents ENABLE ROW LEVEL SECURITY")
        op.execute("CREATE POLICY td_with_its_attachment ON attachment_contents USING "
                   "(EXISTS (SELECT 1 FROM attachments a WHERE a.id = attachment_id))")


def downgrade() -> None:
    op.drop_table("attachment_contents")
