"""结对协议书: the pairing agreement for one pairing — both parties, the role, the period, goals, duties and
signature lines — as an A4 PDF with the Chinese font embedded (the same font machinery as the certificates).

Qt-free; called on the background worker (`services.mentors.write_agreement`).
"""
from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from talentdesk.domain.errors import StorageError
from talentdesk.i18n import current_language, translate
from talentdesk.store.files import replace_document
from talentdesk.reports.fonts import chinese_font, markup


def _date(d: dt.date | None) -> str:
    if d is None:
        return translate("Agreement", "open-ended")
    if current_language() == "en":
        return d.isoformat()
    return f"{d.year}年{d.month}月{d.day}日"


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(markup(text, style.fontName), style)


def duties_of_mentor() -> list[str]:
    return [
        translate("Agreement", "Help the newcomer learn the post, the unit and the county, and pass on professional skills and experience."),
        translate("Agreement", "Talk with the newcomer at least at the agreed cadence, and record each conversation in the mentoring log."),
        translate("Agreement", "Care about the newcomer's work and life; report difficulties with work, housing or family to the talent "
           "work office promptly."),
        translate("Agreement", "Help the newcomer set a development plan and reach the goals of this agreement."),
    ]


def duties_of_newcomer() -> list[str]:
    return [
        translate("Agreement", "Respect the mentor, take the initiative to ask for advice, and report on work and study regularly."),
        translate("Agreement", "Work to the development plan and the goals of this agreement, and take part in the training arranged."),
        translate("Agreement", "Tell the mentor or the talent work office in good time about difficulties at work or in daily life."),
    ]


def build_agreement(data, path: Path, *, font_path: str | None = None) -> Path:
    """Write the agreement for `data` (services.mentors.AgreementData) to `path`, atomically. Returns `path`."""
    font = chinese_font(font_path).name
    base = ParagraphStyle("td-body", fontName=font, fontSize=11, leading=18,
                          wordWrap=None if current_language() == "en" else "CJK")
    title = ParagraphStyle("td-title", parent=base, fontSize=20, leading=28, alignment=TA_CENTER, spaceAfter=2 * mm)
    sub = ParagraphStyle("td-sub", parent=base, fontSize=10, leading=14, alignment=TA_CENTER,
                         textColor=colors.HexColor("#444444"))
    head = ParagraphStyle("td-head", parent=base, fontSize=12.5, leading=20, spaceBefore=3 * mm, spaceAfter=1 * mm)
    cell = ParagraphStyle("td-cell", parent=base, fontSize=10.5, leading=15)
    item = ParagraphStyle("td-item", parent=base, leftIndent=6 * mm, firstLineIndent=-6 * mm)

    number = translate("Agreement", "Agreement No. {no}").format(no=f"JD-{data.pairing_id:06d}")
    story: list = [
        _p(translate("Agreement", "Talent Mentoring Pairing Agreement"), title),
        _p(f"{data.office_name}　·　{number}", sub),
        Spacer(1, 6 * mm),
    ]
    dash = "—"
    rows = [
        [_p(translate("Agreement", "Party A (mentor)"), cell), _p(data.mentor_name, cell), _p(translate("Agreement", "Employer"), cell),
         _p(data.mentor_employer or dash, cell)],
        [_p(translate("Agreement", "Title"), cell), _p(data.mentor_title or dash, cell), _p(translate("Agreement", "Phone"), cell),
         _p(data.mentor_phone or dash, cell)],
        [_p(translate("Agreement", "Expertise"), cell), _p(data.mentor_expertise or dash, cell), "", ""],
        [_p(translate("Agreement", "Party B (newcomer)"), cell), _p(data.talent_name, cell), _p(translate("Agreement", "Employer"), cell),
         _p(data.talent_employer or dash, cell)],
        [_p(translate("Agreement", "Post / title"), cell), _p(" / ".join(x for x in (data.talent_post, data.talent_title) if x) or dash, cell),
         _p(translate("Agreement", "Talent tier"), cell), _p(data.talent_tier or dash, cell)],
        [_p(translate("Agreement", "Mentoring role"), cell), _p(data.role_name, cell), _p(translate("Agreement", "Check-in cadence"), cell),
         _p(translate("Agreement", "at least once every {n} days").format(n=data.cadence_days), cell)],
        [_p(translate("Agreement", "Period"), cell), _p(translate("Agreement", "from {start} to {end}").format(start=_date(data.start_date),
                                                                         end=_date(data.planned_end_date)), cell), "", ""],
    ]
    if data.other_roles:
        others = "；".join(f"{o.role_name}：{o.mentor_name}" for o in data.other_roles)
        rows.append([_p(translate("Agreement", "Other mentors"), cell), _p(others, cell), "", ""])
    table = Table(rows, colWidths=[30 * mm, 55 * mm, 28 * mm, 57 * mm])
    style = [
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f2f2f2")),
        ("SPAN", (1, 2), (3, 2)),
        ("SPAN", (1, 6), (3, 6)),
    ]
    for r in (0, 1, 3, 4, 5):
        style.append(("BACKGROUND", (2, r), (2, r), colors.HexColor("#f2f2f2")))
    if data.other_roles:
        style.append(("SPAN", (1, 7), (3, 7)))
    table.setStyle(TableStyle(style))
    story.append(table)

    story.append(_p(translate("Agreement", "1. Goals of the pairing"), head))
    story.append(_p(data.goals or translate("Agreement", "Become familiar with the post within one year and take on key work "
                                       "independently within two years."), base))
    story.append(_p(translate("Agreement", "2. Duties of the mentor (Party A)"), head))
    story += [_p(f"{i}. {d}", item) for i, d in enumerate(duties_of_mentor(), 1)]
    story.append(_p(translate("Agreement", "3. Duties of the newcomer (Party B)"), head))
    story += [_p(f"{i}. {d}", item) for i, d in enumerate(duties_of_newcomer(), 1)]
    story.append(_p(translate("Agreement", "4. Other terms"), head))
    story.append(_p(translate("Agreement", "The talent work office follows the pairing through the mentoring log and visits. A change of "
                       "mentor or an early end is recorded with its reason. This agreement is made in three copies, "
                       "held by Party A, Party B and the talent work office."), base))
    story.append(Spacer(1, 6 * mm))
    sig = ParagraphStyle("td-sig", parent=base, leading=26)
    line = "________________"
    sign = Table([
        [_p(translate("Agreement", "Party A (mentor), signature:") + line, sig), _p(translate("Agreement", "Party B (newcomer), signature:") + line, sig)],
        [_p(translate("Agreement", "Date:") + line, sig), _p(translate("Agreement", "Date:") + line, sig)],
        [_p(translate("Agreement", "Employer (seal):") + line, sig), _p(translate("Agreement", "Talent work office (seal):") + line, sig)],
        [_p(translate("Agreement", "Date:") + line, sig), _p(translate("Agreement", "Date:") + line, sig)],
    ], colWidths=[85 * mm, 85 * mm])
    sign.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("TOPPADDING", (0, 0), (-1, -1), 2 * mm)]))
    story.append(KeepTogether(sign))

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".agreement-", suffix=".pdf", dir=str(path.parent))
    os.close(fd)
    try:
        doc = SimpleDocTemplate(tmp, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=20 * mm,
                                bottomMargin=18 * mm, title=translate("Agreement", "Talent Mentoring Pairing Agreement"),
                                author=data.office_name, subject=f"{data.mentor_name} / {data.talent_name}")
        doc.build(story)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # an ordinary document, not a private temporary file
        replace_document(tmp, path)  # waits out, then names, a copy open in a PDF reader
    except OSError as exc:
        raise StorageError(translate("Agreement", "The agreement could not be saved to {path}: {error}").format(
            path=str(path), error=exc.strerror or str(exc))) from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path
