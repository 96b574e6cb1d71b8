"""Errors shown to people: expected failures as a plain message, unexpected ones with the log's location."""
from __future__ import annotations

import logging
import sys
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from talentdesk.domain.errors import TalentDeskError

log = logging.getLogger(__name__)
_log_file: str = ""


def set_log_file(path: str) -> None:
    global _log_file
    _log_file = path


def show_error(parent: QWidget | None, exc: BaseException, *, clear: QLabel | None = None) -> None:
    """Expected errors: their message. Anything else: a calm message, the log's location, details on demand.
    `clear`: a status line that said what was under way, emptied first."""
    if clear is not None:
        clear.setText("")
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Errors", "TalentDesk"))
    if isinstance(exc, TalentDeskError):
        box.setText(exc.message)
        if exc.details:
            box.setDetailedText("\n".join(exc.details))
    else:
        box.setIcon(QMessageBox.Icon.Critical)
        box.setText(QCoreApplication.translate(
            "Errors", "Something went wrong and the operation was not completed. Your data has not been changed."))
        box.setInformativeText(
            QCoreApplication.translate("Errors", "Details were written to the log file:\n{path}").format(path=_log_file))
        box.setDetailedText("".join(traceback.format_exception(exc)))
    box.exec()


def ask_print_anyway(parent: QWidget | None, exc: TalentDeskError) -> bool:
    """A name to be printed has characters no installed font has: say who and which, and ask whether to print
    anyway (they stay blank, to be written in by hand). Nothing has been printed or changed yet."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Errors", "Characters that cannot be printed"))
    box.setText(exc.message)
    box.setInformativeText(QCoreApplication.translate(
        "Errors", "Print anyway? The characters stay blank on paper, and the operation log notes it."))
    yes = box.addButton(QCoreApplication.translate("Errors", "Print anyway"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("Errors", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is yes


def install_excepthook() -> None:
    """No silent death: an uncaught exception on the UI thread is logged and shown, and the program goes on."""

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.error("uncaught exception", exc_info=(exc_type, exc, tb))
        try:
            show_error(None, exc)
        except Exception:  # pragma: no cover - last resort
            sys.__excepthook__(exc_type, exc, tb)

    sys.excepthook = hook


def say_error(parent: QWidget, exc: BaseException, label: QLabel, *, fields: dict | None = None,
              details: bool = False) -> None:
    """A refusal the clerk can act on (TalentDeskError) goes on `label` — with its details when asked — and puts
    the cursor in the field it names when that field is among `fields`; anything else is shown as an error."""
    if not isinstance(exc, TalentDeskError):
        show_error(parent, exc)
        return
    label.setText("\n".join([exc.message, *exc.details]) if details else exc.message)
    field = (fields or {}).get(exc.field or "")
    if field is not None:
        field.setFocus()
