"""The yearly report for the county leadership (年度人才工作报告): retention, departures, training coverage and the
watch list, with charts drawn by reportlab.graphics so the PDF needs nothing but ReportLab and a Chinese font."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from talentdesk.domain.errors import StorageError
from talentdesk.i18n import translate
from talentdesk.reports.fonts import cell as text_cell
from talentdesk.reports.fonts import chinese_font, paragraph
from talentdesk.reports.styles import grid_style, text_styles
from talentdesk.store.files import write_or_refuse

SERIES_COLOURS = (colors.HexColor("#2f6fb0"), colors.HexColor("#e08a2c"), colors.HexColor("#3a9a5b"))


@dataclass(frozen=True)
class YearlyData:
    year: int
    as_of: dt.date
    office: str
    retention: object          # services.retention.RetentionReport
    arrivals_in_year: int
    departures_in_year: object  # services.retention.DepartureRow
    coverage: object           # services.growth.Coverage
    watch: list                # services.risk.WatchRow, highest first
    chain_head: str = ""       # the hash chain's head when the report was written


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{v * 100:.1f}%"


def retention_chart(report, font: str, width: float = 170 * mm, height: float = 70 * mm) -> Drawing:
    """Grouped bars: share still here after 1, 3 and 5 years for each arrival year (missing = too young)."""
    rows = [r for r in report.by_year if any(r.share(n) is not None for n in (1, 3, 5))][-10:]
    d = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 30, 30
    chart.width, chart.height = width - 130, height - 45
    chart.data = [[(r.share(n) or 0) * 100 for r in rows] or [0] for n in (1, 3, 5)]
    chart.categoryAxis.categoryNames = [r.name for r in rows] or [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.barSpacing, chart.groupSpacing = 1, 6
    for i, c in enumerate(SERIES_COLOURS):
        chart.bars[i].fillColor = c
        chart.bars[i].strokeColor = None
    d.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 90, height - 20
    legend.fontName, legend.fontSize = font, 8
    legend.alignment = "right"
    legend.colorNamePairs = list(zip(SERIES_COLOURS, [translate("YearlyReport", "After 1 year"), translate("YearlyReport", "After 3 years"), translate("YearlyReport", "After 5 years")]))
    d.add(legend)
    return d


def flow_chart(report, font: str, width: float = 170 * mm, height: float = 60 * mm) -> Drawing:
    """Arrivals and departures per year (the last ten years)."""
    arrivals = {int(r.key): r.arrived for r in report.by_year}
    departures = {d.year: d.departed for d in report.departures}
    years = sorted(set(arrivals) | set(departures))[-10:] or [report.today.year]
    d = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 30, 25
    chart.width, chart.height = width - 130, height - 35
    chart.data = [[arrivals.get(y, 0) for y in years], [departures.get(y, 0) for y in years]]
    chart.categoryAxis.categoryNames = [str(y) for y in years]
    for axis in (chart.categoryAxis.labels, chart.valueAxis.labels):
        axis.fontName, axis.fontSize = font, 7
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor, chart.bars[1].fillColor = SERIES_COLOURS[0], colors.HexColor("#c0392b")
    chart.bars[0].strokeColor = chart.bars[1].strokeColor = None
    d.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 90, height - 15
    legend.fontName, legend.fontSize = font, 8
    legend.alignment = "right"
    legend.colorNamePairs = [(SERIES_COLOURS[0], translate("YearlyReport", "Arrived")), (colors.HexColor("#c0392b"), translate("YearlyReport", "Departed"))]
    d.add(legend)
    if not report.by_year:
        d.add(String(width / 2, height / 2, translate("YearlyReport", "No talents yet"), fontName=font, fontSize=10, textAnchor="middle"))
    return d


def build(data: YearlyData, path: Path, *, font: str | None = None) -> Path:
    """Write the report to `path` (fonts embedded). Raises StorageError if no Chinese font or the file is locked."""
    f = chinese_font(font).name
    h1, h2, body, small = text_styles(f, title=(18, 24, 4), heading=(13, 18, 5), body=(10, 15))
    grid = grid_style(f)
    r = data.retention
    story = [
        Paragraph(translate("YearlyReport", "{year} Talent Work Report").format(year=data.year), h1),
        Paragraph(translate("YearlyReport", "{office} · figures as of {date}").format(office=data.office, date=data.as_of.isoformat()), small),
        Spacer(1, 4 * mm),
        Paragraph(translate("YearlyReport", "1. Overview"), h2),
        Paragraph(translate("YearlyReport", "In {year}, {arrived} talents arrived and {departed} left, {within} of them before their service "
                     "commitment ended. {here} of the {total} talents introduced so far are still in the county.")
                  .format(year=data.year, arrived=data.arrivals_in_year, departed=data.departures_in_year.departed,
                          within=data.departures_in_year.within_commitment, here=r.total.here_now,
                          total=r.total.arrived), body),
        Paragraph(translate("YearlyReport", "2. Arrivals and departures"), h2),
        flow_chart(r, f),
        Paragraph(translate("YearlyReport", "3. Retention by arrival year"), h2),
        retention_chart(r, f),
    ]
    head = [translate("YearlyReport", "Arrival year"), translate("YearlyReport", "Arrived"), translate("YearlyReport", "Still here"), translate("YearlyReport", "After 1 year"), translate("YearlyReport", "After 3 years"),
            translate("YearlyReport", "After 5 years"), translate("YearlyReport", "Left within commitment")]

    head_style = ParagraphStyle("head", fontName=f, fontSize=8.5, leading=10)
    head = [Paragraph(h, head_style) for h in head]

    def rows(lines):
        return [[x.name, x.arrived, x.here_now, _pct(x.share(1)), _pct(x.share(3)), _pct(x.share(5)),
                 x.left_within_commitment] for x in lines]

    widths = [42 * mm, 18 * mm, 18 * mm, 20 * mm, 20 * mm, 20 * mm, 28 * mm]
    story += [Table([head, *rows(r.by_year), *rows([r.total])], colWidths=widths, style=grid, repeatRows=1),
              Paragraph(translate("YearlyReport", "A cohort shows a share after N years only when every member has been here N years; "
                           "“—” means the cohort is still too young."), small)]
    story += [Paragraph(translate("YearlyReport", "4. Retention by tier"), h2),
              Table([[Paragraph(translate("YearlyReport", "Tier"), head_style), *head[1:]], *rows(r.by_tier)], colWidths=widths, style=grid, repeatRows=1)]
    top_emp = [e for e in r.by_employer][:15]
    story += [Paragraph(translate("YearlyReport", "5. Retention by employer (the 15 largest)"), h2),
              Table([[Paragraph(translate("YearlyReport", "Employer"), head_style), *head[1:]], *rows(top_emp)], colWidths=widths, style=grid, repeatRows=1)]
    cov = data.coverage
    cov_rows = [[c.name, c.active, c.in_plan, c.completed, _pct(c.share)] for c in (cov.total, *cov.by_tier)]
    story += [Paragraph(translate("YearlyReport", "6. Training plan coverage in {year}").format(year=cov.year), h2),
              Table([[translate("YearlyReport", "Tier"), translate("YearlyReport", "Active talents"), translate("YearlyReport", "In the plan"), translate("YearlyReport", "Completed"), translate("YearlyReport", "Coverage")],
                     *cov_rows], colWidths=[50 * mm, 28 * mm, 28 * mm, 28 * mm, 28 * mm], style=grid, repeatRows=1)]
    story += [Paragraph(translate("YearlyReport", "7. Talents at risk of leaving (highest scores)"), h2)]
    if data.watch:
        cell = ParagraphStyle("cell", fontName=f, fontSize=8, leading=10, wordWrap="CJK")
        watch_grid = TableStyle([*grid.getCommands(), ("ALIGN", (0, 0), (1, -1), "LEFT"),
                                 ("ALIGN", (3, 0), (3, -1), "LEFT")])
        story.append(Table(
            [[translate("YearlyReport", "Name"), translate("YearlyReport", "Employer"), translate("YearlyReport", "Score"), translate("YearlyReport", "Reasons")],
             *[[text_cell(w.name, cell), paragraph(w.employer_name, cell), w.score, paragraph(w.reason_text, cell)]
               for w in data.watch]],
            colWidths=[22 * mm, 40 * mm, 14 * mm, 90 * mm], style=watch_grid, repeatRows=1))
    else:
        story.append(Paragraph(translate("YearlyReport", "No active talent shows a risk signal."), body))
    story.append(Spacer(1, 6 * mm))
    story.append(Paragraph(translate("YearlyReport", "The method behind the retention figures and the watch list is explained in the "
                              "program's help (Retention figures; Watch list)."), small))

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont(f, 8)
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, translate("YearlyReport", "Page {n}").format(n=doc.page))
        if data.chain_head:
            canvas.drawString(18 * mm, 10 * mm, translate("YearlyReport", "Chain head: {head}").format(
                head=data.chain_head))
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm,
                            bottomMargin=16 * mm, title=translate("YearlyReport", "{year} Talent Work Report").format(year=data.year),
                            author=data.office)
    write_or_refuse(lambda: doc.build(story, onFirstPage=footer, onLaterPages=footer),
                    translate("YearlyReport", "The report could not be written: {error}"))
    return path
