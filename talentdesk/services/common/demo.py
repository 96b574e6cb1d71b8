"""Realistic zh_CN demo data, deterministic for a seed and a reference date.

Fills an *empty* database: employers, talents with valid ID numbers, policies with document numbers, grants
with several years of ledger history (payments, reversals, departures with clawback, refunds), mentors,
pairings, check-ins, care cases, training and growth events. Rows are written in bulk (Core executemany) so
100,000 talents and about a million ledger entries take well under three minutes.
"""
from __future__ import annotations

import datetime as dt
import functools
import queue
import random
import threading
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from faker import Faker
from stdnum import luhn
from sqlalchemy import bindparam, func, insert, select, text, update
from sqlalchemy.orm import Session

from talentdesk.domain import enums as E
from talentdesk.domain.errors import RuleViolation
from talentdesk.domain.ledger_rules import clawback_amount, split_schedule
from talentdesk.domain.models import (
    BankAccount,
    ExitReason,
    Budget,
    CareCase,
    CheckIn,
    Employer,
    GrowthEvent,
    Instalment,
    LedgerEntry,
    Mentor,
    Pairing,
    Payment,
    PolicyAmount,
    PolicyEligibility,
    PolicyExclusion,
    SubsidyGrant,
    SubsidyPolicy,
    Talent,
    TrainingEnrolment,
    TrainingProgram,
)
from talentdesk.domain.pinyin import pinyin_keys
from talentdesk.domain.regions import known_codes
from talentdesk.domain.values import add_months, id_check_digit
from talentdesk.i18n import translate
from talentdesk.services import watch_signals
from talentdesk.services.base import (
    Actor,
    Change,
    Database,
    Lane,
    Permission,
    actor_of,
    operation,
    record_event,
)
from talentdesk.store.db import bind_converter

Progress = Callable[[int, int, str], None]

# ID numbers are drawn from every county code of every edition of GB/T 2260 (domain/regions.py), a third of them
# from this province — including codes that changed before or after the holder's birth, as real numbers do.
LOCAL_PROVINCE = "33"


@functools.lru_cache(maxsize=1)
def _regions() -> tuple[list[str], list[str]]:
    counties = sorted(c for c in known_codes() if not c.endswith("00"))
    return [c for c in counties if c.startswith(LOCAL_PROVINCE)], counties


NATIVE = ["浙江杭州", "浙江温州", "浙江金华", "北京", "上海", "江苏南京", "安徽合肥", "湖北武汉", "湖南长沙", "广东广州",
          "四川成都", "陕西西安", "山东济南", "河南郑州", "河北石家庄", "云南昆明", "福建福州", "江西南昌", "广西南宁",
          "贵州贵阳", "甘肃兰州", "辽宁沈阳", "吉林长春", "黑龙江哈尔滨"]
SCHOOLS = ["浙江大学", "复旦大学", "上海交通大学", "南京大学", "武汉大学", "中山大学", "四川大学", "西安交通大学",
           "山东大学", "浙江工业大学", "杭州电子科技大学", "浙江师范大学", "温州医科大学", "浙江中医药大学",
           "宁波大学", "华东师范大学", "同济大学", "中国农业大学", "东南大学", "湖南大学"]
MAJORS = ["临床医学", "护理学", "汉语言文学", "数学与应用数学", "计算机科学与技术", "机械工程", "土木工程",
          "农学", "环境工程", "会计学", "法学", "英语", "化学工程", "电气工程", "旅游管理", "中医学", "物理学"]
TITLES = ["", "助理工程师", "工程师", "高级工程师", "主治医师", "副主任医师", "主任医师", "一级教师", "高级教师",
          "讲师", "副教授", "农艺师", "高级农艺师", "会计师"]
POSTS = ["技术员", "项目经理", "主治医师", "科室主任", "教师", "教研组长", "工程师", "研发主管", "科员", "副科长",
         "办公室主任", "车间主任", "质量总监", "总工程师", "副校长", "副院长"]
ETHNIC = ["汉族"] * 18 + ["回族", "满族", "畲族", "壮族", "苗族", "土家族"]
EMPLOYER_KINDS = [("县人民医院", "医院"), ("县中医院", "医院"), ("县妇幼保健院", "医院"), ("县第一中学", "学校"),
                  ("县第二中学", "学校"), ("县职业中专", "学校"), ("县实验小学", "学校"), ("县农业农村局", "机关"),
                  ("县经济开发区管委会", "机关"), ("县水利局", "机关"), ("县疾控中心", "事业单位"),
                  ("县农业科学研究所", "事业单位")]
TIER_WEIGHTS = [("A", 1), ("B", 4), ("C", 15), ("D", 35), ("E", 45)]
EDU_BY_TIER = {"A": [("doctorate", 8), ("master", 2)], "B": [("doctorate", 5), ("master", 5)],
               "C": [("doctorate", 2), ("master", 6), ("bachelor", 2)], "D": [("master", 4), ("bachelor", 6)],
               "E": [("master", 2), ("bachelor", 6), ("college", 2)]}
# departure details as offices write them, and the coded reason (exit_reasons.code) each is filed under
EXIT_CODES = {"个人发展": "development", "家庭原因": "family", "考取外地岗位": "exam_elsewhere", "组织调动": "transfer",
              "合同期满": "contract_end"}
DEGREE_BY_EDU = {"doctorate": "doctor", "master": "master", "bachelor": "bachelor", "college": "none", "other": "none"}
SETTLING = {"A": 100_000_000, "B": 50_000_000, "C": 20_000_000, "D": 10_000_000, "E": 5_000_000}  # fen
LIVING_BY_EDU = {"doctorate": 10_800_000, "master": 5_400_000}
HOUSE_BY_TIER = {"A": 80_000_000, "B": 40_000_000, "C": 15_000_000}
RENT_TOTAL = 2_160_000  # 600 yuan a month for three years, paid yearly
CARE_TITLES = {
    "housing": "人才公寓入住", "spouse_job": "配偶工作安置", "child_school": "子女就学", "hukou": "户籍迁入",
    "canteen": "人才食堂就餐卡", "club_event": "人才联谊活动", "other": "其他服务",
}
CHECKIN_NOTES = ["了解工作适应情况，鼓励参与科室课题。", "交流住房情况，反映公寓热水器故障。", "讨论年度工作目标与培训计划。",
                 "关心家属就业问题，已向人社局反映。", "电话回访，工作状态良好。", "线上沟通项目进展，提出改进建议。",
                 "谈心谈话，帮助熟悉本地风俗与同事。", "子女入学咨询，建议联系教育局。"]
TRAININGS = [("新引进人才岗前培训", "县级", "综合素质"), ("青年人才能力提升班", "县级", "专业技术"),
             ("卫生健康骨干研修班", "市级", "专业技术"), ("教育名师培养工程", "市级", "教育教学"),
             ("乡村振兴专题培训", "县级", "政策理论"), ("高层次人才国情研修", "省级", "政策理论"),
             ("数字化改革专题班", "市级", "数字化"), ("科研项目申报辅导", "县级", "科研管理"),
             ("中层管理能力培训", "市级", "管理能力"), ("专业技术人员继续教育", "省级", "专业技术")]


@dataclass
class DemoSummary:
    talents: int = 0
    employers: int = 0
    grants: int = 0
    ledger_entries: int = 0
    payments: int = 0
    mentors: int = 0
    pairings: int = 0
    checkins: int = 0
    care_cases: int = 0
    growth_events: int = 0
    trainings: int = 0
    enrolments: int = 0
    seconds: float = 0.0
    extra: dict = field(default_factory=dict)


class _Writer:
    """Buffers rows per table and writes them in large executemany batches, parents before children, so every
    foreign key already points at a written row (no deferred checks needed, on SQLite or PostgreSQL)."""

    ORDER = ("employers", "subsidy_policies", "policy_amounts", "policy_exclusions", "policy_eligibility", "talents",
             "bank_accounts", "subsidy_grants",
             "instalments", "payments", "ledger_entries", "budgets", "mentors", "pairings", "checkins", "care_cases",
             "training_programs", "training_enrolments", "growth_events")

    def __init__(self, session: Session, batch: int = 20_000, background: bool | None = None):
        self.session = session
        self.batch = batch
        self.buffers: dict = {}
        self.county: int | None = None
        # On SQLite the batches are written by a thread of their own while the next rows are generated: the driver
        # lets go of the interpreter while SQLite works, so generating and writing share two cores. The batches go
        # in the same order, as the same statements, on the same connection and transaction: the same database.
        self.background = (session.get_bind().dialect.name == "sqlite") if background is None else background
        self._queue: queue.Queue = queue.Queue(maxsize=2)  # at most two batches waiting: memory stays bounded
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    def add(self, model, row: dict) -> None:
        if "county_id" in model.__table__.c and "county_id" not in row:  # the plain-tuple path has no statement
            if self.county is None:                                      # to ask the column default
                from talentdesk.services.base import session_county

                self.county = session_county(self.session)
            row["county_id"] = self.county
        buf = self.buffers.setdefault(model, [])
        buf.append(row)
        if len(buf) >= self.batch:
            self.flush(wait=False)

    def flush(self, wait: bool = True) -> None:
        """Write every buffered row (parents first). With `wait` (the default) the rows are in the database when
        it returns — before the generator reads from the database again or finishes."""
        conn = self.session.connection()
        pending = [(m.__table__, self.buffers[m])
                   for m in sorted(self.buffers, key=lambda m: self.ORDER.index(m.__tablename__)) if self.buffers[m]]
        self.buffers = {m: [] for m in self.buffers}  # the filled lists now belong to the writer
        if not self.background:
            self._write(conn, pending)
            return
        self._raise()
        if pending:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="demo-writer", daemon=True)
                self._thread.start()
            self._queue.put((conn, pending))
        if wait:
            self._queue.join()
            self._raise()

    def close(self) -> None:
        """Let the writing thread finish what it holds and end (also when generation failed: the unit of work
        must not roll back while it still writes)."""
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            try:
                if item is None:
                    return
                if self._error is None:  # after a failure the rest is dropped: the transaction rolls back
                    self._write(*item)
            except BaseException as exc:  # noqa: BLE001 - handed to the generating thread, raised there
                self._error = exc
            finally:
                self._queue.task_done()

    def _write(self, conn, pending: list) -> None:
        for table, rows in pending:
            if conn.dialect.name == "sqlite":
                self._executemany(conn, table, rows)
            else:
                conn.execute(insert(table), rows)

    @staticmethod
    def _executemany(conn, table, rows: list[dict]) -> None:
        """The same INSERT as `insert(table)` with these rows, handed to the driver as plain tuples: every value
        still goes through its column type's bind processor (dates, booleans, any encrypting type) and columns
        left out get their Python default, but without SQLAlchemy's per-row parameter machinery, which costs more
        than SQLite's own work for tens of millions of rows."""
        dialect = conn.dialect
        groups: dict[tuple, list[dict]] = {}
        for r in rows:
            groups.setdefault(tuple(r), []).append(r)
        for keys, group in groups.items():
            names = list(keys)
            fixed: list = []
            for col in table.columns:
                if col.name in keys or col.default is None:
                    continue
                d = col.default
                if d.is_scalar:
                    value = d.arg
                elif d.is_callable:
                    value = d.arg(None)
                else:
                    continue  # a sequence or SQL expression: let the database fill it
                names.append(col.name)
                fixed.append(value)
            procs = [bind_converter(table.c[n].type, dialect) for n in names]
            fixed = [p(v) if p is not None else v for p, v in zip(procs[len(keys):], fixed)]
            convert = [(i, p) for i, p in enumerate(procs[:len(keys)]) if p is not None]
            params = []
            for r in group:
                values = list(r.values())
                for i, p in convert:
                    values[i] = p(values[i])
                params.append((*values, *fixed))
            cols = ", ".join(dialect.identifier_preparer.quote(n) for n in names)
            sql = f"INSERT INTO {table.name} ({cols}) VALUES ({', '.join('?' * len(names))})"  # noqa: S608
            conn.exec_driver_sql(sql, params)


class _BulkLoad:
    """On SQLite, load the way a bulk loader does: the secondary indexes of the filled tables are dropped at the
    start and built again (one sort each) at the end, in the same transaction, and the page cache is large while
    the rows go in. A million talents write tens of millions of rows; keeping random-order indexes (ID numbers,
    pinyin, dates) up to date row by row is what made that slow. All-or-nothing stays: DDL is transactional."""

    TABLES = tuple(t for t in _Writer.ORDER)
    CACHE_KIB = 262_144  # 256 MiB of page cache while loading

    def __init__(self, session: Session):
        self.session = session
        self.sqlite = session.get_bind().dialect.name == "sqlite"
        self.indexes: list[tuple[str, str]] = []
        self.triggers: list[tuple[str, str]] = []
        self.cache_size = None

    def start(self) -> None:
        if not self.sqlite:
            return
        conn = self.session.connection()
        self.cache_size = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        conn.exec_driver_sql(f"PRAGMA cache_size=-{self.CACHE_KIB}")
        marks = ",".join(f"'{t}'" for t in self.TABLES)
        self.indexes = [(name, sql) for name, sql in conn.execute(text(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "  # noqa: S608
            f"AND tbl_name IN ({marks}) ORDER BY name"))]
        for name, _sql in self.indexes:
            conn.exec_driver_sql(f'DROP INDEX "{name}"')
        # the talents' search index (FTS5, kept by a trigger) is built once at the end, not row by row: SQLite opens
        # a statement savepoint for every row of a table with triggers, and FTS5 writes its pending index at each
        self.triggers = [(name, sql) for name, sql in conn.execute(text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'talents' "
            "AND name = 'talents_fts_ai'"))]
        for name, _sql in self.triggers:
            conn.exec_driver_sql(f'DROP TRIGGER "{name}"')

    def finish(self) -> None:
        if not self.sqlite:
            return
        conn = self.session.connection()
        threads = conn.exec_driver_sql("PRAGMA threads").scalar()
        conn.exec_driver_sql("PRAGMA threads=2")  # building an index sorts: a second core helps where there is one
        try:
            for _name, sql in self.indexes:
                conn.exec_driver_sql(sql)
        finally:
            conn.exec_driver_sql(f"PRAGMA threads={int(threads or 0)}")
        self.indexes = []
        for _name, sql in self.triggers:
            conn.exec_driver_sql(sql)
            conn.exec_driver_sql("INSERT INTO talents_fts(talents_fts) VALUES ('rebuild')")
        self.triggers = []
        if self.cache_size is not None:
            conn.exec_driver_sql(f"PRAGMA cache_size={int(self.cache_size)}")


BANKS = [("622848", "中国农业银行县支行", "card"), ("621700", "中国建设银行县支行", "card"),
         ("622202", "中国工商银行县支行", "card"), ("623059", "县农村商业银行（社保卡）", "social"),
         ("621799", "中国邮政储蓄银行县支行", "card")]


def _weighted(rng: random.Random, pairs):
    total = sum(w for _, w in pairs)
    x = rng.random() * total
    for v, w in pairs:
        x -= w
        if x < 0:
            return v
    return pairs[-1][0]


def _rand_date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    if end <= start:
        return start
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def _id_number(rng: random.Random, birth: dt.date, gender: str, used: set[str]) -> str:
    local, every = _regions()
    while True:
        pool = local if rng.random() < 0.34 else every
        region = pool[rng.randrange(len(pool))]
        seq = rng.randrange(0, 100)
        g = rng.randrange(1, 10, 2) if gender == "M" else rng.randrange(0, 10, 2)
        body = f"{region}{birth:%Y%m%d}{seq:02d}{g}"
        number = body + id_check_digit(body)
        if number not in used:
            used.add(number)
            return number


@operation(Permission.DEMO_GENERATE, writes=True, changes=(Change.TALENTS, Change.LEDGER, Change.MENTORS, Change.GROWTH, Change.SETTINGS), long=True)
def generate_demo(session: Session, *, talents: int = 500, seed: int = 1, as_of: dt.date | None = None,
                  progress: Progress | None = None, abort: Callable[[], bool] | None = None) -> DemoSummary:
    """Fill an empty database. Refuses when it already holds talents (demo data never mixes with real data)."""
    import time

    t0 = time.perf_counter()
    if talents < 1 or talents > 2_000_000:
        raise RuleViolation(translate("Demo", "The number of demo talents must be between 1 and 2,000,000."))
    if session.scalar(select(func.count()).select_from(Talent)):
        raise RuleViolation(translate("Demo", "Demo data can only fill an empty database; this one already holds talents."))
    as_of = as_of or dt.date.today()
    rng = random.Random(seed)
    fake = Faker("zh_CN")
    fake.seed_instance(seed)
    actor = actor_of(session)
    bulk = _BulkLoad(session)
    bulk.start()
    w = _Writer(session)
    try:
        summary = DemoSummary()
        report = progress or (lambda done, total, text: None)
        steps = 8

        def check_abort():
            if abort and abort():
                raise RuleViolation(translate("Demo", "Demo generation was cancelled; nothing was kept."))

        # ---------------------------------------------------------------- employers
        report(0, steps, translate("Demo", "Employers"))
        n_emp = max(12, min(2000, talents // 50))
        employers: list[tuple[int, str]] = []
        used_names: set[str] = set()
        for i in range(n_emp):
            if i < len(EMPLOYER_KINDS):
                name, kind = EMPLOYER_KINDS[i]
            else:
                kind = "企业"
                name = fake.company()
                k = 2
                base = name
                while name in used_names:
                    name = f"{base}（{k}分公司）" if k < 50 else f"{base}{i}"
                    k += 1
            used_names.add(name)
            py, ini = pinyin_keys(name)
            w.add(Employer, {"id": i + 1, "name": name, "name_pinyin": py, "name_initials": ini, "uscc": None,
                             "kind": kind, "address": fake.street_address(), "contact": fake.name(),
                             "phone": fake.phone_number()})
            employers.append((i + 1, kind))
        w.flush()
        summary.employers = n_emp

        # ---------------------------------------------------------------- policies
        first_year = max(2012, as_of.year - 11)
        policies = [
            # id, name, kind, doc, mode, count, rule
            (1, "引进人才安家补贴", "settling", "县委人才办〔2015〕3号", "yearly", 3, "pro_rata"),
            (2, "高学历人才生活补贴", "living", "县人社〔2016〕12号", "yearly", 3, "pro_rata"),
            (3, "高层次人才购房补贴", "house_purchase", "县政办发〔2017〕45号", "yearly", 5, "full"),
            (4, "青年人才租房补贴", "rent", "县住建〔2018〕7号", "yearly", 3, "none"),
            (5, "人才公寓免租入住", "apartment", "县住建〔2018〕8号", "lump_sum", 1, "none"),
            (6, "人才创业扶持资金", "startup", "县科技〔2019〕21号", "lump_sum", 1, "full"),
        ]
        for pid, name, kind, doc, mode, count, rule in policies:
            w.add(SubsidyPolicy, {
                "id": pid, "name": name, "kind": kind, "doc_number": doc, "level": "county",
                "valid_from": dt.date(first_year, 1, 1), "valid_to": None,
                "eligible_tiers": "A,B,C" if kind == "house_purchase" else "",
                "eligible_educations": "doctorate,master" if kind == "living" else "",
                "instalment_mode": mode, "instalment_count": count, "clawback_rule": rule, "active": True, "notes": "",
                "verification_rule": "yearly" if pid == 1 else "none",  # 安家补贴: the employer confirms once a year
            })
        for tier, fen in SETTLING.items():
            w.add(PolicyAmount, {"policy_id": 1, "tier_code": tier, "education": None, "amount_fen": fen})
        for edu, fen in LIVING_BY_EDU.items():
            w.add(PolicyAmount, {"policy_id": 2, "tier_code": None, "education": edu, "amount_fen": fen})
        for tier, fen in HOUSE_BY_TIER.items():
            w.add(PolicyAmount, {"policy_id": 3, "tier_code": tier, "education": None, "amount_fen": fen})
        w.add(PolicyAmount, {"policy_id": 4, "tier_code": None, "education": None, "amount_fen": RENT_TOTAL})
        w.add(PolicyAmount, {"policy_id": 5, "tier_code": None, "education": None, "amount_fen": 1_800_000})
        w.add(PolicyAmount, {"policy_id": 6, "tier_code": None, "education": None, "amount_fen": 20_000_000})
        w.add(PolicyExclusion, {"policy_id": 4, "excluded_policy_id": 5})  # rent subsidy vs free apartment
        w.add(PolicyExclusion, {"policy_id": 3, "excluded_policy_id": 4})  # house purchase vs rent
        # who qualifies beyond tier and education, and the materials each policy asks for (the entitlement sweep)
        recent = dt.date(as_of.year - 2, 1, 1)
        for row in (
            {"policy_id": 3, "min_service_years": 5, "materials": "diploma,contract", "materials_block": True},
            {"policy_id": 4, "max_age": 35, "arrival_from": recent, "materials": "contract", "materials_block": True},
            {"policy_id": 5, "arrival_from": recent, "materials": "agreement", "materials_block": False},
            {"policy_id": 6, "employer_kinds": "企业", "max_age": 45, "arrival_from": recent,
             "materials": "contract,other", "materials_block": True},
        ):
            w.add(PolicyEligibility, {"arrival_from": None, "arrival_to": None, "employer_kinds": "", "intro_modes": "",
                                      "min_age": None, "max_age": None, "min_service_years": None, **row})
        w.flush()
        policy_by_id = {p[0]: p for p in policies}

        # ---------------------------------------------------------------- talents
        report(1, steps, translate("Demo", "Talents"))
        used_ids: set[str] = set()
        start_all = dt.date(first_year, 1, 1)
        span_days = max(30, (as_of - dt.timedelta(days=7) - start_all).days)
        talent_rows = []
        exit_ids = dict(session.execute(select(ExitReason.code, ExitReason.id)).all())
        for i in range(talents):
            if i % 5000 == 0:
                check_abort()
            tid = i + 1
            gender = "M" if rng.random() < 0.55 else "F"
            name = fake.name_male() if gender == "M" else fake.name_female()
            tier = _weighted(rng, TIER_WEIGHTS)
            edu = _weighted(rng, EDU_BY_TIER[tier])
            # more arrivals in recent years: skew towards the end
            arrival = start_all + dt.timedelta(days=int(span_days * (rng.random() ** 0.7)))
            age_at_arrival = {"doctorate": 31, "master": 27, "bachelor": 23, "college": 22}.get(edu, 25) + rng.randrange(0, 9)
            birth = _rand_date(rng, dt.date(arrival.year - age_at_arrival, 1, 1), dt.date(arrival.year - age_at_arrival, 12, 28))
            idn = _id_number(rng, birth, gender, used_ids)
            service_years = _weighted(rng, [(5, 7), (3, 2), (8, 1)])
            service_end = add_months(arrival, service_years * 12)
            emp_id, emp_kind = employers[rng.randrange(len(employers))]
            departed = rng.random() < 0.12 and (as_of - arrival).days > 120
            departure = _rand_date(rng, arrival + dt.timedelta(days=90), as_of - dt.timedelta(days=1)) if departed else None
            waiver = ""
            if departed and rng.random() < 0.25:
                waiver = rng.choice(["组织调动", "因病离职", "服务期内考取公务员（组织选调）", "家庭重大变故"])
            py, ini = pinyin_keys(name)
            row = {
                "id": tid, "name": name, "name_pinyin": py, "name_initials": ini, "gender": gender,
                "id_number": idn, "birth_date": birth, "ethnicity": ETHNIC[rng.randrange(len(ETHNIC))],
                "native_place": NATIVE[rng.randrange(len(NATIVE))], "phone": f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}",
                "email": f"{py or 'user'}{tid}@example.cn", "education": edu, "degree": DEGREE_BY_EDU[edu],
                "school": SCHOOLS[rng.randrange(len(SCHOOLS))], "major": MAJORS[rng.randrange(len(MAJORS))],
                "professional_title": TITLES[rng.randrange(len(TITLES))], "tier_code": tier,
                "intro_mode": "flexible" if rng.random() < 0.08 else "full_time", "employer_id": emp_id,
                "post": POSTS[rng.randrange(len(POSTS))], "important_post": rng.random() < 0.07,
                "arrival_date": arrival, "service_years": service_years, "service_end_date": service_end,
                "status": "departed" if departed else "active", "departure_date": departure,
                "departure_reason": (reason := rng.choice(list(EXIT_CODES))) if departed else "",
                "exit_reason_id": exit_ids.get(EXIT_CODES[reason]) if departed else None,
                "departure_destination": rng.choice(["杭州市", "上海市", "宁波市", "南京市", "省外", "县外"]) if departed else "",
                "clawback_waiver_reason": waiver, "notes": "",
            }
            w.add(Talent, row)
            talent_rows.append((tid, tier, edu, arrival, departure, service_years, waiver, emp_id, name))
        # bank accounts (a card or the social security card's account) for nine in ten, from a generator of their own so
        # the rest of the demo stays as it was for the same seed
        banks = random.Random(seed * 7919 + 19)
        now = dt.datetime.combine(as_of, dt.time(9))
        for tid, *_rest, name in talent_rows:
            if banks.random() < 0.1:
                continue
            bin_, bank, kind = BANKS[banks.randrange(len(BANKS))]
            body = bin_ + "".join(str(banks.randrange(10)) for _ in range(18 - len(bin_)))
            w.add(BankAccount, {"id": tid, "talent_id": tid, "kind": kind, "account_no": body + luhn.calc_check_digit(body),
                                "bank_name": bank, "holder_name": name, "active": True, "note": "", "created_at": now,
                                "updated_at": now})
        w.flush()
        summary.talents = talents

        # ---------------------------------------------------------------- grants, schedule, payments, ledger
        report(2, steps, translate("Demo", "Subsidies and ledger"))
        grant_id = 0
        entry_id = 0
        payment_id = 0
        budget_need: dict[tuple[int, str], int] = {}
        reversal_done = 0
        paid_orders, paid_entries = array("q"), array("q")  # order id -> the entry that paid it (millions at city size)

        def post(gid, tid, kind, amount, on, seq=None, memo="", reverses=None, payment=None, voucher="", method=None):
            nonlocal entry_id
            entry_id += 1
            w.add(LedgerEntry, {
                "id": entry_id, "grant_id": gid, "talent_id": tid, "kind": kind, "amount_fen": amount, "entry_date": on,
                "fiscal_year": on.year, "instalment_seq": seq, "reverses_id": reverses, "payment_id": payment,
                "voucher_no": voucher, "method": method, "memo": memo, "created_by": actor.username,
            })
            return entry_id

        def pay(gid, tid, seq, amount, due, lag_days):
            nonlocal payment_id
            pay_date = due + dt.timedelta(days=lag_days)
            payment_id += 1
            voucher = f"记-{pay_date:%Y%m}-{payment_id:04d}"  # unique, as finance numbers them
            method = "bank" if rng.random() < 0.95 else "cash"
            w.add(Payment, {
                "id": payment_id, "grant_id": gid, "talent_id": tid, "instalment_seq": seq, "amount_fen": amount,
                "status": "paid", "method": method, "voucher_no": voucher, "pay_date": pay_date, "recorded_by": "clerk",
                "approved_by": "director",
                "approved_at": dt.datetime.combine(pay_date - dt.timedelta(days=2), dt.time(10, 0)),
                "paid_at": dt.datetime.combine(pay_date, dt.time(15, 0)), "entry_id": None, "memo": "",
            })
            eid = post(gid, tid, "payment", -amount, pay_date, seq, voucher=voucher, method=method, payment=payment_id)
            paid_orders.append(payment_id)
            paid_entries.append(eid)
            return eid

        for (tid, tier, edu, arrival, departure, service_years, waiver, emp_id, name) in talent_rows:
            if tid % 5000 == 0:
                check_abort()
            grants = [(1, SETTLING[tier])]
            if edu in LIVING_BY_EDU:
                grants.append((2, LIVING_BY_EDU[edu]))
            if tier in HOUSE_BY_TIER and rng.random() < 0.6:
                grants.append((3, HOUSE_BY_TIER[tier]))
            elif tier in ("D", "E") and rng.random() < 0.4:
                grants.append((4, RENT_TOTAL))
            if rng.random() < 0.01:
                grants.append((6, 20_000_000))
            for pid, total in grants:
                grant_id += 1
                gid = grant_id
                _, pname, pkind, doc, mode, count, rule = policy_by_id[pid]
                start = arrival + dt.timedelta(days=30)
                schedule = split_schedule(total, mode, count, start)
                stopped = departure is not None
                w.add(SubsidyGrant, {
                    "id": gid, "talent_id": tid, "policy_id": pid, "policy_name": pname, "policy_kind": pkind,
                    "doc_number": doc, "approved_total_fen": total, "instalment_mode": mode, "instalment_count": count,
                    "clawback_rule": rule, "start_date": start,
                    "status": "terminated" if stopped else ("completed" if schedule[-1].due_date <= as_of - dt.timedelta(days=60) else "active"),
                    "status_reason": "talent departed" if stopped else "", "granted_by": "clerk", "notes": "",
                })
                paid = 0
                balance = 0
                for inst in schedule:
                    budget_need[(inst.due_date.year, pkind)] = budget_need.get((inst.due_date.year, pkind), 0) + inst.amount_fen
                    falls_due = inst.due_date <= as_of and (departure is None or inst.due_date < departure)
                    cancelled = departure is not None and inst.due_date >= departure
                    w.add(Instalment, {"grant_id": gid, "seq": inst.seq, "due_date": inst.due_date,
                                       "amount_fen": inst.amount_fen, "posted": falls_due, "cancelled": cancelled})
                    if not falls_due:
                        continue
                    post(gid, tid, "due", inst.amount_fen, inst.due_date, inst.seq)
                    balance += inst.amount_fen
                    lag = rng.randrange(5, 75)
                    paid_by = inst.due_date + dt.timedelta(days=lag)
                    if paid_by <= as_of and (departure is None or paid_by < departure):
                        eid = pay(gid, tid, inst.seq, inst.amount_fen, inst.due_date, lag)
                        paid += inst.amount_fen
                        balance -= inst.amount_fen
                        if rng.random() < 0.004 and paid_by + dt.timedelta(days=10) <= as_of:
                            # a wrong payment: reversed, then paid again correctly
                            fix = paid_by + dt.timedelta(days=rng.randrange(2, 10))
                            post(gid, tid, "reversal", inst.amount_fen, fix, inst.seq, memo="凭证号录入错误，冲销重记", reverses=eid)
                            pay(gid, tid, inst.seq, inst.amount_fen, fix, 0)
                            reversal_done += 1
                if departure is not None:
                    if balance > 0:
                        post(gid, tid, "waiver", -balance, departure, memo="离开本县，未付分期不再发放")
                    owed = clawback_amount(rule=rule, total_fen=total, paid_fen=paid, arrival=arrival,
                                           departure=departure, service_years=service_years, waived=bool(waiver))
                    if owed > 0:
                        post(gid, tid, "clawback", -owed, departure, memo=f"服务期未满离开（{rule}）")
                        refund_on = departure + dt.timedelta(days=rng.randrange(20, 200))
                        r = rng.random()
                        if refund_on <= as_of and r < 0.6:
                            post(gid, tid, "refund", owed, refund_on, memo="退回补贴")
                        elif refund_on <= as_of and r < 0.8:
                            part = max(1, owed // 2)
                            post(gid, tid, "refund", part, refund_on, memo="部分退回")
        w.flush()
        # each paid order points at the ledger entry that paid it (known when it was posted): one update by id each
        conn = session.connection()
        for i in range(0, len(paid_orders), 20_000):
            if conn.dialect.name == "sqlite":  # plain tuples to the driver: millions of orders at city size
                conn.exec_driver_sql("UPDATE payments SET entry_id = ? WHERE id = ?",
                                     list(zip(paid_entries[i:i + 20_000], paid_orders[i:i + 20_000])))
                continue
            conn.execute(update(Payment.__table__).where(Payment.id == bindparam("pid")).values(entry_id=bindparam("eid")),
                         [{"pid": pid, "eid": eid} for pid, eid in zip(paid_orders[i:i + 20_000], paid_entries[i:i + 20_000])])
        del paid_orders, paid_entries
        summary.grants = grant_id
        summary.ledger_entries = entry_id
        summary.payments = payment_id
        summary.extra["reversals"] = reversal_done

        # a few payment orders still in the workflow (recorded / approved) for dues not yet paid
        report(3, steps, translate("Demo", "Payments in progress"))
        due_unpaid = session.execute(
            select(Instalment.grant_id, Instalment.seq, Instalment.amount_fen, SubsidyGrant.talent_id)
            .join(SubsidyGrant, SubsidyGrant.id == Instalment.grant_id)
            .join(Talent, Talent.id == SubsidyGrant.talent_id)
            .where(Instalment.posted.is_(True), Instalment.due_date > as_of - dt.timedelta(days=75),
                   Talent.status == "active")
            .order_by(Instalment.id)
        ).all()
        paid_keys = set(session.execute(
            select(LedgerEntry.grant_id, LedgerEntry.instalment_seq)
            .where(LedgerEntry.kind == "payment", LedgerEntry.entry_date > as_of - dt.timedelta(days=160))
        ).all())
        for gid, seq, amount, tid in due_unpaid:
            if (gid, seq) in paid_keys or rng.random() > 0.5:
                continue
            payment_id += 1
            status = "approved" if rng.random() < 0.4 else "recorded"
            w.add(Payment, {
                "id": payment_id, "grant_id": gid, "talent_id": tid, "instalment_seq": seq, "amount_fen": amount,
                "status": status, "method": "bank", "voucher_no": "", "pay_date": None, "recorded_by": "clerk",
                "approved_by": "director" if status == "approved" else "",
                "approved_at": dt.datetime.combine(as_of, dt.time(9, 0)) if status == "approved" else None,
                "paid_at": None, "entry_id": None, "memo": "",
            })
        w.flush()

        # ---------------------------------------------------------------- budgets
        for (year, kind), need in sorted(budget_need.items()):
            if year > as_of.year + 1:
                continue
            w.add(Budget, {"fiscal_year": year, "policy_kind": kind, "amount_fen": (need * 11 // 10) // 100_000 * 100_000 + 100_000,
                           "notes": ""})
        w.flush()

        # ---------------------------------------------------------------- mentors, pairings, check-ins, care
        report(4, steps, translate("Demo", "Mentors and pairings"))
        n_mentors = max(5, talents // 25)
        seniors = [t for t in talent_rows if t[1] in ("A", "B", "C") and t[4] is None and (as_of - t[3]).days > 5 * 365]
        mentor_rows = []
        for m in range(n_mentors):
            mid = m + 1
            if seniors and rng.random() < 0.3:
                t = seniors[rng.randrange(len(seniors))]
                name, talent_id, emp_id = t[8], t[0], t[7]
            else:
                name, talent_id = fake.name(), None
                emp_id = employers[rng.randrange(len(employers))][0]
            py, ini = pinyin_keys(name)
            capacity = rng.choice([2, 3, 3, 4, 5])
            active = rng.random() > 0.04
            w.add(Mentor, {
                "id": mid, "talent_id": talent_id, "name": name, "name_pinyin": py, "name_initials": ini,
                "employer_id": emp_id, "title": rng.choice(["主任医师", "高级教师", "高级工程师", "副局长", "研究员", "科长"]),
                "expertise": rng.choice(["临床医学", "教育教学", "机械制造", "农业技术", "财务管理", "行政管理", "信息技术"]),
                "phone": f"13{rng.randrange(10**9):09d}", "capacity": capacity, "active": active, "notes": "",
            })
            mentor_rows.append([mid, capacity, 0, active, emp_id])
        w.flush()
        summary.mentors = n_mentors
        by_employer: dict[int, list] = {}
        for mr in mentor_rows:
            if mr[3]:
                by_employer.setdefault(mr[4], []).append(mr)
        active_mentors = [mr for mr in mentor_rows if mr[3]]
        recent = [t for t in talent_rows if t[4] is None and (as_of - t[3]).days < 3 * 365]
        rng.shuffle(recent)
        pairing_id = 0
        checkin_id = 0
        case_id = 0
        cases_for: list = []
        for t in recent:
            if rng.random() > 0.8:
                continue  # nobody yet: the board's "no mentor yet" column
            tid, emp_id = t[0], t[7]
            roles = [3] if rng.random() < 0.6 else ([1, 3] if rng.random() < 0.7 else [1, 2, 3])
            for role in roles:
                pool = by_employer.get(emp_id) if role in (1, 2) else None
                candidates = [mr for mr in (pool or []) if mr[2] < mr[1]]
                if not candidates:
                    for _ in range(8):
                        mr = active_mentors[rng.randrange(len(active_mentors))]
                        if mr[2] < mr[1]:
                            candidates = [mr]
                            break
                if not candidates:
                    continue
                mr = candidates[rng.randrange(len(candidates))]
                mr[2] += 1
                pairing_id += 1
                start = t[3] + dt.timedelta(days=rng.randrange(7, 40))
                if start > as_of:
                    start = as_of
                cadence = 30 if role == 3 else 90
                # check-ins roughly at the cadence, some mentors go quiet (overdue)
                quiet = rng.random() < 0.15
                d = start + dt.timedelta(days=rng.randrange(5, cadence))
                last = None
                stop = as_of - dt.timedelta(days=rng.randrange(cadence + 10, cadence + 120)) if quiet else as_of
                checkins = []
                while d <= stop:
                    checkin_id += 1
                    tags = []
                    if rng.random() < 0.15:
                        tags = [rng.choice(["work", "housing", "family", "other"])]
                    follow = bool(tags) and rng.random() < 0.3
                    checkins.append({
                        "id": checkin_id, "pairing_id": pairing_id, "date": d,
                        "mode": _weighted(rng, [("face", 6), ("phone", 3), ("online", 1)]),
                        "notes": CHECKIN_NOTES[rng.randrange(len(CHECKIN_NOTES))], "issue_tags": ",".join(tags),
                        "issues": "需协调解决" if tags else "", "follow_up": follow,
                    })
                    if follow:
                        cases_for.append((tid, {"housing": "housing", "family": "spouse_job"}.get(tags[0], "other"), d, checkin_id))
                    last = d
                    d += dt.timedelta(days=max(7, int(cadence * (0.6 + rng.random() * 0.8))))
                w.add(Pairing, {
                    "id": pairing_id, "mentor_id": mr[0], "talent_id": tid, "role_id": role, "start_date": start,
                    "planned_end_date": add_months(start, 24), "end_date": None, "end_reason": "",
                    "goals": "一年内熟悉岗位，两年内独立承担重点工作。", "cadence_days": cadence, "last_checkin_date": last,
                })
                for row in checkins:
                    w.add(CheckIn, row)
        # history: ended pairings of talents who left (pairing ends on departure)
        for t in talent_rows:
            if t[4] is None or rng.random() > 0.5 or (t[4] - t[3]).days < 60:
                continue
            mr = active_mentors[rng.randrange(len(active_mentors))]
            pairing_id += 1
            start = t[3] + dt.timedelta(days=20)
            w.add(Pairing, {
                "id": pairing_id, "mentor_id": mr[0], "talent_id": t[0], "role_id": 3, "start_date": start,
                "planned_end_date": add_months(start, 24), "end_date": max(start, t[4]), "end_reason": "人才离开本县",
                "goals": "熟悉岗位要求。", "cadence_days": 30, "last_checkin_date": None,
            })
        w.flush()
        summary.pairings = pairing_id
        summary.checkins = checkin_id

        report(5, steps, translate("Demo", "Care cases"))
        for tid, kind, opened, source in cases_for:
            case_id += 1
            closed = opened + dt.timedelta(days=rng.randrange(10, 120))
            is_closed = closed <= as_of and rng.random() < 0.7
            w.add(CareCase, {
                "id": case_id, "talent_id": tid, "kind": kind, "title": CARE_TITLES[kind], "room": "",
                "move_in_date": None, "move_out_date": None, "opened_on": opened,
                "closed_on": closed if is_closed else None, "status": "closed" if is_closed else "open",
                "notes": "帮带记录中反映，需办公室跟进。", "source_checkin_id": source,
            })
        for t in talent_rows:
            tid, arrival, departure = t[0], t[3], t[4]
            r = rng.random()
            if r < 0.25:
                case_id += 1
                move_in = arrival + dt.timedelta(days=rng.randrange(3, 30))
                move_out = None
                if departure is not None:
                    move_out = departure
                elif rng.random() < 0.3 and (as_of - move_in).days > 400:
                    move_out = _rand_date(rng, move_in + dt.timedelta(days=365), as_of)
                building = rng.choice("ABCD")
                w.add(CareCase, {
                    "id": case_id, "talent_id": tid, "kind": "housing", "title": CARE_TITLES["housing"],
                    "room": f"人才公寓{building}栋{rng.randrange(2, 18)}{rng.randrange(1, 9):02d}室", "move_in_date": move_in,
                    "move_out_date": move_out, "opened_on": move_in, "closed_on": move_out,
                    "status": "closed" if move_out else "open", "notes": "", "source_checkin_id": None,
                })
            elif r < 0.40:
                case_id += 1
                kind = rng.choice(["spouse_job", "child_school", "hukou", "canteen", "club_event"])
                opened = arrival + dt.timedelta(days=rng.randrange(10, 200))
                if opened > as_of:
                    opened = as_of
                closed = opened + dt.timedelta(days=rng.randrange(7, 180))
                is_closed = closed <= as_of and (rng.random() < 0.75 or departure is not None)
                if departure is not None and not is_closed:
                    closed, is_closed = max(opened, departure), True
                w.add(CareCase, {
                    "id": case_id, "talent_id": tid, "kind": kind, "title": CARE_TITLES[kind], "room": "",
                    "move_in_date": None, "move_out_date": None, "opened_on": opened,
                    "closed_on": closed if is_closed else None, "status": "closed" if is_closed else "open", "notes": "",
                    "source_checkin_id": None,
                })
        w.flush()
        summary.care_cases = case_id

        # ---------------------------------------------------------------- training and growth
        report(6, steps, translate("Demo", "Training and growth"))
        program_id = 0
        programs_by_year: dict[int, list[tuple[int, float]]] = {}
        per_year = min(60, 6 + talents // 2000)
        for year in range(max(first_year, as_of.year - 4), as_of.year + 1):
            for k in range(per_year):
                name, level, cat = TRAININGS[k % len(TRAININGS)]
                program_id += 1
                hours = float(rng.choice([8, 16, 24, 32, 40]))
                start = dt.date(year, rng.randrange(3, 12), rng.randrange(1, 28))
                w.add(TrainingProgram, {
                    "id": program_id, "year": year, "name": f"{year}年{name}" + (f"（第{k // len(TRAININGS) + 1}期）" if k >= len(TRAININGS) else ""),
                    "level": level, "category": cat, "hours": hours, "start_date": start,
                    "end_date": start + dt.timedelta(days=rng.randrange(1, 6)), "organizer": "县委人才办", "notes": "",
                })
                programs_by_year.setdefault(year, []).append((program_id, hours, start))
        w.flush()
        summary.trainings = program_id
        enrol_id = 0
        event_id = 0

        def event(tid, kind, on, title, detail="", grade=None, year=None):
            nonlocal event_id
            event_id += 1
            w.add(GrowthEvent, {"id": event_id, "talent_id": tid, "kind": kind, "event_date": on, "title": title,
                                "detail": detail, "appraisal_grade": grade, "appraisal_year": year})

        for t in talent_rows:
            tid, tier, edu, arrival, departure, *_ = t
            end = departure or as_of
            event(tid, "arrival", arrival, "到岗报到")
            for year, progs in programs_by_year.items():
                if arrival.year > year or end.year < year or rng.random() > 0.45:
                    continue
                pid, hours, start = progs[rng.randrange(len(progs))]
                if start < arrival or start > end:
                    continue
                enrol_id += 1
                done = start + dt.timedelta(days=5) <= as_of and rng.random() < 0.9
                w.add(TrainingEnrolment, {
                    "id": enrol_id, "program_id": pid, "talent_id": tid, "enrolled_on": start - dt.timedelta(days=14),
                    "status": "completed" if done else "enrolled", "completed_on": start + dt.timedelta(days=3) if done else None,
                    "hours": hours if done else 0.0,
                })
                if done:
                    event(tid, "training", start + dt.timedelta(days=3), "完成培训", f"{hours:g}学时")
            for year in range(max(arrival.year + 1, as_of.year - 3), end.year + 1):
                on = dt.date(year, 1, 20)
                if on > end or on > as_of:
                    continue
                grade = _weighted(rng, [("excellent", 2), ("competent", 15), ("basic", 1), ("incompetent", 0.2)])
                event(tid, "appraisal", on, f"{year - 1}年度考核", grade=grade, year=year - 1)
            years_in = (end - arrival).days / 365
            if years_in > 2 and rng.random() < 0.3:
                event(tid, "title", _rand_date(rng, arrival + dt.timedelta(days=700), end), "取得中级职称")
            if years_in > 3 and rng.random() < 0.15:
                event(tid, "promotion", _rand_date(rng, arrival + dt.timedelta(days=1000), end), "提拔任用", "晋升副科级")
            if years_in > 1 and rng.random() < 0.08:
                event(tid, "important_post", _rand_date(rng, arrival + dt.timedelta(days=300), end), "安排到重要岗位锻炼")
            if rng.random() < 0.05 and years_in > 1:
                event(tid, "award", _rand_date(rng, arrival + dt.timedelta(days=300), end), "县级优秀人才称号")
            if departure is not None:
                event(tid, "departure", departure, "离开本县")
        w.flush()
        summary.enrolments = enrol_id
        summary.growth_events = event_id

        report(7, steps, translate("Demo", "Finishing"))
        bulk.finish()
        watch_signals.rebuild(session.connection())  # the rows went in below the session: the watch list's signals too
        record_event(session, E.AuditAction.DEMO, summary=f"demo data: {talents} talents, seed {seed}, as of {as_of}")
        summary.seconds = time.perf_counter() - t0
        report(8, steps, translate("Demo", "Done"))
        return summary
    finally:
        w.close()  # the writing thread ends before the unit of work commits or rolls back


def fresh_demo_database(root: Path, *, progress=None) -> Path:
    """A new demo database file (2,000 made-up talents) in the data folder's demo/ folder: `talentdesk --demo` and
    the first-run wizard's practice database."""
    path = root / "demo" / f"demo-{dt.datetime.now():%Y%m%d-%H%M%S}.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    database = Database.open(path)
    try:
        with database.session(Actor.local()) as s:
            generate_demo(s, talents=2000, seed=1, progress=progress)
    finally:
        database.dispose()
    return path


@operation(None, lane=Lane.NO_DATABASE, long=True)
def build_practice_database(*, root: Path, progress=None, abort=None) -> Path:
    """The first-run wizard's practice database: a separate file filled with made-up people (its own engine)."""
    return fresh_demo_database(root, progress=progress)
