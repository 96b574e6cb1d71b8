"""One page of a long list: the rows shown, how many there are in all, and where the page starts."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Page:
    rows: list = field(default_factory=list)
    total: int = 0
    offset: int = 0
