"""Naming a policy, an employer or a talent the way a clerk does: by name, 文号, ID number or number."""
from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from talentdesk.domain.errors import NotFound, ValidationError
from talentdesk.domain.models import Employer, SubsidyPolicy, Talent
from talentdesk.domain.values import normalise_id_number
from talentdesk.i18n import translate


def find_policy(session: Session, text: str | int) -> SubsidyPolicy:
    from talentdesk.services.ledger.eligibility import find_policy as by_name_or_doc

    return by_name_or_doc(session, text)


def find_employer(session: Session, text: str | int) -> Employer:
    """An employer named by id, exact name, 统一社会信用代码, or a unique part of its name."""
    raw = str(text).strip()
    if not raw:
        raise ValidationError(translate("PaymentLookup", "Name the employer."), field="employer")
    if raw.isascii() and raw.isdigit() and len(raw) < 10 and (e := session.get(Employer, int(raw))) is not None:
        return e
    exact = list(session.scalars(select(Employer).where(or_(Employer.name == raw, Employer.uscc == raw.upper()))))
    if len(exact) == 1:
        return exact[0]
    like = list(session.scalars(select(Employer).where(Employer.name.contains(raw)).limit(9)))
    if len(like) == 1:
        return like[0]
    if not like:
        raise NotFound(translate("PaymentLookup", "No employer is called {name}.").format(name=raw))
    raise ValidationError(translate("PaymentLookup", "{name} names several employers: {names}. Give its number.").format(
        name=raw, names="、".join(f"{e.id} {e.name}" for e in like[:8])), field="employer")


def find_talent(session: Session, text: str | int) -> Talent:
    """A talent named by number, ID number, or a name only one talent has."""
    raw = str(text).strip()
    if not raw:
        raise ValidationError(translate("PaymentLookup", "Name the talent."), field="talent")
    if raw.isascii() and raw.isdigit() and len(raw) < 15 and (t := session.get(Talent, int(raw))) is not None:
        return t
    idn = normalise_id_number(raw)
    if len(idn) in (15, 18) and (t := session.scalar(select(Talent).where(Talent.id_number == idn))) is not None:
        return t
    named = list(session.scalars(select(Talent).where(Talent.name == raw).limit(9)))
    if len(named) == 1:
        return named[0]
    if not named:
        raise NotFound(translate("PaymentLookup", "No talent is called or numbered {name}.").format(name=raw))
    raise ValidationError(translate("PaymentLookup", "Several talents are called {name} ({ids}); give the number or "
                                                     "the ID number.").format(
        name=raw, ids="、".join(str(t.id) for t in named[:8])), field="talent")
