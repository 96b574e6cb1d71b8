"""Dark mode: text colours come from the palette or the one style module (ui/common/style.py), never a colour
literal in a widget's style sheet, and each of them stays readable (contrast against the window) on a dark desktop
theme as on the usual light one."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from talentdesk.ui.common import style

UI = Path(__file__).resolve().parents[2] / "talentdesk" / "ui"
LITERAL_IN_STYLE_SHEET = re.compile(r"setStyleSheet\([^)]*#[0-9a-fA-F]{3,8}\b|setStyleSheet\([^)]*rgb\(")


def test_no_style_sheet_in_the_window_names_a_colour_of_its_own():
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if LITERAL_IN_STYLE_SHEET.search(line):
                offenders.append(f"{path.relative_to(UI)}:{n}: {line.strip()}")
    assert offenders == [], "use ui/common/style.py (error_style, ok_style, attention_style …):\n" + "\n".join(offenders)


def _luminance(c: QColor) -> float:
    def channel(v: int) -> float:
        v = v / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def _contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def dark_palette() -> QPalette:
    p = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#202124"), (QPalette.ColorRole.WindowText, "#e8eaed"),
                         (QPalette.ColorRole.Base, "#181818"), (QPalette.ColorRole.AlternateBase, "#2a2b2e"),
                         (QPalette.ColorRole.Text, "#e8eaed"), (QPalette.ColorRole.Button, "#2d2e31"),
                         (QPalette.ColorRole.ButtonText, "#e8eaed"), (QPalette.ColorRole.Link, "#8ab4f8"),
                         (QPalette.ColorRole.Highlight, "#3b6fd4"), (QPalette.ColorRole.HighlightedText, "#ffffff"),
                         (QPalette.ColorRole.PlaceholderText, "#9aa0a6"), (QPalette.ColorRole.ToolTipBase, "#2d2e31"),
                         (QPalette.ColorRole.ToolTipText, "#e8eaed")):
        p.setColor(role, QColor(colour))
    return p


@pytest.fixture(params=["light", "dark"])
def palette(request, qapp):
    old = QGuiApplication.palette()
    QGuiApplication.setPalette(dark_palette() if request.param == "dark" else QPalette(QColor("#f0f0f0")))
    yield QGuiApplication.palette()
    QGuiApplication.setPalette(old)


def _colour_of(sheet: str, prop: str) -> QColor:
    return QColor(re.search(rf"{prop}:\s*(#[0-9a-fA-F]{{6}})", sheet).group(1))


def test_every_style_colour_is_readable_on_the_palette_in_use(palette):
    window, text = palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Text)
    for name, sheet in (("error", style.error_style()), ("ok", style.ok_style()), ("notice", style.notice_style())):
        assert _contrast(_colour_of(sheet, "color"), window) >= 3.0, name
    assert _contrast(style.muted_colour(), window) >= 3.0
    # a tinted input: the palette's own text stays readable on it
    assert _contrast(text, _colour_of(style.attention_style(), "background")) >= 4.5
    help_sheet = style.help_style()
    assert _contrast(_colour_of(help_sheet, "h1 { color"), palette.color(QPalette.ColorRole.Base)) >= 3.0
