"""Whether a database target names a server or a file — without loading SQLAlchemy (the window's frame decides this
before the services load; store/server.py builds on it)."""
from __future__ import annotations

SERVER_SCHEMES = ("postgresql:", "postgresql+", "postgres:", "postgres+")


def names_server(target: object) -> bool:
    """A URL of a server database. A `Path` made of a URL (which folds `//` into `/`) counts too, so such a path is
    never taken for a file name."""
    return str(target).strip().lower().startswith(SERVER_SCHEMES)
