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
from collections.abc import Callable
from pathlib import Path

from talentdesk.domain.errors import InputFileError, StorageError
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


SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def _is_sqlite_file(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def is_a_database(path: str | os.PathLike) -> bool:
    """`path` is a SQLite database (the office's own, a backup, any other) or one of its -wal/-shm/-journal files."""
    path = Path(path)
    if path.is_file() and _is_sqlite_file(path):
        return True
    for side in SQLITE_SIDE_FILES:
        if path.name.endswith(side) and len(path.name) > len(side):
            if _is_sqlite_file(path.with_name(path.name[: -len(side)])):
                return True
    return False


def refuse_a_database(dest: str | os.PathLike) -> None:
    """Nothing the program writes (an export, a PDF, a key file) may take the name of a database or of its journal:
    writing a key or a table over `talentdesk.db` — whichever database the command works on — destroys it."""
    if is_a_database(dest):
        raise InputFileError(translate(
            "Files", "{path} is a TalentDesk database (or one of its journal files); choose another file name, so "
                     "the database is not overwritten. Nothing was changed.").format(path=str(dest)))


def replace_file(tmp: str | os.PathLike, dest: str | os.PathLike, *, keep_on_failure: bool = False) -> Path:
    """Move the finished temporary file `tmp` over `dest`, waiting out a program that holds `dest` open. On failure
    `tmp` is removed (kept with `keep_on_failure`: the file of a committed transaction, finished later) and the
    error raised: FileInUse when `dest` stayed open elsewhere, OSError otherwise."""
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
        if keep_on_failure:
            raise
        try:
            tmp.unlink(missing_ok=True)
        except OSError:  # pragma: no cover - the temporary file cannot even be deleted; the first error matters
            pass
        raise
    raise AssertionError("unreachable")  # pragma: no cover


def replace_document(tmp: str | os.PathLike, dest: str | os.PathLike) -> Path:
    """`replace_file` for a document the clerk named (a roster, a PDF, an export): never over a database or its
    journal (`refuse_a_database`; `tmp` is removed then). Moving a database itself into place (encryption, restore)
    uses `replace_file`."""
    try:
        refuse_a_database(dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return replace_file(tmp, dest)


def ensure_replaceable(dest: str | os.PathLike) -> None:
    """Before a transaction commits: raise FileInUse when `dest` exists and another program holds it open (Windows
    refuses to open it for writing, a sharing or lock violation), after waiting as `replace_file` does, so that the
    operation is refused as a whole and nothing is recorded. Elsewhere an open file never blocks a rename. A
database (or its journal) is refused as a destination (`refuse_a_database`)."""
    dest = Path(dest)
    refuse_a_database(dest)
    for delay in (*RETRY_DELAYS_S, None):
        try:
            fd = os.open(dest, os.O_RDWR | getattr(os, "O_BINARY", 0))
        except FileNotFoundError:
            return
        except PermissionError as exc:
            if not is_held_open(exc):
                return  # a read-only file is replaced by a rename all the same; the rename says what is wrong
            if delay is None:
                raise file_in_use(dest) from exc
            _sleep(delay)
        except OSError:
            return  # a folder, a device: the rename reports it as what it is
        else:
            os.close(fd)
            return


def sync_folder(folder: str | os.PathLike) -> None:
    """Make a rename in `folder` durable (POSIX: fsync the directory; NTFS journals the rename itself)."""
    if os.name == "nt":  # pragma: no cover - Windows
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_or_refuse(write: Callable[[], object], failed: str) -> None:
    """Run `write` (a file being written); an OSError is raised as StorageError(`failed`, its {error} filled in)."""
    try:
        write()
    except OSError as exc:
        raise StorageError(failed.format(error=exc.strerror or exc)) from exc
