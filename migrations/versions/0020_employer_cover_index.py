"""PostgreSQL: the talents of an employer read from the index alone

A search whose text is part of employers' names (飞 in 飞达电子, 4 characters of 信息网络有限公司) lists the talents of
every such employer. PostgreSQL's index of talents by employer holds (employer_id, status) and the row's place, not
its id, so it read the talents table itself — and for a few dozen employers preferred reading all of it: 80-100 ms
at 100,000 talents, the slowest searches of the benchmark on PostgreSQL. With the id in the index (INCLUDE) the
search reads each employer's ids from the index alone (under 5 ms there). SQLite's index carries the rowid, which is
the id: nothing to do there.

Revision ID: cover_1
Revises: chars_1
"""
from __future__ import annotations

from talentdesk.store.schema_kit import postgresql_index

revision = "cover_1"
down_revision = "chars_1"

upgrade, downgrade = postgresql_index("ix_cover_talents_employer", "ON talents (employer_id) INCLUDE (id)")
