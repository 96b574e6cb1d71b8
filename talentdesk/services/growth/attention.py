"""What the overview (首页) lists, its categories and labels, and the query of its first category — without
SQLAlchemy, so that the window can show the overview's first rows before the services load (services/early.py).

The service (services/growth/overview.py) runs the same `SERVICE_END_SQL` through its session; the early read runs
it through a read-only sqlite3 connection. A test holds the two results equal on the demo data."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from talentdesk.domain.defaults import DEFAULTS
from talentdesk.domain.enums import TalentStatus
from talentdesk.i18n import translate


@dataclass(frozen=True, slots=True)
class AttentionItem:
    category: str          # 'due', 'checkin', 'care', 'service_end', 'departure', 'entitlement'
    talent_id: int
    talent_name: str
    detail: str
    date: dt.date | None
    record_table: str
    record_id: int


CATEGORIES = ("due", "checkin", "care", "service_end", "departure", "entitlement")
PER_CATEGORY = 500  # items shown per category; the overview says "500+" when there are more

# the order in which the overview tab asks for the categories: the ones read through an index (whatever the number
# of talents) first, so the first rows are on screen at once and the slower ones follow
LOAD_ORDER = ("service_end", "departure", "care", "checkin", "due", "entitlement")


def entitlement_label() -> str:
    return translate("Eligibility", "Qualifies for a subsidy not yet granted")


def category_label(category: str) -> str:
    return {
        "due": translate("Overview", "Instalment due or overdue"),
        "checkin": translate("Overview", "Check-in overdue"),
        "care": translate("Overview", "Open care case"),
        "service_end": translate("Overview", "Service commitment ending"),
        "departure": translate("Overview", "Departed this year"),
        "entitlement": entitlement_label(),
    }[category]


NOTICE_KEY = "commitment_notice_days"


def notice_days_from(stored: Any) -> int:
    """How long before a service commitment ends it is a signal, from the setting's stored value (or its default)."""
    try:
        return max(1, int(stored))
    except (TypeError, ValueError):
        return int(DEFAULTS[NOTICE_KEY])


# active talents whose service commitment ends within the notice period, soonest first (ix_talents_status_service_end)
SERVICE_END_SQL = ("SELECT id, name, service_end_date FROM talents "
                   "WHERE status = :active AND service_end_date >= :start AND service_end_date <= :until "
                   "ORDER BY service_end_date, id LIMIT :n")


def service_end_params(today: dt.date, notice_days: int, per_category: int, *, as_text: bool = False) -> dict:
    """The parameters of SERVICE_END_SQL; `as_text` gives the dates as stored in a SQLite file (ISO text) for a
    plain sqlite3 connection, which has no column types to convert them."""
    start, until = today, today + dt.timedelta(days=notice_days)
    if as_text:
        start, until = start.isoformat(), until.isoformat()
    return {"active": TalentStatus.ACTIVE.value, "start": start, "until": until, "n": per_category}


def service_end_items(rows) -> list[AttentionItem]:
    """(id, name, service_end_date) rows of SERVICE_END_SQL as overview items."""
    return [AttentionItem("service_end", tid, name, "", end if isinstance(end, dt.date) or end is None
                          else dt.date.fromisoformat(end), "talents", tid) for tid, name, end in rows]


def read_service_end(conn, today: dt.date, per_category: int = PER_CATEGORY) -> list[AttentionItem]:
    """The first category through a plain DB-API connection to a SQLite file (the early read): the notice setting
    as the services read it, then SERVICE_END_SQL."""
    own = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'county_settings'").fetchone()
    if own:  # the office's own value (its file has one county), else a city-wide one
        row = conn.execute("SELECT value FROM (SELECT 0 AS o, value FROM county_settings WHERE key = ? UNION ALL "
                           "SELECT 1, value FROM settings WHERE key = ?) ORDER BY o LIMIT 1",
                           (NOTICE_KEY, NOTICE_KEY)).fetchone()
    else:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (NOTICE_KEY,)).fetchone()
    notice = notice_days_from(json.loads(row[0]) if row is not None else DEFAULTS[NOTICE_KEY])
    return service_end_items(conn.execute(SERVICE_END_SQL,
                                          service_end_params(today, notice, per_category, as_text=True)).fetchall())
