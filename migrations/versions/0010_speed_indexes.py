"""indexes for the overview's first rows at a million talents: open care cases by date, departures by date

Revision ID: speed_1
Revises: loop_1
"""
from __future__ import annotations

from talentdesk.store.schema_kit import Index, added_indexes

revision = "speed_1"
down_revision = "loop_1"

upgrade, downgrade = added_indexes(("care_cases", Index("ix_care_cases_status_opened", "status opened_on")),
                                   ("talents", Index("ix_talents_status_departure", "status departure_date")))
