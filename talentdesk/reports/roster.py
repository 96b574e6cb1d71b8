"""代发清单: the payment roster for the bank or the finance bureau, as .xlsx and as a printable PDF with totals and
signature lines. Input is plain rows, already chosen by the caller."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from talentdesk.domain.values import amount_in_capitals, format_yuan
from talentdesk.i18n import translate
from talentdesk.store.files import replace_document
from talentdesk.reports.fonts import cell as text_cell
from talentdesk.reports.fonts import chinese_font, paragraph


@dataclass(frozen=True, slots=True)
class RosterLine:
    talent_name: str
    id_masked: str
    employer_name: str
    policy_name: str
    instalment: str
    amount_fen: int
    status: str
    voucher_no: str


def _headers() -> list[str]:
    return [
        translate("Roster", "No."), translate("Roster", "Name"), translate("Roster", "ID number"),
        translate("Roster", "Employer"), translate("Roster", "Subsidy policy"), translate("Roster", "Instalment"),
        translate("Roster", "Amount (yuan)"), translate("Roster", "Status"), translate("Roster", "Voucher No."),
    ]


def _title(office: str) -> str:
    return translate("Roster", "{office} — subsidy payment roster").format(office=office)


def _proof(chain_head: str) -> str:
    return translate("Roster", "Chain head: {head}").format(head=chain_head) if chain_head else ""


def write_xlsx(lines: Sequence[RosterLine], path: Path | str, *, office: str, on: dt.date,
               chain_head: str = "") -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = translate("Roster", "Roster")
    ws.append([_title(office)])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([translate("Roster", "Date: {date}").format(date=on.isoformat()), "", "", "", _proof(chain_head)])
    ws.append(_headers())
    for c in ws[3]:
        c.font = Font(bold=True)
    for i, ln in enumerate(lines, 1):
        ws.append([i, ln.talent_name, ln.id_masked, ln.employer_name, ln.policy_name, ln.instalment,
                   ln.amount_fen / 100, ln.status, ln.voucher_no])
        ws.cell(row=ws.max_row, column=7).number_format = "#,##0.00"
    total = sum(ln.amount_fen for ln in lines)
    ws.append([translate("Roster", "Total"), translate("Roster", "{n} people").format(n=len(lines)), "", "", "", "",
               total / 100, amount_in_capitals(total)])
    ws.cell(row=ws.max_row, column=7).number_format = "#,##0.00"
    ws.append([])
    ws.append([translate("Roster", "Prepared by:"), "", translate("Roster", "Checked by:"), "",
               translate("Roster", "Approved by:")])
    for col, width in zip("ABCDEFGHI", (8, 12, 22, 22, 22, 10, 14, 10, 18)):
        ws.column_dimensions[col].width = width
    ws["G3"].alignment = Alignment(horizontal="right")
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    wb.save(tmp)
    replace_document(tmp, path)  # waits out, then names, a copy open in WPS/Excel or a PDF reader


def write_pdf(lines: Sequence[RosterLine], path: Path | str, *, office: str, on: dt.date,
              font_path: str | None = None, chain_head: str = "") -> int:
    """A4 landscape table, repeated header row on every page, totals in figures and capitals, signature lines."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = chinese_font(font_path or None).name
    title = ParagraphStyle("t", fontName=font, fontSize=16, leading=22, alignment=1)
    body = ParagraphStyle("b", fontName=font, fontSize=10, leading=14)
    cell = ParagraphStyle("c", fontName=font, fontSize=9, leading=11)
    data = [_headers()]
    for i, ln in enumerate(lines, 1):
        data.append([str(i), text_cell(ln.talent_name, cell), ln.id_masked, text_cell(ln.employer_name, cell),
                     text_cell(ln.policy_name, cell), ln.instalment,
                     format_yuan(ln.amount_fen, symbol=False), ln.status, ln.voucher_no])
    total = sum(ln.amount_fen for ln in lines)
    data.append([translate("Roster", "Total"), translate("Roster", "{n} people").format(n=len(lines)), "", "", "",
                 "", format_yuan(total, symbol=False), "", ""])
    table = Table(data, repeatRows=1, colWidths=[12 * mm, 24 * mm, 42 * mm, 45 * mm, 48 * mm, 18 * mm, 30 * mm,
                                                 18 * mm, 32 * mm])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), font, 9),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
        ("ALIGN", (6, 0), (6, -1), "RIGHT"),
        ("SPAN", (1, -1), (5, -1)),
    ]))
    pages = []

    def on_page(c, doc):
        c.setFont(font, 8)
        c.drawRightString(doc.pagesize[0] - 15 * mm, 8 * mm, translate("Roster", "Page {n}").format(n=doc.page))
        if chain_head:
            c.drawString(12 * mm, 8 * mm, _proof(chain_head))
        pages.append(doc.page)

    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    doc = SimpleDocTemplate(str(tmp), pagesize=landscape(A4), leftMargin=12 * mm, rightMargin=12 * mm,
                            topMargin=12 * mm, bottomMargin=14 * mm, title=_title(office), author="TalentDesk")
    story = [
        paragraph(_title(office), title),
        Paragraph(translate("Roster", "Date: {date}").format(date=on.isoformat()), body),
        Spacer(1, 4 * mm), table, Spacer(1, 4 * mm),
        Paragraph(translate("Roster", "Total in words: RMB {capitals}").format(capitals=amount_in_capitals(total)), body),
        Spacer(1, 12 * mm),
        Paragraph("　　　　".join([translate("Roster", "Prepared by: ____________"),
                                   translate("Roster", "Checked by: ____________"),
                                   translate("Roster", "Approved by: ____________"),
                                   translate("Roster", "(Seal)")]), body),
    ]
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    replace_document(tmp, path)  # waits out, then names, a copy open in WPS/Excel or a PDF reader
    return len(pages)
