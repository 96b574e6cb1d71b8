"""talents: a trigram full-text index over ID and phone numbers (SQLite), so "any part of the number" searches
read an index instead of every row

Revision ID: fts_1
Revises: lists_1
"""
from __future__ import annotations

from alembic import op

from talentdesk.store.schema_kit import sqlite_full_text

revision = "fts_1"
down_revision = "lists_1"

# external content: the index stores only trigrams; the numbers stay in `talents`, and triggers keep it in step
STATEMENTS = [
    "CREATE VIRTUAL TABLE talents_fts USING fts5(id_number, phone, content='talents', content_rowid='id', "
    "tokenize='trigram')",
    "INSERT INTO talents_fts(talents_fts) VALUES ('rebuild')",
    "CREATE TRIGGER talents_fts_ai AFTER INSERT ON talents BEGIN "
    "INSERT INTO talents_fts(rowid, id_number, phone) VALUES (new.id, new.id_number, new.phone); END",
    "CREATE TRIGGER talents_fts_ad AFTER DELETE ON talents BEGIN "
    "INSERT INTO talents_fts(talents_fts, rowid, id_number, phone) VALUES ('delete', old.id, old.id_number, old.phone); "
    "END",
    "CREATE TRIGGER talents_fts_au AFTER UPDATE OF id_number, phone ON talents BEGIN "
    "INSERT INTO talents_fts(talents_fts, rowid, id_number, phone) VALUES ('delete', old.id, old.id_number, old.phone); "
    "INSERT INTO talents_fts(rowid, id_number, phone) VALUES (new.id, new.id_number, new.phone); END",
]


def _trigram_available() -> bool:
    """On SQLite (PostgreSQL searches with its own operators): the trigram tokenizer arrived in SQLite 3.34."""
    major, minor, *_ = (int(x) for x in op.get_bind().exec_driver_sql("SELECT sqlite_version()").scalar().split("."))
    return (major, minor) >= (3, 34)


upgrade, downgrade = sqlite_full_text("talents_fts", STATEMENTS, available=_trigram_available)
