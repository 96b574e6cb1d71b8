"""Putting a finished file in place when the office's other programs hold it open (no Qt).

On Windows a file open in WPS, Excel or a PDF reader cannot be replaced: `os.replace` fails with a sharing
violation (winerror 32) or a lock violation (33), and sometimes, for a moment after the other program lets go, with
"access denied" (5). Every export, PDF and report is written to a temporary file beside its destination and then
moved over it with `replace_file`, which

- retries for about 1.5 s (a viewer that is closing, an antivirus scan of the fresh file);
- then removes the temporary file (no `.part` or `.export-…` left behind) and raises `FileInUse`, whose message
  asks the clerk to close the file in WPS/Excel or the PDF reader and try again.

The order "write the temporary file, commit, then move" belongs to the callers (services/ and reports/).
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from talentdesk.domain.errors import StorageError
from talentdesk.i18n import translate

SHARING_VIOLATION, LOCK_VIOLATION, ACCESS_DENIED = 32, 33, 5
RETRY_DELAYS_S = (0.1, 0.2, 0.4, 0.8)
_sleep = time.sleep  # tests replace it


class FileInUse(StorageError):
    """The destination is open in another program; nothing was replaced and no temporary file is left."""

    def __init__(self, message: str, *, path: Path):
        super().__init__(message)
        self.path = path


def is_held_open(exc: OSError) -> bool:
    """Whether `exc` says another program has the file open (Windows), as opposed to a lasting refusal."""
    return getattr(exc, "winerror", None) in (SHARING_VIOLATION, LOCK_VIOLATION, ACCESS_DENIED)


def file_in_use(path: Path) -> FileInUse:
    return FileInUse(translate(
        "Files", "{name} is open in another program (WPS, Excel or a PDF reader), so it could not be replaced. "
                 "Close it there and try again. The file was not changed.").format(name=Path(path).name),
        path=Path(path))


def replace_file(tmp: str | os.PathLike, dest: str | os.PathLike) -> Path:
    """Move the finished temporary file `tmp` over `dest`, waiting out a program that holds `dest` open. On failure
    `tmp` is removed and the error raised: FileInUse when `dest` stayed open elsewhere, OSError otherwise."""
    tmp, dest = Path(tmp), Path(dest)
    try:
        for delay in (*RETRY_DELAYS_S, None):
            try:
                os.replace(tmp, dest)
                return dest
            except PermissionError as exc:
                if not is_held_open(exc):
                    raise
                if delay is None:
                    raise file_in_use(dest) from exc
                _sleep(delay)
    except BaseException:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:  # pragma: no cover - the temporary file cannot even be deleted; the first error matters
            pass
        raise
    raise AssertionError("unreachable")  # pragma: no cover
