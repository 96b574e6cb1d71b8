"""Between Python dates and Qt's QDate (for date editors)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate


def to_qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def from_qdate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())
