"""导师结对: the board of mentors and their newcomers (drag to pair or reassign), overdue check-ins, the mentor pool.

All reads and writes go through `services.mentors` on the background runner; dialogs run their operation and
stay open with the message when it is refused. After a successful write the runner announces "mentors" and the
tab reloads the board.
"""
from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTabWidget,
)

from talentdesk.services.base import call
from talentdesk.services.common import reference
from talentdesk.services.common.settings import read_setting
from talentdesk.services.mentors import agreement, checkins, pairings, pool
from talentdesk.services.mentors import board as board_data
from talentdesk.ui.common.finished import show_finished
from talentdesk.ui.common.formatting import fmt_date
from talentdesk.ui.common.printing import print_pdf
from talentdesk.ui.common.tab import AppContext, Tab
from talentdesk.ui.common.table_model import ROW_ROLE, Column, RowTableModel
from talentdesk.ui.common.widgets import make_table_view, refill_combo
from talentdesk.ui.errors import show_error
from talentdesk.ui.mentors.board import UNPAIRED, Hit, MentorBoard
from talentdesk.ui.common.style import error_colour, muted_colour, muted_style
from talentdesk.ui.common.file_dialogs import save_file_name
from talentdesk.ui.mentors.dialogs import (
    CheckInDialog,
    EndPairingDialog,
    MentorDialog,
    PairDialog,
    ReassignDialog,
    RolesDialog,
    ServiceDialog,
)
from talentdesk.ui.common.layouts import STRETCH, button, column, panel, row


# "No mentor yet" shows the newest arrivals without a mentor (a county has tens of thousands after a big intake);
# its header gives the total, and the search and filters find anyone else
UNPAIRED_SHOWN = 300
MENTOR_PAGE = 40  # mentor columns a page of the board


PAGE_MARGINS = (0, 4, 0, 0)  # each page of the tab, a little below the page tabs

class MentorsTab(Tab):
    key = "mentors"
    interests = frozenset({"mentors", "talents", "settings"})

    def __init__(self, context: AppContext, parent=None):
        super().__init__(context, parent)
        self.today_override: dt.date | None = None  # tests and screenshots pin "today"
        self.active_dialog: ServiceDialog | None = None
        self.roles: list = []
        self.employers: list = []
        self.cadence_days = 30
        self.board_data: board_data.BoardData | None = None
        self._filters_loaded = False

        # ---- filters
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Find a newcomer: name or pinyin (zs)"))
        self.search.setClearButtonEnabled(True)
        self.employer = QComboBox(self)
        self.employer.addItem(self.tr("All employers"), None)
        self.employer.setMinimumContentsLength(12)
        self.tier = QComboBox(self)
        self.tier.addItem(self.tr("All tiers"), None)
        self.role = QComboBox(self)
        self.role.addItem(self.tr("All roles"), None)
        self.role.setToolTip(self.tr("With a role chosen, \"No mentor yet\" lists the talents who have no mentor in "
                                     "that role, so a second mentor can be dragged in"))
        self.summary = QLabel(self)
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widens the window
        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(self._filters_changed)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        for combo in (self.employer, self.tier, self.role):
            combo.currentIndexChanged.connect(lambda _i: self._filters_changed())
        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(self.employer, 2)
        top.addWidget(self.tier, 1)
        top.addWidget(self.role, 1)
        top.addWidget(self.summary, 3)

        # ---- page 1: the board
        self.board = MentorBoard(self)
        self.board.card_dropped.connect(self.on_card_dropped)
        self.board.card_activated.connect(self.open_checkin)
        self.board.context_requested.connect(self._board_menu)
        self.board.selection_changed.connect(self._on_selection)
        self.checkin_button = button(self.tr("Record check-in…"), self,
                                     lambda: self.open_checkin(self.board.selected))
        self.agreement_button = QPushButton(self.tr("Pairing agreement"), self)
        self.agreement_menu = QMenu(self)
        self.agreement_button.setMenu(self.agreement_menu)
        self.end_button = button(self.tr("End pairing…"), self, lambda: self.open_end(self.board.selected))
        hint = QLabel(self.tr("Drag a card onto a mentor to pair or to change mentor; onto \"No mentor yet\" to end "
                              "the pairing. Double-click a card to record a check-in."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet(muted_style())
        # the board is paged by mentor column (a city has tens of thousands of mentors)
        self._mentor_offset = 0
        self._show_mentor: int | None = None
        self._open_after_load: pairings.PairingRow | None = None
        self.prev_page = button(self.tr("◀ Previous mentors"), self, lambda: self._turn_page(-1))
        self.next_page = button(self.tr("Next mentors ▶"), self, lambda: self._turn_page(1))
        self.page_label = QLabel(self)
        actions = row((hint, 1), self.prev_page, self.page_label, self.next_page, self.checkin_button,
                      self.agreement_button, self.end_button)
        board_page = panel(self, actions, (self.board, 1), margins=PAGE_MARGINS)

        # ---- page 2: overdue check-ins
        self.overdue_model = RowTableModel([
            Column(self.tr("Newcomer"), lambda r: r.talent_name),
            Column(self.tr("Employer"), lambda r: r.employer_name),
            Column(self.tr("Role"), lambda r: r.role_name),
            Column(self.tr("Mentor"), lambda r: r.mentor_name),
            Column(self.tr("Mentor's phone"), lambda r: r.mentor_phone),
            Column(self.tr("Last check-in"), lambda r: fmt_date(r.last_checkin_date) or self.tr("none yet"),
                   foreground=lambda r: error_colour()),
            Column(self.tr("Days since contact"), lambda r: r.days_since_contact, align_right=True,
                   foreground=lambda r: error_colour()),
            Column(self.tr("Cadence (days)"), lambda r: r.cadence_days, align_right=True),
            Column(self.tr("Since"), lambda r: fmt_date(r.start_date)),
        ], self)
        self.overdue_view = make_table_view(self.overdue_model, self)
        self.overdue_view.doubleClicked.connect(self._overdue_activated)
        overdue_checkin = button(self.tr("Record check-in…"), self,
                                 lambda: self._overdue_activated(self.overdue_view.currentIndex()))
        explain = QLabel(self.tr("Pairings whose mentor has not checked in within the agreed cadence, longest "
                                 "silence first."), self)
        explain.setWordWrap(True)
        overdue_page = panel(self, row((explain, 1), overdue_checkin), self.overdue_view, margins=PAGE_MARGINS)

        # ---- page 3: the mentor pool
        self.mentor_model = RowTableModel([
            Column(self.tr("Mentor"), lambda r: r.name),
            Column(self.tr("Employer"), lambda r: r.employer_name),
            Column(self.tr("Title"), lambda r: r.title),
            Column(self.tr("Expertise"), lambda r: r.expertise),
            Column(self.tr("Phone"), lambda r: r.phone),
            Column(self.tr("Load"), lambda r: f"{r.load}/{r.capacity}", align_right=True,
                   foreground=lambda r: error_colour() if r.load >= r.capacity else None),
            Column(self.tr("Talent"), lambda r: self.tr("yes") if r.talent_id else ""),
            Column(self.tr("Status"), lambda r: self.tr("active") if r.active else self.tr("retired"),
                   foreground=lambda r: None if r.active else muted_colour()),
        ], self)
        self.mentor_view = make_table_view(self.mentor_model, self)
        self.mentor_view.doubleClicked.connect(lambda _i: self.edit_mentor())
        self.show_retired = QCheckBox(self.tr("Show retired mentors"), self)
        self.show_retired.toggled.connect(lambda _c: self._load_pool())
        self.retire_button = button(self.tr("Retire / reinstate"), self, self.toggle_retired)
        prow = row(button(self.tr("Add mentor…"), self, lambda: self.add_mentor()),
                   button(self.tr("Edit…"), self, self.edit_mentor), self.retire_button,
                   button(self.tr("Role names…"), self, self.edit_roles), STRETCH, self.show_retired)
        pool_page = panel(self, prow, self.mentor_view, margins=PAGE_MARGINS)

        self.pages = QTabWidget(self)
        self.pages.setDocumentMode(True)
        self.pages.addTab(board_page, self.tr("Board"))
        self.pages.addTab(overdue_page, self.tr("Overdue check-ins"))
        self.pages.addTab(pool_page, self.tr("Mentor pool"))
        column(top, (self.pages, 1), parent=self)
        self._on_selection(None)


    def today(self) -> dt.date:
        return self.today_override or dt.date.today()

    # ------------------------------------------------------------ loading
    def refresh(self) -> None:
        run = self.context.runner.submit
        # the board first: it is what the tab shows; the filters' choices and the overdue list follow
        run(call(board_data.board, today=self.today(), employer_id=self.employer.currentData(),
                 tier_code=self.tier.currentData(), role_id=self.role.currentData(), search=self.search.text(),
                 unpaired_limit=UNPAIRED_SHOWN, mentor_limit=MENTOR_PAGE, mentor_offset=self._mentor_offset,
                 show_mentor_id=self._show_mentor),
            key="mentors.board", on_done=self._on_board)
        if not self._filters_loaded:
            self._filters_loaded = True
            run(call(reference.list_employers), key="mentors.employers", on_done=self._on_employers)
            run(call(reference.list_tiers), key="mentors.tiers", on_done=self._on_tiers)
        run(call(pool.list_roles), key="mentors.roles", on_done=self._on_roles)
        run(call(read_setting, key="checkin_cadence_days"), key="mentors.cadence",
            on_done=lambda days: self._on_cadence(int(days or 30)))
        run(call(pairings.list_pairings, overdue_only=True, today=self.today()), key="mentors.overdue",
            on_done=self._on_overdue)
        self._load_pool()

    def _load_pool(self) -> None:
        self.context.runner.submit(call(pool.list_mentors, include_retired=self.show_retired.isChecked()), key="mentors.pool", on_done=self.mentor_model.set_rows)

    def _on_employers(self, rows) -> None:
        self.employers = rows
        refill_combo(self.employer, [(e.name, e.id) for e in rows])

    def _on_tiers(self, rows) -> None:
        refill_combo(self.tier, [(f"{t.code} {t.display}", t.code) for t in rows])

    def _on_roles(self, rows) -> None:
        self.roles = rows
        refill_combo(self.role, [(r.display, r.id) for r in rows])

    def _on_cadence(self, value) -> None:
        self.cadence_days = int(value or 30)

    def _filters_changed(self) -> None:
        self._mentor_offset = 0
        self.refresh()

    def _turn_page(self, step: int) -> None:
        self._mentor_offset = max(0, self._mentor_offset + step * MENTOR_PAGE)
        self.refresh()

    def _on_board(self, data: board_data.BoardData) -> None:
        self.board_data = data
        self._show_mentor = None
        self._mentor_offset = data.mentor_offset
        total = data.mentor_total if data.mentor_total is not None else len(data.columns)
        paged = total > len(data.columns)
        for w in (self.prev_page, self.page_label, self.next_page):
            w.setVisible(paged)
        self.prev_page.setEnabled(data.mentor_offset > 0)
        self.next_page.setEnabled(data.mentor_offset + len(data.columns) < total)
        self.page_label.setText(self.tr("Mentors {first}–{last} of {total}").format(
            first=f"{data.mentor_offset + 1:,}" if data.columns else "0",
            last=f"{data.mentor_offset + len(data.columns):,}", total=f"{total:,}"))
        self.board.set_data(data)
        self._update_summary()
        self.loaded = True
        if self._open_after_load is not None:
            p, self._open_after_load = self._open_after_load, None
            self._open_pairing(p, reload=False)

    def _on_overdue(self, rows) -> None:
        self.overdue_model.set_rows(rows)
        self.overdue_view.resizeColumnsToContents()
        self.pages.setTabText(1, self.tr("Overdue check-ins ({n})").format(n=len(rows)))
        self._overdue = len(rows)
        self._update_summary()

    def _update_summary(self) -> None:
        d = self.board_data
        if d is None:
            return
        self.summary.setText(self.tr("{mentors} mentors · {unpaired} without a mentor · {overdue} overdue").format(
            mentors=f"{d.mentor_total if d.mentor_total is not None else len(d.columns):,}", unpaired=f"{d.unpaired_total:,}", overdue=getattr(self, "_overdue", d.overdue_total)))

    def open_record(self, table: str, record_id: int) -> bool:
        if table != "pairings":
            return False
        self.context.runner.submit(call(pairings.list_pairings, current_only=False, pairing_id=record_id, today=self.today()), on_done=lambda rows: self._open_pairing(rows[0]))
        return True

    def _open_pairing(self, p: pairings.PairingRow, reload: bool = True) -> None:
        if reload and p.end_date is None and self.board.column_of(p.mentor_id) is None:
            # the mentor's column is on another page: load that page, then come back here
            self._show_mentor = p.mentor_id
            self._open_after_load = p
            self.refresh()
            return
        self.pages.setCurrentIndex(0)
        self.board.ensure_column_visible(p.mentor_id)
        card = self.board.find_card(p.talent_id, p.mentor_id)
        if card is not None:
            self.board.selected = card
            self.board.viewport().update()
            self._on_selection(card)
        if p.end_date is None:
            self._show_dialog(CheckInDialog(self.context, talent_name=p.talent_name, mentor_name=p.mentor_name,
                                            pairings=[(p.id, p.role_name)], today=self.today(), parent=self))

    # ------------------------------------------------------------ selection and actions
    def _on_selection(self, card) -> None:
        paired = card is not None and card.mentor_id is not None
        self.checkin_button.setEnabled(paired)
        self.end_button.setEnabled(paired)
        self.agreement_button.setEnabled(paired)
        self.agreement_menu.clear()
        if paired:
            self._agreement_actions(self.agreement_menu, card)

    def _agreement_actions(self, menu: QMenu, card) -> None:
        for r in card.roles:
            suffix = f" ({r.role_name})" if len(card.roles) > 1 else ""
            menu.addAction(self.tr("Save agreement as PDF…") + suffix,
                           lambda pid=r.pairing_id: self.save_agreement(pid, card))
            menu.addAction(self.tr("Print agreement…") + suffix, lambda pid=r.pairing_id: self.print_agreement(pid))

    def _mentor_name(self, mentor_id) -> str:
        col = self.board.column_of(mentor_id) if mentor_id is not None else None
        return col.name if col else ""

    def _show_dialog(self, dialog: ServiceDialog) -> None:
        """Window-modal and non-blocking, so the board keeps painting (and tests can fill the form)."""
        self.active_dialog = dialog
        dialog.succeeded.connect(self._after_write)
        dialog.finished.connect(lambda _r, d=dialog: self._dialog_closed(d))
        dialog.open()

    def _dialog_closed(self, dialog) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None
        dialog.deleteLater()

    def _after_write(self, result) -> None:
        if isinstance(result, checkins.CheckInResult) and result.care_case_id:
            self.summary.setText(self.tr("Check-in saved; a care case was opened for the office to follow up."))

    def on_card_dropped(self, card, source: int, target: int) -> None:
        """The drop: onto a mentor from "no mentor yet" pairs, from another mentor reassigns; onto "no mentor yet"
        ends the pairing."""
        today = self.today()
        if target == UNPAIRED:
            if source != UNPAIRED:
                self.open_end(card)
            return
        dest = self.board.column_of(target)
        if dest is None:
            return
        already_there = self.board.find_card(card.talent_id, target) is not None
        if dest.full and not already_there:
            QMessageBox.warning(self, self.tr("Mentor is full"), self.tr(
                "{mentor} already looks after {load} of {capacity} newcomers. Raise the capacity in the mentor pool "
                "or choose another mentor.").format(mentor=dest.name, load=dest.load, capacity=dest.capacity))
            return
        if source == UNPAIRED:
            role_id = self.role.currentData() or self.context.settings.value("mentors/last_role", None)
            dialog = PairDialog(self.context, card, dest, self.roles, role_id=_int_or_none(role_id),
                                cadence_days=self.cadence_days, today=today, parent=self)
            dialog.succeeded.connect(lambda r: self.context.settings.setValue("mentors/last_role", r.role_id))
        else:
            dialog = ReassignDialog(self.context, card, self.board.column_of(source), dest, today=today, parent=self)
        self._show_dialog(dialog)

    def open_checkin(self, card) -> None:
        if card is None or card.mentor_id is None or not card.roles:
            return
        self._show_dialog(CheckInDialog(self.context, talent_name=card.talent_name,
                                        mentor_name=self._mentor_name(card.mentor_id),
                                        pairings=[(r.pairing_id, r.role_name) for r in card.roles],
                                        today=self.today(), parent=self))

    def open_end(self, card) -> None:
        if card is None or card.mentor_id is None:
            return
        self._show_dialog(EndPairingDialog(self.context, card, self._mentor_name(card.mentor_id), today=self.today(),
                                           parent=self))

    def _overdue_activated(self, index) -> None:
        if not index.isValid():
            return
        p = self.overdue_model.data(index, ROW_ROLE)
        self._show_dialog(CheckInDialog(self.context, talent_name=p.talent_name, mentor_name=p.mentor_name,
                                        pairings=[(p.id, p.role_name)], today=self.today(), parent=self))

    def _board_menu(self, hit: Hit, global_pos) -> None:
        menu = QMenu(self)
        card = hit.card
        if card is not None and card.mentor_id is not None:
            menu.addAction(self.tr("Record check-in…"), lambda: self.open_checkin(card))
            self._agreement_actions(menu, card)
            menu.addAction(self.tr("End pairing…"), lambda: self.open_end(card))
            menu.addSeparator()
        if card is not None:
            menu.addAction(self.tr("Make {name} a mentor…").format(name=card.talent_name),
                           lambda: self.add_mentor(talent=card))
        if hit.header and hit.column != UNPAIRED:
            menu.addAction(self.tr("Edit mentor…"), lambda: self.edit_mentor(hit.column))
        if not menu.isEmpty():
            menu.exec(global_pos)

    # ------------------------------------------------------------ the agreement
    def save_agreement(self, pairing_id: int, card=None) -> None:
        name = f"{self.tr('Pairing agreement')}-{card.talent_name}.pdf" if card else f"agreement-{pairing_id}.pdf"
        path, _ = save_file_name(self, self.tr("Save pairing agreement"), name, self.tr("PDF (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        self.context.runner.submit(call(agreement.write_agreement, pairing_id=pairing_id, path=path), on_done=self._agreement_saved, on_error=lambda e: show_error(self, e))

    def _agreement_saved(self, path) -> None:
        self.summary.setText(self.tr("Agreement saved: {path}").format(path=str(path)))
        self.finished_box = show_finished(self, self.tr("Pairing agreement"), self.tr("The pairing agreement is saved."),
                                          path)

    def print_agreement(self, pairing_id: int) -> None:
        path = Path(tempfile.mkdtemp(prefix="talentdesk-")) / f"agreement-{pairing_id}.pdf"

        def ready(p) -> None:
            try:
                print_pdf(str(p), self, title=self.tr("Pairing agreement"))
            except Exception as exc:  # noqa: BLE001 - a printer problem is shown, never a crash
                show_error(self, exc)

        self.context.runner.submit(call(agreement.write_agreement, pairing_id=pairing_id, path=str(path)), on_done=ready, on_error=lambda e: show_error(self, e))

    # ------------------------------------------------------------ the pool
    def _selected_mentor(self):
        idx = self.mentor_view.currentIndex()
        return self.mentor_model.data(idx, ROW_ROLE) if idx.isValid() else None

    def add_mentor(self, talent=None) -> None:
        self._show_dialog(MentorDialog(self.context, self.employers, talent=talent, parent=self))

    def edit_mentor(self, mentor_id: int | None = None) -> None:
        if mentor_id is not None:
            row = next((m for m in self.mentor_model.rows if m.id == mentor_id), None)
        else:
            row = self._selected_mentor()
        if row is None:
            return
        self._show_dialog(MentorDialog(self.context, self.employers, mentor=row, parent=self))

    def toggle_retired(self) -> None:
        row = self._selected_mentor()
        if row is None:
            return
        self.context.runner.submit(call(pool.set_mentor_active, mentor_id=row.id, active=not row.active), on_error=lambda e: show_error(self, e))

    def edit_roles(self) -> None:
        dialog = RolesDialog(self.context, self)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()



def _int_or_none(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
