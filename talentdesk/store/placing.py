"""Files that belong to a transaction (certificate PDFs, exports, agreements): named only after the transaction
commits, and finished or removed at the next start when the program was killed in between (no Qt).

The order, kept by the unit of work (services/base.py):

1. the operation writes its file in full under a temporary name beside the destination. The temporary name is
   written into a *placing journal* beside the database (`<db>.placing-<token>`) before the file is created, so
   a kill while writing leaves nothing the next start does not know about;
2. before the commit the destination is checked to be replaceable (a copy open in WPS/Excel refuses the whole
   operation, and nothing is recorded), and the journal is sealed with a *witness*: the newest audit row this
   transaction wrote (its id and a digest of its whole content). That row exists in the file if and only if the
   transaction committed;
3. the transaction commits;
4. each temporary file is renamed over its destination, and the journal is removed.

At the next start, under the exclusive lane (so no unit of work of any program is between its steps),
`finish_interrupted` reads every journal left behind: when its witness is in the database the transaction committed,
and its temporary files are moved into place (a committed certificate never lacks its PDF); otherwise they are
removed (no file exists for a transaction that did not commit). A committed file whose temporary copy is gone is
reported, by name, instead of silently forgotten.

A server database (PostgreSQL) has no file to put the journal beside: there the order is the same (commit, then
rename) without the journal.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import secrets
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from talentdesk.store.files import sync_folder

log = logging.getLogger(__name__)

JOURNAL_INFIX = ".placing-"
WITNESS_SQL = ("SELECT id, at, actor_id, actor_name, action, table_name, record_id, before, after, summary "
                "FROM audit_entries WHERE id = ?")


def _glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)


def journals(db_path: Path, *, unfinished_only: bool = False) -> list[Path]:
    """The placing journals beside a database; `unfinished_only` leaves out those kept for a committed file that
    another program still held open at the last start (tried again at the next)."""
    db_path = Path(db_path)
    found = sorted(db_path.parent.glob(f"{_glob_escape(db_path.name)}{JOURNAL_INFIX}*"))
    if unfinished_only:
        found = [j for j in found if not _read(j).get("kept")]
    return found


def _read(journal: Path) -> dict:
    try:
        data = json.loads(journal.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _pairs(data: dict) -> list[tuple[Path, Path]]:
    try:
        return [(Path(t), Path(d)) for t, d in data.get("files", [])]
    except (TypeError, ValueError):
        return []


def temporary_files(db_path: Path) -> list[Path]:
    """The temporary files named by unfinished journals (wherever the clerk chose to save)."""
    return [t for j in journals(db_path, unfinished_only=True) for t, _d in _pairs(_read(j))]


def kept_for_later(db_path: Path) -> set[Path]:
    """The temporary files of committed transactions kept until their destination can be replaced."""
    return {t.absolute() for j in journals(db_path) if _read(j).get("kept") for t, _d in _pairs(_read(j))}


def _write_atomically(path: Path, data: dict) -> None:
    new = path.with_name(path.name + ".new")
    with open(new, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(new, path)
    sync_folder(path.parent)


def row_digest(row) -> str:
    """The digest of an audit row as the SQLite driver returns it (the same in the transaction and at recovery)."""
    return hashlib.sha256(repr(tuple(row)).encode("utf-8")).hexdigest()


@dataclass
class Journal:
    """The placing journal of one unit of work on a database file."""

    path: Path
    files: list[tuple[Path, Path]] = field(default_factory=list)

    @classmethod
    def beside(cls, db_path: Path) -> "Journal":
        db_path = Path(db_path)
        return cls(db_path.with_name(f"{db_path.name}{JOURNAL_INFIX}{secrets.token_hex(8)}"))

    def add(self, tmp: Path, dest: Path) -> None:
        """Record a temporary file before it is created (and its destination)."""
        pair = (Path(tmp).absolute(), Path(dest).absolute())
        if pair not in self.files:
            self.files.append(pair)
            self._write(None)

    def seal(self, witness_id: int, digest: str) -> None:
        """Say which audit row proves the commit; written before the commit."""
        self._write({"id": witness_id, "digest": digest})

    def _write(self, witness: dict | None) -> None:
        _write_atomically(self.path, {"files": [[str(t), str(d)] for t, d in self.files], "witness": witness})

    def remove(self) -> None:
        self.path.unlink(missing_ok=True)
        sync_folder(self.path.parent)


@dataclass(frozen=True)
class Finished:
    """What the next start did with the files of interrupted transactions."""

    placed: tuple[Path, ...] = ()       # committed: moved into place now
    removed: tuple[Path, ...] = ()      # not committed: temporary files removed
    missing: tuple[Path, ...] = ()      # committed, but neither the file nor its temporary copy exists
    stuck: tuple[Path, ...] = ()        # committed, but could not be moved into place (kept; tried again next start)


def _committed(conn: sqlite3.Connection, witness: dict | None) -> bool:
    if not witness:
        return False  # killed before the commit was prepared
    try:
        row = conn.execute(WITNESS_SQL, (int(witness["id"]),)).fetchone()
    except (sqlite3.Error, KeyError, TypeError, ValueError):
        return False
    return row is not None and row_digest(row) == witness.get("digest")


def finish_interrupted(db_path: Path) -> Finished:
    """Finish or undo the file placements of transactions whose program was killed. Call only while holding the
    database's exclusive lane (no unit of work is between its commit and its renames)."""
    from talentdesk.domain.errors import TalentDeskError
    from talentdesk.store.db import connect_readonly
    from talentdesk.store.files import replace_file

    found = journals(db_path)
    if not found:
        return Finished()
    placed: list[Path] = []
    removed: list[Path] = []
    missing: list[Path] = []
    stuck: list[Path] = []
    conn = connect_readonly(db_path)
    try:
        for jpath in found:
            if jpath.name.endswith(".new"):  # a journal killed while being written: its files were not created yet
                jpath.unlink(missing_ok=True)
                continue
            data = _read(jpath)
            pairs = _pairs(data)
            if not data:
                log.warning("unreadable placing journal %s", jpath)
                jpath.unlink(missing_ok=True)
                continue
            keep = False
            if _committed(conn, data.get("witness")):
                for tmp, dest in pairs:
                    if tmp.exists():
                        try:
                            replace_file(tmp, dest, keep_on_failure=True)
                            placed.append(dest)
                        except (OSError, TalentDeskError) as exc:  # held open elsewhere: said, tried again later
                            log.warning("could not put %s in place: %s", dest, exc)
                            stuck.append(dest)
                            keep = True
                    elif not dest.exists():
                        missing.append(dest)
            else:
                for tmp, _dest in pairs:
                    if tmp.exists():
                        tmp.unlink()
                        removed.append(tmp)
            if keep:
                _write_atomically(jpath, dict(data, kept=True))
            else:
                jpath.unlink(missing_ok=True)
    finally:
        conn.close()
    if placed or removed or missing:
        log.info("interrupted file placements: placed %s, removed %s, missing %s",
                 [p.name for p in placed], [p.name for p in removed], [p.name for p in missing])
    return Finished(tuple(placed), tuple(removed), tuple(missing), tuple(stuck))


def report(finished: Finished) -> list[str]:
    """What the clerk must hear after a start that finished interrupted placements."""
    from talentdesk.i18n import translate

    out = [translate("Placing", "{name} was saved when the program stopped, but the file itself is missing: print or "
                                "export it again.").format(name=str(p)) for p in finished.missing]
    out += [translate("Placing", "{name} is open in another program, so the file saved before the program stopped "
                                 "could not be put in place; close it there, it is put in place at the next "
                                 "start.").format(name=str(p)) for p in finished.stuck]
    return out
