"""The look the office's A4 reports share: headings, body and small print, and the grid of their tables."""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle


def text_styles(font: str, *, title: tuple[float, float, float] = (16, 22, 3),
                heading: tuple[float, float, float] = (12, 16, 4),
                body: tuple[float, float] = (9.5, 14)) -> tuple[ParagraphStyle, ...]:
    """(h1, h2, body, small) in `font`: the title's and the heading's size, leading and space (mm) after the title
    or before the heading, the body's size and leading."""
    return (ParagraphStyle("h1", fontName=font, fontSize=title[0], leading=title[1], alignment=1,
                           spaceAfter=title[2] * mm),
            ParagraphStyle("h2", fontName=font, fontSize=heading[0], leading=heading[1], spaceBefore=heading[2] * mm,
                           spaceAfter=2 * mm),
            ParagraphStyle("body", fontName=font, fontSize=body[0], leading=body[1]),
            ParagraphStyle("small", fontName=font, fontSize=8, leading=11, textColor=colors.HexColor("#555555")))


def grid_style(font: str, *shading: tuple, lines: str = "#9aa7b5", numbers_right: bool = True) -> TableStyle:
    """A table's grid: a shaded header row (and any further `shading` commands), thin `lines`, numbers (every column
    but the first) aligned right unless `numbers_right` is False."""
    return TableStyle([
        ("FONT", (0, 0), (-1, -1), font, 8.5),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef6")),
        *shading,
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor(lines)),
        *([("ALIGN", (1, 0), (-1, -1), "RIGHT")] if numbers_right else []),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ])
