"""Moving a whole database between a SQLite file and a PostgreSQL server (either way): `talentdesk move`.

Every table of the schema is copied row for row (ids kept, so the ledger, the audit trail and the hash chain stay
what they were), in one transaction on the target, read from one consistent snapshot of the source. Afterwards
both sides are counted and checksummed table by table (SHA-256 over every row in primary-key order, each value in
one canonical text form), and the move is reported only when every table agrees; otherwise the target's
transaction is rolled back and nothing stays behind. A target that already holds data is refused before anything
is written: only the reference rows every new database starts with (tiers, mentor roles, exit reasons, the
working-day calendar, bank file layouts) are replaced by the source's.

Attachments travel with their rows: a SQLite file keeps their bytes in its data folder (`attachments/`), a server
in `attachment_contents`; each is read from where its side keeps it, checked against its SHA-256, and written
where the other side keeps it. Their figures compare each attachment's id and the SHA-256 of its bytes as each side
stores them (the server computes its own), so a damaged or missing copy stops the move.
"""
from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import logging
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, delete, func, insert, inspect, select, text

from talentdesk.domain.errors import Conflict, StorageError
from talentdesk.i18n import translate
from talentdesk.paths import attachments_dir_for

log = logging.getLogger(__name__)

BATCH = 5_000
SEEDED = frozenset({"tiers", "mentor_roles", "exit_reasons", "calendar_days", "bank_layouts", "counties"})
"""Tables every new database starts with rows in (the migrations seed them): replaced, not refused."""


@dataclass(frozen=True, slots=True)
class TableFigures:
    table: str
    rows: int
    checksum: str


@dataclass(frozen=True, slots=True)
class MoveResult:
    source: str
    target: str
    tables: tuple[TableFigures, ...]
    seconds: float

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)


def _tables():
    return _ordered()[0]


def _ordered():
    """The tables parents first, and the foreign-key columns that close a cycle (care case ⇄ check-in, payment ⇄
    its ledger entry): those are copied empty and filled in once every row is there. A row of an append-only table
    (ledger, audit trail) can never be updated afterwards, so its links are always kept and the other side of the
    cycle is the one filled in later."""
    from talentdesk.domain.models import APPEND_ONLY_TABLES, Base

    tables = {t.name: t for t in Base.metadata.tables.values()}
    edges = {(fkc.table.name, fkc.referred_table.name, fkc) for t in tables.values()
             for fkc in t.foreign_key_constraints if fkc.referred_table.name != t.name}
    later: dict[str, list[str]] = {}
    while True:
        order, blocked = _topological(tables, edges)
        if not blocked:
            break
        # break the cycle at a link of a table that may be updated
        pairs = {(c, p) for c, p, _ in edges}
        child, parent, fkc = next(e for e in sorted(edges, key=lambda e: ((e[1], e[0]) not in pairs, e[0], e[1]))
                                  if e[0] in blocked and e[1] in blocked and e[0] not in APPEND_ONLY_TABLES)
        edges.discard((child, parent, fkc))
        later.setdefault(child, []).extend(fkc.column_keys)
    return [tables[n] for n in order], later


def _topological(tables: dict, edges: set) -> tuple[list[str], set[str]]:
    """Kahn's order of the tables (parents first, ties by name); the tables left over sit on a cycle."""
    waiting = {n: {p for c, p, _ in edges if c == n} for n in tables}
    order: list[str] = []
    while True:
        ready = sorted(n for n, parents in waiting.items() if not parents)
        if not ready:
            break
        for n in ready:
            order.append(n)
            del waiting[n]
        for parents in waiting.values():
            parents.difference_update(ready)
    return order, set(waiting)


def _canonical(value) -> str:
    if value is None:
        return "\x00"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (float, decimal.Decimal)):
        return repr(float(value))
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    return str(value)


def table_figures(conn, table) -> TableFigures:
    """Rows and a SHA-256 over every row (primary-key order, every column in the schema's order)."""
    digest = hashlib.sha256()
    n = 0
    order = list(table.primary_key.columns) or list(table.columns)
    result = conn.execute(select(*table.columns).order_by(*order), execution_options={"yield_per": BATCH})
    for row in result:
        digest.update("\x1f".join(_canonical(v) for v in row).encode("utf-8"))
        digest.update(b"\x1e")
        n += 1
    return TableFigures(table.name, n, digest.hexdigest())


def figures(engine: Engine) -> list[TableFigures]:
    """Counts and checksums of every table of a database, from one consistent snapshot (the attachments' bytes
    where this database keeps them, so a file and a server compare)."""
    files = files_dir(engine)
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            return [_figures(conn, t, files) for t in _tables()]


def _figures(conn, table, files: Path | None) -> TableFigures:
    return contents_figures(conn, files) if table.name == CONTENTS else table_figures(conn, table)


def data_in(engine: Engine) -> dict[str, int]:
    """Tables (other than the seeded reference data) that hold rows: {table: rows}."""
    present = set(inspect(engine).get_table_names())
    out = {}
    with engine.connect() as conn:
        for t in _tables():
            if t.name in SEEDED or t.name not in present:
                continue
            n = conn.execute(select(func.count()).select_from(t)).scalar() or 0
            if n:
                out[t.name] = n
    return out


CONTENTS = "attachment_contents"


def files_dir(engine: Engine) -> Path | None:
    """Where a SQLite file keeps its attachments' bytes (its data folder); None for a server, which keeps them in
    `attachment_contents`."""
    if engine.dialect.name != "sqlite":
        return None
    name = engine.url.database
    return attachments_dir_for(Path(name)) if name and name != ":memory:" else None


def _tables_named(*names: str) -> list:
    from talentdesk.domain.models import Base

    return [Base.metadata.tables[n] for n in names]


def read_contents(conn, files: Path | None) -> Iterator[tuple[int, str, bytes]]:
    """(attachment id, SHA-256, bytes) of every attachment that has its bytes, id order, each checked against the
    SHA-256 its row records: from the data folder of a file, or from a server's table."""
    attachments, contents = _tables_named("attachments", CONTENTS)
    if files is None:
        rows = conn.execute(  # a few at a time (each up to SERVER_MAX_BYTES), this statement only
            select(attachments.c.id, attachments.c.filename, attachments.c.sha256, contents.c.content)
            .join(contents, contents.c.attachment_id == attachments.c.id).order_by(attachments.c.id),
            execution_options={"yield_per": 8})
    else:
        rows = ((i, name, sha, None) for i, name, sha in conn.execute(
            select(attachments.c.id, attachments.c.filename, attachments.c.sha256).order_by(attachments.c.id)))
    for ident, name, sha, data in rows:
        if data is None:
            path = files / sha[:2] / sha
            try:
                data = path.read_bytes()
            except OSError:
                raise StorageError(translate(
                    "Move", "The stored copy of attachment {name} (No. {id}) is missing from the data folder {folder}; "
                            "put the folder back or remove that attachment first. Nothing was copied.").format(
                    name=name, id=ident, folder=files)) from None
        data = bytes(data)
        if hashlib.sha256(data).hexdigest() != sha:
            raise StorageError(translate(
                "Move", "The stored copy of attachment {name} (No. {id}) is damaged: its content is not what was "
                        "attached. Nothing was copied.").format(name=name, id=ident))
        yield ident, sha, data


def write_contents(conn, files: Path | None, items: Iterator[tuple[int, str, bytes]], written: list[Path]) -> None:
    """Store each attachment's bytes where this side keeps them: the data folder (once per content, each file
    complete or absent; the new ones listed in `written`) or the server's table."""
    (contents,) = _tables_named(CONTENTS)
    for ident, sha, data in items:
        if files is None:
            conn.execute(insert(contents), [{"attachment_id": ident, "content": data}])
            continue
        path = files / sha[:2] / sha
        if path.is_file():
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".incoming-", dir=str(path.parent))
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, path)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            raise StorageError(translate("Attachments", "The file could not be copied into the data folder: "
                                                        "{reason}").format(reason=exc.strerror or str(exc))) from exc
        written.append(path)


def contents_figures(conn, files: Path | None) -> TableFigures:
    """The attachments' bytes as this side stores them: how many, and a SHA-256 over (id, SHA-256 of the bytes) in
    id order — the server hashes its own copies, a file's side hashes the files in its data folder."""
    digest = hashlib.sha256()
    n = 0
    if files is None and conn.dialect.name == "postgresql":
        rows = conn.execute(text(f"SELECT attachment_id, encode(sha256(content), 'hex') FROM {CONTENTS} "
                                 "ORDER BY attachment_id"))
    elif files is None:
        (contents,) = _tables_named(CONTENTS)
        rows = ((i, hashlib.sha256(bytes(c)).hexdigest()) for i, c in conn.execute(
            select(contents.c.attachment_id, contents.c.content).order_by(contents.c.attachment_id)))
    else:
        (attachments,) = _tables_named("attachments")
        rows = []
        for ident, sha in conn.execute(select(attachments.c.id, attachments.c.sha256).order_by(attachments.c.id)):
            path = files / sha[:2] / sha
            if path.is_file():
                rows.append((ident, hashlib.sha256(path.read_bytes()).hexdigest()))
    for ident, sha in rows:
        digest.update(f"{ident}\x1f{sha}\x1e".encode())
        n += 1
    return TableFigures(CONTENTS, n, digest.hexdigest())


def _reset_sequences(conn) -> None:
    """PostgreSQL hands out new ids from a sequence per table: start each after the largest id copied."""
    for t in _tables():
        pk = list(t.primary_key.columns)
        if len(pk) != 1 or not pk[0].autoincrement or pk[0].type.python_type is not int:
            continue
        seq = conn.execute(text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": t.name, "c": pk[0].name}).scalar()
        if seq:
            conn.execute(text(f"SELECT setval(:s, COALESCE((SELECT MAX({pk[0].name}) FROM {t.name}), 0) + 1, false)"),
                         {"s": seq})


def move(source: Engine, target: Engine, *, source_name: str, target_name: str,
         progress: Callable[[int, int, str], None] | None = None) -> MoveResult:
    """Copy every row of `source` into the empty `target` (both at the same schema revision), then prove the copy
    by counts and checksums; all or nothing on the target."""
    import time

    from talentdesk.store import db as dbmod

    started = time.perf_counter()
    src_rev, dst_rev = dbmod.stored_revision(source), dbmod.stored_revision(target)
    if src_rev != dst_rev:
        raise StorageError(translate(
            "Move", "The two databases are at different schema versions ({source} and {target}); open both with "
                    "this version of TalentDesk first. Nothing was copied.").format(source=src_rev, target=dst_rev))
    held = data_in(target)
    if held:
        listed = ", ".join(f"{t} {n:,}" for t, n in sorted(held.items(), key=lambda kv: -kv[1])[:4])
        raise Conflict(translate(
            "Move", "{target} already holds data ({tables}); a move never writes over data. Choose an empty "
                    "database (talentdesk --db … init). Nothing was copied.").format(target=target_name,
                                                                                       tables=listed))
    tables, later = _ordered()
    present = set(inspect(source).get_table_names())
    total = len(tables)
    copied: list[TableFigures] = []
    fill_in: list = []
    src_files, dst_files = files_dir(source), files_dir(target)
    by_files = src_files is not None or dst_files is not None  # a file on either side: bytes move between stores
    written: list[Path] = []
    try:
        with source.connect() as src, target.connect() as dst:
            if source.dialect.name == "postgresql":  # one snapshot of the whole source
                src = src.execution_options(isolation_level="REPEATABLE READ")
            with src.begin(), dst.begin():
                for t in reversed(tables):  # children first, so the seeded rows can go
                    if t.name in SEEDED:
                        dst.execute(delete(t))
                for i, t in enumerate(tables):
                    if progress:
                        progress(i, total, t.name)
                    if t.name not in present:
                        continue
                    if t.name == CONTENTS and by_files:
                        write_contents(dst, dst_files, read_contents(src, src_files), written)
                        continue
                    order = list(t.primary_key.columns) or list(t.columns)
                    result = src.execute(select(*t.columns).order_by(*order), execution_options={"yield_per": BATCH})
                    names = [c.name for c in t.columns]
                    held_back = later.get(t.name, [])
                    pk = [c.name for c in t.primary_key.columns]
                    for chunk in result.partitions(BATCH):
                        rows = [dict(zip(names, row)) for row in chunk]
                        for row in rows:
                            for col in held_back:
                                if row[col] is not None:
                                    fill_in.append((t, {**{f"pk_{k}": row[k] for k in pk}, "value": row[col]}, col))
                                    row[col] = None
                        dst.execute(insert(t), rows)
                for t, params, col in fill_in:  # the links that close a cycle, now that both rows exist
                    cond = " AND ".join(f"{k} = :pk_{k}" for k in (c.name for c in t.primary_key.columns))
                    dst.execute(text(f"UPDATE {t.name} SET {col} = :value WHERE {cond}"), params)
                if target.dialect.name == "postgresql":
                    _reset_sequences(dst)
                if progress:
                    progress(total, total, "checksums")
                for t in tables:
                    want = _figures(src, t, src_files) if t.name in present else TableFigures(t.name, 0, "")
                    got = _figures(dst, t, dst_files)
                    if want.rows != got.rows or (want.rows and want.checksum != got.checksum):
                        raise StorageError(translate(
                            "Move", "The copy of table {table} does not match the original ({source} rows, {target} "
                                    "copied; checksums {a} and {b}); nothing was kept in {where}.").format(
                            table=t.name, source=want.rows, target=got.rows, a=want.checksum[:12], b=got.checksum[:12],
                            where=target_name))
                    copied.append(got)
    except BaseException:
        for path in written:  # the target's transaction was rolled back: no attachment file of it stays either
            path.unlink(missing_ok=True)
        raise
    log.info("moved %s rows from %s to %s", sum(c.rows for c in copied), source_name, target_name)
    return MoveResult(source_name, target_name, tuple(copied), time.perf_counter() - started)
