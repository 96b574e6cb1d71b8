"""The policy simulator: start from a policy (or a new one), change amounts, instalments, service years and
eligibility, and see five years of cost beside the policy as it stands — a table, a chart, .xlsx and PDF."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QGroupBox, QLabel, QLineEdit, QSpinBox

from talentdesk.domain import enums as E
from talentdesk.domain.labels import label
from talentdesk.services.base import call
from talentdesk.services.ledger import policies, simulation
from talentdesk.ui.common.formatting import fmt_money
from talentdesk.ui.common.tab import AppContext
from talentdesk.ui.common.table_model import Column, RowTableModel
from talentdesk.ui.common.widgets import make_table_view, refill_combo
from talentdesk.ui.ledger.pages import Page
from talentdesk.ui.common.file_dialogs import save_file_name
from talentdesk.ui.common.charts import chart_view
from talentdesk.ui.common.layouts import STRETCH, button, column, form, panel, row, splitter

NEW = -1


class SimulatorPage(Page):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(context, parent)
        self.sim: simulation.Simulation | None = None
        self.policy = QComboBox(self)
        self.policy.currentIndexChanged.connect(lambda _i: self._policy_changed())
        self.kind = QComboBox(self)
        for code in E.values(E.PolicyKind):
            self.kind.addItem(label(E.PolicyKind, code), code)
        self.amount = QLineEdit(self)
        self.amount.setPlaceholderText(self.tr("yuan, for everyone; empty: keep the amounts"))
        self.scale = QSpinBox(self)
        self.scale.setRange(1, 1000)
        self.scale.setSuffix(" %")
        self.scale.setValue(100)
        self.mode = self._as_now_choice(E.InstalmentMode)
        self.instalments = self._as_now_number(120)
        self.clawback = self._as_now_choice(E.ClawbackRule)
        self.service_years = self._as_now_number(50)
        self.tiers = QLineEdit(self)
        self.tiers.setPlaceholderText(self.tr("e.g. A,B,C — empty: as now"))
        self.max_age = self._as_now_number(80)
        self.years = QSpinBox(self)
        self.years.setRange(1, 15)
        self.years.setValue(5)
        box = QGroupBox(self.tr("Changes"), self)
        column(form((self.tr("Policy"), self.policy),
                    (self.tr("Kind (new policy)"), self.kind),
                    (self.tr("Amount"), self.amount),
                    (self.tr("Scale the amounts"), self.scale),
                    (self.tr("Paid"), self.mode),
                    (self.tr("Instalments"), self.instalments),
                    (self.tr("Clawback"), self.clawback),
                    (self.tr("Service commitment (years)"), self.service_years),
                    (self.tr("Tiers"), self.tiers),
                    (self.tr("Highest age at arrival"), self.max_age),
                    (self.tr("Years"), self.years)),
               row(button(self.tr("Simulate"), self, self.run),
                   button(self.tr("Export to Excel…"), self, lambda: self.export(".xlsx")),
                   button(self.tr("Export to PDF…"), self, lambda: self.export(".pdf"))),
               STRETCH, parent=box)
        box.setMaximumWidth(380)

        self.model = RowTableModel([
            Column(self.tr("Year"), lambda r: r[0].year),
            Column(self.tr("Committed grants"), lambda r: fmt_money(r[0].committed_fen), align_right=True),
            Column(self.tr("Now: new grants"), lambda r: fmt_money(r[0].newly_qualifying_fen + r[0].arrivals_fen),
                   align_right=True),
            Column(self.tr("Now: clawback"), lambda r: fmt_money(r[0].clawback_fen), align_right=True),
            Column(self.tr("Now: net"), lambda r: fmt_money(r[0].total_fen), align_right=True),
            Column(self.tr("Simulated: new grants"),
                   lambda r: fmt_money(r[1].newly_qualifying_fen + r[1].arrivals_fen), align_right=True),
            Column(self.tr("Simulated: clawback"), lambda r: fmt_money(r[1].clawback_fen), align_right=True),
            Column(self.tr("Simulated: net"), lambda r: fmt_money(r[1].total_fen), align_right=True),
            Column(self.tr("Difference"), lambda r: fmt_money(r[1].total_fen - r[0].total_fen), align_right=True),
            Column(self.tr("Budget"), lambda r: fmt_money(r[0].budget_fen), align_right=True),
        ], self)
        self.view = make_table_view(self.model, self, sortable=False)
        self.chart_view = chart_view(self)
        self.chart = self.chart_view.chart()
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        right = splitter(Qt.Orientation.Vertical, self, self.chart_view, self.view, sizes=(330, 220))
        self.status = QLabel(self)
        column((row(box, (panel(self, self.summary, (right, 1)), 1)), 1), self.status, parent=self)

    def _as_now_choice(self, enum) -> QComboBox:
        """A choice of enum's values, or "(as now)": keep the policy's own."""
        combo = QComboBox(self)
        combo.addItem(self.tr("(as now)"), "")
        for code in E.values(enum):
            combo.addItem(label(enum, code), code)
        return combo

    def _as_now_number(self, top: int) -> QSpinBox:
        """A number from 1 to top, or 0 shown as "(as now)": keep the policy's own."""
        spin = QSpinBox(self)
        spin.setRange(0, top)
        spin.setSpecialValueText(self.tr("(as now)"))
        return spin

    def title(self) -> str:
        return self.tr("Policy simulator")

    # ------------------------------------------------------------ data
    def refresh(self) -> None:
        self.context.runner.submit(call(policies.list_policies, include_inactive=False), key="ledger.sim.policies",
                                   on_done=self._on_policies, on_error=self._failed)

    def _on_policies(self, rows) -> None:
        refill_combo(self.policy, [*((f"{p.name}  {p.doc_number}".strip(), p.id) for p in rows),
                                   (self.tr("A new policy"), NEW)], keep=0)
        self._policy_changed()
        self.loaded = True
        if self.sim is None and rows:
            self.run()

    def _policy_changed(self) -> None:
        self.kind.setEnabled(self.policy.currentData() == NEW)

    def changes(self) -> dict[str, str]:
        out: dict[str, str] = {}
        if self.amount.text().strip():
            out["amount"] = self.amount.text().strip()
        if self.scale.value() != 100:
            out["amount_scale"] = f"{self.scale.value()}%"
        if self.mode.currentData():
            out["mode"] = self.mode.currentData()
        if self.instalments.value():
            out["instalments"] = str(self.instalments.value())
        if self.clawback.currentData():
            out["clawback"] = self.clawback.currentData()
        if self.service_years.value():
            out["service_years"] = str(self.service_years.value())
        if self.tiers.text().strip():
            out["tiers"] = self.tiers.text().strip().upper()
        if self.max_age.value():
            out["max_age"] = str(self.max_age.value())
        return out

    def _call_kwargs(self) -> dict:
        pid = self.policy.currentData()
        new = pid == NEW
        return dict(policy_id=None if new else pid, changes=self.changes(), as_of=dt.date.today(),
                    years=self.years.value(), new_policy={"kind": self.kind.currentData()} if new else None)

    def run(self) -> None:
        if self.policy.currentData() is None:
            return
        self.status.setText(self.tr("Simulating…"))
        self.context.runner.submit(call(simulation.simulate, **self._call_kwargs()), key="ledger.sim",
                                   on_done=self._on_sim, on_error=self._failed)

    def _on_sim(self, sim: simulation.Simulation) -> None:
        self.sim = sim
        self.status.setText("")
        self.model.set_rows(list(zip(sim.current.years, sim.simulated.years)))
        self.view.resizeColumnsToContents()
        diff = sim.simulated.total_fen - sim.current.total_fen
        self.summary.setText(self.tr(
            "{policy} over {n} years: now {current}, simulated {simulated} ({diff}). {people} talents here now and "
            "about {arrivals} arrivals a year would qualify under the changes. {notes}").format(
            policy=sim.policy_name, n=len(sim.years), current=fmt_money(sim.current.total_fen),
            simulated=fmt_money(sim.simulated.total_fen), diff=("+" if diff > 0 else "") + fmt_money(diff),
            people=sim.simulated.newly_qualifying, arrivals=f"{sim.simulated.arrivals_qualifying:.1f}",
            notes=" ".join(sim.notes)))
        self._draw()

    def _draw(self) -> None:
        sim = self.sim
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        series = QBarSeries()
        top = 1.0
        for name, values, colour in ((sim.current.name, [y.total_fen for y in sim.current.years], "#2f6fb0"),
                                     (sim.simulated.name, [y.total_fen for y in sim.simulated.years], "#e08a2c"),
                                     (self.tr("Budget"), [y.budget_fen for y in sim.current.years], "#9aa7b5")):
            s = QBarSet(name)
            s.setColor(QColor(colour))
            for v in values:
                s.append(v / 1_000_000)  # ten thousand yuan
                top = max(top, v / 1_000_000)
            series.append(s)
        self.chart.addSeries(series)
        cats = QBarCategoryAxis()
        cats.append([str(y) for y in sim.years])
        self.chart.addAxis(cats, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(cats)
        val = QValueAxis()
        val.setRange(0, top * 1.1)
        val.applyNiceNumbers()
        val.setLabelFormat("%.0f")
        val.setTitleText(self.tr("ten thousand yuan"))
        self.chart.addAxis(val, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(val)
        self.chart.setTitle(self.tr("Net outlay by year — {policy}").format(policy=sim.policy_name))

    # ------------------------------------------------------------ export
    def export(self, suffix: str) -> None:
        name = self.tr("policy-simulation") + suffix
        filters = self.tr("Excel workbook (*.xlsx)") if suffix == ".xlsx" else self.tr("PDF document (*.pdf)")
        path, _ = save_file_name(self, self.tr("Export the simulation"), name, filters)
        if path:
            self.save(path if path.lower().endswith(suffix) else path + suffix)

    def save(self, path: str) -> None:
        self.status.setText(self.tr("Exporting…"))
        self.context.runner.submit(call(simulation.export_simulation, path=path, **self._call_kwargs()),
                                   on_done=lambda p: self.status.setText(self.tr("Saved {path}").format(path=p)),
                                   on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        from talentdesk.ui.errors import show_error

        show_error(self, exc, clear=self.status)
