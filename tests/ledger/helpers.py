"""Small builders for ledger tests: talents written with the ORM, policies through the policy service."""
from __future__ import annotations

import datetime as dt
import itertools

from stdnum.cn import ric

from talentdesk.domain.models import Talent
from talentdesk.domain.values import add_months
from talentdesk.services.ledger.policies import AmountRule, PolicyInput, save_policy

_seq = itertools.count(1)


def id_number(n: int, birth: dt.date = dt.date(1990, 5, 17)) -> str:
    body = f"330102{birth:%Y%m%d}{n % 100:02d}{(n // 100) % 10}"
    return body + ric.calc_check_digit(body + "0")


def add_talent(session, *, name: str = "张三", tier: str = "C", education: str = "master",
               arrival: dt.date = dt.date(2022, 1, 10), service_years: int = 5, waiver: str = "") -> int:
    n = next(_seq)
    t = Talent(name=name, name_pinyin="zhangsan", name_initials="zs", gender="M", id_number=id_number(n),
               birth_date=dt.date(1990, 5, 17), education=education, tier_code=tier, arrival_date=arrival,
               service_years=service_years, service_end_date=add_months(arrival, service_years * 12),
               status="active", clawback_waiver_reason=waiver)
    session.add(t)
    session.flush()
    return t.id


def depart(session, talent_id: int, on: dt.date) -> None:
    t = session.get(Talent, talent_id)
    t.status = "departed"
    t.departure_date = on
    session.flush()


def add_people(session, people: dict[str, tuple[dt.date, dt.date | None]]) -> dict[str, int]:
    """Talents by name, each (arrival, departure or None), added in that order; their ids by name."""
    ids = {}
    for name, (arrival, left) in people.items():
        ids[name] = add_talent(session, name=name, arrival=arrival)
        if left is not None:
            depart(session, ids[name], left)
    return ids


def id_numbers(session, ids: dict[str, int]) -> dict[str, str]:
    """The ID number of each talent in ids (name → id), by name."""
    return {name: session.get(Talent, t).id_number for name, t in ids.items()}


def add_policy(session, *, name: str = "安家补贴", kind: str = "settling", amount_fen: int = 3_000_000,
               mode: str = "yearly", count: int = 3, rule: str = "pro_rata", excludes: tuple[int, ...] = (),
               tiers: tuple[str, ...] = (), educations: tuple[str, ...] = (),
               amounts: tuple[AmountRule, ...] | None = None) -> int:
    data = PolicyInput(
        name=name, kind=kind, valid_from=dt.date(2015, 1, 1), doc_number="县委人才办〔2020〕1号",
        instalment_mode=mode, instalment_count=count, clawback_rule=rule, eligible_tiers=tiers,
        eligible_educations=educations, amounts=amounts or (AmountRule(None, None, amount_fen),), excludes=excludes,
    )
    return save_policy(session, data=data).id


def make_actor(role, user_id: int = 1, username: str | None = None):
    from talentdesk.services.base import Actor

    return Actor(username=username or role.value, role=role, user_id=user_id)
