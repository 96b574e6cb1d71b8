"""Office-wide settings stored in the database (JSON values), with defaults in one place."""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.domain.models import Setting
from talentdesk.services.base import Change, Permission, operation

DEFAULTS: dict[str, Any] = {
    "office_name": "某某县人才工作办公室",
    "certificate_font": "",              # '' = first CJK font found
    "checkin_cadence_days": 30,
    "idle_lock_minutes": 15,
    "backup_second_folder": "",
    "promotion_min_years_in_post": 3,
    "promotion_min_training_hours": 40,
    "promotion_min_good_appraisals": 2,   # the latest N appraisals all 优秀/合格
    "promotion_require_title": False,
    # watch list (流失风险): points per signal; a stored value overrides only the codes it names
    "risk_weights": {
        "instalment_overdue": 25,      # money: an instalment due and unpaid for more than 30 days
        "subsidies_ended": 10,         # money: no instalment left to come while the commitment still runs
        "no_mentor": 15,               # care: no current pairing
        "no_checkin": 15,              # care: no check-in for 90 days
        "open_case": 10,               # care: an open housing or family case
        "no_training": 10,             # career: no training this year
        "no_event": 10,                # career: nothing on the growth timeline for two years
        "weak_appraisal": 20,          # career: latest appraisal 基本合格 or 不合格
        "service_ending": 20,          # service commitment ends within six months
    },
}


def get_setting(session: Session, key: str) -> Any:
    row = session.get(Setting, key)
    if row is None:
        return DEFAULTS.get(key)
    return json.loads(row.value)


@operation(None)
def read_setting(session: Session, *, key: str) -> Any:
    """One setting's value (or its default), for the window."""
    return get_setting(session, key)


def all_settings(session: Session) -> dict[str, Any]:
    out = dict(DEFAULTS)
    for row in session.scalars(select(Setting)):
        if row.key == "certificate_key":
            continue
        out[row.key] = json.loads(row.value)
    return out


@operation(Permission.SETTINGS_MANAGE, writes=True, changes=(Change.SETTINGS,))
def set_setting(session: Session, *, key: str, value: Any) -> None:
    row = session.get(Setting, key)
    text = json.dumps(value, ensure_ascii=False)
    if row is None:
        session.add(Setting(key=key, value=text))
    elif row.value != text:
        row.value = text
    session.flush()
