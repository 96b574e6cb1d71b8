"""Backing up and restoring a server database with PostgreSQL's own tools (pg_dump / pg_restore), when installed.

The same promises as a backup of a SQLite file: the backup is written beside its final name and only named when it
is whole and readable (pg_restore lists it, and it holds the data of every table that has rows), and a restore
never writes over data — it goes into an empty database, in one transaction, and the full check (ledger rules,
serials, append-only guards, hash chain) runs on the result. The password reaches the tools only through their
environment (PGPASSWORD), never their command line. The single-writer lock file of a SQLite database has no part
here: the server keeps concurrent writers apart, and pg_dump reads one consistent snapshot while clerks work.
"""
from __future__ import annotations

import datetime as dt
import glob
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from talentdesk.domain.errors import Conflict, InputFileError, StorageError
from talentdesk.i18n import translate


@dataclass(frozen=True, slots=True)
class DumpResult:
    path: Path
    size: int
    tables: int          # tables whose data the archive holds
    seconds: float


def find_tool(name: str) -> Path | None:
    """pg_dump or pg_restore: on PATH, else the newest /usr/lib/postgresql/<version>/bin (Debian)."""
    found = shutil.which(name)
    if found:
        return Path(found)
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                        key=lambda p: [int(x) for x in Path(p).parent.parent.name.split(".") if x.isdigit()])
    return Path(candidates[-1]) if candidates else None


def _tool(name: str) -> Path:
    path = find_tool(name)
    if path is None:
        raise StorageError(translate(
            "PgTools", "{tool} (PostgreSQL's own backup tool) is not installed on this PC; install the PostgreSQL "
                       "client tools, or make a checked copy with: talentdesk move --from SERVER --to FILE").format(
            tool=name))
    return path


def _env(target, password: str | None) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    env.update({"PGHOST": target.host, "PGPORT": str(target.port), "PGUSER": target.user,
                "PGDATABASE": target.database, "PGSSLMODE": target.sslmode, "PGCONNECT_TIMEOUT": "10"})
    if password:
        env["PGPASSWORD"] = password
    return env


def _run(cmd: list[str], env: dict, what: str) -> subprocess.CompletedProcess:
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, encoding="utf-8", errors="replace")
    if done.returncode != 0:
        first = next((line for line in done.stderr.splitlines() if line.strip()), "")[:300]
        raise StorageError(translate("PgTools", "{what} failed; nothing was changed: {error}").format(
            what=what, error=first))
    return done


def data_tables_in(archive: Path) -> set[str]:
    """The tables whose rows a custom-format archive holds (from pg_restore's table of contents)."""
    listing = _run([str(_tool("pg_restore")), "--list", str(archive)], dict(os.environ),
                   translate("PgTools", "Reading the backup"))
    out = set()
    for line in listing.stdout.splitlines():
        if line.startswith(";") or " TABLE DATA " not in line:
            continue
        parts = line.split(" TABLE DATA ", 1)[1].split()
        if len(parts) >= 2:
            out.add(parts[1])
    return out


def dump(engine, target, password: str | None, dest: Path) -> DumpResult:
    """pg_dump the server database into `dest` (custom format), checked before it gets its name."""
    import time

    from sqlalchemy import func, select

    from talentdesk.domain.models import Base

    started = time.perf_counter()
    dest = Path(dest)
    if dest.exists():
        raise Conflict(translate("PgTools", "{path} exists already; choose another name.").format(path=dest))
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(dest.name + ".part")
    part.unlink(missing_ok=True)
    with engine.connect() as conn:
        with_rows = {t.name for t in Base.metadata.sorted_tables
                     if conn.execute(select(func.count()).select_from(t)).scalar()}
    try:
        # --enable-row-security: the county tables force row-level security on their owner too (store/scope.py);
        # its policy shows the owner every county, so the dump is whole
        _run([str(_tool("pg_dump")), "--format=custom", "--no-owner", "--no-privileges", "--enable-row-security",
              "--file", str(part)],
             _env(target, password), translate("PgTools", "The backup (pg_dump)"))
        held = data_tables_in(part)
        missing = sorted(with_rows - held)
        if missing:
            raise StorageError(translate("PgTools", "The backup lacks the data of {tables}; it was not kept.").format(
                tables=", ".join(missing[:5])))
        os.replace(part, dest)
    finally:
        part.unlink(missing_ok=True)
    return DumpResult(dest, dest.stat().st_size, len(held), time.perf_counter() - started)


def default_dump_path(folder: Path, target) -> Path:
    return Path(folder) / f"{target.database}-{dt.datetime.now():%Y%m%d-%H%M%S}.dump"


def restore(engine, target, password: str | None, archive: Path) -> None:
    """pg_restore `archive` into the (empty) server database, in one transaction."""
    from talentdesk.store.move import data_in

    archive = Path(archive)
    if not archive.is_file():
        raise InputFileError(translate("PgTools", "There is no backup at {path}.").format(path=archive))
    data_tables_in(archive)  # not a pg_dump archive: refused before anything is touched
    held = data_in(engine)
    if held:
        raise Conflict(translate(
            "PgTools", "{target} already holds data; a restore goes into an empty database (create one, then "
                       "restore into it). Nothing was changed.").format(target=target.display()))
    from sqlalchemy import text

    with engine.begin() as conn:  # the empty schema the program made is replaced by the archive's
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    _run([str(_tool("pg_restore")), "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error",
          "--dbname", target.database, str(archive)], _env(target, password),
         translate("PgTools", "The restore (pg_restore)"))
