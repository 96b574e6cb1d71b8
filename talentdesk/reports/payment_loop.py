"""The payment loop's paper: the public notice (公示) as PDF and .xlsx, the 在岗情况确认表 for employers to sign and
stamp, and a batch's reconciliation report as PDF and .xlsx. Input is plain rows chosen by the services; each writer
writes the file it is given (the service names it as its transaction commits)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from talentdesk.domain.values import amount_in_capitals, format_yuan
from talentdesk.i18n import current_language, translate
from talentdesk.reports.fonts import cell as text_cell
from talentdesk.reports.fonts import chinese_font, paragraph


@dataclass(frozen=True, slots=True)
class NoticeLine:
    talent_name: str
    id_masked: str
    employer_name: str
    policy_name: str
    doc_number: str
    amount_fen: int
    instalment: str


@dataclass(frozen=True, slots=True)
class NoticeInfo:
    office: str
    number: str
    start: dt.date
    end: dt.date
    days: int
    contact: str


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def as_text(ws) -> None:
    """Every text cell stays text: a name or a memo beginning with = + - @ is never run as a formula by Excel."""
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                cell.data_type = "s"


def _date(d: dt.date) -> str:
    """2026年11月23日 on Chinese paper, 2026-11-23 otherwise."""
    if current_language().startswith("zh"):
        return f"{d.year}年{d.month}月{d.day}日"
    return d.isoformat()


def _notice_title(info: NoticeInfo) -> str:
    return translate("PaymentNotice", "Public notice of talent subsidies to be paid ({number})").format(
        number=info.number)


def _notice_text(info: NoticeInfo, lines: Sequence[NoticeLine]) -> list[str]:
    total = sum(ln.amount_fen for ln in lines)
    return [
        translate("PaymentNotice", "Under the talent policies of the county, the {office} intends to pay the following "
                                   "{n} subsidies, {total} in all. They are made public for comment.").format(
            office=info.office, n=len(lines), total=format_yuan(total)),
        translate("PaymentNotice", "Notice period: from {start} to {end} ({days} working days; public holidays are not "
                                   "counted).").format(start=_date(info.start), end=_date(info.end), days=info.days),
        translate("PaymentNotice", "Anyone who objects may say so within the notice period, with their name and the "
                                   "facts, to: {contact}. Objections are checked and answered; names of those who "
                                   "object are kept confidential.").format(contact=info.contact),
    ]


def _notice_headers() -> list[str]:
    return [translate("PaymentNotice", "No."), translate("PaymentNotice", "Name"),
            translate("PaymentNotice", "ID number"), translate("PaymentNotice", "Employer"),
            translate("PaymentNotice", "Subsidy policy"), translate("PaymentNotice", "Instalment"),
            translate("PaymentNotice", "Amount (yuan)")]


def write_notice_pdf(info: NoticeInfo, lines: Sequence[NoticeLine], path: Path | str, *,
                     font_path: str | None = None) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = chinese_font(font_path or None).name
    title = ParagraphStyle("t", fontName=font, fontSize=16, leading=24, alignment=1, wordWrap="CJK")
    body = ParagraphStyle("b", fontName=font, fontSize=10.5, leading=17, firstLineIndent=21, wordWrap="CJK")
    cell = ParagraphStyle("c", fontName=font, fontSize=9, leading=11, wordWrap="CJK")
    right = ParagraphStyle("r", fontName=font, fontSize=10.5, leading=17, alignment=2, wordWrap="CJK")
    data = [_notice_headers()]
    for i, ln in enumerate(lines, 1):
        data.append([str(i), text_cell(ln.talent_name, cell), ln.id_masked, paragraph(ln.employer_name, cell),
                     paragraph(ln.policy_name, cell), ln.instalment, format_yuan(ln.amount_fen, symbol=False)])
    total = sum(ln.amount_fen for ln in lines)
    data.append([translate("PaymentNotice", "Total"), "", "", "", "", "", format_yuan(total, symbol=False)])
    table = Table(data, repeatRows=1, colWidths=[10 * mm, 18 * mm, 36 * mm, 42 * mm, 42 * mm, 14 * mm, 22 * mm])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), font, 9),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
        ("ALIGN", (-1, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("SPAN", (0, -1), (-2, -1)),
    ]))

    def on_page(c, doc):
        c.setFont(font, 8)
        c.drawRightString(doc.pagesize[0] - 15 * mm, 8 * mm, translate("PaymentNotice", "Page {n}").format(n=doc.page))
        c.drawString(15 * mm, 8 * mm, info.number)

    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm,
                            bottomMargin=15 * mm, title=_notice_title(info), author="TalentDesk")
    story = [Paragraph(_notice_title(info), title), Spacer(1, 4 * mm)]
    story += [paragraph(t, body) for t in _notice_text(info, lines)]
    story += [Spacer(1, 4 * mm), table, Spacer(1, 10 * mm), paragraph(info.office, right),
              Paragraph(_date(info.start), right)]
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)


def write_notice_xlsx(info: NoticeInfo, lines: Sequence[NoticeLine], path: Path | str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = info.number
    ws.append([_notice_title(info)])
    ws["A1"].font = Font(bold=True, size=14)
    for t in _notice_text(info, lines):
        ws.append([t])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=7)
        ws.cell(row=ws.max_row, column=1).alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[ws.max_row].height = 32
    ws.append(_notice_headers())
    for c in ws[ws.max_row]:
        c.font = Font(bold=True)
    for i, ln in enumerate(lines, 1):
        ws.append([i, ln.talent_name, ln.id_masked, ln.employer_name, ln.policy_name, ln.instalment,
                   ln.amount_fen / 100])
        ws.cell(row=ws.max_row, column=7).number_format = "#,##0.00"
    total = sum(ln.amount_fen for ln in lines)
    ws.append([translate("PaymentNotice", "Total"), "", "", "", "", "", total / 100])
    ws.cell(row=ws.max_row, column=7).number_format = "#,##0.00"
    for col, width in zip("ABCDEFG", (8, 12, 22, 28, 28, 10, 14)):
        ws.column_dimensions[col].width = width
    as_text(ws)
    wb.save(path)


# ------------------------------------------------------------------ 在岗情况确认表

@dataclass(frozen=True, slots=True)
class FormLine:
    talent_name: str
    id_masked: str
    post: str
    policy_name: str
    period: str
    due_date: dt.date


def write_confirmation_forms(forms: dict[str, list[FormLine]], path: Path | str, *, office: str, on: dt.date,
                             font_path: str | None = None) -> None:
    """One form per employer (a new page each): tick 在岗 or 不在岗, sign and stamp."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = chinese_font(font_path or None).name
    title = ParagraphStyle("t", fontName=font, fontSize=16, leading=24, alignment=1, wordWrap="CJK")
    body = ParagraphStyle("b", fontName=font, fontSize=10.5, leading=16, wordWrap="CJK")
    cell = ParagraphStyle("c", fontName=font, fontSize=9, leading=11, wordWrap="CJK")
    heads = [translate("PaymentForm", "No."), translate("PaymentForm", "Name"), translate("PaymentForm", "ID number"),
             translate("PaymentForm", "Post"), translate("PaymentForm", "Subsidy policy"),
             translate("PaymentForm", "Period"), translate("PaymentForm", "In post?"),
             translate("PaymentForm", "Remarks")]
    box = translate("PaymentForm", "□ yes  □ no")
    story = []
    for n, (employer, lines) in enumerate(sorted(forms.items())):
        if n:
            story.append(PageBreak())
        story += [Paragraph(translate("PaymentForm", "Confirmation of talents in post"), title), Spacer(1, 3 * mm),
                  paragraph(translate("PaymentForm", "Employer: {employer}").format(employer=employer), body),
                  paragraph(translate("PaymentForm", "The {office} asks the employer to confirm whether each person "
                                                     "below is still working in post, tick one box per line, sign, "
                                                     "stamp and return this form.").format(office=office), body),
                  Spacer(1, 3 * mm)]
        data = [heads] + [[str(i), text_cell(ln.talent_name, cell), ln.id_masked, paragraph(ln.post, cell),
                           paragraph(ln.policy_name, cell), ln.period, box, ""] for i, ln in enumerate(lines, 1)]
        t = Table(data, repeatRows=1, colWidths=[9 * mm, 17 * mm, 34 * mm, 25 * mm, 36 * mm, 18 * mm, 22 * mm,
                                                 19 * mm])
        t.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), font, 9), ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 1), (-1, -1), 5), ("BOTTOMPADDING", (0, 1), (-1, -1), 5),
        ]))
        story += [t, Spacer(1, 12 * mm),
                  Paragraph(translate("PaymentForm", "Person in charge (signature): ______________　　Date: "
                                                     "______________　　(Employer's seal)"), body),
                  Spacer(1, 6 * mm),
                  Paragraph(translate("PaymentForm", "Printed on {date}. Recorded by the talent office on: "
                                                     "______________ by ______________").format(date=_date(on)), body)]
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=12 * mm, rightMargin=12 * mm, topMargin=15 * mm,
                            bottomMargin=15 * mm, title=translate("PaymentForm", "Confirmation of talents in post"),
                            author="TalentDesk")
    doc.build(story)


# ------------------------------------------------------------------ the reconciliation report

@dataclass(frozen=True, slots=True)
class ReportLine:
    line_no: int
    talent_name: str
    id_masked: str
    employer_name: str
    policy_name: str
    amount_fen: int
    status: str
    fail_reason: str
    reissued_in: str


@dataclass(frozen=True, slots=True)
class ReportInfo:
    office: str
    number: str
    status: str
    reissue_of: str
    layout: str
    balances: bool
    on: dt.date


def _report_title(info: ReportInfo) -> str:
    return translate("PaymentReport", "Reconciliation of payment batch {number}").format(number=info.number)


def _report_lines(info: ReportInfo) -> list[str]:
    out = [translate("PaymentReport", "{office} — status: {status}; bank file layout: {layout}; date: {date}").format(
        office=info.office, status=info.status, layout=info.layout or "—", date=_date(info.on))]
    if info.reissue_of:
        out.append(translate("PaymentReport", "This batch re-issues the failed lines of batch {number}.").format(
            number=info.reissue_of))
    out.append(translate("PaymentReport", "Check: sent = paid + failed + awaiting — {result}.").format(
        result=translate("PaymentReport", "balanced to the fen") if info.balances
        else translate("PaymentReport", "DOES NOT BALANCE")))
    return out


def _line_headers() -> list[str]:
    return [translate("PaymentReport", "Line"), translate("PaymentReport", "Name"),
            translate("PaymentReport", "ID number"), translate("PaymentReport", "Employer"),
            translate("PaymentReport", "Subsidy policy"), translate("PaymentReport", "Amount (yuan)"),
            translate("PaymentReport", "Result"), translate("PaymentReport", "Failure reason"),
            translate("PaymentReport", "Re-issued in")]


def write_report_pdf(info: ReportInfo, figures: Sequence[tuple[str, int, int]], lines: Sequence[ReportLine],
                     path: Path | str, *, font_path: str | None = None) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = chinese_font(font_path or None).name
    title = ParagraphStyle("t", fontName=font, fontSize=16, leading=24, alignment=1, wordWrap="CJK")
    body = ParagraphStyle("b", fontName=font, fontSize=10, leading=15, wordWrap="CJK")
    cell = ParagraphStyle("c", fontName=font, fontSize=8.5, leading=10.5, wordWrap="CJK")
    fig = [[translate("PaymentReport", "Figure"), translate("PaymentReport", "Lines"),
            translate("PaymentReport", "Amount (yuan)")]]
    fig += [[name, str(n), format_yuan(fen, symbol=False)] for name, n, fen in figures]
    ft = Table(fig, colWidths=[70 * mm, 20 * mm, 35 * mm], hAlign="LEFT")
    ft.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), font, 9.5), ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)), ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
    ]))
    data = [_line_headers()] + [[str(ln.line_no), text_cell(ln.talent_name, cell), ln.id_masked,
                                 paragraph(ln.employer_name, cell), paragraph(ln.policy_name, cell),
                                 format_yuan(ln.amount_fen, symbol=False), ln.status, paragraph(ln.fail_reason, cell), ln.reissued_in] for ln in lines]
    lt = Table(data, repeatRows=1, colWidths=[12 * mm, 20 * mm, 38 * mm, 45 * mm, 45 * mm, 24 * mm, 22 * mm,
                                              40 * mm, 24 * mm])
    lt.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), font, 8.5), ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)), ("ALIGN", (5, 0), (5, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))

    def on_page(c, doc):
        c.setFont(font, 8)
        c.drawRightString(doc.pagesize[0] - 12 * mm, 8 * mm, translate("PaymentReport", "Page {n}").format(n=doc.page))

    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), leftMargin=12 * mm, rightMargin=12 * mm,
                            topMargin=12 * mm, bottomMargin=14 * mm, title=_report_title(info), author="TalentDesk")
    story = [Paragraph(_report_title(info), title), Spacer(1, 3 * mm)]
    story += [paragraph(t, body) for t in _report_lines(info)]
    paid = next((fen for name, _n, fen in figures if name == translate("PaymentReport", "Paid")), 0)
    story += [Spacer(1, 3 * mm), ft, Spacer(1, 2 * mm),
              Paragraph(translate("PaymentReport", "Paid in words: RMB {capitals}").format(
                  capitals=amount_in_capitals(paid)), body), Spacer(1, 4 * mm), lt, Spacer(1, 10 * mm),
              Paragraph("　　　　".join([translate("PaymentReport", "Prepared by: ____________"),
                                         translate("PaymentReport", "Checked by: ____________")]), body)]
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)


def write_report_xlsx(info: ReportInfo, figures: Sequence[tuple[str, int, int]], lines: Sequence[ReportLine],
                      path: Path | str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = info.number
    ws.append([_report_title(info)])
    ws["A1"].font = Font(bold=True, size=14)
    for t in _report_lines(info):
        ws.append([t])
    ws.append([])
    ws.append([translate("PaymentReport", "Figure"), translate("PaymentReport", "Lines"),
               translate("PaymentReport", "Amount (yuan)")])
    for c in ws[ws.max_row]:
        c.font = Font(bold=True)
    for name, n, fen in figures:
        ws.append([name, n, fen / 100])
        ws.cell(row=ws.max_row, column=3).number_format = "#,##0.00"
    ws.append([])
    ws.append(_line_headers())
    for c in ws[ws.max_row]:
        c.font = Font(bold=True)
    for ln in lines:
        ws.append([ln.line_no, ln.talent_name, ln.id_masked, ln.employer_name, ln.policy_name, ln.amount_fen / 100,
                   ln.status, ln.fail_reason, ln.reissued_in])
        ws.cell(row=ws.max_row, column=6).number_format = "#,##0.00"
    for col, width in zip("ABCDEFGHI", (34, 12, 22, 26, 26, 14, 12, 24, 14)):
        ws.column_dimensions[col].width = width
    as_text(ws)
    wb.save(path)
