"""Hand-made talents for the growth tests: every figure in the tests can be worked out on paper."""
from __future__ import annotations

import datetime as dt
import itertools

from talentdesk.domain.models import Employer, Talent, Tier
from talentdesk.domain.values import add_months

_ids = itertools.count(1)


def base(session):
    """Two tiers and two employers."""
    if session.get(Tier, "A") is None:
        session.add_all([Tier(code="A", name="领军人才", name_en="Leading", sort_order=1),
                         Tier(code="B", name="青年人才", name_en="Young", sort_order=2)])
    e1, e2 = Employer(name="县人民医院"), Employer(name="县第一中学")
    session.add_all([e1, e2])
    session.flush()
    return e1.id, e2.id


def talent(session, *, arrival: dt.date, tier="A", employer_id=None, left: dt.date | None = None,
           service_years: int = 5, name: str | None = None, title: str = "") -> int:
    n = next(_ids)
    t = Talent(name=name or f"人才{n}", gender="M", tier_code=tier, employer_id=employer_id, arrival_date=arrival,
               service_years=service_years, service_end_date=add_months(arrival, 12 * service_years),
               status="departed" if left else "active", departure_date=left, professional_title=title)
    session.add(t)
    session.flush()
    return t.id
