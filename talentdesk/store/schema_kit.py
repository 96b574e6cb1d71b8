"""How the migrations write a table: as data, turned into the Alembic operations autogenerate would have written.

A table is a block of text, one item a line. First its columns, after an integer `id` primary key unless a column
is marked `pk`:

    name     str40                 a column: int, bigint, float, bool, date, datetime, text, strN (String(length=N))
    code     str8 pk               part of the primary key (pk_<table>), instead of `id`
    uscc     str18? unique         `?`: nullable; `unique`: a one-column unique constraint (uq_<table>_<column>)
    tier     str8 >tiers.code      a foreign key (fk_<table>_<column>_<referred table>); `>t` refers to t.id,
    policy   int >policies!        `!` deletes with the referred row (ON DELETE CASCADE)
    payment  int? >payments later  a reference that closes a cycle: created after the tables (use_alter)
    rule     str8 ='none'          a server default, SQL as written
    stamps                         created_at and updated_at, DEFAULT (CURRENT_TIMESTAMP)

then its constraints and indexes (`check`, `unique` and `index` are not column names; a line indented deeper than
the first goes on with the one before):

    check amount_positive: amount_fen > 0        a check constraint ck_<table>_<name>
    unique fiscal_year policy_kind               a unique constraint over several columns
    index ix_talents_tier: tier_code status      an index

Constraint names follow the naming convention of domain/models.py and are marked final (`op.f`), as autogenerate
marks them. A table's constraints are emitted in autogenerate's order (checks as listed, foreign keys by column,
the primary key, unique constraints by name), so an old migration written this way creates the very same SQL.

Old migrations depend on every detail here: change nothing that alters the SQL they produce (tests/migrations and
the schema of a fresh upgrade guard it); add to it instead.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

import sqlalchemy as sa
from alembic import op

NOW = "(CURRENT_TIMESTAMP)"
_TYPES = {"int": sa.Integer, "bigint": sa.BigInteger, "float": sa.Float, "bool": sa.Boolean, "date": sa.Date,
          "datetime": sa.DateTime, "text": sa.Text}


@dataclass(frozen=True, slots=True)
class Index:
    """An index on a table: `columns` separated by spaces; a partial index gives its condition per dialect."""

    name: str
    columns: str
    unique: bool = False
    sqlite_where: str | None = None
    postgresql_where: str | None = None

    def create(self, table: str) -> None:
        where = {f"{dialect}_where": sa.text(sql) for dialect, sql in
                 (("sqlite", self.sqlite_where), ("postgresql", self.postgresql_where)) if sql is not None}
        op.create_index(self.name, table, self.columns.split(), unique=self.unique, **where)


def partial_unique(name: str, columns: str, where: str, *, postgresql: str | None = None) -> Index:
    """A unique index over the rows matching `where` (on PostgreSQL `postgresql` where its SQL differs)."""
    return Index(name, columns, unique=True, sqlite_where=where, postgresql_where=postgresql or where)


def _type(word: str) -> sa.types.TypeEngine:
    found = re.fullmatch(r"str(\d+)", word)
    if found:
        return sa.String(length=int(found.group(1)))
    return _TYPES[word]()


@dataclass
class _Spec:
    columns: list[sa.Column] = field(default_factory=list)
    primary: list[str] = field(default_factory=list)
    unique: list[tuple[str, ...]] = field(default_factory=list)
    refs: list[tuple[str, str, str, bool, bool]] = field(default_factory=list)  # column, referred table and
    checks: list[tuple[str, str]] = field(default_factory=list)                # column, cascade, use_alter
    indexes: list[Index] = field(default_factory=list)


def _column(spec: _Spec, name: str, kind: str, flags: list[str]) -> None:
    default = None
    for flag in flags:
        if flag == "pk":
            spec.primary.append(name)
        elif flag == "unique":
            spec.unique.append((name,))
        elif flag.startswith(">"):
            target, _, column = flag[1:].rstrip("!").partition(".")
            spec.refs.append((name, target, column or "id", flag.endswith("!"), False))
        elif flag == "later":
            spec.refs[-1] = (*spec.refs[-1][:4], True)
        elif flag.startswith("="):
            default = sa.text(flag[1:])
        else:
            raise ValueError(f"unknown column flag {flag!r} for {name}")
    spec.columns.append(sa.Column(name, _type(kind.rstrip("?")), server_default=default,
                                  nullable=kind.endswith("?")))


def _lines(text: str) -> list[str]:
    rows = [row for row in text.splitlines() if row.strip()]
    indent = len(rows[0]) - len(rows[0].lstrip())
    lines: list[str] = []
    for row in rows:
        if len(row) - len(row.lstrip()) > indent:
            lines[-1] += " " + row.strip()
        else:
            lines.append(row.strip())
    return lines


def _parse(text: str) -> _Spec:
    spec = _Spec()
    for line in _lines(text):
        word, _, rest = line.partition(" ")
        if word == "check":
            name, _, sql = rest.partition(":")
            spec.checks.append((name.strip(), sql.strip()))
        elif word == "unique":
            spec.unique.append(tuple(rest.split()))
        elif word == "index":
            name, _, columns = rest.partition(":")
            spec.indexes.append(Index(name.strip(), columns.strip()))
        elif word == "stamps":
            spec.columns += [sa.Column(stamp, sa.DateTime(), server_default=sa.text(NOW), nullable=False)
                             for stamp in ("created_at", "updated_at")]
        else:
            kind, *flags = rest.split()
            _column(spec, word, kind, flags)
    if not spec.primary:
        spec.columns.insert(0, sa.Column("id", sa.Integer(), nullable=False))
        spec.primary.append("id")
    return spec


def create_table(table: str, text: str, *, checks: Sequence[tuple[str, str]] = (), indexes: Iterable[Index] = (),
                 refs_in_order: bool = False) -> sa.Table:
    """Create `table` from its text (the form above); `checks` (name, SQL) come before those in the text, `indexes`
    (partial ones) after. Foreign keys are emitted by column name unless `refs_in_order` keeps the columns' order."""
    spec = _parse(text)
    refs = spec.refs if refs_in_order else sorted(spec.refs)
    constraints: list[sa.schema.Constraint] = [sa.CheckConstraint(sql, name=op.f(f"ck_{table}_{name}"))
                                                for name, sql in [*checks, *spec.checks]]
    constraints += [sa.ForeignKeyConstraint([column], [f"{target}.{ref}"],
                                            name=op.f(f"fk_{table}_{column}_{target}"),
                                            **({"ondelete": "CASCADE"} if cascade else {}),
                                            **({"use_alter": True} if later else {}))
                    for column, target, ref, cascade, later in refs]
    constraints.append(sa.PrimaryKeyConstraint(*spec.primary, name=op.f(f"pk_{table}")))
    constraints += [sa.UniqueConstraint(*group, name=op.f(f"uq_{table}_{'_'.join(group)}"))
                    for group in sorted(spec.unique, key="_".join)]
    created = op.create_table(table, *spec.columns, *constraints)
    for index in [*spec.indexes, *indexes]:
        index.create(table)
    return created


def drop_tables(*tables: str) -> None:
    """Drop tables, in the order given (their indexes go with them)."""
    for table in tables:
        op.drop_table(table)


Step = Callable[[], None]


def _dialect() -> str:
    return op.get_bind().dialect.name


def added_indexes(*indexes: tuple[str, Index]) -> tuple[Step, Step]:
    """The upgrade and downgrade of a revision that only adds indexes, each (table, index): created in the order
    given, dropped in reverse."""
    def upgrade() -> None:
        for table, index in indexes:
            index.create(table)

    def downgrade() -> None:
        for table, index in reversed(indexes):
            op.drop_index(index.name, table_name=table)

    return upgrade, downgrade


def postgresql_index(name: str, definition: str) -> tuple[Step, Step]:
    """The upgrade and downgrade of a revision adding an index only PostgreSQL needs (SQLite serves the same search
    its own way): `CREATE INDEX IF NOT EXISTS <name> <definition>` there, nothing on SQLite."""
    def upgrade() -> None:
        if _dialect() == "postgresql":
            op.execute(f"CREATE INDEX IF NOT EXISTS {name} {definition}")

    def downgrade() -> None:
        if _dialect() == "postgresql":
            op.execute(f"DROP INDEX IF EXISTS {name}")

    return upgrade, downgrade


def sqlite_full_text(table: str, statements: Sequence[str], *,
                     available: Callable[[], bool] = lambda: True) -> tuple[Step, Step]:
    """The upgrade and downgrade of a revision adding a SQLite full-text table `table`, kept in step with its content
    by the triggers `<table>_ai`, `_ad` and `_au`: `statements` create and fill them (on SQLite, when `available()`
    says its tokenizer is there); downgrade drops the triggers, then the table. PostgreSQL searches its own way."""
    def upgrade() -> None:
        if _dialect() == "sqlite" and available():
            for sql in statements:
                op.execute(sql)

    def downgrade() -> None:
        if _dialect() == "sqlite":
            for trigger in ("au", "ad", "ai"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_{trigger}")
            op.execute(f"DROP TABLE IF EXISTS {table}")

    return upgrade, downgrade
