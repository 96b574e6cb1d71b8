"""Small view helpers shared by the growth pages and the overview."""
from __future__ import annotations

from talentdesk.ui.common.widgets import make_table_view as _make_table_view


def make_table_view(model, parent=None):
    """A table view that sizes its columns from the first 50 rows only, so lists of tens of thousands of rows
    (the watch list at 100,000 talents) appear without stalling the window."""
    view = _make_table_view(model, parent)
    view.horizontalHeader().setResizeContentsPrecision(50)
    return view


def pct(v: float | None) -> str:
    return "—" if v is None else f"{v * 100:.1f}%"
