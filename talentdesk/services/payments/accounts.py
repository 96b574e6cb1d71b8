"""Bank accounts: where a talent's money goes. A bank card or a social-security card's bank account (一卡通/社保卡)
is checked with the Luhn digit its number carries; a passbook or other account is checked for digits and length.
Roles that may not see personal numbers get the number masked. One current account per talent; a replaced one stays
for history (and the batches that used it keep their own copy)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session
from stdnum import luhn

from talentdesk.domain import enums as E
from talentdesk.domain.errors import NotFound, ValidationError
from talentdesk.domain.models import BankAccount, Talent
from talentdesk.domain.values import excel_number_message, to_halfwidth
from talentdesk.i18n import translate
from talentdesk.services.base import Change, Permission, actor_of, operation

_EXCEL = re.compile(r"^\d(\.\d+)?E\+?\d+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class AccountRow:
    id: int
    talent_id: int
    talent_name: str
    kind: str
    account_no: str        # masked for roles without talent.sensitive
    bank_name: str
    holder_name: str
    active: bool
    masked: bool


def mask_account(number: str) -> str:
    """6222 **** **** 1234: the first 4 and the last 4 digits stay visible."""
    if not number:
        return ""
    if len(number) <= 8:
        return "*" * len(number)
    return number[:4] + " " + "*" * 4 + " " + number[-4:]


def normalise_account(raw: str, kind: str) -> str:
    """The account number as stored (digits only), or ValidationError saying what is wrong with it."""
    text = to_halfwidth(str(raw or "")).strip()
    if _EXCEL.match(text):
        raise ValidationError(excel_number_message(translate("BankAccounts", "account number")), field="account_no")
    digits = re.sub(r"[\s\-]", "", text)
    if not digits:
        raise ValidationError(translate("BankAccounts", "The account or card number is missing."), field="account_no")
    if not digits.isdigit():
        raise ValidationError(translate("BankAccounts", "An account or card number has digits only: {value}").format(
            value=text[:40]), field="account_no")
    if kind in (E.AccountKind.CARD.value, E.AccountKind.SOCIAL_CARD.value):
        if not 16 <= len(digits) <= 19:
            raise ValidationError(translate(
                "BankAccounts", "A bank card number has 16 to 19 digits; this one has {n}.").format(n=len(digits)),
                field="account_no")
        if not luhn.is_valid(digits):
            raise ValidationError(translate(
                "BankAccounts", "The card number {value} is mistyped: its last digit does not match the others "
                                "(Luhn check). Compare it with the card.").format(value=digits), field="account_no")
    elif not 8 <= len(digits) <= 32:
        raise ValidationError(translate("BankAccounts", "An account number has 8 to 32 digits; this one has {n}.").format(
            n=len(digits)), field="account_no")
    return digits


def _clean_name(raw: str, what: str, limit: int) -> str:
    text = re.sub(r"\s+", " ", str(raw or "")).strip()
    if not text:
        raise ValidationError(translate("BankAccounts", "The {what} is missing.").format(what=what), field=what)
    if len(text) > limit:
        raise ValidationError(translate("BankAccounts", "At most {n} characters.").format(n=limit), field=what)
    if text[0] in "=+-@":
        raise ValidationError(translate("BankAccounts", "The {what} cannot begin with {char}.").format(
            what=what, char=text[0]), field=what)
    return text


def current_account(session: Session, talent_id: int) -> BankAccount | None:
    return session.scalar(select(BankAccount).where(BankAccount.talent_id == talent_id, BankAccount.active.is_(True)))


def _row(session: Session, acc: BankAccount, name: str | None = None) -> AccountRow:
    sensitive = actor_of(session).can(Permission.TALENT_SENSITIVE)
    if name is None:
        name = session.scalar(select(Talent.name).where(Talent.id == acc.talent_id)) or ""
    return AccountRow(acc.id, acc.talent_id, name, acc.kind,
                      acc.account_no if sensitive else mask_account(acc.account_no), acc.bank_name, acc.holder_name,
                      acc.active, not sensitive)


def set_account_unchecked(session: Session, *, talent_id: int, kind: str, account_no: str, bank_name: str,
                          holder_name: str, note: str = "") -> BankAccount:
    """Validate and make this the talent's current account (the caller's operation checked the permission)."""
    talent = session.get(Talent, talent_id)
    if talent is None:
        raise NotFound(translate("BankAccounts", "Talent {id} does not exist.").format(id=talent_id))
    if kind not in E.values(E.AccountKind):
        raise ValidationError(translate("BankAccounts", "Choose the kind of account (bank card, social security card "
                                                        "or other account)."), field="kind")
    number = normalise_account(account_no, kind)
    bank = _clean_name(bank_name, translate("BankAccounts", "bank"), 80)
    holder = _clean_name(holder_name or talent.name, translate("BankAccounts", "account holder"), 40)
    old = current_account(session, talent_id)
    if old is not None and (old.kind, old.account_no, old.bank_name, old.holder_name) == (kind, number, bank, holder):
        return old
    if old is not None:
        old.active = False
        session.flush()  # the one-current-account index sees the old one retired before the new one arrives
    acc = BankAccount(talent_id=talent_id, kind=kind, account_no=number, bank_name=bank, holder_name=holder,
                      active=True, note=(note or "").strip()[:200])
    session.add(acc)
    session.flush()
    return acc


@operation(Permission.LEDGER_RECORD, writes=True, changes=(Change.PAYMENTS, Change.TALENTS))
def set_account(session: Session, *, talent_id: int, kind: str, account_no: str, bank_name: str,
                holder_name: str = "", note: str = "") -> AccountRow:
    """Record the talent's account; the previous one is kept, no longer current."""
    return _row(session, set_account_unchecked(session, talent_id=talent_id, kind=kind, account_no=account_no,
                                               bank_name=bank_name, holder_name=holder_name, note=note))


@operation(Permission.LEDGER_READ)
def get_account(session: Session, *, talent_id: int) -> AccountRow | None:
    acc = current_account(session, talent_id)
    return _row(session, acc) if acc is not None else None


@operation(Permission.LEDGER_READ)
def account_history(session: Session, *, talent_id: int) -> list[AccountRow]:
    rows = session.scalars(select(BankAccount).where(BankAccount.talent_id == talent_id).order_by(BankAccount.id.desc()))
    return [_row(session, a) for a in rows]


@operation(Permission.LEDGER_RECORD, writes=True, changes=(Change.PAYMENTS, Change.TALENTS))
def set_account_for(session: Session, *, talent: str, kind: str, account_no: str, bank_name: str,
                    holder_name: str = "", note: str = "") -> AccountRow:
    """The same, for a talent named as a clerk names them (number, ID number, or a name only one talent has)."""
    from talentdesk.services.payments.lookup import find_talent

    t = find_talent(session, talent)
    return _row(session, set_account_unchecked(session, talent_id=t.id, kind=kind, account_no=account_no,
                                               bank_name=bank_name, holder_name=holder_name, note=note), t.name)
