"""Moving the office's list of bank accounts in (the Excel sheet kept for the agency bank): one row per talent with the
ID number, the account or card number, the bank and the holder's name — title rows, totals rows, full-width digits and
numbers Excel rounded are handled as in every moving-in import. All rows or none (unless skip-invalid); each account is
checked (Luhn for cards) and audited; an account already current for the talent is not entered twice."""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from talentdesk.domain import enums as E
from talentdesk.domain.errors import ValidationError
from talentdesk.domain.values import excel_number_message, to_halfwidth
from talentdesk.domain.written import text_cell
from talentdesk.i18n import translate
from talentdesk.services.base import Change, Permission, operation, record_event
from talentdesk.services.common.tabular import (backup_first, cell, Columns, ImportOutcome, merged_notes, People,
                                                person_rows, Rejection, RowCount)
from talentdesk.services.payments import accounts

COLUMNS = Columns({
    "id_number": ("身份证号", "ID number", ("身份证号码", "公民身份号码", "证件号码", "社会保障号码", "社保号")),
    "name": ("姓名", "Name", ("人才姓名",)),
    "account_no": ("账号", "Account number", ("卡号", "银行卡号", "银行账号", "社保卡号", "社保卡银行账号", "账户",
                                            "收款账号")),
    "bank_name": ("开户行", "Bank", ("开户银行", "开户网点", "银行", "收款银行")),
    "holder_name": ("户名", "Account holder", ("账户名称", "持卡人", "收款人")),
    "kind": ("账户类型", "Kind of account", ("类型", "卡类型")),
}, required=("id_number", "account_no", "bank_name"))


def _kind(raw: Any) -> str | None:
    text = re.sub(r"\s+", "", text_cell(raw)).lower()
    if not text:
        return None
    if any(w in text for w in ("社保", "一卡通", "social")):
        return E.AccountKind.SOCIAL_CARD.value
    if any(w in text for w in ("存折", "对公", "账户", "passbook", "account")):
        return E.AccountKind.ACCOUNT.value
    if any(w in text for w in ("卡", "card")):
        return E.AccountKind.CARD.value
    raise ValidationError(translate("AccountImport", "“{value}” is not a kind of account; write 银行卡, 社保卡 or "
                                                     "存折.").format(value=text_cell(raw)), field="kind")


@operation(Permission.LEDGER_RECORD, writes=True, changes=(Change.PAYMENTS, Change.TALENTS), long=True)
def import_accounts(session: Session, *, path: str | Path, dry_run: bool = False, skip_invalid: bool = False,
                    backup_first_: bool = False, progress: Callable[[int, int, str], None] | None = None,
                    abort: Callable[[], bool] | None = None, sheet_name: str | None = None,
                    hidden_rows: str | None = None) -> ImportOutcome:
    sheet, by_field, unknown, col = COLUMNS.open(path, sheet=sheet_name, hidden_rows=hidden_rows, dry_run=dry_run)
    people = People(session)
    rejected: list[Rejection] = []
    good: list[tuple[int, int, dict[str, str]]] = []
    seen: dict[int, int] = {}
    skipped = RowCount()
    for rownum, cells, person, problems, bad in person_rows(sheet, by_field, skipped, people, col, abort=abort,
                                                            cancelled=translate(
            "AccountImport", "The import was cancelled; nothing was changed.")):
        raw_no = cell(cells, by_field, "account_no")
        values: dict[str, str] = {}
        try:
            kind = _kind(cell(cells, by_field, "kind"))
        except ValidationError as exc:
            bad("kind", exc.message)
            kind = None
        if isinstance(raw_no, float) or (isinstance(raw_no, int) and raw_no > 10**15):
            bad("account_no", excel_number_message(translate("BankAccounts", "account number")))
        else:
            try:  # no kind given: a 16–19 digit number is a card (Luhn), anything else an account
                digits = re.sub(r"\D", "", to_halfwidth(text_cell(raw_no)))
                kind = kind or (E.AccountKind.CARD.value if 16 <= len(digits) <= 19 else E.AccountKind.ACCOUNT.value)
                values["account_no"] = accounts.normalise_account(text_cell(raw_no), kind)
            except ValidationError as exc:
                bad("account_no", exc.message)
        bank = text_cell(cell(cells, by_field, "bank_name"))
        if not bank:
            bad("bank_name", translate("AccountImport", "The bank is missing."))
        holder = text_cell(cell(cells, by_field, "holder_name")) or (person.name if person else "")
        if holder and holder[0] in "=+-@":
            bad("holder_name", translate("AccountImport", "The account holder cannot begin with {char}.").format(
                char=holder[0]))
        if person is not None and person.id in seen:
            bad("id_number", translate("AccountImport", "{name} has an account on row {other} already: one account "
                                                        "per talent.").format(name=person.name, other=seen[person.id]))
        if problems:
            rejected.extend(problems)
            continue
        seen[person.id] = rownum
        good.append((rownum, person.id, {"kind": kind, "account_no": values["account_no"], "bank_name": bank,
                                         "holder_name": holder}))
    rejected.sort(key=lambda r: r.row)
    base = dict(rejected=rejected, total_rows=len(sheet.rows), hidden_rows=list(sheet.hidden_rows),
                hidden_choice=hidden_rows, valid_rows=len(good), skipped_blank=skipped.blank,
                not_data=skipped.not_data, unknown_columns=unknown,
                warnings=merged_notes(sheet, by_field, set(skipped.not_data)))
    if dry_run or (rejected and not skip_invalid) or not good:
        return ImportOutcome(imported=0, dry_run=dry_run, **base)
    if backup_first_:
        backup_first(session)
    changed = 0
    for n, (_row, talent_id, v) in enumerate(good):
        before = accounts.current_account(session, talent_id)
        after = accounts.set_account_unchecked(session, talent_id=talent_id, note=translate(
            "AccountImport", "imported from {file}").format(file=Path(path).name)[:200], **v)
        changed += before is None or before.id != after.id
        if progress is not None and n % 200 == 0:
            progress(n, len(good), translate("AccountImport", "Importing bank accounts"))
    record_event(session, E.AuditAction.IMPORT, table="bank_accounts",
                 summary=f"imported {changed} bank accounts ({len(good) - changed} unchanged) from {Path(path).name}")
    return ImportOutcome(imported=changed, dry_run=False, extra={"unchanged": len(good) - changed}, **base)
