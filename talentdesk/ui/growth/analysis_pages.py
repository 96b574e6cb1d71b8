"""Promotion readiness, retention figures (charts and tables) and the watch list."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QValueAxis,
)
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from talentdesk.domain import enums as E
from talentdesk.domain.labels import label, join_list
from talentdesk.services.base import call
from talentdesk.services.common import settings
from talentdesk.services.growth import promotion, retention, risk
from talentdesk.ui.common.finished import show_finished
from talentdesk.ui.common.formatting import fmt_date
from talentdesk.ui.common.tab import AppContext
from talentdesk.ui.common.table_model import ROW_ROLE, Column, RowTableModel
from talentdesk.ui.common.formatting import fmt_percent
from talentdesk.ui.common.widgets import make_table_view
from talentdesk.ui.common.file_dialogs import ask_save_path, save_file_name, with_suffix
from talentdesk.ui.common.charts import chart_view

HORIZON_COLOURS = ("#2f6fb0", "#e08a2c", "#3a9a5b")
RISK_COLOURS = {risk.MONEY: QColor("#b5651d"), risk.CARE: QColor("#2e7d4f"), risk.CAREER: QColor("#2f5f9f"),
                risk.COMMITMENT: QColor("#c0392b")}


class ReadinessPage(QWidget):
    """Talents who look ready for promotion by the thresholds in settings."""

    timeline_requested = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.model = RowTableModel([
            Column(self.tr("Talent"), lambda r: r.name),
            Column(self.tr("Employer"), lambda r: r.employer_name),
            Column(self.tr("Tier"), lambda r: r.tier_name or r.tier_code),
            Column(self.tr("Post"), lambda r: r.post),
            Column(self.tr("Professional title"), lambda r: r.professional_title),
            Column(self.tr("In post since"), lambda r: fmt_date(r.in_post_since)),
            Column(self.tr("Years in post"), lambda r: f"{r.years_in_post:.1f}", align_right=True),
            Column(self.tr("Training hours"), lambda r: f"{r.training_hours:g}", align_right=True),
            Column(self.tr("Latest appraisals"), lambda r: join_list(label(E.AppraisalGrade, g) for g in r.recent_grades)),
        ], self)
        self.view = make_table_view(self.model, self, size_from_rows=50)
        self.view.doubleClicked.connect(self._open)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.thresholds: promotion.Thresholds | None = None
        lay = QVBoxLayout(self)
        lay.addWidget(self.note)
        lay.addWidget(self.view)

    def refresh(self) -> None:
        self.context.runner.submit(call(promotion.promotion_thresholds), key="growth.thresholds", on_done=lambda t: setattr(self, "thresholds", t))
        self.context.runner.submit(call(promotion.promotion_candidates, today=dt.date.today()), key="growth.ready", on_done=self._on_rows)

    def _on_rows(self, rows) -> None:
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        t = self.thresholds
        if t is None:
            return
        note = self.tr(
            "{n} active talents meet every threshold: at least {years} years in the present post, {hours} hours of "
            "completed training, and the latest {k} appraisals all Excellent or Competent. The thresholds are "
            "changed in File → Settings. Double-click a row to see the timeline.").format(
            n=len(rows), years=f"{t.min_years_in_post:g}", hours=f"{t.min_training_hours:g}", k=t.min_good_appraisals)
        if t.require_title:
            note += " " + self.tr("A professional title is required.")
        self.note.setText(note)

    def _open(self, index) -> None:
        row = self.model.data(index, ROW_ROLE)
        if row is not None:
            self.timeline_requested.emit(row.talent_id)


class RetentionPage(QWidget):
    """Retention by arrival year, tier or employer: a bar chart of the 1/3/5-year shares and the table."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.report: retention.RetentionReport | None = None
        self.group = QComboBox(self)
        self.group.addItem(self.tr("By arrival year"), "year")
        self.group.addItem(self.tr("By tier"), "tier")
        self.group.addItem(self.tr("By employer"), "employer")
        self.group.currentIndexChanged.connect(lambda _i: self._show())
        self.model = RowTableModel([
            Column(self.tr("Group"), lambda r: r.name),
            Column(self.tr("Arrived"), lambda r: r.arrived, align_right=True),
            Column(self.tr("Still here"), lambda r: r.here_now, align_right=True),
            Column(self.tr("After 1 year"), lambda r: fmt_percent(r.share(1)), align_right=True),
            Column(self.tr("After 3 years"), lambda r: fmt_percent(r.share(3)), align_right=True),
            Column(self.tr("After 5 years"), lambda r: fmt_percent(r.share(5)), align_right=True),
            Column(self.tr("Left within commitment"), lambda r: r.left_within_commitment, align_right=True),
        ], self)
        self.view = make_table_view(self.model, self, size_from_rows=50)
        self.chart_view = chart_view(self, min_height=160)
        self.chart = self.chart_view.chart()
        self.flow_view = chart_view(self)
        self.flow = self.flow_view.chart()
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.report_year = QSpinBox(self)
        self.report_year.setRange(2000, 2100)
        self.report_year.setValue(dt.date.today().year)
        xlsx = QPushButton(self.tr("Export to Excel…"), self)
        xlsx.clicked.connect(self.export_xlsx)
        pdf = QPushButton(self.tr("Yearly report (PDF)…"), self)
        pdf.clicked.connect(self.export_pdf)
        top = QHBoxLayout()
        top.addWidget(self.group)
        top.addStretch()
        top.addWidget(xlsx)
        top.addWidget(QLabel(self.tr("Report year"), self))
        top.addWidget(self.report_year)
        top.addWidget(pdf)
        charts = QSplitter(Qt.Orientation.Horizontal, self)
        charts.addWidget(self.chart_view)
        charts.addWidget(self.flow_view)
        charts.setSizes([560, 520])
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(charts)
        split.addWidget(self.view)
        split.setSizes([360, 300])
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.summary)
        lay.addWidget(split, 1)
        self.status = QLabel(self)
        lay.addWidget(self.status)

    def refresh(self) -> None:
        self.context.runner.submit(call(retention.retention_report, today=dt.date.today()), key="growth.retention", on_done=self._on_report)

    def _on_report(self, report: retention.RetentionReport) -> None:
        self.report = report
        t = report.total
        within = sum(d.within_commitment for d in report.departures)
        gone = sum(d.departed for d in report.departures)
        self.summary.setText(self.tr(
            "{here} of {arrived} talents introduced are still here. After 1 year {s1} stayed, after 3 years {s3}, "
            "after 5 years {s5} (only cohorts old enough count). {within} of {gone} departures came before the "
            "service commitment ended.").format(here=t.here_now, arrived=t.arrived, s1=fmt_percent(t.share(1)),
                                               s3=fmt_percent(t.share(3)), s5=fmt_percent(t.share(5)), within=within, gone=gone))
        self._show_flow()
        self._show()

    def _show_flow(self) -> None:
        """Arrivals and departures per year (the last twelve years)."""
        r = self.report
        arrivals = {int(x.key): x.arrived for x in r.by_year}
        departures = {d.year: d.departed for d in r.departures}
        years = sorted(set(arrivals) | set(departures))[-12:]
        self.flow.removeAllSeries()
        for axis in self.flow.axes():
            self.flow.removeAxis(axis)
        series = QBarSeries()
        for name, values, colour in ((self.tr("Arrived"), arrivals, "#2f6fb0"),
                                     (self.tr("Departed"), departures, "#c0392b")):
            s = QBarSet(name)
            s.setColor(QColor(colour))
            for y in years:
                s.append(values.get(y, 0))
            series.append(s)
        self.flow.addSeries(series)
        cats = QBarCategoryAxis()
        cats.append([str(y) for y in years])
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() - 1.5, 6))
        cats.setLabelsFont(small)
        self.flow.addAxis(cats, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(cats)
        val = QValueAxis()
        val.setLabelFormat("%d")
        top = max([*arrivals.values(), *departures.values(), 1])
        val.setRange(0, top)
        val.applyNiceNumbers()
        self.flow.addAxis(val, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(val)
        self.flow.setTitle(self.tr("Arrivals and departures per year"))

    def rows(self) -> list[retention.RetentionRow]:
        if self.report is None:
            return []
        which = self.group.currentData()
        if which == "tier":
            return list(self.report.by_tier)
        if which == "employer":
            return list(self.report.by_employer)
        return list(self.report.by_year)

    def _show(self) -> None:
        rows = self.rows()
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        chart_rows = [r for r in rows if any(r.share(n) is not None for n in retention.HORIZONS)]
        if self.group.currentData() == "employer":
            chart_rows = sorted(chart_rows, key=lambda r: -r.arrived)[:12]
        elif self.group.currentData() == "year":
            chart_rows = chart_rows[-12:]
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        series = QBarSeries()
        names = (self.tr("After 1 year"), self.tr("After 3 years"), self.tr("After 5 years"))
        for n, name, colour in zip(retention.HORIZONS, names, HORIZON_COLOURS):
            s = QBarSet(name)
            s.setColor(QColor(colour))
            for r in chart_rows:
                v = r.share(n)
                s.append(0.0 if v is None else round(v * 100, 1))
            series.append(s)
        self.chart.addSeries(series)
        cats = QBarCategoryAxis()
        cats.append([r.name[:10] for r in chart_rows])
        self.chart.addAxis(cats, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(cats)
        val = QValueAxis()
        val.setRange(0, 100)
        val.setLabelFormat("%d%%")
        val.setTickCount(6)
        self.chart.addAxis(val, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(val)
        self.chart.setTitle(self.tr("Share still here after 1, 3 and 5 years ({group})").format(
            group=self.group.currentText()))

    def export_xlsx(self) -> None:
        ask_save_path(self, self.tr("Export retention figures"), self.tr("retention.xlsx"),
                      self.tr("Excel workbook (*.xlsx)"), then=self.save_xlsx)

    def save_xlsx(self, path: str) -> None:
        path = with_suffix(path, ".xlsx")
        self.status.setText(self.tr("Exporting…"))
        self.context.runner.submit(call(retention.export_retention_xlsx, path=path, today=dt.date.today()), on_done=lambda p: self._saved(p, self.tr("Retention"), self.tr("The retention figures are saved.")), on_error=self._failed)

    def export_pdf(self) -> None:
        year = self.report_year.value()
        path, _ = save_file_name(self, self.tr("Yearly report"),
                                              self.tr("talent-work-report-{year}.pdf").format(year=year),
                                              self.tr("PDF document (*.pdf)"))
        if path:
            self.save_pdf(path, year)

    def save_pdf(self, path: str, year: int) -> None:
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        self.status.setText(self.tr("Writing the report…"))
        self.context.runner.submit(call(retention.write_yearly_report, path=path, year=year, today=dt.date.today()), on_progress=lambda d, t, text: self.status.setText(f"{text} ({d}/{t})"), on_done=lambda p: self._saved(p, self.tr("Yearly report"), self.tr("The yearly report is saved.")), on_error=self._failed)

    def _saved(self, path, title: str, text: str) -> None:
        self.status.setText(self.tr("Saved {path}").format(path=path))
        self.finished_box = show_finished(self, title, text, path)

    def _failed(self, exc: BaseException) -> None:
        from talentdesk.ui.errors import show_error

        show_error(self, exc, clear=self.status)


class WatchPage(QWidget):
    """Active talents sorted by risk, each with its reasons; double-click opens the talent's record."""

    open_requested = Signal(str, int)
    timeline_requested = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context

        def reason_colour(r):
            return RISK_COLOURS[r.reasons[0].pillar] if r.reasons else None

        self.model = RowTableModel([
            Column(self.tr("Score"), lambda r: r.score, align_right=True),
            Column(self.tr("Talent"), lambda r: r.name),
            Column(self.tr("Employer"), lambda r: r.employer_name),
            Column(self.tr("Tier"), lambda r: r.tier_name),
            Column(self.tr("Reasons"), lambda r: r.reason_text, foreground=reason_colour,
                   tooltip=lambda r: "\n".join(f"{risk.pillar_label(x.pillar)} +{x.weight}: {x.text}"
                                               for x in r.reasons)),
        ], self)
        self.view = make_table_view(self.model, self, size_from_rows=50)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.view.doubleClicked.connect(self._open)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        timeline_btn = QPushButton(self.tr("Show timeline"), self)
        timeline_btn.clicked.connect(self._timeline)
        # the summary wraps on its own row (beside a button, a wrapped label is given too little height)
        # the legend of the row colours: the reasons are coloured by the pillar of the weightiest one
        legend = QHBoxLayout()
        legend.addWidget(QLabel(self.tr("Colour of the reasons (the weightiest one):"), self))
        self.legend: dict[str, QLabel] = {}
        for pillar in (risk.MONEY, risk.CARE, risk.CAREER, risk.COMMITMENT):
            chip = QLabel("■ " + risk.pillar_label(pillar), self)
            chip.setStyleSheet(f"color: {RISK_COLOURS[pillar].name()};")
            legend.addWidget(chip)
            self.legend[pillar] = chip
        legend.addStretch(1)
        legend.addWidget(timeline_btn)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.view)
        lay.addLayout(legend)
        self.rows: list[risk.WatchRow] = []
        self.threshold: int | None = None

    def refresh(self) -> None:
        self.summary.setText(self.tr("Scoring the active talents…"))
        self.context.runner.submit(call(settings.read_setting, key="risk_threshold"), key="growth.watch.threshold",
                                   on_done=lambda v: setattr(self, "threshold", v))
        self.context.runner.submit(call(risk.watch_list, today=dt.date.today()), key="growth.watch", on_done=self._on_rows, on_progress=lambda d, t, text: self.summary.setText(
                self.tr("Scoring the active talents… {text} ({done}/{total})").format(text=text, done=d, total=t)))

    def _on_rows(self, rows) -> None:
        self.rows = rows
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        counts: dict[str, int] = {}
        for r in rows:
            for x in r.reasons:
                counts[x.code] = counts.get(x.code, 0) + 1
        parts = [f"{risk.signal_label(c)}: {counts.get(c, 0)}" for c in risk.SIGNALS]
        self.summary.setText(self.tr("{n} active talents reach the watch-list score of {threshold}, highest score "
                                     "first (the score and the points per signal are in File → Settings). "
                                     "Double-click to open the record.").format(
            n=len(rows), threshold=self.threshold if self.threshold is not None else "…")
            + "\n" + "  ·  ".join(parts))

    def _selected(self):
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _open(self, index) -> None:
        row = self.model.data(index, ROW_ROLE)
        if row is not None:
            self.open_requested.emit("talents", row.talent_id)

    def _timeline(self) -> None:
        row = self._selected()
        if row is not None:
            self.timeline_requested.emit(row.talent_id)
