"""Moving in the policy table (政策表): name, 文号, kind, amounts by tier and education, instalments, service
commitment (服务期, into the policy's own field: its pro-rata clawback counts against it), clawback rule,
exclusions — the first file of a move, since grants and payments name their policy.

Amounts are read the two ways offices write them: one column per tier (`A类（元）`, `B类`, …) on one row per
policy, or one row per amount (人才类别 / 学历 / 金额) repeating the policy's name. Instalments as `一次性`,
`按年3期`, `分3年`, `按月36个月`, or a mode column with a count column. Everything is checked first; then all
policies are created (each audited), or none.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.domain import enums as E
from talentdesk.domain.errors import ValidationError
from talentdesk.domain.models import SubsidyPolicy, Tier
from talentdesk.domain.parsing import parse_choice, parse_date_value, parse_service_years
from talentdesk.domain.values import to_halfwidth
from talentdesk.domain.written import key_text, parse_written_amount, text_cell
from talentdesk.i18n import translate
from talentdesk.services.base import Change, Permission, operation, record_event
from talentdesk.services.common.sheets import _blank, header_key
from talentdesk.services.common.tabular import (Columns, ImportOutcome, Rejection, backup_first, cell, is_totals_row,
                                                merged_notes)
from talentdesk.services.ledger.policies import AmountRule, PolicyInput, save_policy, validate_policy
from talentdesk.domain.labels import join_list

COLUMNS = Columns({
    "name": ("政策名称", "Policy", ("补贴项目", "补贴名称", "项目名称", "政策", "Policy name", "Name")),
    "doc_number": ("文号", "Document number", ("政策文号", "文件号", "发文字号", "依据文号", "Doc number")),
    "kind": ("补贴类型", "Kind", ("补贴类别", "类型", "政策类型")),
    "level": ("政策级别", "Level", ("级别", "层级")),
    "valid_from": ("生效日期", "Valid from", ("执行日期", "开始日期", "起始日期", "施行日期")),
    "valid_to": ("截止日期", "Valid to", ("失效日期", "结束日期", "有效期至")),
    "tier": ("人才类别", "Tier", ("人才层次", "类别", "适用类别")),
    "education": ("学历", "Education", ("学历要求", "最高学历")),
    "amount": ("金额(元)", "Amount (yuan)", ("金额", "补贴金额", "补贴标准", "标准(元)", "补贴标准(元)", "Amount")),
    "eligible_tiers": ("适用人才类别", "Eligible tiers", ("享受对象", "适用对象")),
    "eligible_educations": ("适用学历", "Eligible educations", ()),
    "instalments": ("发放方式", "Instalments", ("发放办法", "分期方式", "兑现方式")),
    "count": ("期数", "Number of instalments", ("分期数", "发放期数", "Instalment count")),
    "service_years": ("服务年限", "Service years", ("服务期", "服务期限", "服务期(年)", "服务年限(年)", "服务期要求",
                                                 "约定服务期", "最低服务年限", "Service commitment")),
    "clawback": ("追回规则", "Clawback rule", ("追回", "违约追回", "退回规则", "Clawback")),
    "excludes": ("不可同时享受", "Excludes", ("互斥政策", "不得同时享受", "不重复享受")),
    "notes": ("备注", "Notes", ("说明",)),
}, required=("name",))

_KIND_EXTRA = {"安家": "settling", "安家费": "settling", "安家补贴": "settling", "生活": "living", "生活补贴": "living",
               "生活津贴": "living", "购房": "house_purchase", "购房补贴": "house_purchase", "租房": "rent",
               "租房补贴": "rent", "住房补贴": "rent", "人才公寓": "apartment", "公寓": "apartment", "创业": "startup",
               "创业扶持": "startup", "创业补贴": "startup", "其他": "other"}
_LEVEL_EXTRA = {"县": "county", "县级": "county", "区县": "county", "市": "city", "市级": "city", "省": "province",
                "省级": "province"}
_CLAWBACK_EXTRA = {"不追回": "none", "无": "none", "否": "none", "按比例": "pro_rata", "按比例追回": "pro_rata",
                   "按服务年限比例追回": "pro_rata", "按年限比例": "pro_rata", "全额": "full", "全额追回": "full",
                   "全部追回": "full", "全额退回": "full"}
_SEPARATORS = re.compile(r"[、,，;；/\s]+")


def _choice(enum: type, extra: dict[str, str], raw: Any, *, field: str) -> str:
    text = re.sub(r"\s+", "", to_halfwidth(text_cell(raw)))
    return extra.get(text) or parse_choice(enum, text, field=field)


def _tier_header(header: str, tiers: dict[str, str]) -> str | None:
    """'A类（元）' / 'A类人才' / 'A' / 'A类标准' / the tier's name -> tier code; None when no tier column."""
    k = header_key(header)
    k = re.sub(r"\(元\)|\(万元\)|元$|标准$|金额$", "", k)
    k = k.removesuffix("人才").removesuffix("类")
    return tiers.get(k)


def parse_instalments(mode_raw: Any, count_raw: Any, *, field: str = "instalments") -> tuple[str, int]:
    """'一次性' -> lump sum; '按年3期' / '分3年' / '分三年发放' / 'yearly' + 期数 3 -> (yearly, 3); '按月36个月' ->
    (monthly, 36). A count written alone means yearly instalments."""
    from talentdesk.domain.written import _small_number

    text = re.sub(r"\s+", "", to_halfwidth(text_cell(mode_raw))).lower()
    count = None
    if not _blank(count_raw):
        c = text_cell(count_raw).removesuffix("期").removesuffix("次").removesuffix("年").removesuffix("个月")
        count = _small_number(c)
        if not count or count < 1:
            raise ValidationError(translate("PolicyImport", "The number of instalments is a whole number from 1."),
                                  field="count")
    if text in ("", "一次性", "一次性发放", "一次性兑现", "lump_sum", "lumpsum", "lump sum", "一次"):
        if not text and count and count > 1:
            return E.InstalmentMode.YEARLY.value, count
        return E.InstalmentMode.LUMP_SUM.value, 1
    mode = None
    if "月" in text or "monthly" in text:
        mode = E.InstalmentMode.MONTHLY.value
    elif "年" in text or "yearly" in text or "期" in text:
        mode = E.InstalmentMode.YEARLY.value
    if mode is None:
        raise ValidationError(translate("PolicyImport", "“{value}” is not a way of paying; write 一次性, 按年3期 or "
                                                        "按月36个月.").format(value=text_cell(mode_raw)), field=field)
    m = re.search(r"([0-9]+|[一二两三四五六七八九十]+)(?:个月|期|年|次)", text)
    if m and count is None:
        count = _small_number(m.group(1))
    if not count:
        raise ValidationError(translate("PolicyImport", "Say how many instalments (e.g. 按年3期) or fill the 期数 "
                                                        "column."), field=field)
    if count > 120:
        raise ValidationError(translate("PolicyImport", "The number of instalments must be between 1 and 120."),
                              field=field)
    return mode, count


@dataclass(frozen=True, slots=True)
class PolicyPreviewLine:
    """One policy the import creates, as it understood the file's rows (for the preview)."""

    row: int                  # its first row
    rows: tuple[int, ...]     # every row it was read from (one per amount in the long shape)
    name: str
    doc_number: str
    kind: str                 # PolicyKind code
    instalment_mode: str      # InstalmentMode code
    instalment_count: int
    service_years: int | None
    clawback_rule: str        # ClawbackRule code
    amounts: str              # 'A类 ¥90,000.00；B类 ¥60,000.00；…'
    excludes: str


def _preview(d: "_Draft") -> PolicyPreviewLine:
    from talentdesk.domain.labels import label
    from talentdesk.domain.values import format_yuan

    any_text = translate("PolicyImport", "all")
    parts = []
    for (tier, edu), fen in d.amounts.items():
        who = "".join(x for x in ((f"{tier}类" if tier else ""), label(E.Education, edu) if edu else "") if x)
        parts.append(f"{who or any_text} {format_yuan(fen)}")
    data = d.data
    return PolicyPreviewLine(d.row, tuple(d.rows), d.name, data.get("doc_number", ""), data.get("kind", ""),
                             data.get("instalment_mode", ""), data.get("instalment_count", 1),
                             data.get("service_years"), data.get("clawback_rule", ""), "；".join(parts),
                             "、".join(d.excludes))


@dataclass
class _Draft:
    row: int
    name: str
    data: dict[str, Any]
    amounts: dict[tuple[str | None, str | None], int] = field(default_factory=dict)
    excludes: list[str] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)


@operation(Permission.POLICY_MANAGE, writes=True, changes=(Change.LEDGER, Change.POLICIES), long=True)
def import_policies(session: Session, *, path: str | Path, dry_run: bool = False, skip_invalid: bool = False,
                    backup_first_: bool = False, progress: Callable[[int, int, str], None] | None = None,
                    abort: Callable[[], bool] | None = None,
                    sheet_name: str | None = None, hidden_rows: str | None = None) -> ImportOutcome:
    """Check every row of a policy table, then create all its policies or none (unless `skip_invalid`).
    A policy whose name is already on file is refused (edit it in the policy dialog instead)."""
    tiers_rows = session.execute(select(Tier.code, Tier.name)).all()
    tier_keys: dict[str, str] = {}
    for code, name in tiers_rows:
        for spelling in (code, name, f"{code}类", f"{code}类人才"):
            tier_keys[header_key(spelling).removesuffix("人才").removesuffix("类")] = code
            tier_keys[header_key(spelling)] = code
    sheet = COLUMNS.read(path, sheet=sheet_name, hidden_rows=hidden_rows, dry_run=dry_run)
    tier_cols = {i: _tier_header(h, tier_keys) for i, h in enumerate(sheet.headers)
                 if not COLUMNS.field_for(h) and _tier_header(h, tier_keys)}
    headers = [h for i, h in enumerate(sheet.headers) if i not in tier_cols]
    by_field, unknown = COLUMNS.map([h if i not in tier_cols else "" for i, h in enumerate(sheet.headers)])
    unknown = [u for u in unknown if u in headers]
    col = lambda f: sheet.headers[by_field[f]] if f in by_field else COLUMNS.title(f)  # noqa: E731
    if not tier_cols and "amount" not in by_field:
        raise ValidationError(translate("PolicyImport", "The table has no amounts: add a column per tier (A类, B类 …) "
                                                        "or a 金额 column."), field="mapping")
    on_file = {key_text(n) for n in session.scalars(select(SubsidyPolicy.name))}
    rejected: list[Rejection] = []
    drafts: dict[str, _Draft] = {}
    blank = 0
    not_data: list[int] = []
    for rownum, cells in sheet.rows:
        if all(_blank(c) for c in cells):
            blank += 1
            continue
        if is_totals_row(cells) and _blank(cell(cells, by_field, "amount")):
            not_data.append(rownum)
            continue
        problems: list[Rejection] = []

        def bad(f: str, message: str) -> None:
            problems.append(Rejection(rownum, col(f), message))

        name = text_cell(cell(cells, by_field, "name"))
        if not name:
            bad("name", translate("PolicyImport", "The policy needs a name."))
            rejected.extend(problems)
            continue
        key = key_text(name)
        if key in on_file:
            bad("name", translate("PolicyImport", "A policy called “{name}” is already on file; change it in the "
                                                  "policy dialog instead.").format(name=name))
            rejected.extend(problems)
            continue
        draft = drafts.get(key)
        if draft is None:
            data: dict[str, Any] = {"name": name, "doc_number": text_cell(cell(cells, by_field, "doc_number"))}
            try:
                data["kind"] = _choice(E.PolicyKind, _KIND_EXTRA, cell(cells, by_field, "kind") or name, field="kind")
            except ValidationError as exc:
                bad("kind", exc.message)
            try:
                lvl = cell(cells, by_field, "level")
                data["level"] = _choice(E.PolicyLevel, _LEVEL_EXTRA, lvl, field="level") if not _blank(lvl) \
                    else E.PolicyLevel.COUNTY.value
            except ValidationError as exc:
                bad("level", exc.message)
            for f in ("valid_from", "valid_to"):
                try:
                    data[f] = parse_date_value(cell(cells, by_field, f), field=f)
                except ValidationError as exc:
                    bad(f, exc.message)
            if data.get("valid_from") is None and "valid_from" not in {p.column for p in problems}:
                data["valid_from"] = dt.date(2000, 1, 1)
            try:
                data["instalment_mode"], data["instalment_count"] = parse_instalments(
                    cell(cells, by_field, "instalments"), cell(cells, by_field, "count"))
            except ValidationError as exc:
                bad("instalments" if exc.field != "count" else "count", exc.message)
            try:
                cb = cell(cells, by_field, "clawback")
                data["clawback_rule"] = _choice(E.ClawbackRule, _CLAWBACK_EXTRA, cb, field="clawback") \
                    if not _blank(cb) else E.ClawbackRule.PRO_RATA.value
            except ValidationError as exc:
                bad("clawback", exc.message)
            eligible = []
            for part in _SEPARATORS.split(text_cell(cell(cells, by_field, "eligible_tiers"))):
                if part:
                    code = tier_keys.get(header_key(part).removesuffix("人才").removesuffix("类"))
                    if code is None:
                        bad("eligible_tiers", translate("PolicyImport", "Unknown talent tier “{tier}”; the tiers are "
                                                                        "{tiers}.").format(
                            tier=part, tiers=join_list(c for c, _n in tiers_rows)))
                    else:
                        eligible.append(code)
            data["eligible_tiers"] = tuple(eligible)
            edus = []
            for part in _SEPARATORS.split(text_cell(cell(cells, by_field, "eligible_educations"))):
                if part:
                    try:
                        edus.append(parse_choice(E.Education, part, field="eligible_educations"))
                    except ValidationError as exc:
                        bad("eligible_educations", exc.message)
            data["eligible_educations"] = tuple(edus)
            data["notes"] = text_cell(cell(cells, by_field, "notes"))[:2000]
            raw_years = cell(cells, by_field, "service_years")
            data["service_years"] = None
            if not _blank(raw_years) and text_cell(raw_years) not in ("-", "—", "/", "无", "不限"):
                try:  # 5 / 5年 / 五年 / 服务期5年 / 不少于5年: the one reading the roster import uses
                    years = parse_service_years(raw_years, field="service_years")
                    if years < 1:
                        raise ValidationError("", field="service_years")
                    data["service_years"] = years
                except ValidationError:
                    bad("service_years", translate("PolicyImport", "“{value}” is not a service commitment; write the "
                                                                   "whole years, like 5、5年、五年 or 服务期5年, or "
                                                                   "leave it empty.").format(value=text_cell(raw_years)))
            draft = _Draft(rownum, name, data)
        # amounts on this row
        row_amounts: dict[tuple[str | None, str | None], int] = {}
        for i, code in tier_cols.items():
            v = cells[i] if i < len(cells) else None
            if _blank(v) or text_cell(v) in ("-", "—", "/"):
                continue
            try:
                row_amounts[(code, None)] = parse_written_amount(v, field="amount")
            except ValidationError as exc:
                problems.append(Rejection(rownum, sheet.headers[i], exc.message))
        if "amount" in by_field and not _blank(cell(cells, by_field, "amount")):
            tier = edu = None
            t = text_cell(cell(cells, by_field, "tier"))
            if t and t not in ("全部", "不限", "所有"):
                tier = tier_keys.get(header_key(t).removesuffix("人才").removesuffix("类"))
                if tier is None:
                    bad("tier", translate("PolicyImport", "Unknown talent tier “{tier}”; the tiers are {tiers}.").format(
                        tier=t, tiers=join_list(c for c, _n in tiers_rows)))
            e = text_cell(cell(cells, by_field, "education"))
            if e and e not in ("全部", "不限", "所有"):
                try:
                    edu = parse_choice(E.Education, e, field="education")
                except ValidationError as exc:
                    bad("education", exc.message)
            try:
                row_amounts[(tier, edu)] = parse_written_amount(cell(cells, by_field, "amount"), field="amount")
            except ValidationError as exc:
                bad("amount", exc.message)
        for k in row_amounts:
            if k in draft.amounts:
                bad("amount", translate("PolicyImport", "The amount for this tier and education is already given on "
                                                        "row {row}.").format(row=draft.rows[-1] if draft.rows else
                                                                             draft.row))
        excl = [p for p in _SEPARATORS.split(text_cell(cell(cells, by_field, "excludes"))) if p]
        if problems:
            rejected.extend(problems)
            continue
        draft.amounts.update(row_amounts)
        draft.excludes += excl
        draft.rows.append(rownum)
        drafts.setdefault(key, draft)
    # policy-level checks: amounts present, exclusions known, the policy service's own rules
    known = {key_text(n): i for i, n in session.execute(select(SubsidyPolicy.id, SubsidyPolicy.name)).all()}
    ready: list[_Draft] = []
    for key, d in drafts.items():
        problems = []
        if not d.amounts:
            problems.append(Rejection(d.row, col("amount"), translate("PolicyImport", "“{name}” has no amount.").format(
                name=d.name)))
        for ex in d.excludes:
            if key_text(ex) not in known and key_text(ex) not in drafts:
                problems.append(Rejection(d.row, col("excludes"), translate(
                    "PolicyImport", "“{other}” is neither on file nor in this table.").format(other=ex)))
        if not problems:
            try:
                validate_policy(session, PolicyInput(**d.data, amounts=tuple(
                    AmountRule(t, e, fen) for (t, e), fen in d.amounts.items())), None)
            except ValidationError as exc:
                problems.append(Rejection(d.row, col(exc.field) if exc.field in by_field else COLUMNS.title("name"),
                                          exc.message))
        if problems:
            rejected.extend(problems)
        else:
            ready.append(d)
    rejected.sort(key=lambda r: r.row)
    base = dict(rejected=rejected, total_rows=len(sheet.rows), hidden_rows=list(sheet.hidden_rows),
                hidden_choice=hidden_rows, valid_rows=sum(len(d.rows) for d in ready),
                skipped_blank=blank, not_data=not_data, unknown_columns=unknown,
                warnings=merged_notes(sheet, by_field, set(not_data)))
    names = [d.name for d in ready]
    preview = [_preview(d) for d in ready]
    if dry_run or (rejected and not skip_invalid) or not ready:
        return ImportOutcome(imported=0, dry_run=dry_run, extra={"policies": names, "preview": preview}, **base)
    if backup_first_:
        backup_first(session)
    ids: dict[str, int] = {}
    for n, d in enumerate(ready):
        if abort is not None and abort():
            raise ValidationError(translate("PolicyImport", "The import was cancelled; nothing was changed."))
        row = save_policy(session, data=PolicyInput(**d.data, amounts=tuple(
            AmountRule(t, e, fen) for (t, e), fen in d.amounts.items())))
        ids[key_text(d.name)] = row.id
        if progress is not None:
            progress(n + 1, len(ready), d.name)
    for d in ready:
        if d.excludes:
            others = tuple(sorted({ids.get(key_text(x)) or known.get(key_text(x)) for x in d.excludes} - {None}))
            pid = ids[key_text(d.name)]
            save_policy(session, policy_id=pid, data=PolicyInput(**d.data, amounts=tuple(
                AmountRule(t, e, fen) for (t, e), fen in d.amounts.items()), excludes=others))
    record_event(session, E.AuditAction.IMPORT, table="subsidy_policies",
                 summary=f"imported {len(ready)} policies from {Path(path).name}")
    return ImportOutcome(imported=len(ready), dry_run=False, extra={"policies": names, "preview": preview}, **base)


__all__ = ["COLUMNS", "PolicyPreviewLine", "import_policies", "parse_instalments"]
