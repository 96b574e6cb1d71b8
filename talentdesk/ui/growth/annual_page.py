"""The annual report pack: the year's indicator tables with the cross-table checks listed first, a figure the
office enters (a survey, a correction) and the export to PDF and .xlsx."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from talentdesk.services.base import call
from talentdesk.services.growth import annual_report
from talentdesk.ui.common.tab import AppContext
from talentdesk.ui.common.table_model import Column, RowTableModel
from talentdesk.ui.common.widgets import make_table_view
from talentdesk.ui.common.file_dialogs import save_file_name
from talentdesk.ui.common.layouts import STRETCH, button, column, panel, row, splitter

BAD, GOOD = QColor("#b03a2e"), QColor("#2e7d4f")


def _num(v) -> str:
    if v is None:
        return "—"
    return f"{v:g}"


class AnnualReportPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.pack: annual_report.AnnualPack | None = None
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year - 1 if dt.date.today().month < 7 else dt.date.today().year)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        top = row(QLabel(self.tr("Year"), self), self.year, STRETCH,
                  button(self.tr("Enter a figure…"), self, self.enter_figure),
                  button(self.tr("Export to PDF…"), self, lambda: self.export(".pdf")),
                  button(self.tr("Export to Excel…"), self, lambda: self.export(".xlsx")))
        self.checks = QLabel(self)
        self.checks.setWordWrap(True)
        self.checks.setTextFormat(Qt.TextFormat.PlainText)

        def met_colour(r):
            return None if r.met is None else (GOOD if r.met else BAD)

        cols = [Column(self.tr("No."), lambda r: r.code), Column(self.tr("Indicator"), lambda r: r.name),
                Column(self.tr("Unit"), lambda r: r.unit),
                Column(self.tr("Target"), lambda r: _num(r.target), align_right=True),
                Column(self.tr("Actual"), lambda r: _num(r.actual) + (" *" if r.entered else ""), align_right=True,
                       foreground=met_colour)]
        self.target = RowTableModel([*cols, Column(self.tr("Weight"), lambda r: _num(r.weight), align_right=True),
                                     Column(self.tr("Score"), lambda r: _num(r.score), align_right=True)], self)
        self.performance = RowTableModel([Column(self.tr("Level-1 indicator"), lambda r: self.category(r.category)),
                                          *cols], self)
        self.target_view = make_table_view(self.target, self, sortable=False)
        self.performance_view = make_table_view(self.performance, self, sortable=False)
        self.title_target, self.title_perf = QLabel(self), QLabel(self)
        split = splitter(Qt.Orientation.Horizontal, self, panel(self, self.title_target, self.target_view),
                         panel(self, self.title_perf, self.performance_view))
        self.status = QLabel(self)
        column(top, self.checks, (split, 1), self.status, parent=self)

    def title(self) -> str:
        return self.tr("Annual report pack")

    def category(self, c: str) -> str:
        return {"output": self.tr("Output"), "effect": self.tr("Effect"),
                "satisfaction": self.tr("Satisfaction")}.get(c, c)

    def refresh(self) -> None:
        self.checks.setText(self.tr("Checking the tables…"))
        self.context.runner.submit(call(annual_report.annual_pack, year=self.year.value()), key="growth.annual",
                                   on_done=self._on_pack, on_error=self._failed)

    def _on_pack(self, pack: annual_report.AnnualPack) -> None:
        self.pack = pack
        self.target.set_rows(pack.target)
        self.performance.set_rows(pack.performance)
        for v in (self.target_view, self.performance_view):
            v.resizeColumnsToContents()
        self.title_target.setText(self.tr("Target responsibility assessment — score {score}").format(
            score=f"{pack.score:g}"))
        self.title_perf.setText(self.tr("Performance self-assessment of the fiscal funds"))
        lines = [self.tr("Cross-table checks: {bad} of {n} need attention before export.").format(
            bad=len(pack.problems), n=len(pack.checks)) if pack.problems else
            self.tr("Cross-table checks: all {n} pass.").format(n=len(pack.checks))]
        lines += [("✗ " if not c.ok else "✓ ") + c.text for c in pack.checks if not c.ok] or []
        self.checks.setText("\n".join(lines))
        self.checks.setStyleSheet(f"color: {BAD.name()}" if pack.problems else f"color: {GOOD.name()}")

    def enter_figure(self) -> None:
        rows = self.target_view.selectionModel().selectedRows()
        model = self.target
        if not rows:
            rows, model = self.performance_view.selectionModel().selectedRows(), self.performance
        if not rows:
            QMessageBox.information(self, self.title(), self.tr("Choose an indicator first."))
            return
        row = model.row_at(rows[0].row())
        value, ok = QInputDialog.getDouble(self, self.title(), self.tr("{code} {name} ({unit}) for {year}:").format(
            code=row.code, name=row.name, unit=row.unit, year=self.year.value()), row.actual or 0.0, -1e12, 1e12, 2)
        if ok:
            self.context.runner.submit(call(annual_report.enter_actual, year=self.year.value(), code=row.code,
                                            value=value), on_done=lambda _r: self.refresh(), on_error=self._failed)

    def export(self, suffix: str) -> None:
        anyway = False
        if self.pack is not None and self.pack.problems:
            answer = QMessageBox.question(self, self.title(), self.tr(
                "{n} cross-table checks fail. Export anyway?").format(n=len(self.pack.problems)))
            if answer != QMessageBox.StandardButton.Yes:
                return
            anyway = True
        name = self.tr("annual-report-{year}").format(year=self.year.value()) + suffix
        filters = self.tr("PDF document (*.pdf)") if suffix == ".pdf" else self.tr("Excel workbook (*.xlsx)")
        path, _ = save_file_name(self, self.title(), name, filters)
        if path:
            self.save(path if path.lower().endswith(suffix) else path + suffix, ignore_checks=anyway)

    def save(self, path: str, *, ignore_checks: bool = False) -> None:
        kind = "pdf" if path.lower().endswith(".pdf") else "xlsx"
        self.status.setText(self.tr("Writing the report pack…"))
        self.context.runner.submit(
            call(annual_report.export_annual_pack, year=self.year.value(), ignore_checks=ignore_checks,
                 **{kind: path}),
            on_done=lambda _p: self.status.setText(self.tr("Saved {path}").format(path=path)), on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        from talentdesk.ui.errors import show_error

        show_error(self, exc, clear=self.status)
