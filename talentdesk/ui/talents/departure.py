"""Record a departure: date, reason, destination and an optional clawback waiver reason."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
)

from talentdesk.domain.values import format_yuan
from talentdesk.services.base import call
from talentdesk.services.talents import departure, exit_reasons, records
from talentdesk.ui.common.dates import date_edit
from talentdesk.ui.common.widgets import error_label
from talentdesk.ui.common.layouts import column, dialog_buttons, form
from talentdesk.ui.common.unsaved import GuardedDialog
from talentdesk.ui.common.tab import AppContext
from talentdesk.ui.errors import say_error


class DepartureDialog(GuardedDialog):
    def __init__(self, context: AppContext, detail: records.TalentDetail, parent=None):
        super().__init__(parent)
        self.context = context
        self.detail = detail
        self.result_value: departure.DepartureResult | None = None
        self.setWindowTitle(self.tr("Record departure — {name}").format(name=detail.name))
        self.date = date_edit(maximum=dt.date.today())
        self.exit_reason = QComboBox()  # the office's list of reasons, loaded in the background
        self.exit_reason.addItem(self.tr("(choose)"), None)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("details, if any"))
        self.destination = QLineEdit()
        self.waiver = QLineEdit()
        self.waiver.setPlaceholderText(self.tr("e.g. official transfer, illness — leave empty if none"))
        note = QLabel(self.tr("The talent becomes inactive, future instalments stop, current mentor pairings end and "
                              "the subsidy ledger applies its clawback rule (unless a waiver reason is given)."))
        note.setWordWrap(True)
        self.message = error_label()
        buttons = dialog_buttons(self, self._submit, ok_text=self.tr("Record departure"), cancel_text=self.tr("Cancel"))
        column(note,
               form((self.tr("Departure date *"), self.date),
                    (self.tr("Reason *"), self.exit_reason),
                    (self.tr("Details"), self.reason),
                    (self.tr("Destination"), self.destination),
                    (self.tr("Clawback waiver reason"), self.waiver)),
               self.message, buttons, parent=self)
        self.context.runner.submit(call(exit_reasons.list_exit_reasons), key="talents.exit_reasons",
                                   on_done=self._on_reasons, on_error=self._failed)

    def _on_reasons(self, rows: list[exit_reasons.ExitReasonRow]) -> None:
        for r in rows:
            self.exit_reason.addItem(r.display, r.id)

    def _submit(self) -> None:
        if self.exit_reason.currentData() is None:
            self.message.setText(self.tr("Please choose the reason for leaving."))
            self.exit_reason.setFocus()
            return
        on = self.date.date().toPython()
        self.context.runner.submit(call(departure.record_departure, talent_id=self.detail.id, on=on,
                                        exit_reason=self.exit_reason.currentData(), reason=self.reason.text(),
                                        destination=self.destination.text(), waiver_reason=self.waiver.text(),
                                        today=dt.date.today()), on_done=self._done, on_error=self._failed)

    def _done(self, result: departure.DepartureResult) -> None:
        self.result_value = result
        self.message.setText(self.tr("Clawback owed: {amount}").format(amount=format_yuan(result.clawback_fen)))
        self.accept()

    def _failed(self, exc) -> None:
        say_error(self, exc, self.message)
