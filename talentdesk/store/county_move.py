"""Moving one county between its office's file and a city's shared database: `talentdesk move --county CODE`.

Into the city (`--from county.db --to postgresql://… --county CODE`): the county's file is copied into a database
that already holds other counties. Every row gets a new id on the target (the file's ids are taken by the other
counties there): each table's ids are moved up past the target's highest, in one block, so every foreign key is
remapped by the same shift and the rows keep their order; `county_id` is stamped with the target's county CODE.
Shared reference rows (mentor roles, exit reasons, bank layouts, office keys, tiers) are matched by their natural key
(name, code, fingerprint) and added when the target lacks them. Refused when that county already has data there.

Out of the city (`--from postgresql://… --county CODE --to county.db`): the county's rows alone go into a new,
empty file, which becomes that county's office file (its home county takes the code and name).

Settings: a county's own values (office name, thresholds …) are its rows of `county_settings` and move with it, both
ways. Out of the city, the city-wide values it used where it had none of its own go into the new file's `settings`.

Proof, as for a whole move: the source's hash chain is verified first (a broken chain is not carried on); per table
the row counts and a checksum of the content are compared, id-independent (each id written as its distance from the
smallest id of its table in the copy, which the shift keeps; county_id left out); and the copied rows are sealed
into the target's own hash chain in the same transaction, after an audit entry that records the source, its chain
head and the figures — so `check` on the target verifies them like any other rows. All or nothing on the target.

The audit trail's own history (its before/after texts) keeps the file's numbers as they were written; its record
ids are moved with their rows.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine, and_, func, insert, inspect, select, text

from talentdesk.domain.errors import Conflict, NotFound, StorageError
from talentdesk.i18n import translate
from talentdesk.store import chain
from talentdesk.store import move as mv

log = logging.getLogger(__name__)

SHARED = frozenset({"settings", "tiers", "mentor_roles", "exit_reasons", "calendar_days", "bank_layouts",
                    "office_keys", "counties", "county_roles", "chain_links"})
"""Tables the counties of a city database share (or that are the database's own): not copied as a county's rows."""
NATURAL = {"mentor_roles": "name", "exit_reasons": "code", "bank_layouts": "name", "office_keys": "fingerprint"}
"""Shared tables a county's rows point at by id: matched on the target by this column, added when missing."""


@dataclass(frozen=True, slots=True)
class CountyMoveResult:
    source: str
    target: str
    county: str
    tables: tuple[mv.TableFigures, ...]
    source_head: str | None
    target_head: str | None
    seconds: float

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)


def _metadata():
    from talentdesk.domain.models import Base

    return Base.metadata


def _county_tables() -> tuple[list, dict[str, list[str]]]:
    """The tables that hold a county's rows (parents first), and the cycle-closing columns filled in afterwards."""
    tables, later = mv._ordered()
    tables = [t for t in tables if t.name not in SHARED]
    # derived rows that name their talent without a foreign key go after it
    return [t for t in tables if t.name not in UNKEYED_LINKS] + [t for t in tables if t.name in UNKEYED_LINKS], later


def _int_pk(table) -> str | None:
    pk = list(table.primary_key.columns)
    if len(pk) == 1 and pk[0].name == "id":
        return "id"
    return None


def _home_county(conn) -> tuple[int, str, str]:
    counties = _metadata().tables["counties"]
    rows = conn.execute(select(counties.c.id, counties.c.code, counties.c.name).order_by(counties.c.id)).all()
    if len(rows) != 1:
        raise StorageError(translate("Move", "{n} counties are in this file; a county's office file holds one.").format(
            n=len(rows)))
    return rows[0][0], rows[0][1], rows[0][2]


def _county_by_code(conn, code: str, where: str) -> tuple[int, str]:
    counties = _metadata().tables["counties"]
    row = conn.execute(select(counties.c.id, counties.c.name).where(counties.c.code == code)).first()
    if row is None:
        raise NotFound(translate(
            "Move", "{where} has no county with the code {code}; add it there first (talentdesk --db … city "
                    "add-county {code} NAME). Nothing was copied.").format(where=where, code=code))
    return row[0], row[1]


def _verified_head(conn, where: str) -> str | None:
    """The source's hash chain, recomputed link by link; a broken one stops the move (it would be laundered)."""
    from talentdesk.store.integrity import _QmarkConnection, chain_problems

    raw = conn.connection.driver_connection
    problems, head = chain_problems(raw if conn.dialect.name == "sqlite" else _QmarkConnection(raw))
    if problems:
        raise StorageError(translate(
            "Move", "The hash chain of {where} does not verify ({problem}); run check there first. Nothing was "
                    "copied.").format(where=where, problem=problems[0]))
    return head


def _source_filter(table, county: int | None):
    """The source rows of `table` that belong to the county (None: every row, a county's own file)."""
    if county is None or "county_id" not in table.c:
        return None
    return table.c.county_id == county


def _parent_filter(table, copied: dict[str, set[int] | None]):
    """A table without a county of its own (an attachment's bytes, a talent's watch signals): its rows whose
    parent is copied."""
    link = _child_link(table, copied)
    return link[0].in_(copied[link[1]]) if link else None


def _relative(value, base: int | None):
    return None if value is None else int(value) - (base or 0)


def _canonical_row(table, row: dict, bases: dict[str, int], refs: dict[str, str], natural: dict[str, dict],
                   members: dict[str, set[int]]) -> str:
    """One row as content: ids as distances from their table's smallest id in the copy (a link to a row outside
    the copy, such as a city account, as none), the county left out, a shared row by its natural key."""
    parts = []
    for col in table.columns:
        name = col.name
        if name == "county_id":
            continue
        value = row[name]
        if name == "id" and _int_pk(table):
            value = _relative(value, bases.get(table.name))
        elif name in refs:
            ref = refs[name]
            if ref in NATURAL:
                value = natural[ref].get(value, value)
            elif ref in members:
                value = _relative(value, bases.get(ref)) if value in members[ref] else None
        elif table.name == "audit_entries" and name == "record_id" and row.get("table_name") in bases \
                and value is not None and str(value).isdigit():
            value = _relative(int(value), bases[row["table_name"]])
        parts.append(mv._canonical(value))
    return "\x1f".join(parts)


UNKEYED_LINKS = {"watch_signals": {"talent_id": "talents"}}
"""Columns that hold another table's id without a foreign key (derived rows kept with their talent)."""


def _refs(table) -> dict[str, str]:
    refs = {list(fkc.columns)[0].name: fkc.referred_table.name
            for fkc in table.foreign_key_constraints if len(fkc.columns) == 1}
    return {**refs, **UNKEYED_LINKS.get(table.name, {})}


def _child_link(table, copied: dict) -> tuple | None:
    """A table without a county of its own: the column that ties its rows to a copied parent, and the parent."""
    for col, parent in _refs(table).items():
        if parent in copied and copied[parent] is not None and parent not in SHARED:
            return table.c[col], parent
    return None


def _figures(conn, table, where, bases, natural, members) -> mv.TableFigures:
    """Rows and an id-independent checksum of a table's rows in the copy (in id order, which the shift keeps)."""
    refs = _refs(table)
    stmt = select(*table.columns)
    if where is not None:
        stmt = stmt.where(where)
    pk = _int_pk(table)
    rows = conn.execute(stmt.order_by(table.c.id) if pk else stmt).mappings()
    texts = (_canonical_row(table, dict(r), bases, refs, natural, members) for r in rows)
    if not pk:
        texts = iter(sorted(texts))
    digest, n = hashlib.sha256(), 0
    for t in texts:
        digest.update(t.encode("utf-8"))
        digest.update(b"\x1e")
        n += 1
    return mv.TableFigures(table.name, n, digest.hexdigest())


def _natural_maps(src, dst) -> tuple[dict[str, dict[int, int]], dict[str, dict[int, str]]]:
    """For each shared table a county's rows point at: source id → target id (rows the target lacks are added),
    and source id → natural key (for the checksums)."""
    md = _metadata()
    id_map: dict[str, dict[int, int]] = {}
    keys: dict[str, dict[int, str]] = {}
    for name, key in NATURAL.items():
        t = md.tables[name]
        there = {k: i for i, k in dst.execute(select(t.c.id, t.c[key]))}
        id_map[name], keys[name] = {}, {}
        for row in src.execute(select(*t.columns)).mappings():
            k = row[key]
            keys[name][row["id"]] = k
            if k not in there:
                values = {c: v for c, v in row.items() if c != "id"}
                there[k] = dst.execute(insert(t).values(**values).returning(t.c.id)).scalar()
            id_map[name][row["id"]] = there[k]
    tiers = md.tables["tiers"]
    have = {c for (c,) in dst.execute(select(tiers.c.code))}
    for row in src.execute(select(*tiers.columns)).mappings():
        if row["code"] not in have:
            dst.execute(insert(tiers).values(**dict(row)))
    return id_map, keys


def _target_keys(dst, keys: dict[str, dict[int, str]], id_map: dict[str, dict[int, int]]) -> dict[str, dict]:
    """Target id → natural key, for the target side's checksums."""
    return {name: {id_map[name][sid]: key for sid, key in keys[name].items()} for name in keys}


def _offsets(dst, tables) -> dict[str, int]:
    """How far each table's ids move up: past the target's highest id (and, on PostgreSQL, its sequence)."""
    out = {}
    for t in tables:
        if not _int_pk(t):
            continue
        top = dst.execute(select(func.coalesce(func.max(t.c.id), 0))).scalar() or 0
        if dst.dialect.name == "postgresql":
            seq = dst.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": t.name}).scalar()
            if seq:
                last = dst.execute(text(f"SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM {seq}")).scalar()
                top = max(top, int(last or 0))
        out[t.name] = int(top)
    return out


def _stale_county_data(dst, tables, county: int) -> dict[str, int]:
    held = {}
    for t in tables:
        if "county_id" in t.c and t.name not in ("audit_entries",):
            n = dst.execute(select(func.count()).select_from(t).where(t.c.county_id == county)).scalar() or 0
            if n:
                held[t.name] = n
    return held


def move_county(source: Engine, target: Engine, *, code: str, source_name: str, target_name: str,
                into_city: bool, progress: Callable[[int, int, str], None] | None = None) -> CountyMoveResult:
    """Copy a county's rows from `source` into `target` with new ids (see the module's docstring): into a city
    database (`into_city`: the source is the county's own file) or out of one into a new, empty file."""
    from talentdesk.store import db as dbmod

    started = time.perf_counter()
    if dbmod.stored_revision(source) != dbmod.stored_revision(target):
        raise StorageError(translate(
            "Move", "The two databases are at different schema versions ({source} and {target}); open both with "
                    "this version of TalentDesk first. Nothing was copied.").format(
            source=dbmod.stored_revision(source), target=dbmod.stored_revision(target)))
    tables, later = _county_tables()
    present = set(inspect(source).get_table_names())
    src_files, dst_files = mv.files_dir(source), mv.files_dir(target)
    written: list = []
    try:
        with source.connect() as src, target.connect() as dst:
            if source.dialect.name == "postgresql":
                src = src.execution_options(isolation_level="REPEATABLE READ")
            with src.begin(), dst.begin():
                source_head = _verified_head(src, source_name)
                if into_city:
                    _home_county(src)  # a county's own file: every row of it is the county's
                    src_county = None
                    dst_county, _name = _county_by_code(dst, code, target_name)
                else:
                    src_county, src_county_name = _county_by_code(src, code, source_name)
                    held = mv.data_in(target)
                    if held:
                        raise Conflict(translate(
                            "Move", "{target} already holds data; a county moves out into a new, empty file only. "
                                    "Nothing was copied.").format(target=target_name))
                    dst_county = _home_county(dst)[0]
                    counties = _metadata().tables["counties"]
                    dst.execute(counties.update().where(counties.c.id == dst_county).values(
                        code=code, name=src_county_name))
                if dst.dialect.name == "postgresql":
                    dst.execute(text("LOCK TABLE " + ", ".join(t.name for t in tables) + " IN EXCLUSIVE MODE"))
                held = _stale_county_data(dst, tables, dst_county)
                if held:
                    listed = ", ".join(f"{t} {n:,}" for t, n in sorted(held.items(), key=lambda kv: -kv[1])[:4])
                    raise Conflict(translate(
                        "Move", "County {code} already has data in {target} ({tables}); a move never writes over "
                                "data. Nothing was copied.").format(code=code, target=target_name, tables=listed))
                start = chain.watermarks(dst)  # on PostgreSQL also the chain's writer lock
                id_map, keys = _natural_maps(src, dst)
                offsets = _offsets(dst, tables)
                copied: dict[str, set[int] | None] = {}
                bases: dict[str, int] = {}
                users = _metadata().tables["users"]
                if into_city:
                    _refuse_taken_usernames(src, dst, users, target_name)
                fill_in: list = []
                total = len(tables)
                for i, t in enumerate(tables):
                    if progress:
                        progress(i, total, t.name)
                    if t.name not in present:
                        continue
                    where = _source_filter(t, src_county)
                    if where is None and "county_id" not in t.c and not into_city:
                        where = _parent_filter(t, copied)
                    pk = _int_pk(t)
                    if pk:
                        q = select(t.c.id) if where is None else select(t.c.id).where(where)
                        ids = {int(x) for (x,) in src.execute(q)}
                        copied[t.name] = ids
                        if ids:
                            bases[t.name] = min(ids)
                    if t.name == mv.CONTENTS:
                        _copy_contents(src, dst, src_files, dst_files, copied, offsets, written)
                        continue
                    _copy_table(src, dst, t, where, offsets, id_map, copied, dst_county, later.get(t.name, []),
                                fill_in)
                for t, row_id, col, ref, value in fill_in:
                    moved = value + offsets[ref] if value in (copied.get(ref) or ()) else None
                    dst.execute(text(f"UPDATE {t.name} SET {col} = :value WHERE id = :pk_id"),
                                {"value": moved, "pk_id": row_id})
                if dst.dialect.name == "postgresql":
                    _raise_sequences(dst, tables)
                if not into_city:
                    _carry_city_settings(src, dst)
                # the proof: counts and id-independent checksums, table by table
                if progress:
                    progress(total, total, "checksums")
                dst_keys = _target_keys(dst, keys, id_map)
                dst_bases = {n: b + offsets.get(n, 0) for n, b in bases.items()}
                src_members = {n: ids for n, ids in copied.items() if ids is not None}
                dst_members = {n: {i + offsets.get(n, 0) for i in ids} for n, ids in src_members.items()}
                figures = []
                for t in tables:
                    if t.name not in present or t.name == mv.CONTENTS:
                        continue
                    want = _figures(src, t, _source_filter(t, src_county) if "county_id" in t.c else
                                    _parent_filter(t, copied), bases, keys, src_members)
                    got = _figures(dst, t, _target_filter(t, dst_county, copied, offsets), dst_bases, dst_keys,
                                   dst_members)
                    if want.rows != got.rows or want.checksum != got.checksum:
                        raise StorageError(translate(
                            "Move", "The copy of table {table} does not match the original ({source} rows, {target} "
                                    "copied; checksums {a} and {b}); nothing was kept in {where}.").format(
                            table=t.name, source=want.rows, target=got.rows, a=want.checksum[:12],
                            b=got.checksum[:12], where=target_name))
                    figures.append(got)
                if mv.CONTENTS in present:
                    figures.append(_contents_figures_checked(src, dst, src_files, dst_files, copied, offsets))
                # recorded and sealed into the target's own chain, in this transaction
                _record(dst, dst_county, code, source_name, source_head, figures)
                target_head = chain.seal(dst, start, {})
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    log.info("moved county %s: %s rows from %s to %s", code, sum(f.rows for f in figures), source_name, target_name)
    return CountyMoveResult(source_name, target_name, code, tuple(figures), source_head, target_head,
                            time.perf_counter() - started)


SECRET_SETTINGS = ("certificate_key",)


def _carry_city_settings(src, dst) -> int:
    """Out of the city: the county's own settings (office name …) go with its rows (`county_settings`); the
    city-wide values it used where it had none of its own go into the new file's `settings`, so the office works as
    it did in the city. Never a secret."""
    settings = _metadata().tables["settings"]
    have = {k for (k,) in dst.execute(select(settings.c.key))}
    rows = [{"key": k, "value": v} for k, v in src.execute(select(settings.c.key, settings.c.value).order_by(
        settings.c.key)) if k not in have and k not in SECRET_SETTINGS]
    if rows:
        dst.execute(insert(settings), rows)
    return len(rows)


def _target_filter(table, county: int, copied: dict, offsets: dict):
    """The copied rows on the target: the county's, above the ids the target had (its own earlier audit entries
    about that county stay out), or a parent's children."""
    if "county_id" in table.c:
        if _int_pk(table):
            return and_(table.c.county_id == county, table.c.id > offsets.get(table.name, 0))
        return table.c.county_id == county
    link = _child_link(table, copied)
    return link[0].in_([i + offsets.get(link[1], 0) for i in copied[link[1]]]) if link else None


def _refuse_taken_usernames(src, dst, users, target_name: str) -> None:
    mine = {u for (u,) in src.execute(select(users.c.username))}
    taken = sorted(mine & {u for (u,) in dst.execute(select(users.c.username))})
    if taken:
        raise Conflict(translate(
            "Move", "The accounts {names} exist in {target} already (account names are unique across the city); "
                    "rename them in the county's file first. Nothing was copied.").format(
            names=", ".join(taken[:5]), target=target_name))


def _copy_table(src, dst, t, where, offsets, id_map, copied, county, held_back, fill_in) -> None:
    refs = _refs(t)
    stmt = select(*t.columns)
    if where is not None:
        stmt = stmt.where(where)
    if _int_pk(t):
        stmt = stmt.order_by(t.c.id)
    result = src.execute(stmt, execution_options={"yield_per": mv.BATCH}).mappings()
    for chunk in result.partitions(mv.BATCH):
        rows = []
        for r in chunk:
            row = dict(r)
            if _int_pk(t):
                row["id"] = row["id"] + offsets[t.name]
            for col, ref in refs.items():
                value = row[col]
                if value is None or col == "county_id" and ref == "counties":
                    continue
                if ref in NATURAL:
                    row[col] = id_map[ref].get(value)
                elif ref in offsets and copied.get(ref) is not None:
                    row[col] = value + offsets[ref] if value in copied[ref] else None  # not the county's: unlinked
            if "county_id" in t.c:
                row["county_id"] = county
            if t.name == "audit_entries" and row.get("table_name") in offsets and row.get("record_id") \
                    and str(row["record_id"]).isdigit():
                row["record_id"] = str(int(row["record_id"]) + offsets[row["table_name"]])
            for col in held_back:  # links to a table copied later (a cycle): filled in once it is there
                if r[col] is not None:
                    fill_in.append((t, row["id"], col, refs[col], r[col]))
                    row[col] = None
            rows.append(row)
        if rows:
            dst.execute(insert(t), rows)


def _raise_sequences(dst, tables) -> None:
    for t in tables:
        if not _int_pk(t):
            continue
        seq = dst.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": t.name}).scalar()
        if seq:
            dst.execute(text(f"SELECT setval(:s, GREATEST((SELECT COALESCE(MAX(id), 0) FROM {t.name}), "
                             f"(SELECT last_value FROM {seq})), true)"), {"s": seq})


def _copy_contents(src, dst, src_files, dst_files, copied, offsets, written) -> None:
    ids = copied.get("attachments") or set()
    shift = offsets.get("attachments", 0)
    items = ((ident + shift, sha, data) for ident, sha, data in mv.read_contents(src, src_files) if ident in ids)
    mv.write_contents(dst, dst_files, items, written)


def _contents_figures_checked(src, dst, src_files, dst_files, copied, offsets) -> mv.TableFigures:
    """The attachments' bytes on both sides: how many and the SHA-256 of each, by distance from the first id."""
    ids = copied.get("attachments") or set()
    base, shift = (min(ids) if ids else 0), offsets.get("attachments", 0)

    def digest(figures_rows):
        d, n = hashlib.sha256(), 0
        for ident, sha in figures_rows:
            d.update(f"{ident}\x1f{sha}\x1e".encode())
            n += 1
        return n, d.hexdigest()

    want = digest((i - base, sha) for i, sha, _data in mv.read_contents(src, src_files) if i in ids)
    moved = {i + shift for i in ids}
    got = digest((i - shift - base, sha) for i, sha, _data in mv.read_contents(dst, dst_files) if i in moved)
    if want != got:
        raise StorageError(translate(
            "Move", "The copy of table {table} does not match the original ({source} rows, {target} copied; "
                    "checksums {a} and {b}); nothing was kept in {where}.").format(
            table=mv.CONTENTS, source=want[0], target=got[0], a=want[1][:12], b=got[1][:12], where="target"))
    return mv.TableFigures(mv.CONTENTS, got[0], got[1])


def _record(dst, county: int, code: str, source_name: str, source_head: str | None, figures) -> None:
    """The move's own audit entry on the target (sealed with the copied rows): where from, the source's verified
    chain head, and every table's figures."""
    audit = _metadata().tables["audit_entries"]
    summary = translate("Move", "County {code} moved in from {source} (its hash chain verified, head {head}): {rows:,} "
                                "rows").format(code=code, source=source_name, head=chain.short(source_head),
                                               rows=sum(f.rows for f in figures))
    row = {"at": dt.datetime.now(dt.timezone.utc).replace(tzinfo=None), "actor_id": None, "actor_name": "move",
           "action": "import", "table_name": "counties", "record_id": str(county), "before": None,
           "after": json.dumps({"source": source_name, "source_chain_head": source_head,
                                "tables": {f.table: [f.rows, f.checksum] for f in figures}},
                               ensure_ascii=False, sort_keys=True),
           "summary": summary[:400]}
    if "county_id" in audit.c:
        row["county_id"] = county
    dst.execute(insert(audit), [row])
