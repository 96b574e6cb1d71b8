"""Moving in the care lists (关爱服务台账): talent-apartment allocations and other care cases — kind, apartment and
room, move-in and move-out, status, notes — one row per case, the person by ID number.

The same rules as a case entered by hand (`care.clean_care_fields`): rooms and move dates belong to apartment
cases, a move-out is not before the move-in, a case does not close before it opened. A room cannot hold two people
moving in over each other (the same apartment and room with overlapping stays) — in the file or on file — and the
same case is not entered twice (importing a list again doubles nothing). All rows or none (unless skip-invalid); each case is audited.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.domain import enums as E
from talentdesk.domain.errors import ValidationError
from talentdesk.domain.models import CareCase
from talentdesk.domain.parsing import parse_choice, parse_date_value
from talentdesk.domain.values import mask_id_number, to_halfwidth
from talentdesk.domain.written import text_cell
from talentdesk.i18n import translate
from talentdesk.services.base import Change, Permission, Progress, operation, record_event
from talentdesk.services.common.tabular import (add_imported, backup_first, cell, Columns, ImportOutcome,
                                                merged_notes, People, person_rows, Rejection, RowCount)
from talentdesk.services.talents.care import clean_care_fields

COLUMNS = Columns({
    "name": ("姓名", "Name", ("人才姓名", "入住人", "服务对象")),
    "id_number": ("身份证号", "ID number", ("身份证号码", "公民身份号码", "证件号码", "ID No")),
    "kind": ("服务类型", "Kind", ("关爱类型", "服务事项", "事项", "类型")),
    "apartment": ("公寓", "Apartment", ("人才公寓", "公寓名称", "小区", "楼栋", "Title", "事项名称")),
    "room": ("房号", "Room", ("房间号", "房间", "门牌号")),
    "move_in_date": ("入住日期", "Move-in", ("入住时间", "Move-in date")),
    "move_out_date": ("退房日期", "Move-out", ("退房时间", "搬离日期", "Move-out date")),
    "opened_on": ("登记日期", "Opened on", ("受理日期", "申请日期", "开始日期")),
    "closed_on": ("办结日期", "Closed on", ("结束日期", "完成日期")),
    "status": ("状态", "Status", ("办理状态", "入住状态")),
    "notes": ("备注", "Notes", ("说明", "情况说明")),
}, required=("id_number",))

_KINDS = {"人才公寓": "housing", "公寓": "housing", "住房": "housing", "住房保障": "housing", "入住": "housing",
          "配偶就业": "spouse_job", "配偶安置": "spouse_job", "家属就业": "spouse_job", "子女入学": "child_school",
          "子女就学": "child_school", "子女教育": "child_school", "户籍": "hukou", "落户": "hukou", "户口": "hukou",
          "食堂": "canteen", "就餐": "canteen", "联谊": "club_event", "活动": "club_event", "联谊活动": "club_event",
          "俱乐部": "club_event", "其他": "other"}
_CLOSED = {"已办结", "办结", "已完成", "完成", "已退房", "退房", "已搬离", "closed", "done"}
_OPEN = {"", "在住", "入住", "已入住", "办理中", "进行中", "待办", "open"}


@dataclass(frozen=True, slots=True)
class CarePreviewLine:
    """One care case the import creates (for the preview)."""

    row: int
    talent_name: str
    id_number: str            # masked
    kind: str                 # CareKind code
    apartment: str
    room: str
    move_in_date: dt.date | None
    move_out_date: dt.date | None
    opened_on: dt.date
    closed_on: dt.date | None
    status: str               # CaseStatus code


def _same_case(talent_id: int, c: dict[str, Any]) -> tuple:
    """What makes a row the same case as another: the person, the kind, apartment and room, the dates it opened
    and (for a room) the move-in."""
    return (talent_id, c["kind"], c.get("title") or "", c.get("room") or "", c.get("opened_on"),
            c.get("move_in_date"))


def _kind(raw: Any, has_room: bool) -> str:
    text = re.sub(r"\s+", "", to_halfwidth(text_cell(raw)))
    if not text:
        if has_room:
            return E.CareKind.HOUSING.value
        raise ValidationError(translate("CareImport", "Say the kind of care (人才公寓, 配偶就业, 子女入学, 户籍 …)."),
                              field="kind")
    return _KINDS.get(text) or parse_choice(E.CareKind, text, field="kind")


def _overlap(a_in: dt.date, a_out: dt.date | None, b_in: dt.date, b_out: dt.date | None) -> bool:
    return a_in < (b_out or dt.date.max) and b_in < (a_out or dt.date.max)


@operation(Permission.TALENT_WRITE, writes=True, changes=(Change.TALENTS, Change.CARE), long=True)
def import_care(session: Session, *, path: str | Path, dry_run: bool = False, skip_invalid: bool = False,
                backup_first_: bool = False, today: dt.date | None = None, progress: Progress | None = None,
                abort: Callable[[], bool] | None = None, sheet_name: str | None = None,
                hidden_rows: str | None = None) -> ImportOutcome:
    today = today or dt.date.today()
    sheet, by_field, unknown, col = COLUMNS.open(path, sheet=sheet_name, hidden_rows=hidden_rows, dry_run=dry_run)
    stays: dict[tuple[str, str], list[tuple[dt.date, dt.date | None, int | None]]] = {}
    for title, room, m_in, m_out in session.execute(
            select(CareCase.title, CareCase.room, CareCase.move_in_date, CareCase.move_out_date)
            .where(CareCase.kind == E.CareKind.HOUSING.value, CareCase.room != "", CareCase.move_in_date.is_not(None))):
        stays.setdefault((title, room), []).append((m_in, m_out, None))
    # every case on file, as a row names it: the same one again is refused, so importing twice doubles nothing
    cases_on_file = {(t, k, title or "", room or "", opened, m_in) for t, k, title, room, opened, m_in in session.execute(
        select(CareCase.talent_id, CareCase.kind, CareCase.title, CareCase.room, CareCase.opened_on,
               CareCase.move_in_date))}
    cases_in_file: dict[tuple, int] = {}
    rejected: list[Rejection] = []
    good: list[tuple[int, int, dict[str, Any]]] = []
    people = People(session)
    skipped = RowCount()
    for rownum, cells, person, problems, bad in person_rows(sheet, by_field, skipped, people, col, abort=abort,
                                                            cancelled=translate(
            "CareImport", "The import was cancelled; nothing was changed.")):
        values: dict[str, Any] = {"title": text_cell(cell(cells, by_field, "apartment")),
                                  "room": text_cell(cell(cells, by_field, "room")),
                                  "notes": text_cell(cell(cells, by_field, "notes"))}
        try:
            values["kind"] = _kind(cell(cells, by_field, "kind"), bool(values["room"]))
        except ValidationError as exc:
            bad("kind", exc.message)
            values["kind"] = ""
        dates: dict[str, dt.date | None] = {}
        for f in ("move_in_date", "move_out_date", "opened_on", "closed_on"):
            try:
                dates[f] = parse_date_value(cell(cells, by_field, f), field=f)
            except ValidationError as exc:
                bad(f, exc.message)
                dates[f] = None
        status = re.sub(r"\s+", "", text_cell(cell(cells, by_field, "status"))).lower()
        if status not in _CLOSED and status not in _OPEN:
            bad("status", translate("CareImport", "“{value}” is not a status; write 在住 / 办理中 for an open case or "
                                                  "已退房 / 已办结 for a closed one.").format(value=status))
        opened = dates["opened_on"] or dates["move_in_date"]
        closed = dates["closed_on"]
        if status in _CLOSED and closed is None:
            closed = dates["move_out_date"]
            if closed is None and "closed_on" not in {p.column for p in problems}:
                bad("closed_on", translate("CareImport", "A closed case needs its closing date (or the move-out date)."))
        if opened is None and not problems:
            bad("opened_on", translate("CareImport", "Give the date the case was opened (or the move-in date)."))
        values.update(move_in_date=dates["move_in_date"], move_out_date=dates["move_out_date"], opened_on=opened,
                      closed_on=closed)
        clean, errors = clean_care_fields(values)
        if values["kind"]:
            for f, message in errors.items():
                bad({"title": "apartment"}.get(f, f), message)
        for f in ("move_in_date", "opened_on"):
            d = dates[f] if f != "opened_on" else opened
            if person is not None and d is not None and d > today:
                bad(f, translate("CareImport", "The date {date} is in the future.").format(date=d.isoformat()))
        if person is not None and clean.get("move_in_date") and clean["move_in_date"] < person.arrival - dt.timedelta(
                days=90):
            bad("move_in_date", translate("CareImport", "{name} moved in on {date}, long before arriving on "
                                                        "{arrival}.").format(name=person.name,
                                                                             date=clean["move_in_date"].isoformat(),
                                                                             arrival=person.arrival.isoformat()))
        same = _same_case(person.id, clean) if person is not None and not problems else None
        if same is not None and same in cases_on_file:
            bad("kind", translate("CareImport", "This case ({name}, {opened}) is already on file: the same case "
                                                "twice.").format(name=person.name, opened=clean["opened_on"].isoformat()))
        elif same is not None and same in cases_in_file:
            bad("kind", translate("CareImport", "The same case is already on row {other}.").format(
                other=cases_in_file[same]))
        if not problems and clean["kind"] == E.CareKind.HOUSING.value and clean["room"] and clean["move_in_date"]:
            key = (clean["title"], clean["room"])
            for m_in, m_out, other in stays.get(key, []):
                if _overlap(clean["move_in_date"], clean["move_out_date"], m_in, m_out):
                    where = translate("CareImport", "row {row}").format(row=other) if other else translate(
                        "CareImport", "on file")
                    bad("room", translate("CareImport", "Room {room} of {apartment} is already taken from {start} "
                                                        "({where}).").format(room=clean["room"],
                                                                             apartment=clean["title"] or "—",
                                                                             start=m_in.isoformat(), where=where))
                    break
        if problems:
            rejected.extend(problems)
            continue
        if clean["kind"] == E.CareKind.HOUSING.value and clean["room"] and clean["move_in_date"]:
            stays.setdefault((clean["title"], clean["room"]), []).append(
                (clean["move_in_date"], clean["move_out_date"], rownum))
        cases_in_file[same] = rownum
        good.append((rownum, person.id, clean))
    rejected.sort(key=lambda r: r.row)
    base = dict(rejected=rejected, total_rows=len(sheet.rows), hidden_rows=list(sheet.hidden_rows),
                hidden_choice=hidden_rows, valid_rows=len(good), skipped_blank=skipped.blank,
                not_data=skipped.not_data, unknown_columns=unknown,
                warnings=merged_notes(sheet, by_field, set(skipped.not_data)))
    by_talent = {t.id: t for t in people.by_id.values()}
    preview = [CarePreviewLine(row, by_talent[tid].name, mask_id_number(by_talent[tid].id_number), c["kind"],
                               c.get("title") or "", c.get("room") or "", c.get("move_in_date"),
                               c.get("move_out_date"), c["opened_on"], c.get("closed_on"), c.get("status", ""))
               for row, tid, c in good]
    extra = {"preview": preview}
    if dry_run or (rejected and not skip_invalid) or not good:
        return ImportOutcome(imported=0, dry_run=dry_run, extra=extra, **base)
    if backup_first_:
        backup_first(session)
    add_imported(session, (CareCase(talent_id=talent_id, **clean) for _row, talent_id, clean in good), len(good),
                 progress, translate("CareImport", "Importing care cases"))
    record_event(session, E.AuditAction.IMPORT, table="care_cases",
                 summary=f"imported {len(good)} care cases from {Path(path).name}")
    return ImportOutcome(imported=len(good), dry_run=False, extra=extra, **base)


__all__ = ["COLUMNS", "CarePreviewLine", "import_care"]
