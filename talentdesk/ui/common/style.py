"""Colours and text styles for every window: errors, warnings, good news and muted hints.

One place, so a colour is chosen once. Each is read from the application's palette when it is asked for, so text
stays readable on a dark desktop theme as well as on the usual light one (a dark red on a dark grey is not).
"""
from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

# (on a light background, on a dark background)
_ERROR = ("#b00020", "#ff8a80")
_OK = ("#1b5e20", "#81c784")
_NOTICE = ("#b5651d", "#ffb74d")


def _dark() -> bool:
    app = QGuiApplication.instance()
    if app is None:
        return False
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def _pick(pair: tuple[str, str]) -> QColor:
    return QColor(pair[1] if _dark() else pair[0])


def error_colour() -> QColor:
    """Errors, refusals, negative amounts, overdue and over-capacity marks."""
    return _pick(_ERROR)


def ok_colour() -> QColor:
    """Something done or in order (a fresh backup, a check that passed)."""
    return _pick(_OK)


def notice_colour() -> QColor:
    """Needs attention soon, not wrong."""
    return _pick(_NOTICE)


def muted_colour() -> QColor:
    """Hints and retired or inactive rows: the palette's placeholder text colour."""
    return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)


def error_style(*, bold: bool = False) -> str:
    """Style sheet for a label that shows an error message."""
    return f"color: {error_colour().name()};" + (" font-weight: bold;" if bold else "")


def ok_style() -> str:
    return f"color: {ok_colour().name()};"


def notice_style() -> str:
    return f"color: {notice_colour().name()};"


def muted_style() -> str:
    return f"color: {muted_colour().name()};"


def bad_field_style() -> str:
    """Style sheet for an input whose value is refused."""
    return f"border: 1px solid {error_colour().name()};"
