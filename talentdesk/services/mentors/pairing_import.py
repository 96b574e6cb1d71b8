"""Moving in the mentor pairing list (结对名单): mentor, newcomer (by ID number), role, start, end.

A mentor not yet in the pool is added from the list (name, with the employer and title columns when given) and
noted; a mentor's capacity is raised to the newcomers the list gives them at once, with a note. Contradictions are
refused row by row: an unknown newcomer (close matches offered), an unknown role (the roles listed), an end before
the start, a start before the newcomer arrived, a current pairing for someone who has left, two current pairings of
one newcomer in one role, the same pairing twice (in the file, or already on file: importing a list again doubles
nothing). All rows or none (unless skip-invalid); each pairing is audited.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.domain import enums as E
from talentdesk.domain.errors import ValidationError
from talentdesk.domain.models import Mentor, MentorRole, Pairing
from talentdesk.domain.parsing import parse_date_value
from talentdesk.domain.pinyin import pinyin_keys
from talentdesk.domain.values import mask_id_number, to_halfwidth
from talentdesk.domain.written import key_text, text_cell
from talentdesk.i18n import translate
from talentdesk.services.base import Change, Permission, Progress, operation, record_event
from talentdesk.services.common.tabular import (add_imported, backup_first, cell, Columns, ImportOutcome,
                                                merged_notes, People, person_rows, Rejection, RowCount)
from talentdesk.domain.labels import join_list

COLUMNS = Columns({
    "mentor": ("导师", "Mentor", ("导师姓名", "帮带导师", "结对导师", "Mentor name")),
    "mentor_employer": ("导师单位", "Mentor's employer", ("导师工作单位",)),
    "mentor_title": ("导师职务", "Mentor's title", ("导师职称", "职务职称")),
    "name": ("姓名", "Name", ("人才姓名", "被帮带人", "新引进人才", "帮带对象", "Newcomer")),
    "id_number": ("身份证号", "ID number", ("身份证号码", "公民身份号码", "人才身份证号", "证件号码", "ID No")),
    "role": ("结对类型", "Role", ("导师类型", "帮带类型", "角色", "导师类别")),
    "start_date": ("结对日期", "Start", ("开始日期", "结对时间", "起始日期", "Start date")),
    "end_date": ("结束日期", "End", ("解除日期", "结对结束日期", "End date")),
    "end_reason": ("结束原因", "End reason", ("解除原因",)),
    "goals": ("帮带目标", "Goals", ("结对目标", "帮带内容")),
}, required=("mentor", "id_number", "role", "start_date"))


@dataclass
class _Row:
    row: int
    mentor_key: str
    mentor_name: str
    employer: str
    title: str
    talent_id: int
    role_id: int
    start: dt.date
    end: dt.date | None
    end_reason: str
    goals: str


@dataclass(frozen=True, slots=True)
class PairingPreviewLine:
    """One pairing the import creates (for the preview)."""

    row: int
    mentor: str
    new_mentor: bool          # the mentor is added to the pool from this list
    talent_name: str
    id_number: str            # masked
    role: str
    start_date: dt.date
    end_date: dt.date | None


def _name_key(text: str) -> str:
    return re.sub(r"\s+", "", to_halfwidth(text))


@operation(Permission.MENTOR_WRITE, writes=True, changes=(Change.MENTORS,), long=True)
def import_pairings(session: Session, *, path: str | Path, dry_run: bool = False, skip_invalid: bool = False,
                    backup_first_: bool = False, today: dt.date | None = None, progress: Progress | None = None,
                    abort: Callable[[], bool] | None = None, sheet_name: str | None = None,
                    hidden_rows: str | None = None) -> ImportOutcome:
    today = today or dt.date.today()
    sheet, by_field, unknown, col = COLUMNS.open(path, sheet=sheet_name, hidden_rows=hidden_rows, dry_run=dry_run)
    roles: dict[str, int] = {}
    role_names = []
    for rid, name, name_en in session.execute(select(MentorRole.id, MentorRole.name, MentorRole.name_en)):
        role_names.append(name)
        for spelling in (name, name_en, name.removesuffix("导师"), name.removesuffix("领导")):
            if spelling:
                roles.setdefault(key_text(spelling), rid)
    mentors: dict[str, Mentor] = {}
    for m in session.scalars(select(Mentor)):
        mentors.setdefault(_name_key(m.name), m)
    current_on_file = {(t, r): p for t, r, p in session.execute(
        select(Pairing.talent_id, Pairing.role_id, Pairing.id).where(Pairing.end_date.is_(None)))}
    # every pairing on file, as a row names it: the same one again is refused, so importing twice doubles nothing
    pairs_on_file = {(t, r, _name_key(m), start) for t, r, m, start in session.execute(
        select(Pairing.talent_id, Pairing.role_id, Mentor.name, Pairing.start_date)
        .join(Mentor, Mentor.id == Pairing.mentor_id))}
    pairs_in_file: dict[tuple[int, int, str, dt.date], int] = {}
    rejected: list[Rejection] = []
    warnings: list[Rejection] = []
    rows: list[_Row] = []
    people = People(session)
    skipped = RowCount()
    current_in_file: dict[tuple[int, int], int] = {}
    for rownum, cells, person, problems, bad in person_rows(sheet, by_field, skipped, people, col, abort=abort,
                                                            cancelled=translate(
            "PairingImport", "The import was cancelled; nothing was changed.")):
        mentor_name = re.sub(r"\s+", "", text_cell(cell(cells, by_field, "mentor")))
        if not mentor_name:
            bad("mentor", translate("PairingImport", "The mentor's name is missing."))
        elif len(mentor_name) > 40:
            bad("mentor", translate("PairingImport", "At most {n} characters.").format(n=40))
        role_text = text_cell(cell(cells, by_field, "role"))
        role_id = roles.get(key_text(role_text))
        if role_id is None:
            bad("role", translate("PairingImport", "“{role}” is not a mentor role; the roles are {roles} (the office "
                                                   "can add roles in the mentor board).").format(
                role=role_text, roles=join_list(role_names)))
        start = end = None
        try:
            start = parse_date_value(cell(cells, by_field, "start_date"), field="start_date")
            if start is None:
                bad("start_date", translate("PairingImport", "The start date is missing."))
        except ValidationError as exc:
            bad("start_date", exc.message)
        try:
            end = parse_date_value(cell(cells, by_field, "end_date"), field="end_date")
        except ValidationError as exc:
            bad("end_date", exc.message)
        if start and end and end < start:
            bad("end_date", translate("PairingImport", "The pairing ends ({end}) before it starts ({start}).").format(
                end=end.isoformat(), start=start.isoformat()))
        if start and start > today:
            bad("start_date", translate("PairingImport", "The start date {date} is in the future.").format(
                date=start.isoformat()))
        if person is not None and start is not None:
            if start < person.arrival:
                bad("start_date", translate("PairingImport", "The pairing starts on {date}, before {name} arrived on "
                                                             "{arrival}.").format(date=start.isoformat(),
                                                                                 name=person.name,
                                                                                 arrival=person.arrival.isoformat()))
            if end is None and person.status != E.TalentStatus.ACTIVE.value:
                bad("end_date", translate("PairingImport", "{name} has left the county; give the date the pairing "
                                                           "ended.").format(name=person.name))
            if person.name == mentor_name and mentor_name:
                bad("mentor", translate("PairingImport", "{name} cannot be their own mentor.").format(name=person.name))
        same = (person.id, role_id, _name_key(mentor_name), start) if person is not None else None
        if same is not None and role_id is not None and start is not None and not problems:
            if same in pairs_on_file:
                bad("mentor", translate("PairingImport", "This pairing ({mentor} with {name} as {role} from {start}) is "
                                                         "already on file: the same pairing twice.").format(
                    mentor=mentor_name, name=person.name, role=role_text, start=start.isoformat()))
            elif same in pairs_in_file:
                bad("mentor", translate("PairingImport", "The same pairing is already on row {other}.").format(
                    other=pairs_in_file[same]))
        if person is not None and role_id is not None and end is None and not problems:
            if (person.id, role_id) in current_on_file:
                bad("role", translate("PairingImport", "{name} already has a current {role} on file.").format(
                    name=person.name, role=role_text))
            elif (person.id, role_id) in current_in_file:
                bad("role", translate("PairingImport", "{name} has two current {role} pairings in this file (row "
                                                       "{other}).").format(name=person.name, role=role_text,
                                                                           other=current_in_file[(person.id, role_id)]))
        reason = text_cell(cell(cells, by_field, "end_reason"))[:200]
        goals = text_cell(cell(cells, by_field, "goals"))[:2000]
        if problems:
            rejected.extend(problems)
            continue
        if end is None:
            current_in_file[(person.id, role_id)] = rownum
        pairs_in_file[same] = rownum
        rows.append(_Row(rownum, _name_key(mentor_name), mentor_name,
                         text_cell(cell(cells, by_field, "mentor_employer"))[:120],
                         text_cell(cell(cells, by_field, "mentor_title"))[:60], person.id, role_id, start, end,
                         reason or (translate("PairingImport", "Ended before moving in") if end else ""), goals))
    rejected.sort(key=lambda r: r.row)
    # mentors: new ones from the list; capacity for the newcomers each has at once
    load = Counter(r.mentor_key for r in rows if r.end is None)
    new_mentors = sorted({r.mentor_key for r in rows} - set(mentors))
    for key in new_mentors:
        first = next(r for r in rows if r.mentor_key == key)
        warnings.append(Rejection(first.row, col("mentor"), translate(
            "PairingImport", "{mentor} is not in the mentor pool yet and is added.").format(mentor=first.mentor_name)))
    raise_capacity = {}
    for key, m in mentors.items():
        from talentdesk.services.mentors.pool import mentor_load

        if load.get(key):
            want = mentor_load(session, m.id) + load[key]
            if want > m.capacity:
                raise_capacity[key] = want
                first = next(r for r in rows if r.mentor_key == key)
                warnings.append(Rejection(first.row, col("mentor"), translate(
                    "PairingImport", "{mentor}'s capacity is raised from {old} to {new} newcomers to hold this "
                                     "list.").format(mentor=m.name, old=m.capacity, new=want)))
    base = dict(rejected=rejected, total_rows=len(sheet.rows), hidden_rows=list(sheet.hidden_rows),
                hidden_choice=hidden_rows, valid_rows=len(rows), skipped_blank=skipped.blank,
                not_data=skipped.not_data, warnings=sorted(
                    warnings + merged_notes(sheet, by_field, set(skipped.not_data)), key=lambda r: r.row),
                unknown_columns=unknown)
    extra = {"new_mentors": [next(r.mentor_name for r in rows if r.mentor_key == k) for k in new_mentors]}
    by_talent = {t.id: t for t in people.by_id.values()}
    role_name = dict(session.execute(select(MentorRole.id, MentorRole.name)).all())
    new_keys = set(new_mentors)
    extra["preview"] = [PairingPreviewLine(r.row, r.mentor_name, r.mentor_key in new_keys, by_talent[r.talent_id].name,
                                           mask_id_number(by_talent[r.talent_id].id_number), role_name[r.role_id],
                                           r.start, r.end) for r in rows]
    if dry_run or (rejected and not skip_invalid) or not rows:
        return ImportOutcome(imported=0, dry_run=dry_run, extra=extra, **base)
    if backup_first_:
        backup_first(session)
    from talentdesk.domain.models import Employer

    employers = {_name_key(n): i for i, n in session.execute(select(Employer.id, Employer.name))}
    for key in new_mentors:
        first = next(r for r in rows if r.mentor_key == key)
        py, ini = pinyin_keys(first.mentor_name)
        m = Mentor(name=first.mentor_name, name_pinyin=py, name_initials=ini,
                   employer_id=employers.get(_name_key(first.employer)) if first.employer else None,
                   title=first.title, capacity=max(3, load.get(key, 0)), active=True,
                   notes=translate("PairingImport", "Added from the pairing list {file}").format(file=Path(path).name))
        session.add(m)
        mentors[key] = m
    for key, want in raise_capacity.items():
        mentors[key].capacity = want
    session.flush()
    add_imported(session, (Pairing(mentor_id=mentors[r.mentor_key].id, talent_id=r.talent_id, role_id=r.role_id,
                                   start_date=r.start, end_date=r.end, end_reason=r.end_reason, goals=r.goals,
                                   cadence_days=30) for r in rows),
                 len(rows), progress, translate("PairingImport", "Importing pairings"))
    record_event(session, E.AuditAction.IMPORT, table="pairings",
                 summary=f"imported {len(rows)} pairings and {len(new_mentors)} mentors from {Path(path).name}")
    return ImportOutcome(imported=len(rows), dry_run=False, extra=extra, **base)


__all__ = ["COLUMNS", "PairingPreviewLine", "import_pairings"]
