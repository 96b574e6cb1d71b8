"""How values look on screen (Qt-free helpers reused by the widgets)."""
from __future__ import annotations

import datetime as dt


def fmt_date(d: dt.date | None) -> str:
    return d.isoformat() if d else ""


def fmt_money(fen: int | None) -> str:
    from talentdesk.domain.values import format_yuan  # not at import: the window's frame loads this module early

    return "" if fen is None else format_yuan(fen)


def fmt_percent(v: float | None) -> str:
    return "—" if v is None else f"{v * 100:.1f}%"
