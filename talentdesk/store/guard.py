"""A watch on the window's thread: database I/O started by the window's own code on that thread is recorded.

The window must never wait for the database: every read and write goes through the runner's lanes. This guard
sees every SQL statement (SQLAlchemy's `before_cursor_execute`, on every engine) and every raw `sqlite3.connect`
(Python's audit hook), and when one runs on the watched thread with window code (`talentdesk/ui/`) on the call
stack, it records where. Tests fail on any record; the program logs them. Code outside the window that runs on
the same thread — start-up before the window exists, a test preparing its data — is not the window waiting.
"""
from __future__ import annotations

import logging
import os
import sys
import threading
from dataclasses import dataclass

from sqlalchemy import event
from sqlalchemy.engine import Engine

log = logging.getLogger(__name__)

_UI_DIR = os.sep + os.path.join("talentdesk", "ui") + os.sep
_GUARD_FILE = os.path.normcase(os.path.abspath(__file__))


@dataclass(frozen=True)
class Violation:
    what: str       # the SQL statement or the file opened
    where: str      # the window code that asked for it: file:line in function


_watched: threading.Thread | None = None
_violations: list[Violation] = []
_installed = False
_lock = threading.Lock()


def watch(thread: threading.Thread | None = None) -> None:
    """Start watching `thread` (the calling thread by default) — call it where the window is created."""
    global _watched
    _install()
    _watched = thread or threading.current_thread()


def violations() -> list[Violation]:
    with _lock:
        return list(_violations)


def clear() -> None:
    with _lock:
        _violations.clear()


def _window_frame() -> str | None:
    """The innermost frame of window code on the current stack, or None."""
    f = sys._getframe(2)
    while f is not None:
        filename = f.f_code.co_filename
        if _UI_DIR in filename and not filename.endswith(os.sep + "runner.py"):
            return f"{filename}:{f.f_lineno} in {f.f_code.co_name}"
        f = f.f_back
    return None


def _check(what: str) -> None:
    if _watched is None or threading.current_thread() is not _watched:
        return
    where = _window_frame()
    if where is None:
        return
    v = Violation(what[:200], where)
    with _lock:
        _violations.append(v)
    log.warning("database work on the window's thread: %s (from %s)", v.what, v.where)


def _before_cursor_execute(_conn, _cursor, statement, _params, _context, _executemany) -> None:
    if _watched is not None:
        _check(statement)


def _audit(event_name: str, args) -> None:
    if event_name == "sqlite3.connect" and _watched is not None:
        _check(f"sqlite3.connect({args[0] if args else ''})")


def _install() -> None:
    global _installed
    if _installed:
        return
    _installed = True
    event.listen(Engine, "before_cursor_execute", _before_cursor_execute)
    sys.addaudithook(_audit)
