"""Logging to files in the data folder's `logs/` (no Qt).

- Each kind of process has its own log: the window writes `talentdesk.log`, the command line `talentdesk-cli.log`
  (`DataPaths.log_file_for`), so a script running the CLI never rotates the file the open window writes.
- Rotation tolerates another process holding the file (`SafeRotatingFileHandler`): Windows refuses to rename an
  open file, and a second CLI run or a second window must not lose records over it.
- A hard crash (a segfault inside Qt or SQLite) leaves Python no chance to log; `enable_crash_log` arms
  faulthandler to write every thread's stack into `crash-<process>.log` in the same folder.
- Qt's own warnings are routed into the log by `app.install_qt_message_handler` (Qt lives above this layer).
"""
from __future__ import annotations

import datetime as dt
import faulthandler
import logging
import logging.handlers
import os
import sys
import time
from pathlib import Path

from talentdesk import __version__

CRASH_LOG_LIMIT = 1_000_000
_crash_file = None  # kept open for the life of the process: faulthandler writes to its descriptor when it dies


class SafeRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log that keeps writing when the rotation cannot happen (on Windows another process with the file
    open makes the rename fail with PermissionError): the records go on into the current file and the rotation is
    tried again a minute later, instead of every record failing."""

    retry_after_s = 60.0

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._next_try = 0.0

    def shouldRollover(self, record: logging.LogRecord) -> bool:  # noqa: N802 - logging's name
        if time.monotonic() < self._next_try:
            return False
        return bool(super().shouldRollover(record))

    def doRollover(self) -> None:  # noqa: N802 - logging's name
        try:
            super().doRollover()
        except OSError:
            self._next_try = time.monotonic() + self.retry_after_s
            if self.stream is None:
                self.stream = self._open()


def setup_logging(log_file: Path, *, level: int = logging.INFO) -> Path:
    log_file.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for h in list(root.handlers):
        if getattr(h, "_talentdesk", False):
            root.removeHandler(h)
            h.close()
    handler = SafeRotatingFileHandler(log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(process)d %(threadName)s %(name)s: "
                                           "%(message)s"))
    handler._talentdesk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return log_file


def enable_crash_log(path: Path) -> Path | None:
    """Arm faulthandler to write the stacks of all threads into `path` if the process dies of a fatal signal or a
    Windows exception. Each start appends a header line naming the version and process, so a dump can be told
    apart; a file grown past CRASH_LOG_LIMIT starts afresh (the old one kept as `.old`). None when the log
    folder cannot be written (the program still runs)."""
    global _crash_file
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > CRASH_LOG_LIMIT:
            try:
                os.replace(path, path.with_name(path.name + ".old"))
            except OSError:  # another process has it open (Windows): keep appending
                pass
        f = open(path, "a", encoding="utf-8")  # noqa: SIM115 - must outlive this function
        f.write(f"--- TalentDesk {__version__}, process {os.getpid()} ({Path(sys.argv[0]).name}), started "
                f"{dt.datetime.now().isoformat(timespec='seconds')}; a stack below this line is a crash\n")
        f.flush()
    except OSError:
        return None
    if _crash_file is not None and _crash_file is not f:
        faulthandler.disable()
        _crash_file.close()
    _crash_file = f
    faulthandler.enable(file=f, all_threads=True)
    return path
