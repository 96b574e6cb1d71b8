"""Moving in: the order of the files (policies → talents → payments → pairings → care) and a template for each —
an .xlsx with the headers the import reads, one example row, the ID number, voucher, 文号 and instalment columns
formatted as text (so Excel keeps every digit and never turns 2/3 into a date), and a second sheet saying what
each column takes. Written by code, offered from the window and by `talentdesk template KIND --out FILE`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from talentdesk.domain.errors import StorageError, ValidationError
from talentdesk.i18n import translate
from talentdesk.services.base import Lane, operation
from talentdesk.services.common.tabular import Columns
from talentdesk.domain.labels import join_list


@dataclass(frozen=True)
class FileKind:
    key: str
    columns: Columns
    example: dict[str, object]
    text_fields: tuple[str, ...]


def _talent_columns() -> Columns:
    from talentdesk.domain.talent_fields import REQUIRED_FIELDS
    from talentdesk.services.talents.importer import COLUMNS

    return Columns(COLUMNS, required=tuple(REQUIRED_FIELDS))


def kinds() -> dict[str, FileKind]:
    """The moving-in files in the order they are imported."""
    from talentdesk.services.ledger import history_import, policy_import
    from talentdesk.services.mentors import pairing_import
    from talentdesk.services.talents import care_import

    example_id = "330102198507150018"  # a valid number (GB 11643 checksum)
    return {
        "policies": FileKind("policies", policy_import.COLUMNS, {
            "name": "安家补贴", "doc_number": "县委人才办〔2022〕3号", "kind": "安家补贴", "level": "县级",
            "valid_from": dt.date(2022, 1, 1), "tier": "A类", "education": "不限", "amount": "9万",
            "instalments": "按年3期", "service_years": "5年", "clawback": "按比例追回", "excludes": "购房补贴",
            "notes": "每类人才一行，或在“A类（元）”“B类（元）”等列中各填一个金额"},
            ("doc_number", "count")),
        "talents": FileKind("talents", _talent_columns(), {
            "name": "张伟", "gender": "男", "id_number": example_id, "birth_date": dt.date(1985, 7, 15),
            "phone": "13800138000", "education": "硕士研究生", "degree": "硕士", "school": "浙江大学",
            "major": "临床医学", "tier_code": "C", "employer": "县人民医院", "post": "主治医师",
            "arrival_date": dt.date(2023, 3, 1), "service_years": "5年"},
            ("id_number", "phone")),
        "payments": FileKind("payments", history_import.COLUMNS, {
            "id_number": example_id, "name": "张伟", "policy": "安家补贴", "doc_number": "县委人才办〔2022〕3号",
            "instalment": "1/3", "amount": "1.5万", "pay_date": dt.date(2023, 3, 20), "voucher_no": "记-2023-0156",
            "method": "银行转账", "memo": "期次可写 2/3、第2期，或留空按日期排期；退回的款项写负数或在款项类型写“退回”",
            "entry_kind": "发放"},
            ("id_number", "instalment", "voucher_no", "doc_number")),
        "pairings": FileKind("pairings", pairing_import.COLUMNS, {
            "mentor": "陈建国", "mentor_employer": "县人民医院", "mentor_title": "主任医师", "name": "张伟",
            "id_number": example_id, "role": "业务导师", "start_date": dt.date(2023, 3, 15)},
            ("id_number",)),
        "care": FileKind("care", care_import.COLUMNS, {
            "name": "张伟", "id_number": example_id, "kind": "人才公寓", "apartment": "城东人才公寓", "room": "2-301",
            "move_in_date": dt.date(2023, 3, 5), "status": "在住", "notes": "其他事项（配偶就业、子女入学……）不填房号"},
            ("id_number", "room")),
    }


ORDER = ("policies", "talents", "payments", "pairings", "care")


def _notes_rows(kind: FileKind) -> list[list[str]]:
    rows = [[translate("MoveIn", "Column"), translate("MoveIn", "Required"), translate("MoveIn", "Also read as")]]
    for f, (zh, en, more) in kind.columns.table.items():
        header = kind.columns.header(f)
        others = [h for h in (zh, en, *more) if h != header]
        rows.append([header, translate("MoveIn", "yes") if f in kind.columns.required else "",
                     join_list(others[:8])])
    return rows


@operation(None, lane=Lane.NO_DATABASE)
def write_template(*, kind: str, out_path: str | Path) -> Path:
    """The template .xlsx for one moving-in file: headers, one example row, text columns, a notes sheet."""
    import openpyxl
    from openpyxl.styles import Font, PatternFill

    table = kinds()
    if kind not in table:
        raise ValidationError(translate("MoveIn", "Unknown file kind “{kind}”; the kinds are {kinds}.").format(
            kind=kind, kinds=", ".join(ORDER)), field="kind")
    k = table[kind]
    out = Path(out_path)
    if out.suffix.lower() != ".xlsx":
        out = out.with_name(out.name + ".xlsx")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = translate("MoveIn", "Data")
    fields = list(k.columns.table)
    ws.append([k.columns.header(f) for f in fields])
    ws.append([k.example.get(f) for f in fields])
    bold = Font(bold=True)
    required = PatternFill("solid", fgColor="FFF2CC")
    for i, f in enumerate(fields, start=1):
        c = ws.cell(row=1, column=i)
        c.font = bold
        if f in k.columns.required:
            c.fill = required
        letter = c.column_letter
        ws.column_dimensions[letter].width = max(12, len(str(c.value)) * 2 + 2)
        if f in k.text_fields:
            for row in range(2, 1001):  # the cells a clerk fills stay text: no digits lost, no 2/3 turned into a date
                ws.cell(row=row, column=i).number_format = "@"
            ws.cell(row=2, column=i).value = None if k.example.get(f) is None else str(k.example[f])
        elif isinstance(k.example.get(f), dt.date):
            ws.cell(row=2, column=i).number_format = "yyyy-mm-dd"
    ws.freeze_panes = "A2"
    notes = wb.create_sheet(translate("MoveIn", "Notes"))
    for r in _notes_rows(k):
        notes.append(r)
    for c in notes[1]:
        c.font = bold
    notes.column_dimensions["A"].width = 22
    notes.column_dimensions["C"].width = 80
    try:
        tmp = out.with_name(out.name + ".part")
        wb.save(tmp)
        tmp.replace(out)
    except OSError as exc:
        raise StorageError(translate("MoveIn", "The template could not be written to {path}: {error}").format(
            path=out, error=exc.strerror or exc)) from None
    return out


__all__ = ["ORDER", "FileKind", "kinds", "write_template"]
