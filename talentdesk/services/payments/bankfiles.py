"""Bank files as data: a layout says which columns, in what order, under which headings, with which header and
footer rows, in which encoding, with the amount in yuan or in fen — and how the bank's return file is read
(`return_mapping`: by heading or by position, which words mean paid and failed). Three layouts are built in (a
generic .xlsx, a 一卡通/社保卡 agency-bank text file, a CSV); the office copies one and edits the copy.

Header and footer rows may use {office}, {batch}, {count}, {total_yuan}, {total_fen} and {date}; a row that is
just ["{titles}"] is the column headings.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.domain import enums as E
from talentdesk.domain.errors import Conflict, InputFileError, NotFound, RuleViolation, ValidationError
from talentdesk.domain.models import BankLayout
from talentdesk.i18n import translate
from talentdesk.services.base import Change, Permission, operation

FIELDS = ("line_no", "holder_name", "account_no", "bank_name", "amount", "id_number", "memo", "talent_name",
          "employer_name", "policy_name")
RETURN_FIELDS = ("line_no", "holder_name", "account_no", "amount", "result", "reason")
BATCH_NUMBER = re.compile(r"PB\d{4}-\d{4,}")
MAX_RETURN_BYTES = 20_000_000


def field_label(name: str) -> str:
    return {
        "line_no": translate("BankFiles", "line number"), "holder_name": translate("BankFiles", "account holder"),
        "account_no": translate("BankFiles", "account number"), "bank_name": translate("BankFiles", "bank"),
        "amount": translate("BankFiles", "amount"), "id_number": translate("BankFiles", "ID number"),
        "memo": translate("BankFiles", "memo"), "talent_name": translate("BankFiles", "name"),
        "employer_name": translate("BankFiles", "employer"), "policy_name": translate("BankFiles", "policy"),
        "result": translate("BankFiles", "result"), "reason": translate("BankFiles", "failure reason"),
    }.get(name, name)


@dataclass(frozen=True)
class Layout:
    id: int
    name: str
    builtin: bool
    file_format: str
    encoding: str
    delimiter: str
    amount_unit: str
    columns: tuple[tuple[str, str], ...]            # (field, heading)
    header_rows: tuple[tuple[str, ...], ...]
    footer_rows: tuple[tuple[str, ...], ...]
    return_mapping: dict = field(default_factory=dict)
    notes: str = ""

    @property
    def suffix(self) -> str:
        return "." + self.file_format


def _layout(row: BankLayout) -> Layout:
    return Layout(row.id, row.name, row.builtin, row.file_format, row.encoding, row.delimiter, row.amount_unit,
                  tuple((c["field"], c.get("title", "")) for c in json.loads(row.columns)),
                  tuple(tuple(r) for r in json.loads(row.header_rows or "[]")),
                  tuple(tuple(r) for r in json.loads(row.footer_rows or "[]")),
                  json.loads(row.return_mapping or "{}"), row.notes)


@operation(Permission.LEDGER_READ)
def list_layouts(session: Session) -> list[Layout]:
    return [_layout(r) for r in session.scalars(select(BankLayout).order_by(BankLayout.builtin.desc(), BankLayout.id))]


def find_layout(session: Session, name: str | int) -> Layout:
    raw = str(name).strip()
    row = None
    if raw.isascii() and raw.isdigit() and len(raw) < 10:  # not '²'
        row = session.get(BankLayout, int(raw))
    row = row or session.scalar(select(BankLayout).where(BankLayout.name == raw))
    if row is None:
        like = list(session.scalars(select(BankLayout).where(BankLayout.name.contains(raw)).limit(5))) if raw else []
        if len(like) == 1:
            row = like[0]
    if row is None:
        names = "、".join(session.scalars(select(BankLayout.name).order_by(BankLayout.id)))
        raise NotFound(translate("BankFiles", "No bank file layout is called {name}. The layouts are: {names}").format(
            name=raw, names=names))
    return _layout(row)


@operation(Permission.POLICY_MANAGE, writes=True, changes=(Change.SETTINGS,))
def copy_layout(session: Session, *, source: str | int, name: str) -> Layout:
    """The office's own layout, starting as a copy of another (built-in layouts cannot be edited)."""
    src = find_layout(session, source)
    name = (name or "").strip()
    if not name or len(name) > 60:
        raise ValidationError(translate("BankFiles", "Give the new layout a name (at most 60 characters)."),
                              field="name")
    if session.scalar(select(BankLayout.id).where(BankLayout.name == name)) is not None:
        raise Conflict(translate("BankFiles", "A layout called {name} exists already.").format(name=name), field="name")
    row = session.get(BankLayout, src.id)
    new = BankLayout(name=name, builtin=False, file_format=row.file_format, encoding=row.encoding,
                     delimiter=row.delimiter, amount_unit=row.amount_unit, columns=row.columns,
                     header_rows=row.header_rows, footer_rows=row.footer_rows, return_mapping=row.return_mapping,
                     notes=row.notes)
    session.add(new)
    session.flush()
    return _layout(new)


def _check_layout(values: dict[str, Any]) -> dict[str, Any]:
    fmt = values.get("file_format")
    if fmt not in E.values(E.BankFileFormat):
        raise ValidationError(translate("BankFiles", "The file format is xlsx, csv or txt."), field="file_format")
    if values.get("amount_unit") not in E.values(E.AmountUnit):
        raise ValidationError(translate("BankFiles", "The amount is in yuan or in fen."), field="amount_unit")
    try:
        codecs.lookup(values.get("encoding") or "")
    except LookupError:
        raise ValidationError(translate("BankFiles", "Unknown text encoding: {enc} (use utf-8, utf-8-sig or gb18030)."
                                        ).format(enc=values.get("encoding")), field="encoding") from None
    if fmt != "xlsx" and not values.get("delimiter"):
        raise ValidationError(translate("BankFiles", "A text file needs a column separator."), field="delimiter")
    cols = values.get("columns") or []
    if not cols or any(c.get("field") not in FIELDS for c in cols):
        raise ValidationError(translate("BankFiles", "Each column is one of: {fields}.").format(
            fields=", ".join(FIELDS)), field="columns")
    for need in ("account_no", "amount", "line_no"):
        if need not in {c["field"] for c in cols}:
            raise ValidationError(translate("BankFiles", "The layout needs a column for the {what}.").format(
                what=field_label(need)), field="columns")
    ret = values.get("return_mapping") or {}
    fields = ret.get("fields") or {}
    if ret.get("by") not in ("title", "position") or not {"line_no", "amount", "result"} <= set(fields) \
            or not ret.get("success") or not ret.get("failure"):
        raise ValidationError(translate("BankFiles", "The return mapping must say how to find the line number, the "
                                                     "amount and the result, and which words mean paid and failed."),
                              field="return_mapping")
    return values


@operation(Permission.POLICY_MANAGE, writes=True, changes=(Change.SETTINGS,))
def save_layout(session: Session, *, layout_id: int, values: dict[str, Any]) -> Layout:
    """Change the office's own layout (columns, order, header/footer rows, encoding, unit, return mapping)."""
    row = session.get(BankLayout, layout_id)
    if row is None:
        raise NotFound(translate("BankFiles", "Layout {id} does not exist.").format(id=layout_id))
    if row.builtin:
        raise RuleViolation(translate("BankFiles", "A built-in layout cannot be changed; copy it and edit the copy."))
    current = {"file_format": row.file_format, "encoding": row.encoding, "delimiter": row.delimiter,
               "amount_unit": row.amount_unit, "columns": json.loads(row.columns),
               "header_rows": json.loads(row.header_rows), "footer_rows": json.loads(row.footer_rows),
               "return_mapping": json.loads(row.return_mapping), "notes": row.notes}
    merged = _check_layout({**current, **values})
    row.file_format, row.encoding, row.delimiter = merged["file_format"], merged["encoding"], merged["delimiter"]
    row.amount_unit, row.notes = merged["amount_unit"], str(merged.get("notes") or "")[:200]
    for key in ("columns", "header_rows", "footer_rows", "return_mapping"):
        setattr(row, key, json.dumps(merged[key], ensure_ascii=False))
    session.flush()
    return _layout(row)


# ------------------------------------------------------------------ writing a bank file

@dataclass(frozen=True, slots=True)
class FileLine:
    line_no: int
    holder_name: str
    account_no: str
    bank_name: str
    amount_fen: int
    id_number: str
    memo: str
    talent_name: str
    employer_name: str
    policy_name: str


def _amount(layout: Layout, fen: int) -> Any:
    if layout.amount_unit == E.AmountUnit.FEN.value:
        return fen
    return f"{fen // 100}.{fen % 100:02d}"


def _cells(layout: Layout, ln: FileLine) -> list[Any]:
    out = []
    for fld, _title in layout.columns:
        if fld == "amount":
            value = _amount(layout, ln.amount_fen)
            out.append(Decimal(value) if layout.file_format == "xlsx" and isinstance(value, str) else value)
        else:
            out.append(getattr(ln, fld))
    return out


def _fill(row: tuple[str, ...], values: dict[str, Any], layout: Layout) -> list[Any]:
    if list(row) == ["{titles}"]:
        return [t for _f, t in layout.columns]
    return [str(c).format(**values) if isinstance(c, str) else c for c in row]


def render(layout: Layout, lines: list[FileLine], path: Path, *, office: str, batch: str, date: str) -> None:
    """Write the bank file at `path` (the caller names it at commit)."""
    total = sum(ln.amount_fen for ln in lines)
    values = {"office": office, "batch": batch, "count": len(lines), "total_fen": total,
              "total_yuan": f"{total // 100}.{total % 100:02d}", "date": date}
    head = [_fill(r, values, layout) for r in layout.header_rows]
    foot = [_fill(r, values, layout) for r in layout.footer_rows]
    body = [_cells(layout, ln) for ln in lines]
    if layout.file_format == "xlsx":
        from openpyxl import Workbook

        def numbers(row: list[Any]) -> list[Any]:  # a count or a total in a header or footer row is a number
            return [int(c) if isinstance(c, str) and re.fullmatch(r"\d{1,12}", c)
                    else Decimal(c) if isinstance(c, str) and re.fullmatch(r"\d{1,12}\.\d\d", c) else c for c in row]

        wb = Workbook()
        ws = wb.active
        ws.title = batch
        for r in head:
            ws.append(numbers(r))
        for r in body:
            ws.append(r)
            for cell in ws[ws.max_row]:
                if isinstance(cell.value, str):
                    cell.number_format = "@"  # account and ID numbers stay text (Excel would round them)
                elif isinstance(cell.value, Decimal):
                    cell.number_format = "0.00"
        for r in foot:
            ws.append(numbers(r))
        for i, (_f, title) in enumerate(layout.columns):
            ws.column_dimensions[chr(ord("A") + i)].width = max(10, min(30, len(title) * 2 + 12))
        from talentdesk.reports.payment_loop import as_text

        as_text(ws)
        wb.save(path)
        return
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=layout.delimiter[:1], lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    for r in head + body + foot:
        writer.writerow(r)
    try:
        data = buf.getvalue().encode(layout.encoding)
    except UnicodeEncodeError as exc:
        bad = exc.object[exc.start:exc.end]
        raise ValidationError(translate("BankFiles", "The character {char} cannot be written in the layout's encoding "
                                                     "({enc}); correct the name or use another layout.").format(
            char=bad, enc=layout.encoding), field="encoding") from None
    Path(path).write_bytes(data)


# ------------------------------------------------------------------ reading the bank's return file

@dataclass(frozen=True, slots=True)
class ReturnLine:
    row: int              # the file's row number (1-based), for messages
    line_no: int | None
    holder_name: str
    account_no: str
    amount_fen: int | None
    result: str           # "paid", "failed" or the unknown word as found
    reason: str
    problem: str = ""


@dataclass(frozen=True)
class ReturnFile:
    lines: tuple[ReturnLine, ...]
    batch_numbers: frozenset[str]


def _rows(layout: Layout, path: Path) -> list[list[str]]:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputFileError(translate("BankFiles", "The return file {path} cannot be read: {error}").format(
            path=path, error=exc.strerror or exc)) from None
    if size > MAX_RETURN_BYTES:
        raise InputFileError(translate("BankFiles", "{path} is too large for a return file.").format(path=path.name))
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        try:
            wb = load_workbook(path, read_only=True, data_only=True)
        except Exception:  # noqa: BLE001 - any damage to the workbook is the same message to the clerk
            raise InputFileError(translate("BankFiles", "{path} is not a readable .xlsx file.").format(
                path=path.name)) from None
        try:
            ws = wb.worksheets[0]
            return [[_cell(v) for v in row] for row in ws.iter_rows(values_only=True)]
        finally:
            wb.close()
    raw = path.read_bytes()
    if raw[:4] == b"PK\x03\x04":
        raise InputFileError(translate("BankFiles", "{path} is an Excel workbook; give it the name ending .xlsx.").format(
            path=path.name))
    text = None
    for enc in dict.fromkeys((layout.encoding, "utf-8-sig", "gb18030")):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        raise InputFileError(translate("BankFiles", "{path} is not a text file in {enc}.").format(
            path=path.name, enc=layout.encoding))
    delim = layout.delimiter[:1] or ","
    return [[c.strip() for c in row] for row in csv.reader(io.StringIO(text), delimiter=delim)]


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return repr(v) if v != int(v) else str(int(v)) if abs(v) < 1e15 else repr(v)
    return str(v).strip()


def _parse_amount(layout: Layout, text: str) -> int | None:
    text = text.replace(",", "").replace("¥", "").replace("￥", "").strip()
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    if layout.return_mapping.get("amount_unit", layout.amount_unit) == E.AmountUnit.FEN.value:
        return int(value) if value == value.to_integral_value() else None
    fen = value * 100
    return int(fen) if fen == fen.to_integral_value() else None


def _parse_int(text: str) -> int | None:
    text = text.strip()
    if text.endswith(".0"):
        text = text[:-2]
    return int(text) if text.isascii() and text.isdigit() and len(text) < 9 else None


def read_return(layout: Layout, path: Path) -> ReturnFile:
    """The data lines of a return file, each with its problem (if any) said in words; the batch numbers seen."""
    rows = _rows(layout, Path(path))
    mapping = layout.return_mapping
    fields: dict[str, Any] = mapping.get("fields") or {}
    success = {str(s).strip() for s in mapping.get("success") or ()}
    failure = {str(s).strip() for s in mapping.get("failure") or ()}
    numbers = frozenset(m for r in rows for c in r for m in BATCH_NUMBER.findall(c or ""))
    pos: dict[str, int] = {}
    start = 0
    if mapping.get("by") == "title":
        for i, r in enumerate(rows):
            cells = [c.strip() for c in r]
            if all(str(fields[f]) in cells for f in ("line_no", "amount", "result") if f in fields):
                pos = {f: cells.index(str(t)) for f, t in fields.items() if str(t) in cells}
                start = i + 1
                break
        else:
            raise InputFileError(translate(
                "BankFiles", "The return file has no heading row with the columns {cols}: is it the return file of a "
                             "\"{layout}\" bank file?").format(
                cols="、".join(str(fields[f]) for f in ("line_no", "amount", "result") if f in fields),
                layout=layout.name))
    else:
        pos = {f: int(i) for f, i in fields.items()}
    lines = []
    for i, r in enumerate(rows[start:], start + 1):
        def get(f: str) -> str:
            j = pos.get(f)
            return r[j].strip() if j is not None and j < len(r) and r[j] is not None else ""

        raw_line = get("line_no")
        line_no = _parse_int(raw_line)
        if line_no is None:
            if mapping.get("by") == "position" or not any((c or "").strip() for c in r):
                continue  # the header or footer lines of a text file, or an empty row
            if raw_line in ("", "合计", "总计", "小计") or raw_line.startswith(("合计", "总计")):
                continue  # a totals row
        word = get("result")
        result = "paid" if word in success else "failed" if word in failure else word
        amount = _parse_amount(layout, get("amount"))
        problem = ""
        if line_no is None:
            problem = translate("BankFiles", "no line number ({value})").format(value=raw_line[:20])
        elif amount is None:
            problem = translate("BankFiles", "the amount {value} is not a number").format(value=get("amount")[:20])
        elif result not in ("paid", "failed"):
            problem = translate("BankFiles", "the result \"{value}\" is neither {ok} nor {bad}").format(
                value=word[:20], ok="/".join(sorted(success)), bad="/".join(sorted(failure)))
        lines.append(ReturnLine(i, line_no, get("holder_name"), re.sub(r"[\s\-]", "", get("account_no")), amount,
                                result, get("reason")[:200], problem))
    return ReturnFile(tuple(lines), numbers)
