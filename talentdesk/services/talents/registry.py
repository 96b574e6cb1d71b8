"""The talent file: search and read. (Editing, import/export and departures build on this module.)"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import Select, and_, func, literal_column, or_, select, union
from sqlalchemy import text as text_
from sqlalchemy.orm import Session

from talentdesk.store.db import ids_in
from talentdesk.domain.errors import ValidationError
from talentdesk.domain.models import Employer, Mentor, Pairing, Talent, Tier
from talentdesk.domain.pinyin import ascii_prefix_range
from talentdesk.domain.values import (
    add_months,
    mask_id_number,
    mask_phone,
    to_halfwidth,
)
from talentdesk.i18n import translate
from talentdesk.services.common.filters import where_given
from talentdesk.services.base import Permission, actor_of, operation
from talentdesk.services.common.paging import Page
from talentdesk.domain.labels import join_list


@dataclass(frozen=True, slots=True)
class TalentRow:
    """One line of the talents list. ID and phone are masked unless the actor may see them."""

    id: int
    name: str
    gender: str
    tier_code: str
    tier_name: str
    education: str
    employer_id: int | None
    employer_name: str
    post: str
    arrival_date: dt.date
    service_end_date: dt.date | None
    status: str
    id_number: str
    phone: str
    mentor_names: str = ""


@dataclass(frozen=True)
class TalentQuery:
    text: str = ""
    status: str | None = None
    tier_code: str | None = None
    employer_id: int | None = None
    education: str | None = None
    arrival_year: int | None = None
    service_ends_within_months: int | None = None
    sort: str = "id"
    descending: bool = False
    today: dt.date | None = None


SORT_COLUMNS = {
    "id": Talent.id,
    "name": Talent.name_pinyin,
    "gender": Talent.gender,
    "tier": Talent.tier_code,
    "education": Talent.education,
    "employer": Employer.name_pinyin,
    "post": Talent.post,
    "arrival_date": Talent.arrival_date,
    "service_end_date": Talent.service_end_date,
    "status": Talent.status,
}

_ASCII_LETTERS = re.compile(r"^[a-z]+$")
_DIGITS = re.compile(r"^[0-9xX*]+$")


def _text_ids(session: Session, text: str) -> list[int] | None:
    """Ids of talents whose name, pinyin initials/full pinyin (prefix), ID number or phone (any part) or
    employer matches `text`; None when there is no text. Each branch reads one index only (covering scans or
    ranges), so the whole table is never scanned row by row; the ids then drive the page and the count."""
    text = to_halfwidth(text).strip()
    if not text:
        return None
    low = text.lower().replace(" ", "")
    sqlite = session.get_bind().dialect.name == "sqlite"
    if _ASCII_LETTERS.match(low):
        lo, hi = ascii_prefix_range(low)
        stmt = select(Talent.id).where(or_(  # two index ranges (SQLite: MULTI-INDEX OR)
            and_(Talent.name_initials >= lo, Talent.name_initials < hi),
            and_(Talent.name_pinyin >= lo, Talent.name_pinyin < hi),
        ))
    elif _DIGITS.match(text):
        needle = text.upper()
        if sqlite and len(needle) >= 3 and "*" not in needle and _has_number_index(session):
            # the trigram index: a lookup of the needle's trigrams, whatever the size of the table
            match = '{id_number phone} : "' + needle + '"'
            stmt = text_("SELECT rowid FROM talents_fts WHERE talents_fts MATCH :match").bindparams(match=match)
        elif sqlite:
            stmt = union(  # each side is a scan of one covering index, not of the table
                select(Talent.id).where(func.instr(Talent.id_number, needle) > 0),
                select(Talent.id).where(func.instr(Talent.phone, needle) > 0),
            )
        else:
            stmt = union(select(Talent.id).where(Talent.id_number.contains(needle, autoescape=True)),
                         select(Talent.id).where(Talent.phone.contains(needle, autoescape=True)))
    else:
        employer_ids = select(Employer.id).where(Employer.name.contains(text, autoescape=True))
        named = _name_ids(session, text)
        if named is not None:  # the names through their index, the employers' talents through theirs
            at_employers = session.scalars(select(Talent.id).where(Talent.employer_id.in_(employer_ids)))
            return sorted(set(named).union(at_employers))
        by_name = _name_contains(session, text)
        stmt = union(
            select(Talent.id).where(by_name),  # a scan of the covering name index
            select(Talent.id).where(Talent.employer_id.in_(employer_ids)),
        )
    return list(session.scalars(stmt))


def _one_ideograph(text: str) -> bool:
    """A single CJK ideograph: its index token is the character itself (no case, nothing folded)."""
    return len(text) == 1 and ("\u3400" <= text <= "\u9fff" or "\U00020000" <= text <= "\U0003134f"
                               or "\uf900" <= text <= "\ufaff")


def _name_ids(session: Session, text: str) -> list[int] | None:
    """Ids of talents whose name contains `text`, through the index of the names' characters (SQLite: migration
    namefts_1; PostgreSQL: grams_1, `_server_name_ids`): the phrase of the text's characters finds every such name
    (and a few more: separators such as "·" are not indexed, letters are folded), then only names containing the
    text exactly are kept — a single ideograph needs no such check. None when there is no such index (an older
    database) or, on SQLite, the text holds anything but letters, digits and spaces (then the scan of the names
    serves it)."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return _server_name_ids(session, text)
    if dialect != "sqlite" or not _has_index(session, "talents_fts_names"):
        return None
    chars = [ch for ch in text if not ch.isspace()]
    if not chars or not all(ch.isalnum() for ch in chars):  # "·", quotes, symbols: the scan decides
        return None
    phrase = '"' + " ".join(chars) + '"'  # letters and digits only: each is a token of the index
    found = text_("SELECT rowid FROM talents_fts_names WHERE talents_fts_names MATCH :phrase").bindparams(
        phrase=phrase)
    if _one_ideograph(text):
        return list(session.scalars(found))
    candidates = list(session.scalars(found))
    return list(session.scalars(select(Talent.id).where(ids_in(Talent.id, candidates),
                                                        func.instr(Talent.name, text) > 0)))


GRAMS = "talents_fts_grams"
"""PostgreSQL: each talent name's characters and pairs of adjacent characters, kept by triggers (migration grams_1).
Under row-level security PostgreSQL uses only leakproof conditions as index conditions: `LIKE` and array `@>` are
not, so the trigram and characters indexes no longer serve a name search; text equality is."""


def _server_name_ids(session: Session, text: str) -> list[int] | None:
    """PostgreSQL: ids of talents whose name contains `text` exactly (as `strpos` or LIKE find them), through
    talents_fts_grams: a text of one or two characters is one range of its primary key (no check needed: the
    table holds every character and pair of every name); a longer one the talents holding all its pairs, then
    those whose name contains the text. None before migration grams_1."""
    if not text or not _has_server_table(session, GRAMS):
        return None
    grams = [text] if len(text) <= 2 else list(dict.fromkeys(text[i:i + 2] for i in range(len(text) - 1)))
    county = actor_of(session).county_id  # as the loader criterion keeps a county account's ORM reads
    where = "gram = :g{i}" + (" AND county_id = :county" if county is not None else "")
    sql = " INTERSECT ".join(f"SELECT talent_id FROM {GRAMS} WHERE " + where.format(i=i) for i in range(len(grams)))
    params = {f"g{i}": g for i, g in enumerate(grams)}
    if county is not None:
        params["county"] = county
    found = list(session.scalars(text_(sql).bindparams(**params)))
    if len(text) <= 2 or not found:
        return found
    return list(session.scalars(select(Talent.id).where(ids_in(Talent.id, found),
                                                        func.strpos(Talent.name, text) > 0)))


def _has_server_table(session: Session, table: str) -> bool:
    """Whether this PostgreSQL database has `table` (asked once per database)."""
    engine = session.get_bind()
    known = _INDEXES.get((engine.url, table))
    if known is None:
        known = session.scalar(text_("SELECT to_regclass(:t) IS NOT NULL").bindparams(t=table))
        _INDEXES[(engine.url, table)] = bool(known)
    return bool(known)


SHORT_TEXT = 3
"""PostgreSQL's trigram index serves a "contains" search from three characters on; a Chinese given name is often one
or two (伟, 志强), and a whole name two (王伟)."""


def _name_contains(session: Session, text: str):
    """Talents whose name contains `text`, as a condition an index serves. SQLite: a scan of the covering name
    index (used when `_name_ids` cannot serve the text). PostgreSQL: the trigram index (trgm_1) from three
    characters; below that, the index of each name's characters (chars_1): the names holding every character of the
    text, then the text itself among them."""
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        return func.instr(Talent.name, text) > 0
    contains = Talent.name.contains(text, autoescape=True)
    if dialect != "postgresql" or len(text) >= SHORT_TEXT:
        return contains
    from sqlalchemy import Text, literal
    from sqlalchemy.dialects.postgresql import ARRAY

    # the expression exactly as the index has it (NULL written out, not bound, so the planner can match it)
    chars = func.string_to_array(Talent.name, literal_column("NULL"))
    holds = chars.op("@>")(literal(list(dict.fromkeys(text)), ARRAY(Text)))
    return holds if len(text) == 1 else and_(holds, contains)  # one character: holding it is containing it


def _has_number_index(session: Session) -> bool:
    """Whether this database has the trigram index of ID and phone numbers (migration fts_1 on SQLite ≥ 3.34)."""
    return _has_index(session, "talents_fts")


def _has_index(session: Session, table: str) -> bool:
    """Whether this SQLite database has the full-text index `table` (asked once per database)."""
    engine = session.get_bind()
    known = _INDEXES.get((engine.url, table))
    if known is None:
        known = bool(session.scalar(text_("SELECT count(*) FROM sqlite_master WHERE name = :t").bindparams(t=table)))
        _INDEXES[(engine.url, table)] = known
    return known


_INDEXES: dict = {}


def _ids_condition(session: Session, ids: list[int]):
    """`talents.id IN (ids)` with the list as ONE parameter (JSON on SQLite, an array on PostgreSQL): a broad search
    matches more ids than either allows bound parameters."""
    return ids_in(Talent.id, ids)


_UNSET: object = object()


def _filtered(session: Session, q: TalentQuery, stmt: Select, text_ids=_UNSET) -> Select:
    ids = _text_ids(session, q.text) if text_ids is _UNSET else text_ids
    if ids is not None:
        stmt = stmt.where(_ids_condition(session, ids))
    stmt = where_given(stmt, (Talent.status, q.status), (Talent.tier_code, q.tier_code),
                       (Talent.employer_id, q.employer_id), (Talent.education, q.education))
    if q.arrival_year:
        if not 1900 <= q.arrival_year <= 2999:
            raise ValidationError(translate("Talents", "The arrival year must be between 1900 and 2999."),
                                  field="arrival_year")
        stmt = stmt.where(Talent.arrival_date >= dt.date(q.arrival_year, 1, 1),
                          Talent.arrival_date < dt.date(q.arrival_year + 1, 1, 1))
    if q.service_ends_within_months is not None:
        if not 0 <= q.service_ends_within_months <= 1200:
            raise ValidationError(translate("Talents", "The number of months must be between 0 and 1200."),
                                  field="service_ends_within_months")
        today = q.today or dt.date.today()
        try:
            until = add_months(today, q.service_ends_within_months)
        except (ValueError, OverflowError):  # past year 9999: no end date is that late
            until = dt.date.max
        stmt = stmt.where(Talent.service_end_date >= today, Talent.service_end_date <= until)
    return stmt


def current_mentor_names(session: Session, talent_ids: list[int]) -> dict[int, str]:
    if not talent_ids:
        return {}
    rows = session.execute(
        select(Pairing.talent_id, Mentor.name)
        .join(Mentor, Mentor.id == Pairing.mentor_id)
        .where(ids_in(Pairing.talent_id, talent_ids), Pairing.end_date.is_(None))
        .order_by(Pairing.talent_id, Pairing.role_id)
    ).all()
    out: dict[int, list[str]] = {}
    for tid, name in rows:
        out.setdefault(tid, []).append(name)
    return {k: join_list(v) for k, v in out.items()}


@operation(Permission.TALENT_READ)
def count_talents(session: Session, *, query: TalentQuery = TalentQuery()) -> int:
    return _count(session, query, _UNSET)


def _only_text(q: TalentQuery) -> bool:
    return not (q.status or q.tier_code or q.employer_id or q.education or q.arrival_year
                or q.service_ends_within_months is not None)


def _count(session: Session, query: TalentQuery, text_ids) -> int:
    if text_ids is not _UNSET and text_ids is not None and _only_text(query):
        return len(text_ids)
    stmt = _filtered(session, query, select(func.count()).select_from(Talent), text_ids)
    return session.scalar(stmt) or 0


@operation(Permission.TALENT_READ)
def search_talents(session: Session, *, query: TalentQuery = TalentQuery(), offset: int = 0, limit: int = 200,
                   with_total: bool = True) -> Page:
    """One page of the talents list, sorted server-side; plain rows, masked per the actor's role."""
    sensitive = actor_of(session).can(Permission.TALENT_SENSITIVE)
    cols = (
        Talent.id, Talent.name, Talent.gender, Talent.tier_code, Tier.name, Tier.name_en, Talent.education,
        Talent.employer_id, Employer.name, Talent.post, Talent.arrival_date, Talent.service_end_date,
        Talent.status, Talent.id_number, Talent.phone,
    )
    stmt = (
        select(*cols)
        .join(Tier, Tier.code == Talent.tier_code)
        .outerjoin(Employer, Employer.id == Talent.employer_id)
    )
    sort_col = SORT_COLUMNS.get(query.sort, Talent.id)
    dense = _dense_employer_text(session, query.text, offset + limit) \
        if _only_text(query) and sort_col is Talent.id else None
    text_ids = _text_ids(session, query.text) if dense is None else None
    if dense is not None:
        # most talents match (the text is part of many employers' names): walk the talents in id order and stop
        # at the page's end, and count through the employer index, instead of collecting every matching id
        condition, dense_total = dense
        stmt = stmt.where(condition).order_by(Talent.id.desc() if query.descending else Talent.id.asc())
        stmt = stmt.offset(offset).limit(limit)
    elif text_ids is not None and _only_text(query) and sort_col is Talent.id:
        # the common case while typing: the page is a slice of the matching ids, fetched by primary key
        ordered = sorted(text_ids, reverse=query.descending)
        stmt = stmt.where(ids_in(Talent.id, ordered[offset:offset + limit]))
        stmt = stmt.order_by(Talent.id.desc() if query.descending else Talent.id.asc())
    else:
        stmt = _filtered(session, query, stmt, text_ids)
        order = [sort_col.desc() if query.descending else sort_col.asc()]
        if sort_col is not Talent.id:
            order.append(Talent.id.desc() if query.descending else Talent.id.asc())
        stmt = stmt.order_by(*order).offset(offset).limit(limit)
    from talentdesk.i18n import current_language

    en = current_language() == "en"
    raw = session.execute(stmt).all()
    mentors = current_mentor_names(session, [r[0] for r in raw])
    rows = [
        TalentRow(
            id=r[0], name=r[1], gender=r[2], tier_code=r[3], tier_name=(r[5] if en and r[5] else r[4]),
            education=r[6], employer_id=r[7], employer_name=r[8] or "", post=r[9], arrival_date=r[10],
            service_end_date=r[11], status=r[12],
            id_number=(r[13] or "") if sensitive else mask_id_number(r[13]),
            phone=r[14] if sensitive else mask_phone(r[14]),
            mentor_names=mentors.get(r[0], ""),
        )
        for r in raw
    ]
    if dense is not None:
        total = dense_total
    else:
        total = _count(session, query, text_ids) if with_total else len(rows)
    return Page(rows=rows, total=total, offset=offset)


DENSE_EMPLOYER_MATCHES = 5_000  # from this many talents at matching employers, the page is read in id order


def _dense_employer_text(session: Session, text: str, page_end: int):
    """For a Chinese text that many employers' names contain ("有限公司"): (the match as an SQL condition, the
    number of matching talents), or None when the text is of another kind or matches few enough to list."""
    text = to_halfwidth(text).strip()
    low = text.lower().replace(" ", "")
    if not text or _ASCII_LETTERS.match(low) or _DIGITS.match(text):
        return None
    employers = list(session.scalars(select(Employer.id).where(Employer.name.contains(text, autoescape=True))))
    if not employers:
        return None
    at_employers = _talents_at(session, employers)
    if at_employers < max(DENSE_EMPLOYER_MATCHES, page_end):
        return None
    named = _name_ids(session, text)
    if named is None:
        by_name = _name_contains(session, text)
        named = list(session.scalars(select(Talent.id).where(by_name)))  # a scan of the covering name index
    elif session.get_bind().dialect.name == "postgresql":
        by_name = ids_in(Talent.id, named)  # LIKE under row-level security would read every name per page
    else:
        by_name = _name_contains(session, text)
    named_elsewhere = 0
    for i in range(0, len(named), 500):
        named_elsewhere += session.scalar(
            select(func.count()).select_from(Talent)
            .where(Talent.id.in_(named[i:i + 500]),
                   or_(Talent.employer_id.is_(None), Talent.employer_id.not_in(employers)))) or 0
    at = ids_in(Talent.employer_id, employers) if session.get_bind().dialect.name == "postgresql" \
        else Talent.employer_id.in_(employers)  # one array parameter, not thousands
    return or_(by_name, at), at_employers + named_elsewhere


def _talents_at(session: Session, employers: list[int]) -> int:
    """How many talents work at `employers`. On PostgreSQL, when the text names most employers ("有限公司"), every
    employed talent less those at the few others: one scan of the employer index instead of a join over nearly
    all of it (100,000 talents: about a third of the time)."""
    if session.get_bind().dialect.name == "postgresql":
        if len(employers) * 2 > (session.scalar(select(func.count()).select_from(Employer)) or 0):
            others = sorted(set(session.scalars(select(Employer.id))) - set(employers))
            employed = session.scalar(select(func.count(Talent.employer_id))) or 0
            if not others:
                return employed
            return employed - (session.scalar(select(func.count()).select_from(Talent)
                                              .where(ids_in(Talent.employer_id, others))) or 0)
        return session.scalar(select(func.count()).select_from(Talent)
                              .where(ids_in(Talent.employer_id, employers))) or 0
    return session.scalar(select(func.count()).select_from(Talent).where(Talent.employer_id.in_(employers))) or 0
