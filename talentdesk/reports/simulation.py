"""The policy simulation as a PDF for the leadership: the changes, both scenarios year by year, a chart of the net
outlay against the budget, and the method (fonts embedded; drawn with reportlab.graphics)."""
from __future__ import annotations

from pathlib import Path

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table


from talentdesk.domain.values import format_yuan
from talentdesk.i18n import translate
from talentdesk.reports.fonts import chinese_font
from talentdesk.reports.styles import grid_style, text_styles
from talentdesk.store.files import write_or_refuse

CURRENT, SIMULATED, BUDGET = colors.HexColor("#2f6fb0"), colors.HexColor("#e08a2c"), colors.HexColor("#9aa7b5")


def headers() -> list[str]:
    return [translate("SimulationReport", "Year"), translate("SimulationReport", "Committed grants"),
            translate("SimulationReport", "Newly qualifying"), translate("SimulationReport", "Expected arrivals"),
            translate("SimulationReport", "Expected clawback"), translate("SimulationReport", "Net outlay"),
            translate("SimulationReport", "Budget"), translate("SimulationReport", "Left in budget")]


def line_values(y) -> list[int]:
    return [y.committed_fen, y.newly_qualifying_fen, y.arrivals_fen, y.clawback_fen, y.total_fen, y.budget_fen,
            y.remaining_fen]


def describe_changes(sim) -> str:
    return "；".join(f"{k} = {v}" for k, v in sim.changes.items()) or translate("SimulationReport", "no changes")



def outlay_chart(sim, font: str, width: float = 240 * mm, height: float = 70 * mm) -> Drawing:
    d = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 45, 25
    chart.width, chart.height = width - 170, height - 35
    chart.data = [[y.total_fen / 1_000_000 for y in sim.current.years],
                  [y.total_fen / 1_000_000 for y in sim.simulated.years],
                  [y.budget_fen / 1_000_000 for y in sim.current.years]]
    chart.categoryAxis.categoryNames = [str(y) for y in sim.years]
    for axis in (chart.categoryAxis.labels, chart.valueAxis.labels):
        axis.fontName, axis.fontSize = font, 7
    chart.valueAxis.valueMin = min(0, *(v for row in chart.data for v in row))
    chart.valueAxis.labelTextFormat = "%.0f"
    for i, c in enumerate((CURRENT, SIMULATED, BUDGET)):
        chart.bars[i].fillColor, chart.bars[i].strokeColor = c, None
    chart.barSpacing, chart.groupSpacing = 1, 8
    d.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 115, height - 15
    legend.fontName, legend.fontSize = font, 8
    legend.colorNamePairs = [(CURRENT, sim.current.name), (SIMULATED, sim.simulated.name),
                             (BUDGET, translate("SimulationReport", "Budget"))]
    d.add(legend)
    return d


def build(sim, path: Path, *, office: str = "", font: str | None = None) -> Path:
    f = chinese_font(font).name
    h1, h2, body, small = text_styles(f)
    grid = grid_style(f, ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#f3f3f3")))  # the totals row
    title = translate("SimulationReport", "Policy simulation: {policy}").format(policy=sim.policy_name)
    story = [Paragraph(title, h1),
             Paragraph(translate("SimulationReport", "{office} · as of {date} · {years} years").format(
                 office=office, date=sim.as_of.isoformat(), years=len(sim.years)), small),
             Paragraph(translate("SimulationReport", "Changes: {changes}").format(changes=describe_changes(sim)), body),
             Spacer(1, 2 * mm),
             Paragraph(translate("SimulationReport", "Net outlay by year (ten thousand yuan)"), h2),
             outlay_chart(sim, f)]
    diff = [[translate("SimulationReport", "Year"), sim.current.name, sim.simulated.name,
             translate("SimulationReport", "Difference"), translate("SimulationReport", "Budget")]]
    for a, b in zip(sim.current.years, sim.simulated.years):
        diff.append([str(a.year), format_yuan(a.total_fen), format_yuan(b.total_fen),
                     format_yuan(b.total_fen - a.total_fen), format_yuan(a.budget_fen)])
    diff.append([translate("SimulationReport", "Total"), format_yuan(sim.current.total_fen),
                 format_yuan(sim.simulated.total_fen), format_yuan(sim.simulated.total_fen - sim.current.total_fen),
                 format_yuan(sum(y.budget_fen for y in sim.current.years))])
    story.append(Table(diff, colWidths=[30 * mm, 50 * mm, 50 * mm, 50 * mm, 50 * mm], style=grid, repeatRows=1))
    for scenario in (sim.current, sim.simulated):
        story.append(Paragraph(scenario.name, h2))
        rows = [headers()]
        for y in scenario.years:
            rows.append([str(y.year), *(format_yuan(v) for v in line_values(y))])
        rows.append([translate("SimulationReport", "Total"),
                     *(format_yuan(sum(line_values(y)[i] for y in scenario.years)) for i in range(7))])
        story.append(Table(rows, colWidths=[20 * mm] + [34 * mm] * 7, style=grid, repeatRows=1))
        story.append(Paragraph(translate("SimulationReport", "{n} talents here now would be granted; about {a} "
                                                             "qualifying arrivals a year.").format(
            n=scenario.newly_qualifying, a=f"{scenario.arrivals_qualifying:g}"), small))
    story.append(Paragraph(translate("SimulationReport", "Method"), h2))
    for n in sim.notes:
        story.append(Paragraph(n, small))
    story.append(Paragraph(translate("SimulationReport", "Payments to newly qualifying talents and arrivals are "
                                                         "weighted by the county's retention curve (Kaplan–Meier); "
                                                         "clawback is the expected amount owed back by those who "
                                                         "leave within their service commitment."), small))

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont(f, 8)
        canvas.drawRightString(landscape(A4)[0] - 15 * mm, 8 * mm,
                               translate("SimulationReport", "Page {n}").format(n=doc.page))
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), leftMargin=15 * mm, rightMargin=15 * mm,
                            topMargin=12 * mm, bottomMargin=14 * mm, title=title, author=office)
    write_or_refuse(lambda: doc.build(story, onFirstPage=footer, onLaterPages=footer),
                    translate("SimulationReport", "The report could not be written: {error}"))
    return path
