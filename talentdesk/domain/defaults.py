"""The office-wide settings' defaults, in one place (services/common/settings.py stores and checks the values).

Kept free of SQLAlchemy so that the window's first rows, read before the services load (services/early.py), use
the same defaults as the services."""
from __future__ import annotations

from typing import Any

DEFAULTS: dict[str, Any] = {
    "office_name": "某某县人才工作办公室",
    "certificate_font": "",              # '' = first CJK font found
    "checkin_cadence_days": 30,
    "commitment_notice_days": 183,       # the overview and the watch list warn this long before a commitment ends
    "risk_threshold": 40,                # the watch list lists a talent from this score on
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
