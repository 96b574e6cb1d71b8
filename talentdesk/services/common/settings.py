"""Office-wide settings stored in the database (JSON values), with defaults in one place."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentdesk.domain.defaults import DEFAULTS  # the table itself lives there (read before the services load)
from talentdesk.domain.errors import ValidationError
from talentdesk.domain.models import County, CountySetting, Setting
from talentdesk.i18n import Labels, QT_TRANSLATE_NOOP, translate
from talentdesk.services.base import SECRET_SETTINGS, Change, Permission, operation


def _own_county(session: Session) -> int | None:
    """The county whose own values this unit of work reads and writes: its account's county, else the database's
    own (a county office's file has one); None for a city account (or several counties and no county account)."""
    from talentdesk.services.base import session_county

    return session_county(session)


def _county_row(session: Session, county: int, key: str) -> CountySetting | None:
    return session.scalar(select(CountySetting).where(CountySetting.county_id == county, CountySetting.key == key))


def get_setting(session: Session, key: str) -> Any:
    """The value in force for this unit of work: its county's own, else the city-wide value, else the default."""
    county = _own_county(session)
    row = _county_row(session, county, key) if county is not None else None
    if row is None:
        row = session.get(Setting, key)
    if row is None:
        return DEFAULTS.get(key)
    return json.loads(row.value)


@operation(None)
def read_setting(session: Session, *, key: str) -> Any:
    """One setting's value (or its default), for the window."""
    return get_setting(session, key)


def all_settings(session: Session) -> dict[str, Any]:
    """Every value in force: the defaults, over them the city-wide values, over those the county's own."""
    out = dict(DEFAULTS)
    for row in session.scalars(select(Setting)):
        if row.key not in SECRET_SETTINGS:
            out[row.key] = json.loads(row.value)
    county = _own_county(session)
    if county is not None:
        for row in session.scalars(select(CountySetting).where(CountySetting.county_id == county)):
            if row.key not in SECRET_SETTINGS:
                out[row.key] = json.loads(row.value)
    return out


@operation(Permission.SETTINGS_MANAGE, writes=True, changes=(Change.SETTINGS,))
def set_setting(session: Session, *, key: str, value: Any) -> None:
    """Store a value: a county's account (and the program on a county's own file) stores its county's own value;
    a city account the city-wide value every county without its own uses. A county never writes the city's."""
    text = json.dumps(value, ensure_ascii=False)
    county = _own_county(session)
    row = _county_row(session, county, key) if county is not None else session.get(Setting, key)
    if row is None:
        session.add(CountySetting(county_id=county, key=key, value=text) if county is not None
                    else Setting(key=key, value=text))
    elif row.value != text:
        row.value = text
    session.flush()


@dataclass(frozen=True, slots=True)
class SettingsScope:
    """Whose settings the window edits: a county's own (`county_code`, `county_name`) or the city-wide defaults
    (`city`). `shared`: the database holds several counties (a county office's own file does not say anything)."""

    city: bool
    county_code: str = ""
    county_name: str = ""
    shared: bool = False


@operation(None)
def settings_scope(session: Session) -> SettingsScope:
    county = _own_county(session)
    shared = (session.scalar(select(func.count()).select_from(County)) or 0) > 1
    if county is None:
        return SettingsScope(True, shared=shared)
    row = session.get(County, county)
    return SettingsScope(False, row.code if row else "", row.name if row else "", shared)


# ---------------------------------------------------------------- the settings dialog's rules

@dataclass(frozen=True, slots=True)
class SettingSpec:
    """What one setting accepts: 'text', 'int', 'float', 'bool', 'weights', 'font' (a font file or ''), 'folder'."""

    key: str
    kind: str
    minimum: float = 0
    maximum: float = 0


SPECS: tuple[SettingSpec, ...] = (
    SettingSpec("office_name", "text", 1, 60),
    SettingSpec("promotion_min_years_in_post", "float", 0, 30),
    SettingSpec("promotion_min_training_hours", "float", 0, 2000),
    SettingSpec("promotion_min_good_appraisals", "int", 0, 10),
    SettingSpec("promotion_require_title", "bool"),
    SettingSpec("risk_weights", "weights", 0, 100),
    SettingSpec("risk_threshold", "int", 1, 900),
    SettingSpec("certificate_font", "font"),
    SettingSpec("backup_second_folder", "folder"),
    SettingSpec("checkin_cadence_days", "int", 7, 366),
    SettingSpec("commitment_notice_days", "int", 30, 730),
    SettingSpec("idle_lock_minutes", "int", 0, 240),
)
SPEC_BY_KEY = {s.key: s for s in SPECS}


# The setting's name in the user's language (the settings dialog and the audit view show it).
setting_label = Labels("Settings", {
    "office_name": QT_TRANSLATE_NOOP("Settings", "Office name"),
    "promotion_min_years_in_post": QT_TRANSLATE_NOOP("Settings", "Promotion: minimum years in post"),
    "promotion_min_training_hours": QT_TRANSLATE_NOOP("Settings", "Promotion: minimum training hours"),
    "promotion_min_good_appraisals": QT_TRANSLATE_NOOP("Settings", "Promotion: latest appraisals that must be good"),
    "promotion_require_title": QT_TRANSLATE_NOOP("Settings", "Promotion: a professional title is required"),
    "risk_weights": QT_TRANSLATE_NOOP("Settings", "Watch list: points per signal"),
    "risk_threshold": QT_TRANSLATE_NOOP("Settings", "Watch list: score from which a talent is listed"),
    "certificate_font": QT_TRANSLATE_NOOP("Settings", "Certificate font"),
    "backup_second_folder": QT_TRANSLATE_NOOP("Settings", "Second backup folder"),
    "checkin_cadence_days": QT_TRANSLATE_NOOP("Settings", "Mentor check-in every (days)"),
    "commitment_notice_days": QT_TRANSLATE_NOOP("Settings", "Warn before a service commitment ends (days)"),
    "idle_lock_minutes": QT_TRANSLATE_NOOP("Settings", "Lock after idle minutes (0 = never)"),
    "certificate_key": QT_TRANSLATE_NOOP("Settings", "Certificate key"),
})


def _number(spec: SettingSpec, raw: Any, *, integer: bool) -> int | float:
    try:
        value = int(raw) if integer and not isinstance(raw, float) else float(raw)
        if integer and isinstance(raw, float):
            if raw != int(raw):
                raise ValueError
            value = int(raw)
    except (TypeError, ValueError):
        raise ValidationError(translate("Settings", "{name}: enter a whole number.").format(
            name=setting_label(spec.key)) if integer else translate("Settings", "{name}: enter a number.").format(
            name=setting_label(spec.key)), field=spec.key) from None
    if isinstance(raw, bool) or not (spec.minimum <= value <= spec.maximum):
        raise ValidationError(translate("Settings", "{name}: enter a value from {low} to {high}.").format(
            name=setting_label(spec.key), low=f"{spec.minimum:g}", high=f"{spec.maximum:g}"), field=spec.key)
    return value


def clean_setting(key: str, raw: Any) -> Any:
    """The value as stored, or ValidationError (in the user's language) naming the setting."""
    spec = SPEC_BY_KEY.get(key)
    if spec is None:
        raise ValidationError(translate("Settings", "There is no setting called “{key}”.").format(key=key), field=key)
    if spec.kind == "text":
        text = " ".join(str(raw or "").split())
        if not (spec.minimum <= len(text) <= spec.maximum):
            raise ValidationError(translate("Settings", "{name}: enter 1 to {high} characters.").format(
                name=setting_label(key), high=int(spec.maximum)), field=key)
        return text
    if spec.kind == "int":
        return int(_number(spec, raw, integer=True))
    if spec.kind == "float":
        return float(_number(spec, raw, integer=False))
    if spec.kind == "bool":
        if not isinstance(raw, bool):
            raise ValidationError(translate("Settings", "{name}: choose yes or no.").format(name=setting_label(key)),
                                  field=key)
        return raw
    if spec.kind == "weights":
        if not isinstance(raw, dict):
            raise ValidationError(translate("Settings", "{name}: give points for each signal.").format(
                name=setting_label(key)), field=key)
        known = DEFAULTS["risk_weights"]
        out = {}
        for code, value in raw.items():
            if code not in known:
                raise ValidationError(translate("Settings", "There is no watch-list signal “{code}”.").format(
                    code=code), field=key)
            out[code] = int(_number(spec, value, integer=True))
        return out
    if spec.kind == "font":
        text = str(raw or "").strip()
        if text:
            p = Path(text)
            if not p.is_file() or p.suffix.lower() not in (".ttf", ".ttc", ".otf"):
                raise ValidationError(translate(
                    "Settings", "{name}: choose a font file (.ttf, .ttc or .otf) that exists, or leave it empty "
                                "to use the first Chinese font found.").format(name=setting_label(key)), field=key)
        return text
    if spec.kind == "folder":
        text = str(raw or "").strip()
        if text and not Path(text).is_dir():
            raise ValidationError(translate(
                "Settings", "{name}: the folder {path} does not exist (or leave it empty).").format(
                name=setting_label(key), path=text), field=key)
        return text
    raise AssertionError(spec.kind)  # pragma: no cover - every kind is handled above


@operation(None)
def office_settings(session: Session) -> dict[str, Any]:
    """Every setting the dialog edits, with the value in force (stored or default)."""
    values = all_settings(session)
    out = {s.key: values.get(s.key, DEFAULTS.get(s.key)) for s in SPECS}
    weights = dict(DEFAULTS["risk_weights"])
    weights.update({k: v for k, v in (out.get("risk_weights") or {}).items() if k in weights})
    out["risk_weights"] = weights
    return out


@operation(Permission.SETTINGS_MANAGE, writes=True, changes=(Change.SETTINGS,))
def save_settings(session: Session, *, values: dict[str, Any]) -> dict[str, Any]:
    """Check every value first (nothing is written when one is wrong), then store the ones that changed. Each
    change is an audited update of its settings row. Returns the settings in force."""
    cleaned = {key: clean_setting(key, raw) for key, raw in values.items()}
    for key, value in cleaned.items():
        if get_setting(session, key) != value:
            set_setting(session, key=key, value=value)
    session.flush()
    return office_settings(session)
