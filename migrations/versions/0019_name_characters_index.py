"""PostgreSQL: an index of each talent name's characters, for the searches the trigram index cannot serve

A Chinese given name is one or two characters (伟, 志强) and many whole names two (王伟); PostgreSQL's trigram index
(trgm_1) serves a "contains" search from three characters only, so these read every name: at 100,000 talents they
were the slowest searches of the benchmark on PostgreSQL (over the 50 ms p95 bar). This GIN index of the array of a
name's characters (`string_to_array(name, NULL)`) finds the names that hold every character of the text; the
search then keeps those that contain the text itself (services/talents/registry.py `_name_contains`). SQLite has its
own (a scan of the covering name index, fast there); nothing to do.

Revision ID: chars_1
Revises: attach_1
"""
from __future__ import annotations

from talentdesk.store.schema_kit import postgresql_index

revision = "chars_1"
down_revision = "attach_1"

upgrade, downgrade = postgresql_index("ix_chars_talents_name", "ON talents USING gin (string_to_array(name, NULL))")
