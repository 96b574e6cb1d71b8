"""What every moving-in import shares with the talents import: a table of accepted headers per field, mapping a
sheet's header row to fields, and the rejection rows.

The file reading itself is `sheets.read_sheet` (.xlsx via calamine/openpyxl, CSV in UTF-8 or GBK, title rows above
the header), shared with the talents import; each import passes its own header recogniser.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any


from talentdesk.domain.errors import InputFileError, ValidationError
from talentdesk.domain.values import to_halfwidth
from talentdesk.i18n import current_language, translate
from talentdesk.services.common.sheets import (
    Rejection,
    Sheet,
    _blank,
    header_key,
    read_sheet,
)
from talentdesk.domain.labels import join_list

TOTAL_WORDS = ("合计", "总计", "小计", "累计", "Total", "total", "TOTAL")


class Columns:
    """One import's header table: field -> (Chinese header, English header, other spellings offices use)."""

    def __init__(self, table: Mapping[str, tuple[str, str, tuple[str, ...]]], required: tuple[str, ...]):
        self.table = dict(table)
        self.required = required
        self.aliases: dict[str, str] = {}
        for f, (zh, en, more) in self.table.items():
            for name in (zh, en, *more, f):
                self.aliases[header_key(name)] = f

    def field_for(self, header: Any) -> str | None:
        return self.aliases.get(header_key(header))

    def header(self, fieldname: str) -> str:
        zh, en, _ = self.table[fieldname]
        return en if current_language() == "en" else zh

    def title(self, fieldname: str) -> str:
        """How a field is named in messages about a file that lacks its column: the template's header."""
        return self.header(fieldname)

    def read(self, path: Path | str, *, sheet: str | None = None, hidden_rows: str | None = None,
             dry_run: bool = False) -> Sheet:
        """The file's sheet, with the rows Excel hides handled as the clerk chose (`apply_hidden_choice`)."""
        return apply_hidden_choice(read_sheet(path, recognise=self.field_for, sheet=sheet), hidden_rows,
                                   dry_run=dry_run)

    def open(self, path: Path | str, *, sheet: str | None = None, hidden_rows: str | None = None,
             dry_run: bool = False) -> tuple[Sheet, dict[str, int], list[str], Callable[[str], str]]:
        """`read` the file and `map` its headers: the sheet, field -> column index, the headers that mean nothing
        here, and how a message names a field's column (its header in the file, else the template's)."""
        found = self.read(path, sheet=sheet, hidden_rows=hidden_rows, dry_run=dry_run)
        by_field, unknown = self.map(found.headers)
        return found, by_field, unknown, lambda f: found.headers[by_field[f]] if f in by_field else self.title(f)

    def map(self, headers: list[str], *, one_of: tuple[tuple[str, ...], ...] = ()) -> tuple[dict[str, int], list[str]]:
        """field -> column index, and the headers that mean nothing here. Refuses a file without a required
        column or with two columns meaning the same field."""
        by_field: dict[str, int] = {}
        unknown: list[str] = []
        for i, h in enumerate(headers):
            if _blank(h):
                continue
            f = self.field_for(h)
            if f is None:
                unknown.append(h)
                continue
            if f in by_field:
                raise ValidationError(translate("Tabular", "The columns “{a}” and “{b}” both mean {field}; remove or "
                                                           "rename one of them.").format(
                    a=headers[by_field[f]], b=h, field=self.title(f)), field="mapping")
            by_field[f] = i
        missing = [self.title(f) for f in self.required if f not in by_field]
        for group in one_of:
            if not any(f in by_field for f in group):
                missing.append(translate("Tabular", "{a} or {b}").format(a=self.title(group[0]),
                                                                          b=self.title(group[1])))
        if missing:
            raise ValidationError(
                translate("Tabular", "The file has no column for: {fields}. Rename the column to one of the template's "
                                     "headers.").format(fields=join_list(missing)),
                field="mapping",
                details=[translate("Tabular", "Columns not recognised: {cols}").format(cols=join_list(unknown))]
                if unknown else [])
        return by_field, unknown


# a line under the table that is no record: notes, who filled it in and when (the first filled cell starts so)
_NOTE_LINE = re.compile(r"^(合计|总计|小计|共计|总数|汇总|注[:：\s]|注$|备注[:：]|说明[:：]|填表人|填报人|制表人|审核人|"
                        r"负责人|经办人|联系人[:：]|填表日期|填报日期|制表日期|单位负责人|本表)")


HIDDEN_CHOICES = ("include", "skip")


def apply_hidden_choice(sheet: Sheet, choice: str | None, *, dry_run: bool) -> Sheet:
    """Rows Excel hides (by hand, or by a filter) are never imported or dropped silently, the same rule as the
    roster import: a check lists them (`Sheet.hidden_rows`); a real import needs the clerk's choice — "include"
    imports them, "skip" leaves them out (still listed) — and without one it is refused, naming the rows."""
    if choice is not None and choice not in HIDDEN_CHOICES:
        raise InputFileError(translate("Tabular", "Hidden rows: choose include or skip."))
    hidden = list(sheet.hidden_rows)
    if not hidden or choice == "include":
        return sheet
    if choice == "skip":
        gone = set(hidden)
        return replace(sheet, rows=[r for r in sheet.rows if r[0] not in gone])
    if not dry_run:
        raise InputFileError(translate(
            "Tabular", "{n} rows of this file are hidden in Excel (rows {rows}). Decide whether to import them: in "
                       "the preview, or with --hidden-rows include or --hidden-rows skip.").format(
            n=len(hidden), rows=", ".join(map(str, hidden[:20])) + ("…" if len(hidden) > 20 else "")))
    return sheet


def merged_notes(sheet: Sheet, by_field: Mapping[str, int], skip: set[int] | frozenset[int] = frozenset()) -> list[
        Rejection]:
    """A note for every cell of a read column that was blank under a merged cell and filled with its value (one
    policy name merged over its rows, one person over their payments): filled, never silently."""
    fields_at = {i for i in by_field.values()}
    return [Rejection(row, sheet.headers[column], translate("Tabular", "filled in from the merged cell on row "
                                                                       "{row}").format(row=source))
            for row, column, source in sheet.filled if column in fields_at and row not in skip]


def is_totals_row(cells: list[Any]) -> bool:
    """A 合计 / 总计 / 小计 line under the table, or a notes line (注：…, 填表人：…) — not data, never an invalid
    row. Callers ask only for rows without an ID number."""
    for c in cells[:6]:
        if isinstance(c, str) and any(w in c.replace(" ", "") for w in TOTAL_WORDS):
            return True
    first = next((str(c).strip() for c in cells if not _blank(c)), "")
    return bool(_NOTE_LINE.match(to_halfwidth(first).replace(" ", "")))


@dataclass(frozen=True)
class ImportOutcome:
    """What a moving-in import did (or, for a dry run or a refused file, would do)."""

    imported: int
    rejected: list[Rejection]
    total_rows: int
    valid_rows: int
    skipped_blank: int = 0
    not_data: list[int] = field(default_factory=list)      # row numbers of totals and notes lines
    warnings: list[Rejection] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)
    dry_run: bool = False
    extra: dict = field(default_factory=dict)
    # data rows Excel hides (by hand or by a filter), as Excel numbers them, and what the clerk chose for them:
    # None (a check: listed only), "include" (imported) or "skip" (left out)
    hidden_rows: list[int] = field(default_factory=list)
    hidden_choice: str | None = None

    @property
    def refused(self) -> bool:
        return bool(self.rejected) and self.imported == 0 and not self.dry_run

    def as_json(self) -> dict:
        return {"imported": self.imported,
                "rejected": [{"row": r.row, "column": r.column, "message": r.message} for r in self.rejected],
                "warnings": [{"row": r.row, "column": r.column, "message": r.message} for r in self.warnings],
                "valid_rows": self.valid_rows, "total_rows": self.total_rows, "skipped_blank": self.skipped_blank,
                "not_data": list(self.not_data), "unknown_columns": list(self.unknown_columns),
                "dry_run": self.dry_run, "hidden_rows": list(self.hidden_rows),
                "hidden_choice": self.hidden_choice, **self.extra}


@dataclass
class Person:
    id: int
    id_number: str
    name: str
    arrival: Any
    status: str
    departure: Any
    tier: str
    education: str


class People:
    """The talents on file by ID number, with the close matches offered for a number that is not on file."""

    CLOSE = 3

    def __init__(self, session):
        from collections import defaultdict

        from sqlalchemy import select

        from talentdesk.domain.models import Talent

        self.by_id: dict[str, Person] = {}
        self.by_name: dict[str, list[Person]] = defaultdict(list)
        for r in session.execute(select(Talent.id, Talent.id_number, Talent.name, Talent.arrival_date, Talent.status,
                                        Talent.departure_date, Talent.tier_code, Talent.education)
                                 .where(Talent.id_number.is_not(None))):
            t = Person(*r)
            self.by_id[t.id_number] = t
            self.by_name[t.name].append(t)
        self._by_region: dict[str, list[str]] | None = None

    def similar(self, id_number: str, name: str) -> list[str]:
        from collections import defaultdict

        from talentdesk.domain.values import mask_id_number

        found = [f"{t.name} {mask_id_number(t.id_number)}" for t in self.by_name.get(name, [])][:self.CLOSE]
        if len(id_number) == 18 and len(found) < self.CLOSE:
            if self._by_region is None:
                self._by_region = defaultdict(list)
                for idn in self.by_id:
                    self._by_region[idn[:6]].append(idn)
            for idn in self._by_region.get(id_number[:6], []):
                if sum(a != b for a, b in zip(idn, id_number)) <= 2:
                    t = self.by_id[idn]
                    found.append(f"{t.name} {mask_id_number(t.id_number)}")
                    if len(found) >= self.CLOSE:
                        break
        return found

    def find(self, raw_id: Any, raw_name: Any, bad: Callable[[str, str], None]) -> Person | None:
        """The person a row names by ID number (its name, when given, checked against it). Each problem goes to
        `bad(field, message)`: missing, damaged by Excel, not on file (with close matches), another person's."""
        from talentdesk.domain.values import mask_id_number, normalise_id_number
        from talentdesk.domain.written import key_text, text_cell

        if _blank(raw_id):
            bad("id_number", translate("Tabular", "The ID number is missing."))
            return None
        idn = normalise_id_number(text_cell(raw_id))
        person = self.by_id.get(idn)
        name = text_cell(raw_name)
        if person is None:
            if isinstance(raw_id, (int, float)) and not isinstance(raw_id, bool):
                bad("id_number", translate("Tabular", "Excel stored this ID number as a number and lost its last "
                                                            "digits. Set the column to text (文本) and type the number "
                                                            "again."))
            else:
                near = self.similar(idn, name)
                msg = translate("Tabular", "No talent with the ID number {id} is on file; import the talent "
                                                 "roster first.").format(id=mask_id_number(idn))
                if near:
                    msg += " " + translate("Tabular", "Close matches: {names}.").format(names="；".join(near))
                bad("id_number", msg)
            return None
        if name and key_text(name) != key_text(person.name):
            bad("name", translate("Tabular", "The ID number belongs to {on_file}, not to {written}.").format(
                on_file=person.name, written=name))
            return None
        return person


def backup_first(session) -> Path | None:
    """The checked backup before an import writes (SQLite files only): checked, copied to the second folder when
    one is set, rotated like every other backup."""
    url = session.get_bind().url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    from talentdesk.services.common.settings import get_setting
    from talentdesk.store.backup_files import make_backup

    return make_backup(Path(url.database), reason="pre-import",
                       second_folder=get_setting(session, "backup_second_folder") or "").path


def cell(cells: list[Any], by_field: Mapping[str, int], name: str) -> Any:
    i = by_field.get(name)
    if i is None or i >= len(cells):
        return None
    v = cells[i]
    if isinstance(v, str):
        v = v.strip()
        if v.startswith("'") and len(v) > 1:  # our exports guard formula characters with a leading quote
            v = v[1:]
        return v or None
    return v


@dataclass
class RowCount:
    """What `data_rows` passed over: blank rows, and the rows below the table that are not data (totals, notes)."""

    blank: int = 0
    not_data: list[int] = field(default_factory=list)


def data_rows(sheet: Sheet, by_field: Mapping[str, int], count: RowCount, *, abort: Callable[[], bool] | None,
              cancelled: str, progress: Callable[[int, int, str], None] | None = None, checking: str = "",
              every: int = 2000) -> Iterator[tuple[int, list[Any]]]:
    """The rows of a moving-in sheet that hold data, with their Excel row numbers. Blank rows are counted, a row
    without an ID number that reads as a total or a note is listed as not data (in `count`); `abort()` is asked
    every 500 rows and raises InputFileError(`cancelled`); `progress` is told every `every` rows."""
    total = len(sheet.rows)
    for n, (rownum, cells) in enumerate(sheet.rows):
        if abort is not None and n % 500 == 0 and abort():
            raise InputFileError(cancelled)
        if progress is not None and n % every == 0:
            progress(n, total, checking)
        if all(_blank(c) for c in cells):
            count.blank += 1
            continue
        if _blank(cell(cells, by_field, "id_number")) and is_totals_row(cells):
            count.not_data.append(rownum)
            continue
        yield rownum, cells


def add_imported(session, records: Iterable[Any], total: int, progress: Callable[[int, int, str], None] | None,
                 text: str) -> None:
    """Add the records of an import to the session, telling `progress` (with `text`) every 200, then flush."""
    for n, record in enumerate(records):
        session.add(record)
        if progress is not None and n % 200 == 0:
            progress(n, total, text)
    session.flush()


def person_rows(sheet: Sheet, by_field: Mapping[str, int], count: RowCount, people: "People",
                column: Callable[[str], str], *, abort: Callable[[], bool] | None,
                cancelled: str) -> Iterator[tuple[int, list[Any], Any, list["Rejection"], Callable[[str, str], None]]]:
    """The data rows (`data_rows`) of a file whose rows each name a talent by ID number and name: each with its
    Excel row number, its cells, the talent found (None when the row does not name one on file), the row's problems
    so far and `bad(field, message)`, which adds one (`column(field)` names the column)."""
    for rownum, cells in data_rows(sheet, by_field, count, abort=abort, cancelled=cancelled):
        problems: list[Rejection] = []

        def bad(f: str, message: str, rownum: int = rownum, problems: list[Rejection] = problems) -> None:
            problems.append(Rejection(rownum, column(f), message))

        person = people.find(cell(cells, by_field, "id_number"), cell(cells, by_field, "name"), bad)
        yield rownum, cells, person, problems, bad


__all__ = ["Columns", "person_rows", "add_imported", "ImportOutcome", "backup_first", "People", "Person", "Rejection", "Sheet", "cell", "is_totals_row",
           "RowCount", "data_rows"]
