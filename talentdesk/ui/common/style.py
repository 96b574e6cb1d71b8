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
_ATTENTION_BACKGROUND = ("#fff4e5", "#5a3d12")  # behind the palette's text: a value the clerk should look at


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


def attention_style() -> str:
    """Style sheet for an input that needs the clerk's decision (an unmapped column): a background tint that keeps
    the palette's own text colour readable, light or dark."""
    return f"background: {_pick(_ATTENTION_BACKGROUND).name()};"


def help_style() -> str:
    """The user guide's headings and code spans, in the palette's link and alternate-base colours."""
    palette = QGuiApplication.palette()
    return (f"h1 {{ color: {palette.color(QPalette.ColorRole.Link).name()}; }} "
            f"code {{ background: {palette.color(QPalette.ColorRole.AlternateBase).name()}; }}")
