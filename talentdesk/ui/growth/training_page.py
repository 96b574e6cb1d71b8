"""The annual training plan: programmes of a year, their enrolments, and coverage by tier and employer."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from talentdesk.domain import enums as E
from talentdesk.domain.labels import label
from talentdesk.services.base import call
from talentdesk.services.common import reference
from talentdesk.services.growth import training
from talentdesk.services.talents import registry
from talentdesk.ui.common.formatting import fmt_date
from talentdesk.ui.common.tab import AppContext
from talentdesk.ui.common.table_model import Column, RowTableModel
from talentdesk.ui.growth.dialogs import (
    CompletionDialog,
    EnrolDialog,
    PickTalentsDialog,
    ProgramDialog,
)
from talentdesk.ui.common.formatting import fmt_percent
from talentdesk.ui.common.widgets import make_table_view
from talentdesk.ui.common.layouts import STRETCH, button, column, panel, row, splitter


class TrainingPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.tiers: list = []
        self.employers: list = []
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.programs = RowTableModel([
            Column(self.tr("Programme"), lambda r: r.name),
            Column(self.tr("Level"), lambda r: r.level),
            Column(self.tr("Category"), lambda r: r.category),
            Column(self.tr("Hours"), lambda r: f"{r.hours:g}", align_right=True),
            Column(self.tr("Starts"), lambda r: fmt_date(r.start_date)),
            Column(self.tr("Ends"), lambda r: fmt_date(r.end_date)),
            Column(self.tr("Enrolled"), lambda r: r.enrolled, align_right=True),
            Column(self.tr("Completed"), lambda r: r.completed, align_right=True),
        ], self)
        self.program_view = make_table_view(self.programs, self, size_from_rows=50)
        self.program_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.program_view.selectionModel().selectionChanged.connect(lambda *_: self._program_changed())
        self.program_view.doubleClicked.connect(lambda _i: self.edit_program())
        self.enrolments = RowTableModel([
            Column(self.tr("Talent"), lambda r: r.talent_name),
            Column(self.tr("Employer"), lambda r: r.employer_name),
            Column(self.tr("Tier"), lambda r: r.tier_name or r.tier_code),
            Column(self.tr("Enrolled on"), lambda r: fmt_date(r.enrolled_on)),
            Column(self.tr("Status"), lambda r: label(E.EnrolmentStatus, r.status)),
            Column(self.tr("Completed on"), lambda r: fmt_date(r.completed_on)),
            Column(self.tr("Hours"), lambda r: f"{r.hours:g}", align_right=True),
        ], self)
        self.enrol_view = make_table_view(self.enrolments, self, size_from_rows=50)
        self.enrol_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        cov_cols = lambda first: [  # noqa: E731
            Column(first, lambda r: r.name),
            Column(self.tr("Active"), lambda r: r.active, align_right=True),
            Column(self.tr("In the plan"), lambda r: r.in_plan, align_right=True),
            Column(self.tr("Completed"), lambda r: r.completed, align_right=True),
            Column(self.tr("Coverage"), lambda r: fmt_percent(r.share), align_right=True),
        ]
        self.cov_tier = RowTableModel(cov_cols(self.tr("Tier")), self)
        self.cov_emp = RowTableModel(cov_cols(self.tr("Employer")), self)
        self.cov_total = QLabel(self)
        self.cov_total.setWordWrap(True)

        self.edit_btn = button(self.tr("Change…"), self, self.edit_program)
        self.enrol_btn = button(self.tr("Enrol by filter…"), self, self.enrol)
        self.pick_btn = button(self.tr("Enrol talents…"), self, self.enrol_one_by_one)
        self.complete_btn = button(self.tr("Record completion…"), self, self.complete)
        self.drop_btn = button(self.tr("Mark dropped"), self, self.drop)
        top = row(QLabel(self.tr("Plan year"), self), self.year,
                  button(self.tr("New programme…"), self, self.new_program), self.edit_btn, STRETCH)
        top2 = row(self.pick_btn, self.enrol_btn, STRETCH)
        self.enrol_title = QLabel(self)
        self.enrol_title.setWordWrap(True)
        enrol_bar = row((self.enrol_title, 1), self.complete_btn, self.drop_btn)
        left = splitter(Qt.Orientation.Vertical, self, panel(self, top, top2, self.program_view),
                        panel(self, enrol_bar, self.enrol_view))

        cov_tabs = QTabWidget(self)
        cov_tabs.addTab(make_table_view(self.cov_tier, cov_tabs, size_from_rows=50), self.tr("By tier"))
        cov_tabs.addTab(make_table_view(self.cov_emp, cov_tabs, size_from_rows=50), self.tr("By employer"))
        right = panel(self, QLabel("<b>" + self.tr("Coverage of active talents") + "</b>", self), self.cov_total,
                      cov_tabs)
        column(splitter(Qt.Orientation.Horizontal, self, left, right, stretch=(3, 2)), parent=self, margins=0)
        self._program_changed()

    # ------------------------------------------------------------ reading
    def refresh(self) -> None:
        year = self.year.value()
        want = getattr(self, "_want", None)
        self.context.runner.submit(call(training.list_programs, year=None if want else year), key="growth.programs", on_done=self._on_programs)  # all years when looking for one programme
        self.context.runner.submit(call(training.coverage, year=year), key="growth.coverage", on_done=self._on_coverage)
        self.context.runner.submit(call(reference.list_tiers), key="growth.tiers", on_done=lambda r: setattr(self, "tiers", r))
        self.context.runner.submit(call(reference.list_employers), key="growth.employers", on_done=lambda r: setattr(self, "employers", r))

    def _on_programs(self, rows) -> None:
        want = getattr(self, "_want", None)
        target = next((r for r in rows if r.id == want), None)
        if target is not None and (target.year != self.year.value() or len(rows) != sum(
                1 for r in rows if r.year == target.year)):
            if target.year != self.year.value():
                self.year.setValue(target.year)  # refreshes with that year
            else:
                self.refresh_year_only()
            return
        keep = want or getattr(self.current_program(), "id", None)
        self.programs.set_rows(rows)
        self.program_view.resizeColumnsToContents()
        if keep is not None:
            for i, r in enumerate(rows):
                if r.id == keep:
                    self._want = None
                    self.program_view.selectRow(i)
        self._program_changed()

    def _on_coverage(self, cov: training.Coverage) -> None:
        t = cov.total
        self.cov_total.setText(self.tr("{year}: {in_plan} of {active} active talents are in the plan ({share}); "
                                       "{completed} have completed a programme.").format(
            year=cov.year, in_plan=t.in_plan, active=t.active, share=fmt_percent(t.share), completed=t.completed))
        self.cov_tier.set_rows(cov.by_tier)
        self.cov_emp.set_rows(cov.by_employer)

    def refresh_year_only(self) -> None:
        self.context.runner.submit(call(training.list_programs, year=self.year.value()), key="growth.programs", on_done=self._on_programs)

    def select_program(self, program_id: int) -> None:
        """Select a programme (from another tab), switching to its plan year."""
        self._want = program_id
        self.refresh()

    def current_program(self) -> training.ProgramRow | None:
        rows = self.program_view.selectionModel().selectedRows()
        return self.programs.row_at(rows[0].row()) if rows else None

    def selected_enrolments(self) -> list[training.EnrolmentRow]:
        return [self.enrolments.row_at(i.row()) for i in self.enrol_view.selectionModel().selectedRows()]

    def _program_changed(self) -> None:
        p = self.current_program()
        for b in (self.edit_btn, self.enrol_btn, self.pick_btn, self.complete_btn, self.drop_btn):
            b.setEnabled(p is not None)
        if p is None:
            self.enrolments.set_rows([])
            self.enrol_title.setText(self.tr("Choose a programme to see who is enrolled."))
            return
        self.enrol_title.setText(self.tr("Enrolled in {name}").format(name=p.name))
        self.context.runner.submit(call(training.list_enrolments, program_id=p.id), key="growth.enrolments", on_done=self._on_enrolments)

    def _on_enrolments(self, rows) -> None:
        self.enrolments.set_rows(rows)
        self.enrol_view.resizeColumnsToContents()

    # ------------------------------------------------------------ writing
    def _wire(self, dlg, fn, **fixed) -> None:
        dlg.on_save = lambda: self.context.runner.submit(call(fn, **fixed, **dlg.kwargs()), on_done=lambda _r: dlg.finish(), on_error=dlg.failed)
        dlg.open()
        self.dialog = dlg

    def new_program(self):
        dlg = ProgramDialog(self, year=self.year.value())
        dlg.kwargs = lambda: {"data": dlg.value()}
        self._wire(dlg, training.create_program)
        return dlg

    def edit_program(self):
        p = self.current_program()
        if p is None:
            return None
        dlg = ProgramDialog(self, year=p.year, program=p)
        dlg.edits(p.version, lambda data, version, on_error: self.context.runner.submit(
            call(training.update_program, program_id=p.id, data=data, expected_version=version),
            on_done=lambda _r: dlg.finish(), on_error=on_error))
        dlg.open()
        self.dialog = dlg
        return dlg

    def enrol(self):
        p = self.current_program()
        if p is None:
            return None
        dlg = EnrolDialog(self, program=p, tiers=self.tiers, employers=self.employers)

        def preview() -> None:
            self.context.runner.submit(call(training.count_enrol_filter, program_id=p.id, filter=dlg.value()), key="growth.enrol.preview", on_done=dlg.set_preview)

        for sig in (dlg.tier.currentIndexChanged, dlg.employer.currentIndexChanged, dlg.untrained.toggled):
            sig.connect(lambda *_: preview())
        preview()
        dlg.kwargs = lambda: {"filter": dlg.value(), "on": dt.date.today()}
        self._wire(dlg, training.enrol_by_filter, program_id=p.id)
        return dlg

    def enrol_one_by_one(self):
        p = self.current_program()
        if p is None:
            return None

        def search(text, on_rows):
            self.context.runner.submit(call(registry.search_talents, query=registry.TalentQuery(text=text, status=E.TalentStatus.ACTIVE.value, sort="name"), limit=50, with_total=False), key="growth.enrol.search", on_done=lambda page: on_rows(page.rows))

        dlg = PickTalentsDialog(self, program=p, search=search)
        dlg.kwargs = lambda: {"talent_ids": dlg.chosen(), "on": dt.date.today()}
        self._wire(dlg, training.enrol_talents, program_id=p.id)
        return dlg

    def complete(self):
        p = self.current_program()
        rows = [r for r in self.selected_enrolments() if r.status != E.EnrolmentStatus.COMPLETED.value]
        if p is None or not rows:
            self.enrol_title.setText(self.tr("Select the enrolments that were completed (Ctrl+click for several)."))
            return None
        dlg = CompletionDialog(self, count=len(rows), program=p)

        def kwargs():
            on, hours = dlg.value()
            return {"enrolment_ids": [r.id for r in rows], "completed_on": on, "hours": hours,
                    "today": dt.date.today()}

        dlg.kwargs = kwargs
        self._wire(dlg, training.record_completion)
        return dlg

    def drop(self) -> None:
        rows = self.selected_enrolments()
        if rows:
            self.context.runner.submit(call(training.drop_enrolments, enrolment_ids=[r.id for r in rows]))
