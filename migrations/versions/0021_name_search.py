"""talents: a full-text index of the characters of each name (SQLite), so a name search ("张伟", "伟") reads the
index instead of every name — at 1,000,000 talents the scan of the name index was the slowest search (issue 18).

Each name is indexed as its characters, one token each ("张 伟 明"), so a phrase of the searched characters finds
every name that contains them in a row, whatever their length (the trigram index needs three). The search then keeps
only names that contain the text exactly (services/talents/registry.py), so results are those of a plain scan.

Revision ID: namefts_1
Revises: cover_1
"""
from __future__ import annotations

from talentdesk.store.schema_kit import sqlite_full_text

revision = "namefts_1"
down_revision = "cover_1"

NAME_CHARS = 40  # names are at most 40 characters (domain/talent_fields.py)


def spaced(column: str) -> str:
    """SQL: the first NAME_CHARS characters of `column`, separated by spaces (past its end, empty strings)."""
    return "||' '||".join(f"substr({column}, {k}, 1)" for k in range(1, NAME_CHARS + 1))


# contentless: the index keeps only the tokens; the names stay in `talents`, triggers keep it in step
STATEMENTS = [
    "CREATE VIRTUAL TABLE talents_fts_names USING fts5(chars, content='', "
    "tokenize='unicode61 remove_diacritics 0')",
    f"INSERT INTO talents_fts_names(rowid, chars) SELECT id, {spaced('name')} FROM talents",
    "CREATE TRIGGER talents_fts_names_ai AFTER INSERT ON talents BEGIN "
    f"INSERT INTO talents_fts_names(rowid, chars) VALUES (new.id, {spaced('new.name')}); END",
    "CREATE TRIGGER talents_fts_names_ad AFTER DELETE ON talents BEGIN "
    f"INSERT INTO talents_fts_names(talents_fts_names, rowid, chars) VALUES ('delete', old.id, {spaced('old.name')}); "
    "END",
    "CREATE TRIGGER talents_fts_names_au AFTER UPDATE OF name ON talents BEGIN "
    f"INSERT INTO talents_fts_names(talents_fts_names, rowid, chars) VALUES ('delete', old.id, {spaced('old.name')}); "
    f"INSERT INTO talents_fts_names(rowid, chars) VALUES (new.id, {spaced('new.name')}); END",
]

upgrade, downgrade = sqlite_full_text("talents_fts_names", STATEMENTS)  # PostgreSQL has its trigram indexes (trgm_1)
