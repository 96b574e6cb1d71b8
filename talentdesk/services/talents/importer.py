"""Import the office's Excel/CSV rosters into the talent file: read, map headers, normalise, check, then write
all rows or none (unless the user chose to skip invalid rows).

`COLUMNS` is the ONE table of header names (Chinese and English, as offices really write them); the exporter
writes the first name of each entry, so an export can always be imported again.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import queue
import re
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentdesk.domain import enums as E
from talentdesk.domain.errors import InputFileError, ValidationError
from talentdesk.domain.models import Employer, ExitReason, Talent
from talentdesk.domain.parsing import cell_text, parse_choice, parse_date_value
from talentdesk.domain.pinyin import pinyin_keys
from talentdesk.domain.talent_fields import (
    REQUIRED_FIELDS,
    check_departure,
    clean_talent_fields,
    field_label,
    service_end,
)
from talentdesk.domain.values import to_halfwidth
from talentdesk.i18n import current_language, translate
from talentdesk.services.base import (
    BoundRows,
    Change,
    Permission,
    Staging,
    bind_rows,
    bulk_insert,
    operation,
    record_event,
    session_county,
)
from talentdesk.services import watch_signals
from talentdesk.services.common import sheets
from talentdesk.store.db import bulk_cache_kib, larger_page_cache
from talentdesk.services.common.sheets import (  # noqa: F401 - the reading names stay importable from here
    INJECTION_CHARS,
    MAX_FILE_BYTES,
    Rejection,
    Sheet,
    _blank,
    _read_xlsx_calamine,
    _read_xlsx_openpyxl,
    header_key,
    unescape_cell,
)
from talentdesk.services.talents.records import tier_spellings
from talentdesk.domain.labels import join_list

# field -> (Chinese header written on export, English header written on export, other accepted spellings)
COLUMNS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "name": ("姓名", "Name", ("名字", "人才姓名", "人员姓名", "姓名（中文）")),
    "gender": ("性别", "Gender", ("sex",)),
    "id_number": ("身份证号", "ID number", ("身份证号码", "公民身份号码", "身份证", "证件号码", "居民身份证号码",
                                             "身份证件号码", "身份证号(18位)", "ID No", "ID")),
    "birth_date": ("出生日期", "Birth date", ("出生年月", "生日", "Date of birth")),
    "ethnicity": ("民族", "Ethnicity", ()),
    "native_place": ("籍贯", "Native place", ()),
    "phone": ("联系电话", "Phone", ("手机号码", "手机号", "手机", "电话", "电话号码", "联系方式", "移动电话",
                                   "联系手机", "本人电话", "Mobile")),
    "email": ("电子邮箱", "E-mail", ("邮箱", "电子邮件", "Email")),
    "education": ("学历", "Education", ("最高学历", "文化程度", "学历层次", "全日制学历")),
    "degree": ("学位", "Degree", ("最高学位", "学位层次")),
    "school": ("毕业院校", "School", ("毕业学校", "院校", "毕业院校及专业")),
    "major": ("专业", "Major", ("所学专业",)),
    "professional_title": ("职称", "Professional title", ("专业技术职称", "Title")),
    "tier_code": ("人才类别", "Talent tier", ("人才层次", "人才等级", "人才级别", "人才类型", "人才分类", "人才层级",
                                             "认定类别", "认定层次", "类别", "层次", "级别", "Tier")),
    "intro_mode": ("引进方式", "Introduction mode", ("引才方式",)),
    "employer": ("用人单位", "Employer", ("工作单位", "单位", "单位名称", "所在单位", "引进单位", "现工作单位")),
    "post": ("岗位", "Post", ("职务", "工作岗位", "Position")),
    "important_post": ("重要岗位", "Important post", ("是否重要岗位",)),
    "arrival_date": ("到岗日期", "Arrival date", ("到岗时间", "报到时间", "报到日期", "引进时间", "引进日期", "入职时间",
                                               "入职日期", "登记日期", "登记时间", "报到登记日期", "来县工作时间")),
    "service_years": ("服务期", "Service commitment (years)", ("服务期限", "服务年限", "约定服务期", "承诺服务年限",
                                                             "协议服务期", "Service years")),
    "status": ("状态", "Status", ("在岗状态",)),
    "departure_date": ("离开日期", "Departure date", ("离职日期",)),
    "departure_reason": ("离开原因", "Departure reason", ("离职原因",)),
    "exit_reason": ("离开原因类别", "Reason for leaving (coded)", ("离开原因代码", "离职原因类别", "Exit reason")),
    "departure_destination": ("去向", "Destination", ("离开去向",)),
    "clawback_waiver_reason": ("免于追回理由", "Clawback waiver reason", ()),
    "notes": ("备注", "Notes", ("说明",)),
}
FIELDS = tuple(COLUMNS)
MAX_CELL = 32767          # Excel's own limit for one cell


_ALIASES: dict[str, str] = {}
for _f, (_zh, _en, _more) in COLUMNS.items():
    for _name in (_zh, _en, *_more, _f):
        _ALIASES[header_key(_name)] = _f


def field_for_header(text: Any) -> str | None:
    """The field a header names; a bracketed remark is ignored (服务期限（年）, 手机号码(必填))."""
    key = header_key(text)
    return _ALIASES.get(key) or _ALIASES.get(re.sub(r"\([^)]*\)", "", key))


def export_header(fieldname: str) -> str:
    zh, en, _ = COLUMNS[fieldname]
    return en if current_language() == "en" else zh


def column_title(fieldname: str) -> str:
    """The translated name of an import field, for the mapping combo box."""
    return translate("Importer", "Employer (name)") if fieldname == "employer" else field_label(fieldname)


# ------------------------------------------------------------------ reading a file

def read_sheet(path: Path | str, *, recognise: Callable[[Any], Any] | None = None, sheet: str | None = None) -> Sheet:
    """The first (or the named) sheet of an .xlsx, or a .csv, its header row found by the roster's headers
    (services/common/sheets reads the file; every import shares it)."""
    return sheets.read_sheet(path, recognise=recognise or field_for_header, sheet=sheet)


# ------------------------------------------------------------------ checking

@dataclass(frozen=True)
class ImportResult:
    """What an import did (or, for a dry run or a refused file, would do)."""

    imported: int
    skipped_blank: int
    rejected: list[Rejection]
    new_employers: list[str]
    valid_rows: int = 0
    total_rows: int = 0
    dry_run: bool = False
    unknown_columns: list[str] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)  # header as in the file -> field
    warnings: list[Rejection] = field(default_factory=list)  # accepted, but worth a look (unknown region code)
    not_data: list[Rejection] = field(default_factory=list)  # rows below the table: totals, notes, signatures
    hidden_rows: list[int] = field(default_factory=list)     # data rows hidden in Excel (the clerk decides)
    hidden_columns: list[str] = field(default_factory=list)  # headers of columns hidden in Excel
    # field -> the values in the file that matched none of the accepted ones (for the preview's value mapping)
    unknown_values: dict[str, list[str]] = field(default_factory=dict)

    @property
    def refused(self) -> bool:
        """Rows were rejected and nothing was (or would be) imported because invalid rows are not skipped."""
        return bool(self.rejected) and self.imported == 0 and not self.dry_run

    def as_json(self) -> dict:
        return {"imported": self.imported, "skipped_blank": self.skipped_blank,
                "rejected": [{"row": r.row, "column": r.column, "message": r.message} for r in self.rejected],
                "new_employers": list(self.new_employers), "valid_rows": self.valid_rows,
                "total_rows": self.total_rows, "dry_run": self.dry_run,
                "unknown_columns": list(self.unknown_columns), "mapping": dict(self.mapping),
                "warnings": [{"row": r.row, "column": r.column, "message": r.message} for r in self.warnings],
                "not_data": [{"row": r.row, "message": r.message} for r in self.not_data],
                "hidden_rows": list(self.hidden_rows), "hidden_columns": list(self.hidden_columns),
                "unknown_values": {k: list(v) for k, v in self.unknown_values.items()}}


def _field_named(text: str) -> str:
    """A field's internal name, or any header accepted for it -> the field; anything else is refused."""
    fieldname = text.strip() if text.strip() in COLUMNS else field_for_header(text)
    if fieldname is None:
        raise InputFileError(translate("Importer", "Unknown field “{field}”; known fields: {fields}.").format(
            field=text.strip(), fields=", ".join(FIELDS)))
    return fieldname


def _pairs(items: list[str] | None, form_error: str, *, at_last: bool) -> Iterator[tuple[str, str]]:
    """Each "left=right" option value split at its first (or last) "="; one without "=" is refused with form_error."""
    for item in items or []:
        if "=" not in item:
            raise InputFileError(form_error)
        left, right = item.rsplit("=", 1) if at_last else item.split("=", 1)
        yield left, right


def parse_fixed(items: list[str] | None) -> dict[str, str]:
    """--set "人才类别=E" (a field's name or any accepted header, then the value) -> {field: value}."""
    form = translate("Importer", "--set needs the form “column=value”, e.g. “人才类别=E”.")
    return {_field_named(target): value.strip() for target, value in _pairs(items, form, at_last=False)}


def parse_mapping(items: list[str] | None) -> dict[str, str]:
    """--map "列名=field" (field may be an internal name or any accepted header) -> {header: field}."""
    form = translate("Importer", "--map needs the form “column name=field”, e.g. “工作证号=id_number”.")
    return {header.strip(): _field_named(target) for header, target in _pairs(items, form, at_last=True)}


def map_columns(headers: list[str], manual: Mapping[str, str] | None = None, *,
                provided: set[str] | frozenset[str] = frozenset()) -> tuple[dict[int, str], list[str]]:
    """Column index -> field, and the headers that match no field. A manual mapping wins; '' ignores a column."""
    manual = {header_key(k): v for k, v in (manual or {}).items()}
    by_index: dict[int, str] = {}
    unknown: list[str] = []
    used: dict[str, str] = {}
    for i, h in enumerate(headers):
        if _blank(h):
            continue
        key = header_key(h)
        fieldname = manual[key] if key in manual else field_for_header(h)
        if not fieldname:
            if key not in manual:
                unknown.append(h)
            continue
        if fieldname in used:
            raise ValidationError(translate("Importer", "The columns “{a}” and “{b}” both mean {field}; remove or re-map one of them.")
                                  .format(a=used[fieldname], b=h, field=column_title(fieldname)))
        used[fieldname] = h
        by_index[i] = fieldname
    missing = [f for f in REQUIRED_FIELDS if f not in used and f not in provided]
    if missing:
        raise ValidationError(
            translate("Importer", "The file has no column for: {fields}. Rename the column, map it by hand, or give one value for every row.").format(
                fields=join_list(column_title(f) for f in missing)),
            field="mapping",
            details=[translate("Importer", "Columns not recognised: {cols}").format(cols=join_list(unknown))] if unknown else [],
        )
    return by_index, unknown


# a row under the table that is not a person: totals, notes, who filled it in and when
_NOT_DATA = re.compile(r"^(合计|总计|小计|共计|总数|汇总|注[:：\s]|注$|备注[:：]|说明[:：]|填表人|填报人|制表人|审核人|"
                       r"负责人|经办人|联系人[:：]|填表日期|填报日期|制表日期|单位负责人|本表)")
_NOT_DATA_FIRST = frozenset("合总小共汇注备说填制审负经联单本")  # the characters _NOT_DATA's words start with


def not_data_reason(cells: list[Any], id_index: int | None) -> str | None:
    """Why a row is not a person's record, or None: its first filled cell starts like a totals or notes line
    (合计, 总计, 小计, 注：, 填表人 …) and it carries no ID number."""
    first = next((str(c).strip() for c in cells if not _blank(c)), "")
    if not _NOT_DATA.match(to_halfwidth(first).replace(" ", "")):
        return None
    if (id_index is not None and id_index < len(cells) and not _blank(cells[id_index])
            and len(_SPACES.sub("", str(cells[id_index]))) >= 15):
        return None  # it carries an ID number: a person, whatever the first cell says
    return translate("Importer", "not data: “{text}”").format(text=first[:40])


_SPACES = re.compile(r"\s")
_RUNS = re.compile(r"\s+")


def _norm_employer(name: str) -> str:
    return _RUNS.sub("", to_halfwidth(name))


@dataclass
class _Checked:
    rejected: list[Rejection]
    skipped_blank: int
    total: int
    warnings: list[Rejection] = field(default_factory=list)
    not_data: list[Rejection] = field(default_factory=list)
    unknown_values: dict[str, list[str]] = field(default_factory=dict)


# fields whose values come from a fixed list: a value that matches none can be mapped by the clerk for the file
MAPPABLE = ("tier_code", "education", "degree", "gender", "intro_mode", "status", "important_post")
HIDDEN_CHOICES = ("include", "skip")
# the order in which a row's problems with its talent fields are listed
_CHECKED_ORDER = ("name", "gender", "id_number", "birth_date", "phone", "email", "education", "degree", "tier_code",
                  "intro_mode", "important_post", "arrival_date", "service_years", "ethnicity", "native_place",
                  "school", "major", "professional_title", "post", "notes")


def parse_value_map(items: list[str] | None) -> dict[str, dict[str, str]]:
    """--value "人才类别:特聘=B" -> {"tier_code": {"特聘": "B"}} (the preview's value mapping on the command line)."""
    out: dict[str, dict[str, str]] = {}
    for item in items or []:
        target, sep, rest = item.partition(":")
        raw, eq, value = rest.partition("=")
        fieldname = target.strip() if target.strip() in COLUMNS else field_for_header(target)
        if not sep or not eq or fieldname not in MAPPABLE or not raw.strip():
            raise InputFileError(translate("Importer", "--value needs the form “column:value in the file=value”, "
                                                       "e.g. “人才类别:特聘=B”, for one of: {fields}.").format(
                fields=join_list(column_title(f) for f in MAPPABLE)))
        out.setdefault(fieldname, {})[raw.strip()] = value.strip()
    return out


def check_rows(session: Session, sheet: Sheet, by_index: Mapping[int, str], *, today: dt.date | None = None,
               fixed: Mapping[str, Any] | None = None,
               value_map: Mapping[str, Mapping[str, str]] | None = None,
               progress: Callable[[int, int, str], None] | None = None,
               abort: Callable[[], bool] | None = None, writer: _Writer | None = None,
               stage: str | None = None) -> _Checked:
    """Check every row of the sheet. The rows that pass go to `writer` in blocks, in file order (it refuses ID numbers
    already on file and, for a real import, writes them); without one, a writer that only checks (a dry run)."""
    today = today or dt.date.today()
    tiers = tier_spellings(session)
    employers = {_norm_employer(n): i for i, n in session.execute(select(Employer.id, Employer.name)).all()}
    exit_codes = {str(k).strip().lower(): i for i, *names in session.execute(
        select(ExitReason.id, ExitReason.code, ExitReason.name, ExitReason.name_en)) for k in names if k}
    header_of = {f: sheet.headers[i] for i, f in by_index.items()}
    col = lambda f: header_of.get(f) or column_title(f)  # noqa: E731
    new_employers: dict[str, str] = {}  # normalised -> the spelling first seen (the writer creates those it needs)
    if writer is None:
        writer = _Writer(session, write=False, all_or_nothing=False)
    writer.begin(employers=employers, names=new_employers, col=col)
    good: list[dict[str, Any]] = []
    rejected: list[Rejection] = []
    blank = 0
    seen_ids: dict[str, int] = {}
    employer_keys: dict[str, str] = {}  # as written -> normalised (a roster names few employers, many times)
    warnings: list[Rejection] = []
    not_data: list[Rejection] = []
    id_index = next((i for i, f in by_index.items() if f == "id_number"), None)
    fixed = dict(fixed or {})
    value_map = {f: {str(k).strip(): v for k, v in m.items()} for f, m in (value_map or {}).items()}
    unknown_values: dict[str, set[str]] = {}
    filled: dict[int, list[tuple[int, int]]] = {}
    for row, column, source in sheet.filled:
        filled.setdefault(row, []).append((column, source))
    total = len(sheet.rows)
    stage = stage or translate("Importer", "Checking rows")
    for n, (rownum, cells) in enumerate(sheet.rows):
        if abort is not None and n % 500 == 0 and abort():
            writer.cancel()
            raise InputFileError(translate("Importer", "The import was cancelled; nothing was changed."))
        if progress is not None and n % 1000 == 0:
            progress(n, total, stage)
        for first in cells:  # the first filled cell (a blank row has none)
            if first is not None and (not isinstance(first, str) or first.strip()):
                break
        else:
            blank += 1
            continue
        # only a row whose first filled cell starts like a totals or notes line can be one (most start otherwise)
        reason = not_data_reason(cells, id_index) if str(first).strip()[:1] in _NOT_DATA_FIRST else None
        if reason is not None:
            not_data.append(Rejection(rownum, "", reason))
            continue
        values: dict[str, Any] = {}
        problems: list[Rejection] = []
        for i, f in by_index.items():
            v = cells[i] if i < len(cells) else None
            if isinstance(v, str):
                if len(v) > MAX_CELL:
                    problems.append(Rejection(rownum, col(f), translate("Importer", "The cell is longer than {n} characters.").format(
                        n=MAX_CELL)))
                    v = ""
            values[f] = v
        values.update(fixed)  # one value for every row (--set, or the preview's "same for all rows")
        # the values as written in the mappable columns (before the clerk's mapping); without a mapping they are
        # only needed for a row with errors, and read then
        raw_choice = {f: cell_text(values.get(f)) for f in MAPPABLE if f in values} if value_map else None
        for f, table in value_map.items():  # the clerk's mapping for this file (e.g. 特聘 -> B)
            if raw_choice.get(f) in table:
                values[f] = table[raw_choice[f]]
        employer_name = _RUNS.sub(" ", str(values.pop("employer", "") or "").strip())
        noted: dict[str, str] = {}
        clean, errors = clean_talent_fields(values, today=today, tiers=tiers, warnings=noted)
        if raw_choice is None and (errors or not _blank(values.get("status"))):
            raw_choice = {f: cell_text(values.get(f)) for f in MAPPABLE if f in values}
        for f in _CHECKED_ORDER if errors else ():
            if f in errors:
                problems.append(Rejection(rownum, col(f), errors[f]))
                if f in MAPPABLE and raw_choice.get(f):
                    unknown_values.setdefault(f, set()).add(raw_choice[f])
        status = E.TalentStatus.ACTIVE.value
        extra: dict[str, Any] = {"departure_date": None, "departure_reason": "", "departure_destination": "",
                                 "clawback_waiver_reason": ""}
        try:
            if not _blank(values.get("status")):
                status = parse_choice(E.TalentStatus, values["status"], field="status")
        except ValidationError as exc:
            problems.append(Rejection(rownum, col("status"), exc.message))
            if raw_choice.get("status"):
                unknown_values.setdefault("status", set()).add(raw_choice["status"])
        try:
            extra["departure_date"] = parse_date_value(values.get("departure_date"), field="departure_date")
        except ValidationError as exc:
            problems.append(Rejection(rownum, col("departure_date"), exc.message))
        if extra["departure_date"] is not None:
            implausible = check_departure(extra["departure_date"], arrival=clean.get("arrival_date"), today=today)
            if implausible:
                problems.append(Rejection(rownum, col("departure_date"), implausible))
        coded = values.get("exit_reason")
        extra["exit_reason_id"] = None
        if not _blank(coded):
            extra["exit_reason_id"] = exit_codes.get(str(coded).strip().lower())
            if extra["exit_reason_id"] is None:
                problems.append(Rejection(rownum, col("exit_reason"), translate(
                    "Importer", "Unknown reason for leaving: {value}.").format(value=str(coded).strip())))
        for f, limit in (("departure_reason", 200), ("departure_destination", 120), ("clawback_waiver_reason", 200)):
            extra[f] = str(values.get(f) or "").strip()
            if len(extra[f]) > limit:
                problems.append(Rejection(rownum, col(f), translate("Importer", "At most {n} characters.").format(n=limit)))
        if status == E.TalentStatus.DEPARTED.value and extra["departure_date"] is None and "departure_date" not in {
                p.column for p in problems}:
            problems.append(Rejection(rownum, col("departure_date"),
                                      translate("Importer", "A departed talent needs a departure date.")))
        if status == E.TalentStatus.ACTIVE.value and extra["departure_date"] is not None:
            status = E.TalentStatus.DEPARTED.value
        if not employer_name and status == E.TalentStatus.ACTIVE.value:
            # the talent editor requires the employer of someone in post, so an import does too; a person recorded
            # as gone may have none on file (old rosters of leavers often leave it blank)
            problems.append(Rejection(rownum, col("employer"), translate(
                "Importer", "The employer is required (as in the talent editor). Fill in the column, or give one "
                            "employer for every row.")))
        if len(employer_name) > 120:
            problems.append(Rejection(rownum, col("employer"), translate("Importer", "At most {n} characters.").format(n=120)))
        idn = clean.get("id_number")
        if idn and "id_number" not in errors:
            if idn in seen_ids:
                problems.append(Rejection(rownum, col("id_number"),
                                          translate("Importer", "The same ID number is already on row {row} of this file.").format(
                                              row=seen_ids[idn])))
            else:
                seen_ids[idn] = rownum
        if problems:
            rejected.extend(problems)
            writer.refused()
            continue
        warnings.extend(Rejection(rownum, col(f), message) for f, message in noted.items())
        for column, source in filled.get(rownum, ()):
            if column in by_index:
                warnings.append(Rejection(rownum, col(by_index[column]), translate(
                    "Importer", "filled in from the merged cell on row {row}").format(row=source)))
        key = None
        if employer_name:
            key = employer_keys.get(employer_name)
            if key is None:
                key = employer_keys[employer_name] = _norm_employer(employer_name)
            if key not in employers and key not in new_employers:
                new_employers[key] = employer_name
        clean.update(extra)
        clean["status"] = status
        clean["_employer"] = key
        clean["_row"] = rownum
        good.append(clean)
        if len(good) == _BLOCK:
            writer.take(good)
            good = []
    writer.take(good)
    writer.finish(progress=progress, abort=abort, total=total, stage=stage)
    rejected.extend(writer.rejected)
    rejected.sort(key=lambda r: r.row)
    return _Checked(rejected, blank, total, warnings, not_data, {f: sorted(v) for f, v in unknown_values.items()})


_BLOCK = 2000  # rows handed from the checks to the writer at a time (each written block: one bulk audit entry)


@dataclass(frozen=True)
class _Signals:
    """The watch list's rows of the talents with ids first … last, for the writer to store."""
    first: int
    last: int
    values: list[tuple]


_CLOSE = object()  # to the writer: write what is left and move the staged rows in


@dataclass
class _Block:
    """Rows that passed the checks, with the employer each names (normalised) and its row in the file; for a real
    import on SQLite also the values as the driver takes them (bound on the checks' thread)."""
    rows: list[dict[str, Any]]
    employers: list[str | None]
    rownums: list[int]
    bound: BoundRows | None = None


class _Handover:
    """How often Python hands its lock from one thread to another, shortened while an import's writer runs.

    The writer spends its time in the database driver, without the lock; each time a statement returns it needs the
    lock back for a moment, and by default waits up to 5 ms for the checks' thread to hand it over — hundreds of
    statements, over a second of a 100,000-row import (issue 18). At 1 ms the two threads overlap as they should;
    the window's thread is handed the lock sooner too. Restored when the last writer ends."""

    INTERVAL = 0.001

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._users = 0
        self._saved = sys.getswitchinterval()

    def quicken(self) -> None:
        with self._lock:
            if self._users == 0:
                self._saved = sys.getswitchinterval()
                sys.setswitchinterval(min(self._saved, self.INTERVAL))
            self._users += 1

    def restore(self) -> None:
        with self._lock:
            self._users -= 1
            if self._users == 0:
                sys.setswitchinterval(self._saved)


_handover = _Handover()


class _Writer:
    """What happens to the rows that passed the checks, a block at a time in file order: an ID number already on
    file is refused, the employers the others name that are not on file are noted, and — for a real import — the
    block is written, with the employers it needs first.

    A real import writes on a second thread while the checks of the next blocks go on: the SQLite and PostgreSQL
    drivers let go of Python's lock while the database works, so on a machine with two cores the checks and the
    index updates overlap (issue 18). Nothing else uses the unit of work's session meanwhile: the checks are pure.
    When a row is refused and invalid rows are not skipped, writing stops, the checks go on (the clerk sees every
    refusal), and what was written is undone: the writer opened a savepoint first — all rows or none."""

    SAVEPOINT = "td_import"

    def __init__(self, session: Session, *, write: bool, all_or_nothing: bool):
        self.session, self.write, self.all_or_nothing = session, write, all_or_nothing
        self.employer_ids: dict[str, int] = {}
        self.names: Mapping[str, str] = {}
        self.col: Callable[[str], str] = column_title
        self.needed: dict[str, str] = {}     # employers not on file that accepted rows name, in order of first need
        self.created: list[Employer] = []
        self.rejected: list[Rejection] = []  # ID numbers already on file
        self.accepted = 0
        self.written = 0
        self.stopped = False
        self._ends: dict[tuple[dt.date, int], dt.date | None] = {}
        self._queue: queue.Queue | None = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self._savepoint = False
        # accepted rows not yet written (2,000 at a time): (row, its employer, its bound values)
        self._pending: list[tuple[dict[str, Any], str | None, list[Any] | None]] = []
        self._staging: Staging | None = None
        self._keys: list[str] | None = None  # the columns of the bound values
        # the watch list's rows of the new talents: the writer says which ids the rows it moved in got, the checks'
        # thread works out their rows meanwhile, the writer stores them (issue 18: not after the import, at commit)
        self._staged: list[tuple[dt.date, dt.date | None, str]] = []  # (arrival, end, status) of rows staged
        self._moves: queue.SimpleQueue = queue.SimpleQueue()  # (first id, last id, {id: (arrival, end)})
        self._closed = threading.Event()

    def begin(self, *, employers: dict[str, int], names: Mapping[str, str], col: Callable[[str], str]) -> None:
        self.employer_ids, self.names, self.col = dict(employers), names, col
        if not self.write:
            return
        if self.all_or_nothing:
            self.session.connection().exec_driver_sql(f"SAVEPOINT {self.SAVEPOINT}")
            self._savepoint = True
        session_county(self.session)  # looked up now: the checks' thread binds values with it, touching no database
        if self.session.get_bind().dialect.name == "sqlite":
            self._staging = Staging(Talent.__table__, moved=self._moved)
        self._queue = queue.Queue(maxsize=6)  # a few blocks ahead (the writer never waits), memory stays bounded
        self._thread = threading.Thread(target=self._run, name="talent-import-writer", daemon=True)
        _handover.quicken()
        try:
            self._thread.start()
        except BaseException:  # no thread (the system refused one): the interval goes back, the error is told
            _handover.restore()
            self._thread = None
            raise

    def refused(self) -> None:
        """A row was refused: with all or nothing, nothing more is written (what was is undone at the end)."""
        if self.all_or_nothing:
            self.stopped = True

    def take(self, rows: list[dict[str, Any]]) -> None:
        """The next block of rows that passed the checks (called by the checks' thread)."""
        if not rows:
            return
        block = _Block(rows, [r.pop("_employer") for r in rows], [r.pop("_row") for r in rows])
        if self._thread is None:
            self._handle(block)
            return
        if self._error is not None:
            self.cancel()
            raise self._error
        if not self.stopped:
            # the derived columns and the values as the driver takes them, on this thread: the writer's own is
            # busy with the database (the employer's id is filled in there, once a new employer has one)
            for r in rows:
                r["name_pinyin"], r["name_initials"] = pinyin_keys(r["name"])
                key = (r["arrival_date"], r["service_years"])
                end = self._ends.get(key, self._ends)
                if end is self._ends:  # a roster has few arrival days and commitments: each pair is worked out once
                    end = self._ends[key] = service_end(*key)
                r["service_end_date"] = end
            block.bound = bind_rows(self.session, Talent.__table__, rows)
        self._queue.put(block)
        self._signals()

    def _signals(self) -> None:
        """The watch list's rows of the talents the writer moved in since last asked, handed to it to store."""
        while True:
            try:
                first, last, talents = self._moves.get_nowait()
            except queue.Empty:
                return
            if not self.stopped:
                self._queue.put(_Signals(first, last, watch_signals.fresh_values(talents)))

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            if self._error is not None:
                continue
            try:
                if item is _CLOSE:
                    try:
                        if not self.stopped:
                            if self._pending:
                                self._write(self._pending)
                            if self._staging is not None:
                                self._staging.close(self.session.connection())
                    finally:
                        self._pending = []
                        self._closed.set()
                elif isinstance(item, _Signals):
                    if not self.stopped:
                        watch_signals.write_fresh(self.session, item.first, item.last, item.values)
                else:
                    self._handle(item)
            except BaseException as exc:  # noqa: BLE001 - handed to the checks' thread, which raises it
                self._error = exc
                self._closed.set()

    def _moved(self, _conn, first: int | None, n: int) -> None:
        """Staging moved the first `n` staged rows in, with ids first … first+n-1 (None: not known)."""
        moved, self._staged = self._staged[:n], self._staged[n:]
        if first is not None:
            active = E.TalentStatus.ACTIVE.value
            self._moves.put((first, first + n - 1, {first + k: (arrival, end) for k, (arrival, end, status)
                                                    in enumerate(moved) if status == active}))

    def _handle(self, block: _Block) -> None:
        ids = [r["id_number"] for r in block.rows]
        on_file: dict[str, str] = {}
        # one query a block: while the checks run, each statement waits its turn for Python's lock
        on_file.update(self.session.execute(
            select(Talent.id_number, Talent.name).where(Talent.id_number.in_(ids))).all())
        keep = []
        for k, r in enumerate(block.rows):
            name = on_file.get(r["id_number"])
            if name is not None:
                self.rejected.append(Rejection(block.rownums[k], self.col("id_number"), translate(
                    "Importer", "This ID number is already on file for {name}.").format(name=name)))
                continue
            keep.append(k)
            key = block.employers[k]
            if key and key not in self.employer_ids and key not in self.needed:
                self.needed[key] = self.names[key]
        if on_file:
            self.refused()
        self.accepted += len(keep)
        if not self.write or self.stopped:
            return
        values = block.bound.values if block.bound is not None else None
        self._pending += [(block.rows[k], block.employers[k], values[k] if values is not None else None)
                          for k in keep]
        if self._keys is None and block.bound is not None:
            self._keys = block.bound.keys
        while len(self._pending) >= _BLOCK:  # 2,000 rows a statement group and a bulk audit entry, as always
            self._write(self._pending[:_BLOCK])
            del self._pending[:_BLOCK]

    def _write(self, keep: list[tuple[dict[str, Any], str | None, list[Any] | None]]) -> None:
        fresh = [(key, name) for key, name in self.needed.items() if key not in self.employer_ids]
        if fresh:
            made = []
            for key, name in fresh:
                py, ini = pinyin_keys(name)
                made.append((key, Employer(name=name, name_pinyin=py, name_initials=ini)))
            self.session.add_all([e for _k, e in made])
            self.session.flush()
            for key, e in made:
                self.employer_ids[key] = e.id
                self.created.append(e)
        at = self._keys.index("employer_id") if self._keys is not None else None
        for r, emp, values in keep:
            r["employer_id"] = self.employer_ids[emp] if emp else None
            if values is not None:
                values[at] = r["employer_id"]
        if self._staging is not None:
            self._staged += [(r["arrival_date"], r["service_end_date"], r["status"]) for r, _e, _v in keep]
        bound = BoundRows(self._keys, [v for _r, _e, v in keep]) if self._keys is not None else None
        bulk_insert(self.session, Talent.__table__, [r for r, _e, _v in keep], staging=self._staging, bound=bound)
        self.written += len(keep)

    def finish(self, *, progress: Callable[[int, int, str], None] | None, abort: Callable[[], bool] | None,
               total: int, stage: str) -> None:
        """Wait for the writer to write what it was given (the clerk may still cancel); raise what it raised."""
        if self._thread is None:
            return
        self._queue.put(_CLOSE)
        if progress is not None:  # every row is checked; the last ones are being written (a second or so)
            progress(total, total, stage)
        while not self._closed.wait(0.2):
            if abort is not None and abort():
                self.stopped = True
                self._queue.put(None)
                self._ended()
                raise InputFileError(translate("Importer", "The import was cancelled; nothing was changed."))
            self._signals()
        self._signals()  # the last rows moved in
        self._queue.put(None)
        self._ended()
        if self._error is not None:
            raise self._error

    def cancel(self) -> None:
        """Stop writing (the unit of work is about to be rolled back): wait for the block being written."""
        self.stopped = True
        if self._thread is not None:
            self._queue.put(None)
            self._ended()

    def _ended(self) -> None:
        self._thread.join()
        self._thread = None
        _handover.restore()

    def undo(self) -> None:
        """Nothing of this import stays: back to the savepoint (the rows, their audit entries, new employers)."""
        if not self._savepoint:
            return
        if self.written or self.created:
            self.session.connection().exec_driver_sql(f"ROLLBACK TO SAVEPOINT {self.SAVEPOINT}")
            for e in self.created:  # the session forgets the employers the savepoint took back
                self.session.expunge(e)
            if self._staging is not None:
                self._staging.forget(self.session.connection())
            self.created, self.written = [], 0
        self.release()

    def release(self) -> None:
        if self._savepoint:
            self.session.connection().exec_driver_sql(f"RELEASE SAVEPOINT {self.SAVEPOINT}")
            self._savepoint = False


@operation(Permission.TALENT_IMPORT, writes=True, changes=(Change.TALENTS, Change.EMPLOYERS, Change.BACKUPS), long=True)
def import_talents(session: Session, *, path: str | Path, dry_run: bool = False, skip_invalid: bool = False,
                   mapping: Mapping[str, str] | None = None, today: dt.date | None = None,
                   fixed: Mapping[str, Any] | None = None, sheet: str | None = None, backup_first: bool = False, progress: Callable[[int, int, str], None] | None = None,
                   abort: Callable[[], bool] | None = None, hidden_rows: str | None = None,
                   value_map: Mapping[str, Mapping[str, str]] | None = None) -> ImportResult:
    """Check every row; then import all of them, or none when any row is rejected (unless `skip_invalid`).
    A dry run checks and reports without writing. Unreadable files raise InputFileError. With `backup_first`
    the database file is backed up before anything is written. `fixed` gives one value to every row (field ->
    value, e.g. {"tier_code": "E"} for a roster without a tier column). `value_map` maps values that match nothing
    for the whole file ({"tier_code": {"特聘": "B"}}). Rows hidden in Excel are never imported silently: with
    `hidden_rows` None a dry run lists them and a real import is refused; "include" imports them, "skip" leaves
    them out (listed as not data)."""
    table = read_sheet(path, sheet=sheet)
    if hidden_rows is not None and hidden_rows not in HIDDEN_CHOICES:
        raise InputFileError(translate("Importer", "Hidden rows: choose include or skip."))
    hidden = list(table.hidden_rows)
    left_out: list[Rejection] = []
    if hidden and hidden_rows == "skip":
        gone = set(hidden)
        table = replace(table, rows=[r for r in table.rows if r[0] not in gone])
        left_out = [Rejection(r, "", translate("Importer", "hidden in Excel; left out as chosen")) for r in hidden]
    elif hidden and hidden_rows is None and not dry_run:
        raise InputFileError(translate(
            "Importer", "{n} rows of this file are hidden in Excel (rows {rows}). Decide whether to import them: in "
                        "the preview, or with --hidden-rows include or --hidden-rows skip.").format(
            n=len(hidden), rows=join_list(hidden[:20]) + ("…" if len(hidden) > 20 else "")))
    by_index, unknown = map_columns(table.headers, mapping, provided=set(fixed or ()))
    if backup_first and not dry_run:  # before anything is written (the rows are written as they pass the checks)
        url = session.get_bind().url
        if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
            from talentdesk.services.common.settings import get_setting

            backup_before_import(Path(url.database), second_folder=get_setting(session, "backup_second_folder") or "")
    writer = _Writer(session, write=not dry_run, all_or_nothing=not skip_invalid)
    if dry_run:
        cache = contextlib.nullcontext()
    else:  # sized to the talent file written to (its highest id: no count of a million rows)
        cache = larger_page_cache(session.connection(), bulk_cache_kib(
            session.execute(select(func.coalesce(func.max(Talent.id), 0))).scalar()))
    with cache:
        try:
            checked = check_rows(session, table, by_index, today=today, fixed=fixed, value_map=value_map,
                                 progress=progress, abort=abort, writer=writer,
                                 stage=None if dry_run else translate("Importer", "Importing"))
        except BaseException:
            writer.cancel()
            raise
    mapped = {table.headers[i]: f for i, f in by_index.items()}
    base = dict(skipped_blank=checked.skipped_blank, rejected=checked.rejected, new_employers=list(writer.needed.values()),
                valid_rows=writer.accepted, total_rows=checked.total, unknown_columns=unknown, mapping=mapped,
                warnings=checked.warnings, not_data=sorted([*checked.not_data, *left_out], key=lambda r: r.row),
                hidden_rows=hidden, hidden_columns=[table.headers[c] for c in table.hidden_columns],
                unknown_values=checked.unknown_values)
    if dry_run or (checked.rejected and not skip_invalid) or not writer.accepted:
        writer.undo()
        return ImportResult(imported=0, dry_run=dry_run, **base)
    writer.release()
    total = writer.written
    record_event(session, E.AuditAction.IMPORT, table="talents",
                 summary=f"imported {total} talents from {Path(path).name}; {len(checked.rejected)} rows skipped; "
                         f"{len(writer.needed)} new employers")
    if progress is not None:
        progress(total, total, translate("Importer", "Done"))
    return ImportResult(imported=total, dry_run=False, **base)


@dataclass(frozen=True)
class HeaderPreview:
    headers: list[str]
    mapping: dict[str, str | None]  # header -> recognised field (None when unknown)
    data_rows: int
    hidden_columns: list[str] = field(default_factory=list)  # headers of columns hidden in Excel
    hidden_rows: list[int] = field(default_factory=list)     # data rows hidden in Excel


@operation(Permission.TALENT_IMPORT)
def preview_headers(session: Session, *, path: str | Path, sheet: str | None = None) -> HeaderPreview:
    """The file's header row and what each header is recognised as (for the manual mapping in the dialog)."""
    table = read_sheet(path, sheet=sheet)
    headers = [h for h in table.headers if h]
    return HeaderPreview(headers, {h: field_for_header(h) for h in headers}, len(table.rows),
                         [table.headers[c] for c in table.hidden_columns], list(table.hidden_rows))


def backup_before_import(db_path: Path | None, *, second_folder: str = "") -> Path | None:
    """A safety copy of the database before a real import (SQLite files only): checked, copied to the second
    folder when one is set, and rotated like every other backup."""
    if db_path is None:
        return None
    from talentdesk.store.backup_files import make_backup

    return make_backup(db_path, reason="pre-import", second_folder=second_folder).path

