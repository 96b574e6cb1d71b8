"""Export the talent file (the current filtered list or all of it) to .xlsx or .csv with the import's headers.

Spreadsheet formula injection is refused: a text cell beginning with = + - @ (or a tab or carriage return) is
written as plain text — in .xlsx as a string cell with Excel's quote prefix, in .csv behind an apostrophe that
the importer removes again — so an export can be opened safely and imported back unchanged.
"""
from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentdesk.domain import enums as E
from talentdesk.domain.errors import InputFileError
from talentdesk.domain.labels import label
from talentdesk.domain.models import Employer, ExitReason, Talent, Tier
from talentdesk.i18n import current_language, translate
from talentdesk.services.base import Change, Permission, operation, place_at_commit, record_event, temporary_beside
from talentdesk.services.common.reference import tier_names
from talentdesk.services.talents.importer import FIELDS, INJECTION_CHARS, export_header
from talentdesk.services.talents.registry import SORT_COLUMNS, TalentQuery, _filtered


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: str
    rows: int


def guard_csv(value: str) -> str:
    """'=1+1' -> "'=1+1" (and a leading apostrophe is doubled), so no spreadsheet evaluates it."""
    if value and (value[0] in INJECTION_CHARS or value[0] == "'"):
        return "'" + value
    return value


def _yes_no(v: bool) -> str:
    if current_language() == "en":
        return "Yes" if v else "No"
    return "是" if v else "否"


def _cell(fieldname: str, t: Talent, employer: str | None, tier_name: str, reasons: dict[int, str] | None = None) -> Any:
    if fieldname == "exit_reason":
        return (reasons or {}).get(t.exit_reason_id, "")
    if fieldname == "employer":
        return employer or ""
    if fieldname == "tier_code":
        return tier_name or t.tier_code
    if fieldname == "gender":
        return label(E.Gender, t.gender)
    if fieldname == "education":
        return label(E.Education, t.education)
    if fieldname == "degree":
        return label(E.Degree, t.degree)
    if fieldname == "intro_mode":
        return label(E.IntroMode, t.intro_mode)
    if fieldname == "status":
        return label(E.TalentStatus, t.status)
    if fieldname == "important_post":
        return _yes_no(bool(t.important_post))
    v = getattr(t, fieldname)
    return "" if v is None else v


@operation(Permission.PERSONAL_EXPORT, long=True, writes=True, changes=(Change.AUDIT,))
def export_talents(session: Session, *, path: str | Path, query: TalentQuery | None = None,
                   encoding: str = "utf-8", progress: Callable[[int, int, str], None] | None = None,
                   abort: Callable[[], bool] | None = None) -> ExportResult:
    """Write the talents matching `query` (all when None) to `path` (.xlsx or .csv). A .csv is UTF-8 with a BOM
    (so Excel opens it correctly) or, with encoding="gbk" or a name ending in .gbk.csv, for older software that
    expects GBK: written as GB18030, GBK's superset that Excel and WPS read, so a name such as 王𠮷 or 李䶮 (which
    GBK cannot hold) is written whole instead of as “?”.
    The file appears complete or not at all."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise InputFileError(translate("Exporter", "Export to a file ending in .xlsx or .csv."))
    q = query or TalentQuery()
    stmt = (select(Talent, Employer.name, Tier.name)
            .join(Tier, Tier.code == Talent.tier_code)
            .outerjoin(Employer, Employer.id == Talent.employer_id))
    stmt = _filtered(session, q, stmt)
    sort_col = SORT_COLUMNS.get(q.sort, Talent.id)
    stmt = stmt.order_by(sort_col.desc() if q.descending else sort_col.asc(), Talent.id)
    total = _filtered(session, q, select(Talent.id).join(Tier, Tier.code == Talent.tier_code)
                      .outerjoin(Employer, Employer.id == Talent.employer_id)).subquery()
    from sqlalchemy import func

    count = session.scalar(select(func.count()).select_from(total)) or 0
    headers = [export_header(f) for f in FIELDS]
    en = current_language() == "en"
    reasons = {rid: (name_en if en and name_en else name)
               for rid, name, name_en in session.execute(select(ExitReason.id, ExitReason.name, ExitReason.name_en))}
    tiers = tier_names(session)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temporary_beside(session, path, suffix=".part" + suffix)  # journaled before it exists
    n = 0
    try:
        def rows():
            nonlocal n
            for t, employer, tier_name in session.execute(stmt.execution_options(yield_per=2000)):
                if abort is not None and n % 1000 == 0 and abort():
                    raise InputFileError(translate("Exporter", "The export was cancelled."))
                if progress is not None and n % 2000 == 0:
                    progress(n, count, translate("Exporter", "Exporting"))
                n += 1
                yield [_cell(f, t, employer, tiers.get(t.tier_code, tier_name), reasons) for f in FIELDS]

        if suffix == ".csv":
            gbk = encoding.lower() in ("gbk", "gb18030") or path.name.lower().endswith(".gbk.csv")
            with open(tmp, "w", encoding="gb18030" if gbk else "utf-8-sig", errors="strict", newline="") as fh:
                w = csv.writer(fh)
                w.writerow(headers)
                for r in rows():
                    w.writerow([guard_csv(v.isoformat() if isinstance(v, dt.date) else str(v)) for v in r])
        else:
            _write_xlsx(tmp, headers, rows())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes owner-only files; an export is an ordinary document
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InputFileError(translate("Exporter", "The file cannot be written: {reason}").format(reason=exc.strerror or str(exc))) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    place_at_commit(session, tmp, path)  # named right after the audit entry below commits
    record_event(session, E.AuditAction.EXPORT, table="talents", summary=f"exported {n} talents to {path.name}")
    return ExportResult(str(path), n)


def _write_xlsx(target: Path, headers: list[str], rows) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(translate("Exporter", "Talents"))
    widths = {0: 10, 2: 22, 6: 14, 15: 28, 18: 12}
    for i, w in widths.items():
        ws.column_dimensions[chr(ord("A") + i)].width = w
    bold = Font(bold=True)
    head = []
    for h in headers:
        c = WriteOnlyCell(ws, value=h)
        c.font = bold
        head.append(c)
    ws.append(head)
    for r in rows:
        out = []
        for v in r:
            if isinstance(v, str) and v and v[0] in INJECTION_CHARS:
                c = WriteOnlyCell(ws, value=None)
                c.value = v
                c.data_type = "s"  # text, never a formula, whatever it begins with
                c.quotePrefix = True
                out.append(c)
            else:
                out.append(v)  # plain values are written as they are (dates get a date format)
        ws.append(out)
    wb.save(target)
