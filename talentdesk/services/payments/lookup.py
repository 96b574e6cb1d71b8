"""Naming a policy, an employer or a talent the way a clerk does: by name, 文号, ID number or number."""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from talentdesk.domain.errors import NotFound, ValidationError
from talentdesk.domain.models import Employer, SubsidyPolicy, Talent
from talentdesk.domain.values import normalise_id_number
from talentdesk.i18n import translate

T = TypeVar("T")


def find_policy(session: Session, text: str | int) -> SubsidyPolicy:
    from talentdesk.services.ledger.eligibility import find_policy as by_name_or_doc

    return by_name_or_doc(session, text)


def _by_number(session: Session, model: type[T], text: str | int, *, digits: int, empty: str,
               field: str) -> tuple[str, T | None]:
    """The text as typed (stripped; refused with `empty` when blank) and the row it numbers, if it is a number of
    fewer than `digits` digits that some row has."""
    raw = str(text).strip()
    if not raw:
        raise ValidationError(empty, field=field)
    if raw.isascii() and raw.isdigit() and len(raw) < digits:
        return raw, session.get(model, int(raw))
    return raw, None


def _the_one(rows: list[T], none: Callable[[], Exception], several: Callable[[list[T]], Exception]) -> T:
    """The only row a name found; else the error for none, or for several (given the first rows found)."""
    if len(rows) == 1:
        return rows[0]
    raise several(rows[:8]) if rows else none()


def find_employer(session: Session, text: str | int) -> Employer:
    """An employer named by id, exact name, 统一社会信用代码, or a unique part of its name."""
    raw, e = _by_number(session, Employer, text, digits=10, field="employer",
                        empty=translate("PaymentLookup", "Name the employer."))
    if e is not None:
        return e
    exact = list(session.scalars(select(Employer).where(or_(Employer.name == raw, Employer.uscc == raw.upper()))))
    if len(exact) == 1:
        return exact[0]
    return _the_one(
        list(session.scalars(select(Employer).where(Employer.name.contains(raw)).limit(9))),
        lambda: NotFound(translate("PaymentLookup", "No employer is called {name}.").format(name=raw)),
        lambda like: ValidationError(translate("PaymentLookup", "{name} names several employers: {names}. Give its "
                                                                "number.").format(
            name=raw, names="、".join(f"{e.id} {e.name}" for e in like)), field="employer"))


def find_talent(session: Session, text: str | int) -> Talent:
    """A talent named by number, ID number, or a name only one talent has."""
    raw, t = _by_number(session, Talent, text, digits=15, field="talent",
                        empty=translate("PaymentLookup", "Name the talent."))
    if t is not None:
        return t
    idn = normalise_id_number(raw)
    if len(idn) in (15, 18) and (t := session.scalar(select(Talent).where(Talent.id_number == idn))) is not None:
        return t
    return _the_one(
        list(session.scalars(select(Talent).where(Talent.name == raw).limit(9))),
        lambda: NotFound(translate("PaymentLookup", "No talent is called or numbered {name}.").format(name=raw)),
        lambda named: ValidationError(translate("PaymentLookup", "Several talents are called {name} ({ids}); give the "
                                                                 "number or the ID number.").format(
            name=raw, ids="、".join(str(t.id) for t in named)), field="talent"))
