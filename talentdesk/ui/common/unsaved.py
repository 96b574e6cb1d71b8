"""Every editor asks before it discards typing: one mechanism for all of them.

`GuardedDialog` is the base of every dialog that edits a record. It remembers what its input widgets held when the
dialog was first shown (or when `mark_clean()` is called after a record has loaded or been saved) and compares
with that on Cancel, Escape and the window's close button. When something differs it asks whether to discard the
changes; "keep editing" leaves the dialog open with everything typed. `accept()` (a successful save) never asks.

The state is read from the widgets themselves, so a new field in a form is covered without extra code. A widget
that holds no record data (a search box in a talent picker) is left out with `ignore_unsaved(widget)`.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTextEdit,
    QWidget,
)

from talentdesk.ui.common.widgets import reselect

_IGNORE = "talentdesk_unsaved_ignore"


def ignore_unsaved(widget: QWidget) -> QWidget:
    """Leave `widget` (and what it contains) out of the unsaved-changes comparison."""
    widget.setProperty(_IGNORE, True)
    return widget


def _ignored(widget: QWidget, root: QWidget) -> bool:
    w: QWidget | None = widget
    while w is not None and w is not root:
        if w.property(_IGNORE):
            return True
        w = w.parentWidget()
    return False


def widget_state(root: QWidget) -> tuple:
    """What the input widgets under `root` hold, in a comparable form (buttons that only act are left out)."""
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if _ignored(w, root):
            continue
        if isinstance(w, QLineEdit):
            if isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox)):
                continue  # the spin box or combo box reports its own value
            out.append(("line", w.objectName(), w.text()))
        elif isinstance(w, (QPlainTextEdit, QTextEdit)):
            out.append(("text", w.objectName(), w.toPlainText()))
        elif isinstance(w, QComboBox):
            out.append(("combo", w.objectName(), w.currentText(), repr(w.currentData())))
        elif isinstance(w, QAbstractSpinBox):
            out.append(("spin", w.objectName(), w.text()))
        elif isinstance(w, QAbstractButton) and w.isCheckable() and not w.autoExclusive():
            out.append(("check", w.objectName(), w.isChecked()))
        elif isinstance(w, QAbstractButton) and w.isCheckable():
            out.append(("radio", w.objectName(), w.isChecked()))
        elif isinstance(w, QTableWidget):
            out.append(("table", w.objectName(), tuple(
                (w.item(r, c).text() if w.item(r, c) else "", int(w.item(r, c).checkState().value)
                 if w.item(r, c) else 0) for r in range(w.rowCount()) for c in range(w.columnCount()))))
        elif isinstance(w, QListWidget):
            out.append(("list", w.objectName(), tuple(
                (w.item(i).text(), int(w.item(i).checkState().value)) for i in range(w.count()))))
    return tuple(out)


def ask_discard(parent: QWidget) -> bool:
    """Ask whether to discard unsaved changes; True to discard."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Unsaved", "Unsaved changes"))
    box.setText(QCoreApplication.translate("Unsaved", "You have changed this form without saving. Discard the changes?"))
    discard = box.addButton(QCoreApplication.translate("Unsaved", "Discard changes"),
                            QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(QCoreApplication.translate("Unsaved", "Keep editing"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard


class UnsavedTracker:
    """Compares the inputs under some widgets with what they held when last marked clean."""

    def __init__(self, *roots: QWidget):
        self.roots = roots
        self._clean: tuple | None = None

    def _state(self) -> tuple:
        return tuple(widget_state(r) for r in self.roots)

    def mark_clean(self) -> None:
        self._clean = self._state()

    @property
    def marked(self) -> bool:
        return self._clean is not None

    def forget(self) -> None:
        self._clean = None

    def dirty(self) -> bool:
        return self._clean is not None and self._state() != self._clean

    def ok_to_discard(self, parent: QWidget) -> bool:
        """True when nothing is unsaved or the user chose to discard it."""
        return not self.dirty() or ask_discard(parent)


def picked_row(parent: QWidget, tracker: UnsavedTracker, view, current, previous):
    """The row the clerk picked (`current`) in a list beside an editor — or None when there is none, or when the
    clerk keeps the editor's unsaved changes (the selection then goes back to `previous`)."""
    if not current.isValid():
        return None
    if not tracker.ok_to_discard(parent):
        reselect(view, previous)
        return None
    return view.model().row_at(current.row())


class GuardedDialog(QDialog):
    """A record editor: Cancel/Escape/close ask before discarding changes made since it was shown or marked clean.
    A dialog holding another editing panel adds that panel's tracker in `unsaved_trackers()`."""

    _unsaved: UnsavedTracker | None = None

    @property
    def unsaved(self) -> UnsavedTracker:
        if self._unsaved is None:
            self._unsaved = UnsavedTracker(*self.unsaved_roots())
        return self._unsaved

    def unsaved_roots(self) -> list[QWidget]:
        """The widgets whose inputs are compared (the whole dialog unless a subclass narrows it)."""
        return [self]

    def unsaved_trackers(self) -> list[UnsavedTracker]:
        return [self.unsaved]

    def mark_clean(self) -> None:
        """What the inputs hold now is what is saved (call after a record has loaded or been saved)."""
        self.unsaved.mark_clean()

    def has_unsaved_changes(self) -> bool:
        return any(t.dirty() for t in self.unsaved_trackers())

    def showEvent(self, event) -> None:  # noqa: N802
        if not self.unsaved.marked:
            self.mark_clean()
        super().showEvent(event)

    def reject(self) -> None:
        if self.has_unsaved_changes() and not ask_discard(self):
            return
        super().reject()

    def discard(self) -> None:
        """Close without asking (the caller has already decided, e.g. after a successful delete)."""
        for t in self.unsaved_trackers():
            t.forget()
        super().reject()
