"""A small county for the payment loop: two employers, a yearly 安家补贴 asking for 在岗核验 every year, a lump-sum
生活补贴 asking for none, six talents, two accounts (a clerk and an approver)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook
from stdnum import luhn

from talentdesk.domain.enums import Role
from talentdesk.domain.models import Employer, Talent, User
from talentdesk.services.base import Actor
from talentdesk.services.ledger import grants
from talentdesk.services.payments import accounts, verification
from tests.ledger.helpers import add_policy, add_talent, make_actor

D = dt.date
START = D(2026, 1, 5)

# valid UnionPay card numbers (Luhn), as a clerk copies them from the card
CARDS = ["6222021234567890128", "6217000000000000012", "6230591122334455668", "6228480011223344554",
         "6222 0212 3456 7890 128"]


@dataclass
class County:
    clerk: Actor
    approver: Actor
    admin: Actor
    talents: dict[str, int]
    settle: int      # policy ids
    living: int
    hospital: int    # employer ids
    school: int


def build(database, *, with_accounts: bool = True) -> County:
    """`with_accounts=False`: a single-user database (no four eyes), as the command line tests use."""
    with database.session(Actor.local()) as s:
        if with_accounts:
            for uid, name, role in ((1, "clerk", "clerk"), (2, "boss", "approver"), (3, "root", "admin")):
                s.add(User(id=uid, username=name, role=role, password_hash="x"))
            s.flush()
        hospital = Employer(name="县人民医院", kind="医院")
        school = Employer(name="县第一中学", kind="学校")
        s.add_all([hospital, school])
        s.flush()
        settle = add_policy(s, name="高层次人才安家补贴", amount_fen=3_000_000, mode="yearly", count=3)
        living = add_policy(s, name="青年人才生活补贴", kind="living", amount_fen=600_000, mode="lump_sum", count=1)
        verification.set_rule(s, policy_id=settle, rule="yearly")
        talents = {}
        for name, employer in (("王芳", hospital), ("李强", hospital), ("张伟", school), ("刘洋", school),
                               ("陈静", school), ("赵磊", hospital)):
            tid = add_talent(s, name=name, arrival=D(2025, 12, 1))
            s.get(Talent, tid).employer_id = employer.id
            talents[name] = tid
        s.flush()
        for name, tid in talents.items():
            grants.grant_policy(s, talent_id=tid, policy_id=settle, start_date=START, as_of=START)
        for name in ("王芳", "李强"):
            grants.grant_policy(s, talent_id=talents[name], policy_id=living, start_date=START, as_of=START)
        for (name, tid), card in zip(talents.items(), CARDS):
            if name == "陈静":
                continue  # no bank account yet: left out of a batch, with the reason
            accounts.set_account(s, talent_id=tid, kind="card", account_no=card, bank_name="县农商银行营业部",
                                 holder_name=name)
        social = "621483001122334455"
        accounts.set_account(s, talent_id=talents["赵磊"], kind="social", account_no=social + luhn.calc_check_digit(social),
                             bank_name="县农商银行（社保卡）", holder_name="赵磊")
    if not with_accounts:
        return County(Actor.local(), Actor.local(), Actor.local(), talents, settle, living, hospital.id, school.id)
    return County(make_actor(Role.CLERK, 1, "clerk"), make_actor(Role.APPROVER, 2, "boss"),
                  make_actor(Role.ADMIN, 3, "root"), talents, settle, living, hospital.id, school.id)


def return_file(sent: Path, out: Path, results: dict[int, tuple[str, str]]) -> Path:
    """The generic layout's return file: the sent file with 结果 and 失败原因 added (success unless told)."""
    wb = load_workbook(sent)
    ws = wb.active
    head = next(r for r in ws.iter_rows() if r[0].value == "序号")
    n = len([c for c in head if c.value is not None])
    ws.cell(row=head[0].row, column=n + 1, value="结果")
    ws.cell(row=head[0].row, column=n + 2, value="失败原因")
    for row in ws.iter_rows(min_row=head[0].row + 1):
        line = row[0].value
        if not isinstance(line, int):
            continue
        result, reason = results.get(line, ("成功", ""))
        ws.cell(row=row[0].row, column=n + 1, value=result)
        ws.cell(row=row[0].row, column=n + 2, value=reason)
    wb.save(out)
    return out
