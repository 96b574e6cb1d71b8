"""Why people leave: Kaplan–Meier retention curves with 95% bands for the chosen grouping, the number at risk,
the log-rank test, and the leavers of the last five years by coded reason."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCharts import QAreaSeries, QLineSeries, QValueAxis
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QWidget,
)

from talentdesk.services.base import call
from talentdesk.services.growth import survival
from talentdesk.ui.common.tab import AppContext
from talentdesk.ui.common.table_model import Column, RowTableModel
from talentdesk.ui.common.formatting import fmt_percent as pct
from talentdesk.ui.common.widgets import make_table_view
from talentdesk.ui.common.file_dialogs import ask_save_path, with_suffix
from talentdesk.ui.common.charts import chart_view
from talentdesk.ui.common.layouts import STRETCH, button, column, panel, row, splitter

PALETTE = ("#2f6fb0", "#c0392b", "#3a9a5b", "#e08a2c", "#7b4fa0", "#1b9aaa", "#8c6d31", "#d4458c", "#5a6b7b",
           "#9aa83a", "#b85c38", "#4062bb", "#777777")


def step_points(points, value) -> list[QPointF]:
    """The right-continuous step function through the curve's points, in percent."""
    out: list[QPointF] = []
    prev = None
    for p in points:
        if prev is not None:
            out.append(QPointF(p.t, value(prev) * 100))
        out.append(QPointF(p.t, value(p) * 100))
        prev = p
    return out


class SurvivalPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.report: survival.SurvivalReport | None = None
        self._band_edges: list[QLineSeries] = []
        self.by = QComboBox(self)
        for key, text in (("cohort", self.tr("By arrival year")), ("tier", self.tr("By tier")),
                          ("employer", self.tr("By employer")), ("mentor", self.tr("Mentor or none")),
                          ("apartment", self.tr("Talent apartment or none")),
                          ("spouse", self.tr("Spouse placement or none")),
                          ("subsidies", self.tr("Subsidies paid on time or late"))):
            self.by.addItem(text, key)
        self.by.currentIndexChanged.connect(lambda _i: self.refresh())
        self.bands = QCheckBox(self.tr("95% bands"), self)
        self.bands.setChecked(True)
        self.bands.toggled.connect(lambda _on: self._draw())
        top = row(QLabel(self.tr("Compare"), self), self.by, self.bands, STRETCH,
                  button(self.tr("Export to Excel…"), self, self.export_xlsx))

        self.chart_view = chart_view(self, min_height=220)
        self.chart = self.chart_view.chart()
        self.test = QLabel(self)
        self.test.setWordWrap(True)

        risk_cols = [Column(self.tr("At risk, {m} mo.").format(m=m),
                            lambda r, i=i: r.at_risk[i], align_right=True)
                     for i, m in enumerate(survival.RISK_TIMES)]
        self.model = RowTableModel([
            Column(self.tr("Group"), lambda r: r.name),
            Column(self.tr("Talents"), lambda r: r.n, align_right=True),
            Column(self.tr("Left"), lambda r: r.left, align_right=True),
            Column(self.tr("Median months"), lambda r: "—" if r.median_months is None else r.median_months,
                   align_right=True),
            Column(self.tr("After 1 year"), lambda r: pct(r.survival_at[0]), align_right=True),
            Column(self.tr("After 3 years"), lambda r: pct(r.survival_at[1]), align_right=True),
            Column(self.tr("After 5 years"), lambda r: pct(r.survival_at[2]), align_right=True),
            *risk_cols,
        ], self)
        self.view = make_table_view(self.model, self, size_from_rows=50)
        self.leavers_model = RowTableModel([
            Column(self.tr("Reason"), lambda r: r.name),
            Column(self.tr("Left"), lambda r: r.left, align_right=True),
            Column(self.tr("Within commitment"), lambda r: r.within_commitment, align_right=True),
            Column(self.tr("Median months served"),
                   lambda r: "—" if r.median_months is None else f"{r.median_months:g}", align_right=True),
            Column(self.tr("Share"), lambda r: pct(r.share), align_right=True),
        ], self)
        self.leavers_view = make_table_view(self.leavers_model, self, size_from_rows=50)
        self.leavers_title = QLabel(self)
        upper = splitter(Qt.Orientation.Horizontal, self, self.chart_view,
                         panel(self, self.leavers_title, self.leavers_view), sizes=[800, 500])
        split = splitter(Qt.Orientation.Vertical, self, upper, self.view, sizes=[420, 220])
        self.status = QLabel(self)
        column(top, self.test, (split, 1), self.status, parent=self)

    def title(self) -> str:
        return self.tr("Why people leave")

    # ------------------------------------------------------------ data
    def _period(self) -> tuple[dt.date, dt.date]:
        today = dt.date.today()
        return dt.date(today.year - 5, 1, 1), today

    def refresh(self) -> None:
        self.test.setText(self.tr("Computing the curves…"))
        self.context.runner.submit(call(survival.survival_report, as_of=dt.date.today(), by=self.by.currentData()),
                                   key="growth.survival", on_done=self._on_report, on_error=self._failed)
        first, last = self._period()
        self.context.runner.submit(call(survival.leavers_by_reason, first=first, last=last),
                                   key="growth.leavers", on_done=self._on_leavers, on_error=self._failed)

    def _on_report(self, report: survival.SurvivalReport) -> None:
        self.report = report
        self.model.set_rows(report.groups)
        self.view.resizeColumnsToContents()
        if report.chi2 is None:
            self.test.setText(self.tr("Too few departures to compare the groups."))
        else:
            verdict = (self.tr("the groups differ beyond chance") if report.p_value < 0.05
                       else self.tr("no difference beyond chance"))
            self.test.setText(self.tr(
                "Share still in the county by months since arrival (Kaplan–Meier). Log-rank test: χ² = {chi2} on {df} "
                "degrees of freedom, p = {p} — {verdict}.").format(
                chi2=f"{report.chi2:.2f}", df=report.df, p=f"{report.p_value:.4f}", verdict=verdict))
        self._draw()

    def _on_leavers(self, report: survival.LeaversReport) -> None:
        self.leavers_model.set_rows(report.rows)
        self.leavers_view.resizeColumnsToContents()
        self.leavers_title.setText(self.tr("Leavers by reason, {first} to {last}: {n}").format(
            first=report.first.isoformat(), last=report.last.isoformat(), n=report.total))

    # ------------------------------------------------------------ chart
    def _draw(self) -> None:
        self.chart.removeAllSeries()
        self._band_edges = []  # an area series does not own its edge lines: keep them alive while it is shown
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        if self.report is None:
            return
        x = QValueAxis()
        x.setLabelFormat("%d")
        x.setTitleText(self.tr("Months since arrival"))
        y = QValueAxis()
        y.setLabelFormat("%d%%")
        longest = max((g.points[-1].t for g in self.report.groups), default=12)
        years = max(1, -(-int(longest) // 12))
        x.setRange(0, 12 * years)
        x.setTickType(QValueAxis.TickType.TicksDynamic)
        x.setTickAnchor(0)
        x.setTickInterval(12 if years <= 12 else 24)  # a tick a year (every second year for long histories)
        low = min((p.lower for g in self.report.groups for p in g.points), default=0.0) if self.bands.isChecked() \
            else min((p.survival for g in self.report.groups for p in g.points), default=0.0)
        y.setRange(max(0, int(low * 10) * 10 - 10), 100)
        self.chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        for i, g in enumerate(self.report.groups):
            colour = QColor(PALETTE[i % len(PALETTE)])
            if self.bands.isChecked():
                upper, lower = QLineSeries(), QLineSeries()
                upper.append(step_points(g.points, lambda p: p.upper))
                lower.append(step_points(g.points, lambda p: p.lower))
                band = QAreaSeries(upper, lower)
                self._band_edges += [upper, lower]
                fill = QColor(colour)
                fill.setAlpha(40)
                band.setBrush(fill)
                band.setPen(QPen(Qt.PenStyle.NoPen))
                self.chart.addSeries(band)
                band.attachAxis(x)
                band.attachAxis(y)
                self.chart.legend().markers(band)[0].setVisible(False)
            line = QLineSeries()
            line.setName(f"{g.name} (n={g.n})")
            line.append(step_points(g.points, lambda p: p.survival))
            pen = QPen(colour)
            pen.setWidthF(2.0)
            line.setPen(pen)
            self.chart.addSeries(line)
            line.attachAxis(x)
            line.attachAxis(y)
        self.chart.setTitle(self.tr("Retention curves — {group}").format(group=self.by.currentText()))

    # ------------------------------------------------------------ export
    def export_xlsx(self) -> None:
        ask_save_path(self, self.tr("Export retention curves"), self.tr("survival.xlsx"),
                      self.tr("Excel workbook (*.xlsx)"), then=self.save_xlsx)

    def save_xlsx(self, path: str) -> None:
        path = with_suffix(path, ".xlsx")
        first, last = self._period()
        self.status.setText(self.tr("Exporting…"))
        self.context.runner.submit(
            call(survival.export_survival_xlsx, path=path, as_of=dt.date.today(), by=self.by.currentData(),
                 first=first, last=last),
            on_done=lambda p: self.status.setText(self.tr("Saved {path}").format(path=p)), on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        from talentdesk.ui.errors import show_error

        show_error(self, exc, clear=self.status)
