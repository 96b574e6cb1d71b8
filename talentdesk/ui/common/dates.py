"""Between Python dates and Qt's QDate, and the one date field every form uses."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget


def to_qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def from_qdate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


def date_edit(value: dt.date | None = None, parent: QWidget | None = None, *,
              maximum: dt.date | None = None) -> QDateEdit:
    """A date field with a calendar pop-up, written yyyy-MM-dd, holding value (today when None), never after
    maximum when one is given."""
    w = QDateEdit(parent)
    w.setCalendarPopup(True)
    w.setDisplayFormat("yyyy-MM-dd")
    w.setDate(to_qdate(value or dt.date.today()))
    if maximum is not None:
        w.setMaximumDate(to_qdate(maximum))
    return w
