"""Writes a payment history the way an office keeps it: a title row above the header, a totals row below, amounts
as 15000 / 15,000.00 / 1.5万 / 1.5万元 / ￥15,000 / Excel floats (14999.999999), instalments as 2/3, 第2期 or not at
all, the policy by name or by 文号, some people who left the county midway — most of them paying part of their 安家补贴
back, written as offices write it: a negative amount, 追回 in the instalment column, 退回 at the start of the memo,
accountants' brackets, or an 应追回 row with the refunds after it. Returns what was written, so a test
can compare the program's reconciliation with the generator's own totals to the fen.

Usage: history(session, out_path, talents=2000, seed=1) after the policies and talents exist (`setup`).
"""
from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

import openpyxl
from sqlalchemy import insert

from talentdesk.domain.models import Talent
from talentdesk.domain.values import add_months, id_check_digit
from talentdesk.services.ledger.policies import AmountRule, PolicyInput, save_policy

END = dt.date(2026, 10, 31)
TIERS = ("A", "B", "C", "D", "E")
# name, kind, 文号, mode, count, amount (yuan) by tier
POLICIES = (
    ("安家补贴", "settling", "县委人才办〔2022〕3号", "yearly", 3, {"A": 90000, "B": 60000, "C": 45000, "D": 30000, "E": 15000}),
    ("租房补贴", "rent", "县人社〔2022〕11号", "monthly", 7, {"A": 14000, "B": 10500, "C": 8400, "D": 7000, "E": 4200}),
    ("购房补贴", "house_purchase", "县委办〔2021〕27号", "lump_sum", 1, {"A": 200000, "B": 150000, "C": 100000, "D": 80000, "E": 50000}),
)
NAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂"


@dataclass
class Written:
    rows: int = 0           # payment rows (money going back is counted in back_rows)
    by_policy_year: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))  # (policy, year) -> [n, fen]
    paid_by_grant: dict = field(default_factory=lambda: defaultdict(int))               # (id number, policy) -> fen
    total_fen: int = 0
    implicit: int = 0
    wan: int = 0
    floats: int = 0
    # (policy, year) -> [clawbacks, clawback fen, refunds, refund fen] as the ledger must post them
    back_by_policy_year: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0, 0]))
    back_rows: int = 0


def setup(session, *, talents: int = 2000, seed: int = 1) -> list[dict]:
    """The policy table and `talents` people (arrivals 2023–2024, some gone since)."""
    for name, kind, doc, mode, count, by_tier in POLICIES:
        save_policy(session, data=PolicyInput(
            name=name, kind=kind, valid_from=dt.date(2021, 1, 1), doc_number=doc, instalment_mode=mode,
            instalment_count=count, amounts=tuple(AmountRule(t, None, y * 100) for t, y in by_tier.items())))
    rnd = random.Random(seed)
    people = []
    for n in range(talents):
        birth = dt.date(1975, 1, 1) + dt.timedelta(days=rnd.randrange(0, 9000))
        body = f"{rnd.choice(('330102', '330782', '310115', '440306'))}{birth:%Y%m%d}{n % 1000:03d}"
        idn = body + id_check_digit(body)
        arrival = dt.date(2023, 1, 1) + dt.timedelta(days=rnd.randrange(0, 540))
        departure = arrival + dt.timedelta(days=rnd.randrange(200, 900)) if rnd.random() < 0.08 else None
        if departure is not None and departure > END:
            departure = None
        people.append(dict(
            name=rnd.choice(NAMES) + rnd.choice(GIVEN) + (rnd.choice(GIVEN) if rnd.random() < 0.6 else ""),
            name_pinyin="", name_initials="", gender="M" if int(idn[16]) % 2 else "F", id_number=idn,
            birth_date=birth, education="master", tier_code=rnd.choice(TIERS), arrival_date=arrival,
            service_years=5, service_end_date=add_months(arrival, 60),
            status="departed" if departure else "active", departure_date=departure))
    session.execute(insert(Talent), people)
    return people


def _amount(rnd: random.Random, fen: int, w: Written):
    yuan = Decimal(fen) / 100
    r = rnd.random()
    if r < 0.25:
        return int(yuan) if fen % 100 == 0 else float(yuan)
    if r < 0.40:
        return f"{yuan:,.2f}"
    if r < 0.55 and fen % 100 == 0:
        w.wan += 1
        wan = (yuan / 10000).normalize()
        return f"{wan:f}万" + ("元" if rnd.random() < 0.5 else "")
    if r < 0.70:
        return f"￥{yuan:,}"
    if r < 0.85:
        w.floats += 1
        return float(yuan) - 0.000001  # how Excel keeps 15000 after a formula
    return str(yuan)


def history(people: list[dict], out_path, *, seed: int = 1) -> Written:
    rnd = random.Random(seed + 7)
    w = Written()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "发放台账"
    ws.append(["2023—2026年人才补贴发放台账"])
    ws.append(["填报单位：县委人才工作领导小组办公室"])
    ws.append(["序号", "姓名", "身份证号码", "补贴项目", "文号", "期次", "金额（元）", "发放日期", "凭证号", "发放方式",
               "备注"])
    voucher = 0
    lines = []
    for p in people:
        for name, _kind, doc, mode, count, by_tier in POLICIES:
            if name == "购房补贴" and rnd.random() < 0.5:
                continue
            total = by_tier[p["tier_code"]] * 100
            base, extra = divmod(total, count)
            step = 12 if mode == "yearly" else 1
            for i in range(count):
                due = add_months(p["arrival_date"], i * step)
                paid_on = due + dt.timedelta(days=rnd.randrange(0, 25))
                if paid_on > END or (p["departure_date"] and paid_on > p["departure_date"]):
                    break
                fen = base + (1 if i < extra else 0)
                lines.append((paid_on, p, name, doc, i + 1, count, fen))
    back = _money_back(random.Random(seed + 11), lines, w)  # its own draws: the payment rows stay as they were
    lines.sort(key=lambda x: x[0])
    rows = sorted([(ln[0], 0, ln) for ln in lines] + [(b[0], 1, b) for b in back], key=lambda x: (x[0], x[1]))
    n = 0
    for _d, is_back, line in rows:
        n += 1
        voucher += 1
        if is_back:
            on, p, name, doc, shape, fen = line
            inst, amount, memo = {
                "negative": (None, f"-{Decimal(fen) / 100:,.2f}", None),
                "word": ("追回", Decimal(fen) / 100, "提前离开"),
                "memo": (None, f"{Decimal(fen) / 100}", "退回安家补贴（未满服务期）"),
                "brackets": (None, f"({Decimal(fen) / 100:,.2f})", None),
                "owed": ("应追回", -float(Decimal(fen) / 100), None),
                "owed_refund": (None, -float(Decimal(fen) / 100), "退回部分"),
            }[shape]
            ws.append([n, p["name"], p["id_number"], name, None, inst, amount, on, f"收-{on.year}-{voucher:06d}",
                       None, memo])
            w.back_rows += 1
            continue
        paid_on, p, name, doc, seq, count, fen = line
        r = rnd.random()
        if r < 0.35:
            inst = f"{seq}/{count}"
        elif r < 0.65:
            inst = f"第{seq}期"
        else:
            inst = None
            w.implicit += 1
        by_doc = rnd.random() < 0.3
        ws.append([n, p["name"], p["id_number"], None if by_doc else name, doc if by_doc else None, inst,
                   _amount(rnd, fen, w), paid_on if rnd.random() < 0.7 else paid_on.strftime("%Y.%m.%d"),
                   f"记-{paid_on.year}-{voucher:06d}", rnd.choice(("银行转账", "代发", None)), None])
        w.rows += 1
        w.by_policy_year[(name, paid_on.year)][0] += 1
        w.by_policy_year[(name, paid_on.year)][1] += fen
        w.paid_by_grant[(p["id_number"], name)] += fen
        w.total_fen += fen
    ws.append(["合计", None, None, None, None, None, f"{Decimal(w.total_fen) / 100:.2f}"])
    ws.append(["注：负数为追回、退回的补贴。"])
    for c in ws["C"]:
        c.number_format = "@"
    wb.save(out_path)
    return w


def _money_back(rnd: random.Random, lines: list, w: Written) -> list:
    """Rows for leavers who pay part of their 安家补贴 back: (date, person, policy, 文号, shape, fen). A refund with no
    应追回 row before it is posted with the clawback it settles, on its own date."""
    paid: dict = defaultdict(int)
    for paid_on, p, name, doc, _seq, _count, fen in lines:
        if p["departure_date"] and name == "安家补贴":
            paid[(p["id_number"], name)] += fen
    people = {ln[1]["id_number"]: (ln[1], ln[3]) for ln in lines}
    out = []
    for (idn, name), fen in sorted(paid.items()):
        if rnd.random() < 0.2:
            continue  # left with nothing paid back yet (or a waiver the office keeps elsewhere)
        p, doc = people[idn]
        owed = fen // 3 + rnd.randrange(0, 100)
        on = p["departure_date"] + dt.timedelta(days=rnd.randrange(5, 60))
        if on > END:
            continue
        shape = rnd.choice(("negative", "word", "memo", "brackets", "owed"))
        if shape != "owed":
            out.append((on, p, name, doc, shape, owed))
            for k in (0, 1):  # the implicit clawback, then the refund, on the same date
                w.back_by_policy_year[(name, on.year)][2 * k] += 1
                w.back_by_policy_year[(name, on.year)][2 * k + 1] += owed
            continue
        out.append((on, p, name, doc, "owed", owed))
        w.back_by_policy_year[(name, on.year)][0] += 1
        w.back_by_policy_year[(name, on.year)][1] += owed
        part = owed // 2
        later = on + dt.timedelta(days=rnd.randrange(1, 200))
        if later <= END:
            out.append((later, p, name, doc, "owed_refund", part))
            w.back_by_policy_year[(name, later.year)][2] += 1
            w.back_by_policy_year[(name, later.year)][3] += part
    return out
