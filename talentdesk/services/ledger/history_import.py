"""Moving in the payment history: one row per payment as offices record it, into grants, schedules and `payment`
ledger entries — checked row by row, then written all at once (or not at all).

A row names the person by ID number (the name, when given, is checked against it), the policy by name or 文号, the
instalment (`2/3`, `第2期`, or nothing: placed by date), the amount as written, the paid date, the voucher number and
the method. A person's first payment under a policy creates the grant and its schedule from the policy — or, where
the file's amounts differ from the policy's, from the file's rows, with a warning. Dues fall due as the schedule
says; each payment is a paid payment order and its ledger entry (append-only, audited). Contradictions are refused
row by row: the same payment twice, more paid than granted, a payment before arrival or after departure, an unknown
person or policy (with the close matches).

A row with a grant's approved total and no amount or date records the grant alone (the ledger export writes such a
row for a grant with nothing paid yet), so an exported ledger imports again with the same balance for every grant.
"""
from __future__ import annotations

import datetime as dt
import difflib
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from talentdesk.domain import enums as E
from talentdesk.domain.errors import ValidationError
from talentdesk.domain.ledger_rules import split_schedule
from talentdesk.domain.models import Instalment, LedgerEntry, Payment, PolicyAmount, SubsidyGrant, SubsidyPolicy
from talentdesk.domain.values import add_months, format_yuan, mask_id_number
from talentdesk.domain.written import (key_text, memo_says_money_back, money_back_kind, parse_instalment, parse_method,
                                       parse_signed_amount, parse_written_amount, text_cell)
from talentdesk.i18n import translate
from talentdesk.services.base import Change, Permission, actor_of, operation, record_event, require
from talentdesk.services.common.sheets import _blank
from talentdesk.services.common.tabular import (RowCount, data_rows, Columns, backup_first, People, Person,
                                                ImportOutcome, Rejection, cell, merged_notes)
from talentdesk.services.ledger.policies import AmountRule, amount_for
from talentdesk.domain.parsing import parse_date_value
from talentdesk.domain.labels import join_list

COLUMNS = Columns({
    "id_number": ("身份证号", "ID number", ("身份证号码", "公民身份号码", "身份证", "证件号码", "ID No", "ID")),
    "name": ("姓名", "Name", ("名字", "人才姓名", "领取人", "收款人", "收款人姓名")),
    "policy": ("补贴项目", "Policy", ("政策名称", "补贴名称", "补贴政策", "政策", "项目", "项目名称", "补贴类别",
                                   "补贴类型", "Policy name")),
    "doc_number": ("政策文号", "Document number", ("文号", "文件号", "依据文号", "发文字号", "Doc number")),
    "instalment": ("期次", "Instalment", ("第几期", "期数", "分期", "发放期次", "批次", "Instalment no")),
    "amount": ("发放金额(元)", "Amount (yuan)", ("发放金额", "金额", "金额(元)", "补贴金额", "补贴金额(元)", "实发金额",
                                          "实发金额(元)", "支付金额", "Amount")),
    "pay_date": ("发放日期", "Paid on", ("支付日期", "付款日期", "发放时间", "到账日期", "日期", "Pay date", "Date")),
    "voucher_no": ("凭证号", "Voucher number", ("凭证编号", "记账凭证号", "凭证", "凭证字号", "Voucher", "Voucher no")),
    "method": ("发放方式", "Method", ("支付方式", "付款方式", "Payment method")),
    "approved_total": ("核定总额(元)", "Approved total (yuan)", ("核定总额", "核定金额", "核定金额(元)", "批准总额",
                                                            "补贴总额", "Approved total")),
    "start_date": ("起始日期", "Grant start", ("核定日期", "享受起始日期", "起始时间", "Start date")),
    "memo": ("备注", "Notes", ("说明", "摘要", "Memo")),
    "entry_kind": ("款项类型", "Entry kind", ("收支类型", "业务类型", "发放类型", "款项性质", "类型", "Kind")),
}, required=("id_number", "pay_date", "amount"))
ONE_OF = (("policy", "doc_number"),)
CLOSE = 3  # close matches offered for an unknown person or policy
_PAYMENT_WORDS = {key_text(w) for w in ("发放", "支付", "补发", "兑现", "拨付", "付款", "发放补贴", "payment")}



# ------------------------------------------------------------------ what the file says, row by row

@dataclass(slots=True)
class _Row:
    row: int
    talent_id: int
    policy_id: int
    seq: int | None
    count: int | None
    amount_fen: int | None       # None: a grant-only row
    pay_date: dt.date | None
    voucher_no: str
    method: str
    approved_total: int | None
    start_date: dt.date | None
    memo: str
    kind: str = "payment"        # or 'clawback' (an obligation to pay back) / 'refund' (money paid back)


@dataclass(frozen=True, slots=True)
class PreviewLine:
    """One payment as the import understood it (for the wizard's preview)."""

    row: int
    talent_name: str
    id_number: str          # masked
    policy_name: str
    instalment: str         # '2/3' once placed
    amount_fen: int
    pay_date: dt.date | None
    voucher_no: str
    kind: str = "payment"   # 'clawback' / 'refund': money the talent owes back / paid back (amount_fen > 0)


@dataclass
class _Policy:
    id: int
    name: str
    kind: str
    doc_number: str
    mode: str
    count: int
    clawback: str
    amounts: list[AmountRule] = field(default_factory=list)


@dataclass
class _Existing:
    """A grant already on file for a person and policy."""

    id: int
    total: int
    count: int
    status: str
    schedule: dict[int, tuple[dt.date, int, bool]]  # seq -> (due, amount, posted)
    paid: set[int]
    paid_fen: int
    claw_fen: int = 0     # standing clawback obligations (positive fen)
    refund_fen: int = 0   # standing refunds
    waive_fen: int = 0    # obligations forgiven (waivers of what was owed back)


def _close(word: str, choices: list[str]) -> list[str]:
    return difflib.get_close_matches(word, choices, n=CLOSE, cutoff=0.5)


class _Reference:
    """The people and policies on file, indexed the ways the rows name them."""

    def __init__(self, session: Session):
        self.people = People(session)
        self.talents = self.people.by_id
        self.policies: dict[int, _Policy] = {}
        self.policy_by_name: dict[str, int] = {}
        self.policy_by_doc: dict[str, list[int]] = defaultdict(list)
        for p in session.scalars(select(SubsidyPolicy).order_by(SubsidyPolicy.id)):
            self.policies[p.id] = _Policy(p.id, p.name, p.kind, p.doc_number, p.instalment_mode, p.instalment_count,
                                          p.clawback_rule)
            self.policy_by_name.setdefault(key_text(p.name), p.id)
            if p.doc_number.strip():
                self.policy_by_doc[key_text(p.doc_number)].append(p.id)
        for pid, tier, edu, fen in session.execute(select(PolicyAmount.policy_id, PolicyAmount.tier_code,
                                                          PolicyAmount.education, PolicyAmount.amount_fen)):
            if pid in self.policies:
                self.policies[pid].amounts.append(AmountRule(tier, edu, fen))

    def similar_policies(self, text: str) -> list[str]:
        names = [p.name for p in self.policies.values()]
        docs = {p.doc_number: p.name for p in self.policies.values() if p.doc_number}
        found = _close(text, names)
        found += [f"{docs[d]}（{d}）" for d in _close(text, list(docs)) if docs[d] not in found]
        return found[:CLOSE]


def _existing_grants(session: Session, talent_ids: set[int]) -> dict[tuple[int, int], _Existing]:
    out: dict[tuple[int, int], _Existing] = {}
    ids = sorted(talent_ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        grants = session.execute(select(SubsidyGrant.id, SubsidyGrant.talent_id, SubsidyGrant.policy_id,
                                        SubsidyGrant.approved_total_fen, SubsidyGrant.instalment_count,
                                        SubsidyGrant.status)
                                 .where(SubsidyGrant.talent_id.in_(chunk)).order_by(SubsidyGrant.id)).all()
        if not grants:
            continue
        by_id = {}
        for gid, tid, pid, total, count, status in grants:
            g = _Existing(gid, total, count, status, {}, set(), 0)
            out[(tid, pid)] = g  # the newest grant of a person and policy is the one payments go to
            by_id[gid] = g
        gids = list(by_id)
        for gid, seq, due, fen, posted, cancelled in session.execute(
                select(Instalment.grant_id, Instalment.seq, Instalment.due_date, Instalment.amount_fen,
                       Instalment.posted, Instalment.cancelled).where(Instalment.grant_id.in_(gids))):
            if not cancelled:
                by_id[gid].schedule[seq] = (due, fen, bool(posted))
        target = LedgerEntry.__table__.alias("target")
        for gid, seq, total in session.execute(
                select(LedgerEntry.grant_id, LedgerEntry.instalment_seq, func.sum(LedgerEntry.amount_fen))
                .select_from(LedgerEntry).outerjoin(target, target.c.id == LedgerEntry.reverses_id)
                .where(LedgerEntry.grant_id.in_(gids),
                       func.coalesce(target.c.kind, LedgerEntry.kind) == E.EntryKind.PAYMENT.value)
                .group_by(LedgerEntry.grant_id, LedgerEntry.instalment_seq)):
            if total and total < 0:
                by_id[gid].paid_fen += -total
                if seq is not None:
                    by_id[gid].paid.add(seq)
        kind = func.coalesce(target.c.kind, LedgerEntry.kind)
        for gid, k, total in session.execute(
                select(LedgerEntry.grant_id, kind, func.sum(LedgerEntry.amount_fen))
                .select_from(LedgerEntry).outerjoin(target, target.c.id == LedgerEntry.reverses_id)
                .where(LedgerEntry.grant_id.in_(gids),
                       kind.in_((E.EntryKind.CLAWBACK.value, E.EntryKind.REFUND.value)))
                .group_by(LedgerEntry.grant_id, kind)):
            if k == E.EntryKind.CLAWBACK.value:
                by_id[gid].claw_fen += -(total or 0)
            else:
                by_id[gid].refund_fen += total or 0
        for gid, total in session.execute(  # forgiven obligations (a departure's lapsed dues are negative waivers)
                select(LedgerEntry.grant_id, func.sum(LedgerEntry.amount_fen))
                .where(LedgerEntry.grant_id.in_(gids), LedgerEntry.kind == E.EntryKind.WAIVER.value,
                       LedgerEntry.amount_fen > 0).group_by(LedgerEntry.grant_id)):
            by_id[gid].waive_fen += total or 0
    return out


def _vouchers_on_file(session: Session, talent_ids: set[int]) -> dict[tuple[int, str, int, dt.date], set]:
    """(talent, voucher, amount, date) -> instalments of the payments already in the ledger (one voucher may pay
    several instalments at once): a row matching one of them is the same payment twice."""
    out: dict[tuple[int, str, int, dt.date], set] = defaultdict(set)
    ids = sorted(talent_ids)
    for i in range(0, len(ids), 500):
        for tid, voucher, fen, on, seq in session.execute(
                select(LedgerEntry.talent_id, LedgerEntry.voucher_no, LedgerEntry.amount_fen, LedgerEntry.entry_date,
                       LedgerEntry.instalment_seq)
                .where(LedgerEntry.talent_id.in_(ids[i:i + 500]), LedgerEntry.kind == E.EntryKind.PAYMENT.value)):
            out[(tid, voucher, -fen, on)].add(seq)
        for tid, kind, voucher, fen, on in session.execute(
                select(LedgerEntry.talent_id, LedgerEntry.kind, LedgerEntry.voucher_no, LedgerEntry.amount_fen,
                       LedgerEntry.entry_date)
                .where(LedgerEntry.talent_id.in_(ids[i:i + 500]),
                       LedgerEntry.kind.in_((E.EntryKind.CLAWBACK.value, E.EntryKind.REFUND.value,
                                             E.EntryKind.WAIVER.value)))):
            out[(tid, kind, voucher, abs(fen), on)].add(None)  # money back: keyed by its kind as well
    return out


# ------------------------------------------------------------------ checking one row

def _read_rows(sheet, by_field: Mapping[str, int], ref: _Reference, today: dt.date,
               rejected: list[Rejection], progress, abort) -> tuple[list[_Row], int, list[int]]:
    headers = sheet.headers
    col = lambda f: headers[by_field[f]] if f in by_field else COLUMNS.title(f)  # noqa: E731
    rows: list[_Row] = []
    skipped = RowCount()
    for rownum, cells in data_rows(sheet, by_field, skipped, abort=abort, progress=progress, cancelled=translate(
            "PaymentImport", "The import was cancelled; nothing was changed."), checking=translate(
            "PaymentImport", "Checking rows")):
        raw_id = cell(cells, by_field, "id_number")
        problems: list[Rejection] = []

        def bad(f: str, message: str) -> None:
            problems.append(Rejection(rownum, col(f), message))

        # the person
        talent = ref.people.find(raw_id, cell(cells, by_field, "name"), bad)
        # the policy
        policy = None
        pname = text_cell(cell(cells, by_field, "policy"))
        pdoc = text_cell(cell(cells, by_field, "doc_number"))
        by_name = ref.policy_by_name.get(key_text(pname)) if pname else None
        by_doc = ref.policy_by_doc.get(key_text(pdoc), []) if pdoc else []
        if pname and by_name is None:
            near = ref.similar_policies(pname)
            msg = translate("PaymentImport", "No policy is called “{name}”; import the policy table first.").format(name=pname)
            if near:
                msg += " " + translate("PaymentImport", "Close matches: {names}.").format(names="；".join(near))
            bad("policy", msg)
        elif pname and pdoc and by_doc and by_name not in by_doc:
            bad("doc_number", translate("PaymentImport", "The document number {doc} is not the one of “{name}”.").format(doc=pdoc, name=pname))
        elif by_name is not None:
            policy = ref.policies[by_name]
        elif pdoc:
            if len(by_doc) == 1:
                policy = ref.policies[by_doc[0]]
            elif len(by_doc) > 1:
                bad("doc_number", translate("PaymentImport", "Several policies share the document number {doc}; name the policy in the "
                                     "policy column: {names}.").format(
                    doc=pdoc, names=join_list(ref.policies[i].name for i in by_doc)))
            else:
                near = ref.similar_policies(pdoc)
                msg = translate("PaymentImport", "No policy has the document number {doc}; import the policy table first.").format(doc=pdoc)
                if near:
                    msg += " " + translate("PaymentImport", "Close matches: {names}.").format(names="；".join(near))
                bad("doc_number", msg)
        else:
            bad("policy", translate("PaymentImport", "Name the policy (its name or 文号)."))
        # amounts, dates, instalment
        raw_amount = cell(cells, by_field, "amount")
        raw_date = cell(cells, by_field, "pay_date")
        approved = None
        if not _blank(cell(cells, by_field, "approved_total")):
            try:
                approved = parse_written_amount(cell(cells, by_field, "approved_total"), field="approved_total")
            except ValidationError as exc:
                bad("approved_total", exc.message)
        # what the row is: a payment, or money going back (a column saying 追回 / 退回, the instalment column
        # saying so, a memo beginning with it, or a negative amount)
        raw_kind = cell(cells, by_field, "entry_kind")
        raw_inst = cell(cells, by_field, "instalment")
        kind = money_back_kind(raw_kind, raw_inst)
        said_payment = False
        if kind is None and not _blank(raw_kind):
            said_payment = key_text(raw_kind) in _PAYMENT_WORDS
            if not said_payment:
                bad("entry_kind", translate("PaymentImport", "“{value}” is not a kind of entry; write 发放 for a "
                                                             "payment, 应追回 for an amount the talent owes back, "
                                                             "追回 / 退回 for money paid back, or 免于追回 for an "
                                                             "amount forgiven.").format(
                    value=text_cell(raw_kind)))
        elif kind is None:
            kind = memo_says_money_back(cell(cells, by_field, "memo"))
        grant_only = kind is None and _blank(raw_amount) and _blank(raw_date) and approved is not None
        amount = pay_date = None
        if not grant_only:
            try:
                amount, negative = parse_signed_amount(raw_amount)
                if negative and said_payment:
                    bad("amount", translate("PaymentImport", "A payment cannot be negative; for money paid back write "
                                                             "退回 in the “{column}” column.").format(
                        column=col("entry_kind")))
                elif negative and kind is None:
                    kind = "refund"
            except ValidationError as exc:
                bad("amount", exc.message)
            try:
                pay_date = parse_date_value(raw_date, field="pay_date")
                if pay_date is None:
                    bad("pay_date", translate("PaymentImport", "The paid date is missing."))
            except ValidationError as exc:
                bad("pay_date", exc.message)
        start = None
        try:
            start = parse_date_value(cell(cells, by_field, "start_date"), field="start_date")
        except ValidationError as exc:
            bad("start_date", exc.message)
        kind = kind or "payment"
        seq = count = None
        if kind == "payment":  # money going back is not an instalment
            try:
                seq, count = parse_instalment(raw_inst)
            except ValidationError as exc:
                bad("instalment", exc.message)
        method = "bank"
        try:
            method = parse_method(cell(cells, by_field, "method"))
        except ValidationError as exc:
            bad("method", exc.message)
        voucher = text_cell(cell(cells, by_field, "voucher_no"))
        if len(voucher) > 40:
            bad("voucher_no", translate("PaymentImport", "The voucher number is too long (at most 40 characters)."))
        memo = text_cell(cell(cells, by_field, "memo"))[:200]
        if talent is not None and pay_date is not None:
            if pay_date > today:
                bad("pay_date", translate("PaymentImport", "The paid date {date} is in the future.").format(date=pay_date.isoformat()))
            elif pay_date < talent.arrival:
                bad("pay_date", translate("PaymentImport", "Paid on {date}, before {name} arrived on {arrival}.").format(
                    date=pay_date.isoformat(), name=talent.name, arrival=talent.arrival.isoformat()))
            elif kind == "payment" and talent.departure is not None and pay_date > talent.departure:
                bad("pay_date", translate("PaymentImport", "Paid on {date}, after {name} left the county on {left}.").format(
                    date=pay_date.isoformat(), name=talent.name, left=talent.departure.isoformat()))
        if problems:
            rejected.extend(problems)
            continue
        rows.append(_Row(rownum, talent.id, policy.id, seq, count, amount, pay_date, voucher, method, approved, start,
                         memo, kind))
    return rows, skipped.blank, skipped.not_data


# ------------------------------------------------------------------ placing payments into grants

@dataclass
class _NewGrant:
    talent: Person
    policy: _Policy
    start: dt.date
    total: int
    schedule: list[tuple[int, dt.date, int]]   # (seq, due, amount)
    rows: list[_Row]                            # payments, each with its seq placed
    from_file: bool
    mode: str


@dataclass
class _Plan:
    new: list[_NewGrant] = field(default_factory=list)
    onto: list[tuple[_Existing, list[_Row]]] = field(default_factory=list)
    back: list[_Back] = field(default_factory=list)


@dataclass
class _Back:
    """Money going back on one grant (a new one or one on file): the rows, and the clawback obligation posted with
    refunds that no 应追回 row covers (money came back, so it was owed)."""

    talent: Person
    policy: _Policy
    existing: _Existing | None
    rows: list[_Row]
    implicit_fen: int = 0
    implicit_row: _Row | None = None


def _step(mode: str) -> int:
    return 12 if mode == E.InstalmentMode.YEARLY.value else 1


def _place(rows: list[_Row], count: int, taken: set[int], reject) -> list[_Row]:
    """Give every payment its instalment: the written one, or (none written) the earliest free one by date.
    Returns the payments that found a place; the others are refused through `reject`."""
    placed: list[_Row] = []
    claimed: dict[int, _Row] = {}
    for r in rows:
        if r.seq is None:
            continue
        if r.seq in taken:
            reject(r, "instalment", translate("PaymentImport", "Instalment {seq} is already paid on file: the same payment twice.").format(
                seq=r.seq))
        elif r.seq in claimed:
            reject(r, "instalment", translate("PaymentImport", "Instalment {seq} is paid twice in this file (row {other}): the same payment "
                                       "twice.").format(seq=r.seq, other=claimed[r.seq].row))
        elif r.seq > count:
            reject(r, "instalment", translate("PaymentImport", "Instalment {seq} does not exist: the grant has {count} instalments, so this "
                                       "would pay more than was granted.").format(seq=r.seq, count=count))
        else:
            claimed[r.seq] = r
            placed.append(r)
    free = [s for s in range(1, count + 1) if s not in taken and s not in claimed]
    for r in rows:
        if r.seq is not None:
            continue
        if not free:
            reject(r, "amount", translate("PaymentImport", "Every instalment ({count}) is already paid: this payment is more than was "
                                   "granted.").format(count=count))
            continue
        r.seq = free.pop(0)
        placed.append(r)
    return placed


def _plan(rows: list[_Row], ref: _Reference, existing: dict[tuple[int, int], _Existing],
          on_file: dict[tuple[int, str, int, dt.date], set], reject, warn) -> _Plan:
    by_talent = {t.id: t for t in ref.talents.values()}
    back = [r for r in rows if r.kind != "payment"]
    rows = [r for r in rows if r.kind == "payment"]
    groups: dict[tuple[int, int], list[_Row]] = defaultdict(list)
    seen: dict[tuple[int, int, str, int, dt.date], list[_Row]] = defaultdict(list)
    for r in rows:
        if r.amount_fen is not None:
            # one voucher may pay several instalments of a person at once; a row is the same payment again when it
            # has the voucher, amount and date of another and no different instalment written
            key = (r.talent_id, r.policy_id, r.voucher_no, r.amount_fen, r.pay_date)
            twin = next((o for o in seen[key] if o.seq is None or r.seq is None or o.seq == r.seq), None)
            if twin is not None:
                reject(r, "voucher_no", translate("PaymentImport", "The same payment (voucher {voucher}, {amount} on {date}) is already on row "
                                           "{other}.").format(voucher=r.voucher_no or "—",
                                                              amount=format_yuan(r.amount_fen),
                                                              date=r.pay_date.isoformat(), other=twin.row))
                continue
            seen[key].append(r)
            paid_seqs = on_file.get((r.talent_id, r.voucher_no, r.amount_fen, r.pay_date))
            if paid_seqs and (r.seq is None or r.seq in paid_seqs or None in paid_seqs):
                reject(r, "voucher_no", translate("PaymentImport", "This payment (voucher {voucher}, {amount} on {date}) is already in the "
                                           "ledger: the same payment twice.").format(
                    voucher=r.voucher_no or "—", amount=format_yuan(r.amount_fen), date=r.pay_date.isoformat()))
                continue
        groups[(r.talent_id, r.policy_id)].append(r)
    plan = _Plan()
    for (tid, pid), group in groups.items():
        group.sort(key=lambda r: (r.pay_date or dt.date.min, r.row))
        payments = [r for r in group if r.amount_fen is not None]
        talent, policy = by_talent[tid], ref.policies[pid]
        have = existing.get((tid, pid))
        if have is not None:
            placed = _place(payments, have.count, set(have.paid), reject)
            kept = []
            for r in placed:
                fen = have.schedule.get(r.seq, (None, None, None))[1]
                if fen is None:
                    reject(r, "instalment", translate("PaymentImport", "Instalment {seq} of this grant was cancelled.").format(seq=r.seq))
                elif fen != r.amount_fen:
                    reject(r, "amount", translate("PaymentImport", "Instalment {seq} of {name}'s grant is {due}; the row pays {paid}.").format(
                        seq=r.seq, name=talent.name, due=format_yuan(fen), paid=format_yuan(r.amount_fen)))
                else:
                    kept.append(r)
            if kept:
                plan.onto.append((have, kept))
            continue
        new = _new_grant(talent, policy, group, payments, reject, warn)
        if new is not None:
            plan.new.append(new)
    if back:
        _plan_money_back(back, plan, by_talent, ref, existing, on_file, reject, warn)
    return plan


def _plan_money_back(rows: list[_Row], plan: _Plan, by_talent: dict[int, Person], ref: _Reference,
                     existing: dict[tuple[int, int], _Existing], on_file, reject, warn) -> None:
    """Clawbacks (应追回: owed back) and refunds (追回 / 退回: paid back) onto the grant the person's payments under
    the policy made — in this file or on file. Refused: the same row twice, a row already in the ledger, money
    back on a grant that paid nothing, more owed back or paid back than was paid."""
    seen: dict[tuple, _Row] = {}
    groups: dict[tuple[int, int], list[_Row]] = defaultdict(list)
    for r in rows:
        key = (r.talent_id, r.policy_id, r.kind, r.voucher_no, r.amount_fen, r.pay_date)
        if key in seen:
            reject(r, "voucher_no", translate("PaymentImport", "The same payment (voucher {voucher}, {amount} on {date}) is already on row "
                                       "{other}.").format(voucher=r.voucher_no or "—", amount=format_yuan(r.amount_fen),
                                                          date=r.pay_date.isoformat(), other=seen[key].row))
            continue
        seen[key] = r
        if on_file.get((r.talent_id, r.kind, r.voucher_no, r.amount_fen, r.pay_date)):
            reject(r, "voucher_no", translate("PaymentImport", "This row (voucher {voucher}, {amount} on {date}) is already in the "
                                       "ledger: the same entry twice.").format(
                voucher=r.voucher_no or "—", amount=format_yuan(r.amount_fen), date=r.pay_date.isoformat()))
            continue
        groups[(r.talent_id, r.policy_id)].append(r)
    new_by = {(g.talent.id, g.policy.id): g for g in plan.new}
    onto_by = {have.id: rs for have, rs in plan.onto}
    for (tid, pid), group in groups.items():
        talent, policy = by_talent[tid], ref.policies[pid]
        new, have = new_by.get((tid, pid)), existing.get((tid, pid))
        if new is not None:
            paid, claws, refunds, waived, have = sum(r.amount_fen for r in new.rows), 0, 0, 0, None
        elif have is not None:
            paid = have.paid_fen + sum(r.amount_fen for r in onto_by.get(have.id, []))
            claws, refunds, waived = have.claw_fen, have.refund_fen, have.waive_fen
        else:
            for r in group:
                reject(r, "policy", translate("PaymentImport", "Nothing was paid to {name} under “{policy}”, so nothing can be "
                                              "clawed back or paid back; the payments must come first (in this file or on "
                                              "file).").format(name=talent.name, policy=policy.name))
            continue
        group.sort(key=lambda r: (r.pay_date, r.kind != "clawback", r.row))
        kept = []
        # what is owed back, and what was paid back, may each reach what was paid: a row beyond it is refused
        so_far = {"clawback": claws, "refund": refunds}
        beyond = {"clawback": translate("PaymentImport", "More owed back than was paid: {name} was paid {paid} under "
                                                         "“{policy}”; with this row {owed} would be owed back."),
                  "refund": translate("PaymentImport", "More paid back than was paid: {name} was paid {paid} under "
                                                       "“{policy}”; with this row {back} would be paid back.")}
        for r in group:
            if r.kind == "waiver":
                continue  # forgiven once what was owed is known: below
            which = "clawback" if r.kind == "clawback" else "refund"
            total = so_far[which] + r.amount_fen
            if total > paid:
                reject(r, "amount", beyond[which].format(name=talent.name, paid=format_yuan(paid), policy=policy.name,
                                                         owed=format_yuan(total), back=format_yuan(total)))
                continue
            so_far[which] = total
            kept.append(r)
        claws, refunds = so_far["clawback"], so_far["refund"]
        # a waiver forgives part of what is still owed back (owed: the 应追回 rows, or the refunds that prove it)
        still_owed = max(claws, refunds) - refunds - waived
        for r in (r for r in group if r.kind == "waiver"):
            if r.amount_fen > still_owed:
                reject(r, "amount", translate("PaymentImport", "More forgiven than is owed back: {name} owes {owed} back under "
                                              "“{policy}”; this row forgives {amount}.").format(
                    name=talent.name, owed=format_yuan(max(still_owed, 0)), policy=policy.name,
                    amount=format_yuan(r.amount_fen)))
                continue
            still_owed -= r.amount_fen
            kept.append(r)
        if not kept:
            continue
        kept.sort(key=lambda r: (r.pay_date, r.kind != "clawback", r.row))
        entry = _Back(talent, policy, have, kept)
        before = have.refund_fen if have is not None else 0
        if refunds > max(claws, before):  # money came back with no (or a smaller) 应追回 row: it was owed, post it
            entry.implicit_fen = refunds - max(claws, before)
            running = before
            for r in kept:
                if r.kind == "refund":
                    running += r.amount_fen
                    if running > max(claws, before):
                        entry.implicit_row = r
                        break
            warn(entry.implicit_row, "amount", translate(
                "PaymentImport", "{name}: {amount} paid back under “{policy}” is posted with the clawback it settles "
                                 "(the file has no 应追回 row for it).").format(
                name=talent.name, amount=format_yuan(entry.implicit_fen), policy=policy.name))
        plan.back.append(entry)


def _new_grant(talent: Person, policy: _Policy, group: list[_Row], payments: list[_Row], reject,
               warn) -> _NewGrant | None:
    """The grant a person's first rows under a policy create. Its total is the approved total written in the file,
    else the policy's amount for the person (payments beyond it are refused: more paid than granted), else (the
    policy sets no amount for them) what the rows paid. The schedule is the policy's when the rows fit it;
    otherwise it is made from the rows (paid instalments as paid, the rest shared by the open ones), with a
    warning."""
    first = group[0]
    approved = next((r.approved_total for r in group if r.approved_total is not None), None)
    start = next((r.start_date for r in group if r.start_date is not None), None) or talent.arrival
    written_counts = {r.count for r in group if r.count is not None}
    if len(written_counts) > 1:
        keep = max(written_counts)
        for r in payments:
            if r.count is not None and r.count != keep:
                reject(r, "instalment", translate("PaymentImport", "The rows of {name} for “{policy}” disagree on the number of instalments "
                                           "({counts}).").format(name=talent.name, policy=policy.name,
                                                                 counts=join_list(map(str, sorted(written_counts)))))
        payments = [r for r in payments if r.count is None or r.count == keep]
        written_counts = {keep}
    lump = policy.mode == E.InstalmentMode.LUMP_SUM.value
    policy_fen = amount_for(policy.amounts, talent.tier, talent.education)
    policy_schedule = split_schedule(policy_fen, policy.mode, policy.count, start) if policy_fen else []
    if written_counts:
        count = max(written_counts)
    else:
        count = max(len(policy_schedule) or 1, len(payments), max((r.seq or 0) for r in payments) if payments else 0)
    placed = _place(list(payments), count, set(), reject)
    cap = approved if approved is not None else policy_fen
    paid_by_seq = {r.seq: r.amount_fen for r in placed}
    if cap is not None:
        rest = cap - sum(paid_by_seq.values())
        for r in sorted(placed, key=lambda r: (r.pay_date, r.row), reverse=True):
            if rest >= 0:
                break
            reject(r, "amount", translate("PaymentImport", "More paid than granted: {name}'s grant of “{policy}” is {total}; with this row "
                                   "{paid} would be paid.").format(name=talent.name, policy=policy.name,
                                                                   total=format_yuan(cap),
                                                                   paid=format_yuan(cap - rest)))
            placed.remove(r)
            del paid_by_seq[r.seq]
            rest += r.amount_fen
        if not placed and not any(r.amount_fen is None for r in group):
            return None
        policy_amounts = [(s.seq, s.due_date, s.amount_fen) for s in policy_schedule]
        fits = (cap == policy_fen and all(s <= len(policy_schedule) and policy_schedule[s - 1].amount_fen == fen
                                          for s, fen in paid_by_seq.items()) and count == len(policy_schedule))
        if fits:
            amounts = {s: fen for s, _d, fen in policy_amounts}
        else:
            amounts = dict(paid_by_seq)
            open_seqs = [s for s in range(1, count + 1) if s not in paid_by_seq]
            if rest > 0:
                if not open_seqs:
                    open_seqs = [count + 1]  # all written instalments are paid; the rest is still to come
                base, extra = divmod(rest, len(open_seqs))
                for i, s in enumerate(open_seqs):
                    if base + (1 if i < extra else 0) > 0:
                        amounts[s] = base + (1 if i < extra else 0)
    else:
        if not placed:
            return None
        amounts, last = {}, None
        for s in range(1, count + 1):
            if s in paid_by_seq:
                last = paid_by_seq[s]
            if last is not None:
                amounts[s] = paid_by_seq.get(s, last)
        fits = False
    seqs = sorted(amounts)
    if seqs != list(range(1, len(seqs) + 1)):  # instalments left without money are dropped; number the rest
        renumber = {old: new for new, old in enumerate(seqs, start=1)}
        amounts = {renumber[s]: fen for s, fen in amounts.items()}
        for r in placed:
            r.seq = renumber[r.seq]
    mode = policy.mode if not (lump and len(amounts) > 1) else E.InstalmentMode.YEARLY.value
    schedule = [(s, add_months(start, (s - 1) * _step(mode)), fen) for s, fen in sorted(amounts.items())]
    if fits:
        schedule = [(s.seq, s.due_date, s.amount_fen) for s in policy_schedule]
    total = sum(fen for _s, _d, fen in schedule)
    if not fits:
        if policy_fen is None:
            why = translate("PaymentImport", "the policy sets no amount for tier {tier} with this education").format(tier=talent.tier)
        else:
            why = translate("PaymentImport", "the policy grants {amount} in {count} instalments ({each}), which the rows do not "
                     "follow").format(amount=format_yuan(policy_fen), count=len(policy_schedule),
                                      each=join_list(format_yuan(s.amount_fen) for s in policy_schedule[:4])
                                      + ("…" if len(policy_schedule) > 4 else ""))
        warn(first, "amount", translate("PaymentImport", "{name}: the grant of “{policy}” is made from the file ({total} in {count} "
                                 "instalments) because {why}.").format(name=talent.name, policy=policy.name,
                                                                       total=format_yuan(total), count=len(schedule),
                                                                       why=why))
    return _NewGrant(talent, policy, start, total, schedule, placed, not fits, mode)


# ------------------------------------------------------------------ writing

def _insert_returning(session: Session, model, rows: list[dict]) -> list[int]:
    """Insert many rows and return their ids in order. SQLite cannot return ids of a multi-row insert in a
    guaranteed order, so there the ids are given: the unit of work already holds the write lock (the import's
    audit entry is written first), so no other writer can take them meanwhile."""
    if not rows:
        return []
    table = model.__table__  # Core rows: the ORM's bulk machinery costs more than the database here
    if session.get_bind().dialect.name == "sqlite":
        first = (session.scalar(select(func.max(table.c.id))) or 0) + 1
        ids = list(range(first, first + len(rows)))
        for i, r in zip(ids, rows):
            r["id"] = i
        for i in range(0, len(rows), 5000):
            session.execute(insert(table), rows[i:i + 5000])
        return ids
    out: list[int] = []
    for i in range(0, len(rows), 2000):
        out.extend(session.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True),
                                   rows[i:i + 2000]).scalars().all())
    return out



def _versions(session: Session, model: Any, ids: list[int]) -> dict[int, int]:
    """The version of each row (editable records carry one; a bulk update by key must name it), read in chunks that
    stay far below any server's bound-parameter limit."""
    out: dict[int, int] = {}
    for start in range(0, len(ids), 5000):
        chunk = ids[start:start + 5000]
        out.update({i: v for i, v in session.execute(select(model.id, model.version).where(model.id.in_(chunk)))})
    return out

def _write(session: Session, plan: _Plan, *, today: dt.date, source: str, progress) -> tuple[int, int]:
    actor = actor_of(session)
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    memo_base = translate("PaymentImport", "Moved in from {file}").format(file=source)
    grant_rows = []
    for g in plan.new:
        departed = g.talent.status != E.TalentStatus.ACTIVE.value
        grant_rows.append(dict(
            talent_id=g.talent.id, policy_id=g.policy.id, policy_name=g.policy.name, policy_kind=g.policy.kind,
            doc_number=g.policy.doc_number, approved_total_fen=g.total,
            instalment_mode=g.mode,
            instalment_count=len(g.schedule), clawback_rule=g.policy.clawback, start_date=g.start,
            status=E.GrantStatus.TERMINATED.value if departed else E.GrantStatus.ACTIVE.value,
            status_reason=(translate("PaymentImport", "The talent left the county on {date}").format(date=g.talent.departure.isoformat())
                           if departed and g.talent.departure else ""),
            granted_by=actor.username, notes=memo_base))
    if progress is not None:
        progress(0, 4, translate("PaymentImport", "Creating grants"))
    grant_ids = _insert_returning(session, SubsidyGrant, grant_rows)
    instalments, dues, payments = [], [], []
    completed: list[int] = []
    for gid, g in zip(grant_ids, plan.new):
        paid = {r.seq for r in g.rows}
        departed = g.talent.status != E.TalentStatus.ACTIVE.value
        open_left = False
        for seq, due, fen in g.schedule:
            if departed:
                posted = seq in paid  # what was not paid before leaving lapses, as a departure does
                cancelled = not posted
            else:
                posted = seq in paid or due <= today
                cancelled = False
                open_left = open_left or seq not in paid
            instalments.append(dict(grant_id=gid, seq=seq, due_date=due, amount_fen=fen, posted=posted,
                                    cancelled=cancelled))
            if posted:
                dues.append(dict(grant_id=gid, talent_id=g.talent.id, kind=E.EntryKind.DUE.value, amount_fen=fen,
                                 entry_date=due, fiscal_year=due.year, instalment_seq=seq, memo="",
                                 created_by=actor.username))
        if not departed and not open_left:
            completed.append(gid)
        payments.extend((gid, g.talent.id, r) for r in g.rows)
    for have, rows in plan.onto:
        for r in rows:
            due, fen, posted = have.schedule[r.seq]
            if not posted:
                dues.append(dict(grant_id=have.id, talent_id=r.talent_id, kind=E.EntryKind.DUE.value,
                                 amount_fen=fen, entry_date=due, fiscal_year=due.year, instalment_seq=r.seq, memo="",
                                 created_by=actor.username))
                have.schedule[r.seq] = (due, fen, True)
                session.execute(update(Instalment).where(Instalment.grant_id == have.id, Instalment.seq == r.seq)
                                .values(posted=True))
            payments.append((have.id, r.talent_id, r))
    if instalments:
        session.execute(insert(Instalment.__table__), instalments)
    if progress is not None:
        progress(1, 4, translate("PaymentImport", "Posting what fell due"))
    if dues:
        session.execute(insert(LedgerEntry.__table__), dues)
    if progress is not None:
        progress(2, 4, translate("PaymentImport", "Posting payments"))
    pay_rows = [dict(grant_id=gid, talent_id=tid, instalment_seq=r.seq, amount_fen=r.amount_fen,
                     status=E.PaymentStatus.PAID.value, method=r.method, voucher_no=r.voucher_no, pay_date=r.pay_date,
                     recorded_by_id=actor.user_id, recorded_by=actor.username, paid_at=now,
                     memo=(r.memo or f"{memo_base}, {r.row}")[:200])
                for gid, tid, r in payments]
    pay_ids = _insert_returning(session, Payment, pay_rows)
    entry_rows = [dict(grant_id=gid, talent_id=tid, kind=E.EntryKind.PAYMENT.value, amount_fen=-r.amount_fen,
                       entry_date=r.pay_date, fiscal_year=r.pay_date.year, instalment_seq=r.seq, payment_id=pid,
                       voucher_no=r.voucher_no, method=r.method, memo=(r.memo or memo_base)[:200],
                       created_by=actor.username)
                  for pid, (gid, tid, r) in zip(pay_ids, payments)]
    entry_ids = _insert_returning(session, LedgerEntry, entry_rows)
    if progress is not None:
        progress(3, 4, translate("PaymentImport", "Linking payments to the ledger"))
    if pay_ids:
        vers = _versions(session, Payment, pay_ids)  # a bulk update by key names the version each row was read at
        session.execute(update(Payment), [{"id": p, "entry_id": e, "version": vers[p]}
                                          for p, e in zip(pay_ids, entry_ids)])
    # grants already on file whose last instalment this file paid are complete now
    for have, _rows in plan.onto:
        if have.status == E.GrantStatus.ACTIVE.value and all(
                posted and (s in have.paid or s in {r.seq for r in _rows}) for s, (_d, _f, posted) in
                have.schedule.items()):
            completed.append(have.id)
    if completed:
        vers = _versions(session, SubsidyGrant, completed)
        session.execute(update(SubsidyGrant), [{"id": g, "status": E.GrantStatus.COMPLETED.value, "version": vers[g]}
                                               for g in completed])
    # money going back: clawback obligations (negative, as departures post them) and refunds (positive)
    new_gid = {(g.talent.id, g.policy.id): gid for gid, g in zip(grant_ids, plan.new)}
    back_rows = []
    for b in plan.back:
        gid = b.existing.id if b.existing is not None else new_gid[(b.talent.id, b.policy.id)]
        for r in b.rows:
            if r is b.implicit_row:
                back_rows.append(dict(
                    grant_id=gid, talent_id=b.talent.id, kind=E.EntryKind.CLAWBACK.value, amount_fen=-b.implicit_fen,
                    entry_date=r.pay_date, fiscal_year=r.pay_date.year, instalment_seq=None, voucher_no=r.voucher_no,
                    method=r.method, memo=translate("PaymentImport", "Owed back, settled by the refund of row {row} of "
                                                                     "{file}").format(row=r.row, file=source)[:200],
                    created_by=actor.username))
            sign = -1 if r.kind == E.EntryKind.CLAWBACK.value else 1  # refunds and waivers raise the balance
            back_rows.append(dict(
                grant_id=gid, talent_id=b.talent.id, kind=r.kind, amount_fen=sign * r.amount_fen,
                entry_date=r.pay_date, fiscal_year=r.pay_date.year, instalment_seq=None, voucher_no=r.voucher_no,
                method=r.method, memo=(r.memo or f"{memo_base}, {r.row}")[:200], created_by=actor.username))
    if back_rows:
        session.execute(insert(LedgerEntry.__table__), back_rows)
    session.flush()
    return len(payments) + sum(len(b.rows) for b in plan.back), len(grant_ids)


# ------------------------------------------------------------------ the operation

@operation(Permission.LEDGER_RECORD, writes=True, changes=(Change.LEDGER, Change.PAYMENTS), long=True)
def import_payments(session: Session, *, path: str | Path, dry_run: bool = False, skip_invalid: bool = False,
                    backup_first_: bool = False, today: dt.date | None = None,
                    progress: Callable[[int, int, str], None] | None = None,
                    abort: Callable[[], bool] | None = None,
                    sheet_name: str | None = None, hidden_rows: str | None = None) -> ImportOutcome:
    """Check every row of a payment history; then import all of them, or none when any row is refused (unless
    `skip_invalid`). A dry run checks and reports. The result's `extra` holds the preview lines, the grants that
    would be created and the total in fen."""
    require(session, Permission.LEDGER_PAY, "history_import.import_payments")  # it records grants and pays them
    today = today or dt.date.today()
    sheet = COLUMNS.read(path, sheet=sheet_name, hidden_rows=hidden_rows, dry_run=dry_run)
    by_field, unknown = COLUMNS.map(sheet.headers, one_of=ONE_OF)
    ref = _Reference(session)
    rejected: list[Rejection] = []
    warnings: list[Rejection] = []
    rows, blank, not_data = _read_rows(sheet, by_field, ref, today, rejected, progress, abort)
    headers = sheet.headers
    col = lambda f: headers[by_field[f]] if f in by_field else COLUMNS.title(f)  # noqa: E731
    reject = lambda r, f, m: rejected.append(Rejection(r.row, col(f), m))  # noqa: E731
    warn = lambda r, f, m: warnings.append(Rejection(r.row, col(f), m))  # noqa: E731
    talent_ids = {r.talent_id for r in rows}
    existing = _existing_grants(session, talent_ids)
    on_file = _vouchers_on_file(session, talent_ids)
    plan = _plan(rows, ref, existing, on_file, reject, warn)
    rejected.sort(key=lambda r: r.row)
    warnings += merged_notes(sheet, by_field, set(not_data))
    warnings.sort(key=lambda r: r.row)
    by_talent = {t.id: t for t in ref.talents.values()}
    lines: list[PreviewLine] = []
    for g in plan.new:
        for r in g.rows:
            lines.append(PreviewLine(r.row, g.talent.name, mask_id_number(g.talent.id_number), g.policy.name,
                                     f"{r.seq}/{len(g.schedule)}", r.amount_fen, r.pay_date, r.voucher_no))
    for have, rs in plan.onto:
        for r in rs:
            t = by_talent[r.talent_id]
            lines.append(PreviewLine(r.row, t.name, mask_id_number(t.id_number), ref.policies[r.policy_id].name,
                                     f"{r.seq}/{have.count}", r.amount_fen, r.pay_date, r.voucher_no))
    words = {"clawback": translate("PaymentImport", "Owed back"), "refund": translate("PaymentImport", "Paid back"),
             "waiver": translate("PaymentImport", "Forgiven")}
    for b in plan.back:
        t = b.talent
        for r in b.rows:
            if r is b.implicit_row:
                lines.append(PreviewLine(r.row, t.name, mask_id_number(t.id_number), b.policy.name, words["clawback"],
                                         b.implicit_fen, r.pay_date, r.voucher_no, "clawback"))
            lines.append(PreviewLine(r.row, t.name, mask_id_number(t.id_number), b.policy.name, words[r.kind],
                                     r.amount_fen, r.pay_date, r.voucher_no, r.kind))
    lines.sort(key=lambda ln: ln.row)
    valid = len({ln.row for ln in lines})
    total_fen = sum(ln.amount_fen for ln in lines if ln.kind == "payment")
    extra = {"grants_created": len(plan.new), "paid_fen": total_fen,
             "clawback_fen": sum(ln.amount_fen for ln in lines if ln.kind == "clawback"),
             "refund_fen": sum(ln.amount_fen for ln in lines if ln.kind == "refund"),
             "waiver_fen": sum(ln.amount_fen for ln in lines if ln.kind == "waiver"),
             "grants_from_file": sum(1 for g in plan.new if g.from_file)}
    base = dict(rejected=rejected, total_rows=len(sheet.rows), hidden_rows=list(sheet.hidden_rows),
                hidden_choice=hidden_rows, valid_rows=valid, skipped_blank=blank,
                not_data=not_data, warnings=warnings, unknown_columns=unknown)
    if dry_run or (rejected and not skip_invalid) or not (plan.new or plan.onto or plan.back):
        return ImportOutcome(imported=0, dry_run=dry_run, extra={**extra, "preview": lines}, **base)
    if backup_first_:
        backup_first(session)
    record_event(session, E.AuditAction.IMPORT, table="payments",  # first: the unit of work takes the write lock
                 summary=f"imported {valid} rows: payments of {format_yuan(total_fen)}, owed back "
                         f"{format_yuan(extra['clawback_fen'])}, paid back {format_yuan(extra['refund_fen'])}, and "
                         f"{len(plan.new)} grants from {Path(path).name}; {len({r.row for r in rejected})} rows refused")
    imported, _grants = _write(session, plan, today=today, source=Path(path).name, progress=progress)
    if progress is not None:
        progress(4, 4, translate("PaymentImport", "Done"))
    return ImportOutcome(imported=imported, dry_run=False, extra={**extra, "preview": lines}, **base)


__all__ = ["COLUMNS", "PreviewLine", "import_payments"]
