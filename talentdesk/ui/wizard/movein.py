"""Moving in (迁入历史数据): the office's Excel files in the order they depend on each other — policies, talents,
payments, mentor pairings, care cases — each with a template to download and its import. Opened from the File
menu and from the first-run wizard."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from talentdesk.services import movein
from talentdesk.services.base import call_free
from talentdesk.services.ledger import policy_import
from talentdesk.services.mentors import pairing_import
from talentdesk.services.talents import care_import
from talentdesk.domain import enums as E
from talentdesk.domain.labels import label
from talentdesk.ui.common.file_import import FileImportDialog
from talentdesk.ui.common.formatting import fmt_date
from talentdesk.ui.common.table_model import Column
from talentdesk.ui.common.tab import AppContext
from talentdesk.ui.errors import show_error
from talentdesk.ui.common.screen import fit_to_screen
from talentdesk.ui.common.file_dialogs import save_file_name


def _policy_columns() -> list[Column]:
    """What each policy row becomes: the policy created, its schedule, commitment, clawback rule and amounts."""
    return [
        Column(QCoreApplication.translate("MoveInGuide", "Rows"), lambda r: "、".join(map(str, r.rows))),
        Column(QCoreApplication.translate("MoveInGuide", "Policy"), lambda r: r.name),
        Column(QCoreApplication.translate("MoveInGuide", "Document number"), lambda r: r.doc_number),
        Column(QCoreApplication.translate("MoveInGuide", "Kind"), lambda r: label(E.PolicyKind, r.kind)),
        Column(QCoreApplication.translate("MoveInGuide", "Instalments"), lambda r: f"{label(E.InstalmentMode, r.instalment_mode)} × {r.instalment_count}"),
        Column(QCoreApplication.translate("MoveInGuide", "Service years"), lambda r: r.service_years or "", align_right=True),
        Column(QCoreApplication.translate("MoveInGuide", "Clawback rule"), lambda r: label(E.ClawbackRule, r.clawback_rule)),
        Column(QCoreApplication.translate("MoveInGuide", "Amounts"), lambda r: r.amounts),
        Column(QCoreApplication.translate("MoveInGuide", "Excludes"), lambda r: r.excludes),
    ]


def _pairing_columns() -> list[Column]:
    return [
        Column(QCoreApplication.translate("MoveInGuide", "Row"), lambda r: r.row, align_right=True),
        Column(QCoreApplication.translate("MoveInGuide", "Mentor"), lambda r: r.mentor + ("（" + QCoreApplication.translate("MoveInGuide", "new") + "）" if r.new_mentor else "")),
        Column(QCoreApplication.translate("MoveInGuide", "Newcomer"), lambda r: r.talent_name),
        Column(QCoreApplication.translate("MoveInGuide", "ID number"), lambda r: r.id_number),
        Column(QCoreApplication.translate("MoveInGuide", "Role"), lambda r: r.role),
        Column(QCoreApplication.translate("MoveInGuide", "Start"), lambda r: fmt_date(r.start_date)),
        Column(QCoreApplication.translate("MoveInGuide", "End"), lambda r: fmt_date(r.end_date)),
    ]


def _care_columns() -> list[Column]:
    return [
        Column(QCoreApplication.translate("MoveInGuide", "Row"), lambda r: r.row, align_right=True),
        Column(QCoreApplication.translate("MoveInGuide", "Name"), lambda r: r.talent_name),
        Column(QCoreApplication.translate("MoveInGuide", "ID number"), lambda r: r.id_number),
        Column(QCoreApplication.translate("MoveInGuide", "Kind"), lambda r: label(E.CareKind, r.kind)),
        Column(QCoreApplication.translate("MoveInGuide", "Apartment"), lambda r: r.apartment),
        Column(QCoreApplication.translate("MoveInGuide", "Room"), lambda r: r.room),
        Column(QCoreApplication.translate("MoveInGuide", "Move-in"), lambda r: fmt_date(r.move_in_date)),
        Column(QCoreApplication.translate("MoveInGuide", "Move-out"), lambda r: fmt_date(r.move_out_date)),
        Column(QCoreApplication.translate("MoveInGuide", "Opened on"), lambda r: fmt_date(r.opened_on)),
        Column(QCoreApplication.translate("MoveInGuide", "Closed on"), lambda r: fmt_date(r.closed_on)),
    ]


def _steps() -> list[tuple[str, str, str]]:
    return [
        ("policies", QCoreApplication.translate("MoveInGuide", "1. Policies"),
         QCoreApplication.translate("MoveInGuide", "The policy table: name, 文号, kind, amounts by tier and education, instalments, clawback "
                           "rule, policies that exclude each other. Payments name their policy, so it comes first.")),
        ("talents", QCoreApplication.translate("MoveInGuide", "2. Talents"),
         QCoreApplication.translate("MoveInGuide", "The roster: name, ID number, tier, employer, arrival date … Every later file finds the "
                           "person by ID number.")),
        ("payments", QCoreApplication.translate("MoveInGuide", "3. Payments"),
         QCoreApplication.translate("MoveInGuide", "One row per payment ever made. Grants and their schedules are created from the policy; "
                           "then check the totals on the ledger's Reconciliation page against the finance bureau's.")),
        ("pairings", QCoreApplication.translate("MoveInGuide", "4. Mentor pairings"),
         QCoreApplication.translate("MoveInGuide", "Mentor, newcomer, role, start and end. Mentors not yet in the pool are added.")),
        ("care", QCoreApplication.translate("MoveInGuide", "5. Care cases"),
         QCoreApplication.translate("MoveInGuide", "Talent-apartment rooms with move-in and move-out, and other care cases with their "
                           "status.")),
    ]


class MoveInGuide(QDialog):
    """The five files in order, each with Template… and Import…. `open_talent_import` opens the talents tab's
    own roster import (the guide does not reach into another tab)."""

    def __init__(self, context: AppContext, parent=None, *, open_talent_import: Callable[[], None] | None = None,
                 open_payment_import: Callable[[], None] | None = None):
        super().__init__(parent)
        self.context = context
        self.open_talent_import = open_talent_import
        self.open_payment_import = open_payment_import
        self.setWindowTitle(self.tr("Moving in the office's Excel files"))
        fit_to_screen(self, 860, 520)
        intro = QLabel(self.tr("Bring the years kept in Excel into TalentDesk in this order. Download each template, "
                               "copy your columns into it (or keep your own file: the usual column names are "
                               "recognised), check it — every refused row is listed with its Excel row number and "
                               "the reason — and import. Nothing is written while rows are refused unless you choose "
                               "to skip them, and a backup is taken before each import. The user guide (F1, "
                               "“Moving in”) explains each refusal."), self)
        intro.setWordWrap(True)
        grid = QGridLayout()
        self.buttons: dict[str, tuple[QPushButton, QPushButton]] = {}
        for row, (key, title, text) in enumerate(_steps()):
            head = QLabel(title, self)
            head.setStyleSheet("font-weight: bold")
            body = QLabel(text, self)
            body.setWordWrap(True)
            template = QPushButton(self.tr("Template…"), self)
            template.clicked.connect(lambda _c=False, k=key: self.save_template(k))
            do = QPushButton(self.tr("Import…"), self)
            do.clicked.connect(lambda _c=False, k=key: self.open_import(k))
            grid.addWidget(head, row, 0)
            grid.addWidget(body, row, 1)
            grid.addWidget(template, row, 2)
            grid.addWidget(do, row, 3)
            self.buttons[key] = (template, do)
        grid.setColumnStretch(1, 1)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        box.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(grid)
        lay.addStretch(1)
        lay.addWidget(box)
        self._dialogs: list[QDialog] = []

    def save_template(self, kind: str) -> None:
        names = {"policies": self.tr("policies-template.xlsx"), "talents": self.tr("talents-template.xlsx"),
                 "payments": self.tr("payments-template.xlsx"), "pairings": self.tr("pairings-template.xlsx"),
                 "care": self.tr("care-template.xlsx")}
        path, _f = save_file_name(self, self.tr("Save the template"), names[kind],
                                               self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        self.context.runner.submit(
            call_free(movein.write_template, kind=kind, out_path=path), key=f"movein.template.{kind}",
            on_done=lambda p: QMessageBox.information(self, self.windowTitle(), self.tr(
                "The template is saved as {path}. Fill in one row per record below the example (delete the "
                "example row).").format(path=p)),
            on_error=lambda exc: show_error(self, exc))

    def import_dialog(self, kind: str) -> QDialog | None:
        """The moving-in import of one kind of file, in the shared import dialog: (import, preview columns, title,
        what one row holds) for each kind."""
        imports = {
            "policies": (policy_import.import_policies, _policy_columns,
                         QCoreApplication.translate("MoveInGuide", "Import the policy table"),
                         QCoreApplication.translate("MoveInGuide", "One row per policy with a column per tier (A类, B类 …), "
                                                    "or one row per amount with 人才类别, 学历 and 金额.")),
            "pairings": (pairing_import.import_pairings, _pairing_columns,
                         QCoreApplication.translate("MoveInGuide", "Import the mentor pairings"),
                         QCoreApplication.translate("MoveInGuide", "One row per pairing: mentor, newcomer's name and ID "
                                                    "number, role (单位领导, 分管领导, 业务导师 …), start, "
                                                    "end.")),
            "care": (care_import.import_care, _care_columns,
                     QCoreApplication.translate("MoveInGuide", "Import the care cases"),
                     QCoreApplication.translate("MoveInGuide", "One row per case: name and ID number, kind, apartment "
                                                "and room, move-in and move-out, status (在住, 已退房, "
                                                "办理中, 已办结), notes.")),
        }
        if kind not in imports:
            return None
        operation, columns, title, intro = imports[kind]
        return FileImportDialog(self.context, self, operation=operation, title=title, intro=intro, preview=columns())

    def open_import(self, kind: str) -> None:
        if kind == "talents":
            if self.open_talent_import is not None:
                self.open_talent_import()
            return
        if kind == "payments":
            if self.open_payment_import is not None:
                self.open_payment_import()
            return
        dialog = self.import_dialog(kind)
        if dialog is not None:
            self._dialogs.append(dialog)
            dialog.open()


def open_guide(window) -> MoveInGuide:
    """The guide over the main window: the talents import is the talents tab's own; payments the ledger's."""
    from talentdesk.ui.ledger.movein import PaymentImportDialog

    def talents() -> None:
        window.tabs.setCurrentWidget(window.talents)
        opener = getattr(window.talents, "open_import", None)
        if callable(opener):
            opener()

    def payments() -> None:
        window._movein_payments = PaymentImportDialog(window.context, window)
        window._movein_payments.open()

    guide = MoveInGuide(window.context, window, open_talent_import=talents, open_payment_import=payments)
    window._movein_guide = guide
    guide.open()
    return guide
