"""Narrowing a list's query by the filters the user set."""
from __future__ import annotations

from typing import Any, TypeVar

S = TypeVar("S")


def where_given(stmt: S, *conditions: tuple[Any, Any]) -> S:
    """`stmt` narrowed to `column == value` for each (column, value) whose value is set (an empty value, or 0, sets
    no filter)."""
    for column, value in conditions:
        if value:
            stmt = stmt.where(column == value)  # type: ignore[attr-defined]
    return stmt
