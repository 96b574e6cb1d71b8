"""The annual report pack as PDF (fonts embedded) and .xlsx: the 目标责任制考核 table, the 财政资金绩效自评 table and the
statistics tables, each followed by the signature and seal block, and the cross-table checks on the last page."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle


from talentdesk.i18n import translate
from talentdesk.reports.fonts import chinese_font
from talentdesk.reports.styles import grid_style, text_styles
from talentdesk.store.files import write_or_refuse


def _num(v) -> str:
    if v is None:
        return "—"
    v = float(v)
    return f"{v:,.2f}".rstrip("0").rstrip(".") if abs(v - round(v)) > 1e-9 else f"{int(round(v)):,}"


def _met(r) -> str:
    if r.met is None:
        return "—"
    return translate("AnnualPdf", "met") if r.met else translate("AnnualPdf", "not met")


def category_label(c: str) -> str:
    return {"output": translate("AnnualPdf", "Output"), "effect": translate("AnnualPdf", "Effect"),
            "satisfaction": translate("AnnualPdf", "Satisfaction")}.get(c, c)


def signature_lines() -> list[str]:
    return [translate("AnnualPdf", "Reporting unit (seal): ____________________    Head: ____________"),
            translate("AnnualPdf", "Prepared by: ____________    Telephone: ____________    "
                                   "Date: ______ (year) ____ (month) ____ (day)")]


def target_rows(pack) -> list[list]:
    head = [translate("AnnualPdf", "No."), translate("AnnualPdf", "Indicator"), translate("AnnualPdf", "Unit"),
            translate("AnnualPdf", "Target"), translate("AnnualPdf", "Actual"), translate("AnnualPdf", "Weight"),
            translate("AnnualPdf", "Score"), translate("AnnualPdf", "Assessment")]
    rows = [head]
    for r in pack.target:
        rows.append([r.code, r.name + (" *" if r.entered else ""), r.unit, _num(r.target), _num(r.actual),
                     _num(r.weight), _num(r.score), _met(r)])
    rows.append([translate("AnnualPdf", "Total"), "", "", "", "", _num(sum(r.weight for r in pack.target)),
                 _num(pack.score), ""])
    return rows


def performance_rows(pack) -> list[list]:
    head = [translate("AnnualPdf", "Level-1 indicator"), translate("AnnualPdf", "No."),
            translate("AnnualPdf", "Indicator"), translate("AnnualPdf", "Unit"), translate("AnnualPdf", "Target"),
            translate("AnnualPdf", "Actual"), translate("AnnualPdf", "Assessment")]
    rows = [head]
    for r in pack.performance:
        rows.append([category_label(r.category), r.code, r.name + (" *" if r.entered else ""), r.unit,
                     _num(r.target), _num(r.actual), _met(r)])
    return rows


def build_pdf(pack, path: Path, *, font: str | None = None) -> Path:
    f = chinese_font(font).name
    h1, h2, body, small = text_styles(f, title=(16, 22, 2), heading=(12, 17, 4))
    cell = ParagraphStyle("cell", fontName=f, fontSize=8.5, leading=10.5, wordWrap="CJK")
    grid = grid_style(f, lines="#7f8c99", numbers_right=False)

    def table(rows, widths, right_from=1):
        rows = [[Paragraph(str(c), cell) if isinstance(c, str) and len(c) > 14 else c for c in row] for row in rows]
        t = Table(rows, colWidths=widths, repeatRows=1,
                  style=TableStyle([*grid.getCommands(), ("ALIGN", (right_from, 1), (-1, -1), "RIGHT")]))
        return t

    def seal():
        return KeepTogether([Spacer(1, 6 * mm), *(Paragraph(line, body) for line in signature_lines())])

    title = translate("AnnualPdf", "{year} Annual Report Pack of the Talent Work Office").format(year=pack.year)
    story = [Paragraph(title, h1), Paragraph(pack.office, small), Spacer(1, 2 * mm),
             Paragraph(translate("AnnualPdf", "1. Target responsibility assessment (目标责任制考核)"), h2),
             table(target_rows(pack), [14 * mm, 52 * mm, 12 * mm, 18 * mm, 18 * mm, 14 * mm, 16 * mm, 22 * mm], 3),
             Paragraph(translate("AnnualPdf", "* entered by the office; the other actual figures are computed from "
                                              "the records. Score: the weight when met, in proportion otherwise."),
                       small),
             seal(), PageBreak(),
             Paragraph(translate("AnnualPdf", "2. Performance self-assessment of the fiscal funds (财政资金绩效自评)"),
                       h2),
             table(performance_rows(pack), [24 * mm, 12 * mm, 56 * mm, 14 * mm, 20 * mm, 20 * mm, 22 * mm], 4),
             seal(), PageBreak(),
             Paragraph(translate("AnnualPdf", "3. Statistics tables"), h2)]
    for st in pack.statistics:
        n = len(st.headers)
        first = 40 * mm
        rest = (166 * mm - first) / max(1, n - 1)
        story += [Paragraph(st.title, body), Spacer(1, 1 * mm),
                  table([list(st.headers), *[[_num(c) if isinstance(c, (int, float)) else c for c in r]
                                             for r in st.rows]], [first] + [rest] * (n - 1)),
                  Spacer(1, 3 * mm)]
    story.append(seal())
    story += [PageBreak(), Paragraph(translate("AnnualPdf", "4. Cross-table checks"), h2)]
    for c in pack.checks:
        mark = "✓" if c.ok else "✗"
        story.append(Paragraph(f"{mark} {c.text}", body))

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont(f, 8)
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, translate("AnnualPdf", "Page {n}").format(n=doc.page))
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=15 * mm,
                            bottomMargin=16 * mm, title=title, author=pack.office)
    write_or_refuse(lambda: doc.build(story, onFirstPage=footer, onLaterPages=footer),
                    translate("AnnualPdf", "The report could not be written: {error}"))
    return path


def build_xlsx(pack, path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    bold = Font(bold=True)

    def sheet(ws, title: str, rows: list[list], seal_block: bool = True):
        ws.append([title])
        ws["A1"].font = Font(bold=True, size=13)
        ws.append([])
        start = ws.max_row + 1
        for r in rows:
            ws.append(list(r))
        for c in ws[start]:
            c.font = bold
        if seal_block:
            ws.append([])
            for line in signature_lines():
                ws.append([line])
        ws.column_dimensions["A"].width = 18
        ws.column_dimensions["B"].width = 30
        ws.column_dimensions["C"].width = 30

    ws = wb.active
    ws.title = translate("AnnualPdf", "Target assessment")[:31]
    sheet(ws, translate("AnnualPdf", "{year} target responsibility assessment").format(year=pack.year),
          target_rows(pack))
    sheet(wb.create_sheet(translate("AnnualPdf", "Performance")[:31]),
          translate("AnnualPdf", "{year} performance self-assessment").format(year=pack.year), performance_rows(pack))
    for i, st in enumerate(pack.statistics, start=1):
        sheet(wb.create_sheet(translate("AnnualPdf", "Statistics {n}").format(n=i)[:31]), st.title,
              [list(st.headers), *[list(r) for r in st.rows]])
    ws = wb.create_sheet(translate("AnnualPdf", "Checks")[:31])
    for c in pack.checks:
        ws.append(["✓" if c.ok else "✗", c.text])
    ws.column_dimensions["B"].width = 100
    write_or_refuse(lambda: wb.save(path), translate("AnnualPdf", "The report could not be written: {error}"))
    return path
