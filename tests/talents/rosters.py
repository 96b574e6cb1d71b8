"""A generator of talent rosters the way county offices keep them (issue 12), written with openpyxl and csv in the
test run — no binary committed. Each roster comes with what an import must give: the people (as stored), the rows
that are not data, the notes, and any one value the clerk sets for every row.

The values are what offices write: tiers as `A`, `A类`, `A类人才`, `Ａ类` or the tier's name; years as `5`, `5年`,
`五年`, `5.0`; education as 本科/大学本科/全日制本科, 硕士/硕士研究生; gender as 男/男性/M; dates as Excel serials and
date-times, `2024年9月1日`, `2024.10.8`, `2024/9/1`, `20240901`; phones as Excel numbers, with +86, spaces and
dashes; headers in every common spelling; ID numbers of people born before their county's code existed; and rows the
clerk hid in Excel (listed, and imported or left out only as the clerk chooses — never silently).
"""
from __future__ import annotations

import csv
import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from talentdesk.domain.values import id_check_digit

TIERS = {"A": "顶尖人才", "B": "领军人才", "C": "高层次人才", "D": "骨干人才", "E": "青年人才"}
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "𠮷", "䶮", "昊天"]
# region codes with the year they appeared; people born before it hold them all the same
RECODED = [("310115", 1993), ("440306", 1993), ("330782", 1988), ("330783", 1992), ("110105", 1980), ("330102", 1980)]

HEADERS = {  # several ways offices name each column
    "name": ["姓名", "姓 名", "人员姓名"],
    "gender": ["性别", "性 别"],
    "id_number": ["身份证号", "身份证号码", "公民身份号码", "身份证号(18位)"],
    "phone": ["联系电话", "联系方式", "手机号码（必填）", "手机"],
    "education": ["学历", "最高学历", "文化程度"],
    "tier_code": ["人才类别", "人才层次", "人才级别", "类别"],
    "employer": ["用人单位", "工作单位", "单位名称"],
    "arrival_date": ["到岗日期", "报到时间", "登记日期", "入职时间"],
    "service_years": ["服务期", "服务期限（年）", "服务年限", "约定服务期"],
}
EDUCATION = {"bachelor": ["本科", "大学本科", "全日制本科", "本科学历"], "master": ["硕士", "硕士研究生", "研究生（硕士）"],
             "doctorate": ["博士", "博士研究生"], "college": ["大专", "专科"]}
GENDER = {"M": ["男", "男性", "M"], "F": ["女", "女性", "F"]}


@dataclass
class Person:
    name: str
    gender: str
    id_number: str
    birth: dt.date
    phone: str
    education: str
    tier: str
    employer: str
    arrival: dt.date
    years: int


@dataclass
class Roster:
    path: Path
    people: list[Person]
    not_data: int = 0
    notes: int = 0
    fixed: dict[str, str] = field(default_factory=dict)
    sheet: str | None = None
    hidden: list[Person] = field(default_factory=list)  # people on rows the clerk hid in Excel (left out)


@dataclass
class _Shape:
    merged_employer: bool = False  # one employer cell merged over the first three people
    sheet: str | None = None       # the roster on this sheet, after a sheet of explanations
    hidden_rows: tuple[int, ...] = ()  # rows hidden in Excel (1-based), people who left that the clerk hid


def _people(rng: random.Random, n: int, start: int) -> list[Person]:
    out = []
    for i in range(n):
        region, since = RECODED[(start + i) % len(RECODED)]
        birth = dt.date(rng.randint(max(1950, since - 25), since - 1) if i % 2 == 0 else rng.randint(1975, 2000),
                        rng.randint(1, 12), rng.randint(1, 28))
        gender = "M" if (start + i) % 3 else "F"
        seq = f"{(start + i) % 100:02d}{rng.randrange(1, 10, 2) if gender == 'M' else rng.randrange(0, 10, 2)}"
        first17 = f"{region}{birth:%Y%m%d}{seq}"
        out.append(Person(
            name=SURNAMES[(start + i) % len(SURNAMES)] + GIVEN[(start * 7 + i) % len(GIVEN)] + "一二三四五六七八九十"[i % 10],
            gender=gender, id_number=first17 + id_check_digit(first17), birth=birth,
            phone=f"13{rng.randint(0, 9)}{rng.randint(10_000_000, 99_999_999)}",
            education=list(EDUCATION)[(start + i) % 4], tier="ABCDE"[(start + i) % 5],
            employer=["县人民医院", "县第一中学", "县农业农村局", "某某科技有限公司"][(start + i) % 4],
            arrival=max(dt.date(birth.year + 22, 1, 1), dt.date(2015, 1, 1)) + dt.timedelta(days=rng.randrange(2000)),
            years=[3, 5, 5, 8, 10][(start + i) % 5]))
    return out


def _tier(p: Person, k: int) -> str:
    return [p.tier, f"{p.tier}类", f"{p.tier}类人才", chr(ord(p.tier) + 0xFEE0) + "类", TIERS[p.tier], p.tier.lower()][k % 6]


def _years(p: Person, k: int, xlsx: bool) -> Any:
    cn = {3: "三", 5: "五", 8: "八", 10: "十"}[p.years]
    forms: list[Any] = [str(p.years), f"{p.years}年", f"{cn}年", f"{p.years}.0"]
    if xlsx:
        forms += [p.years, float(p.years)]
    return forms[k % len(forms)]


def _date(d: dt.date, k: int, xlsx: bool) -> Any:
    forms: list[Any] = [d.isoformat(), f"{d.year}年{d.month}月{d.day}日", f"{d.year}.{d.month}.{d.day}",
                        f"{d.year}/{d.month}/{d.day}", f"{d:%Y%m%d}", f"{d.isoformat()} 00:00:00"]
    if xlsx:
        forms += [dt.datetime(d.year, d.month, d.day, 9, 30), (d - dt.date(1899, 12, 30)).days]
    return forms[k % len(forms)]


def _phone(p: Person, k: int, xlsx: bool) -> Any:
    forms: list[Any] = [p.phone, f"+86 {p.phone}", f"{p.phone[:3]}-{p.phone[3:7]}-{p.phone[7:]}",
                        f"{p.phone[:3]} {p.phone[3:7]} {p.phone[7:]}"]
    if xlsx:
        forms += [int(p.phone), float(p.phone)]
    return forms[k % len(forms)]


def _row(p: Person, fields: list[str], k: int, xlsx: bool) -> list[Any]:
    cell = {
        "name": p.name, "gender": GENDER[p.gender][k % 3], "id_number": p.id_number if k % 4 else p.id_number.lower(),
        "phone": _phone(p, k, xlsx), "education": EDUCATION[p.education][k % len(EDUCATION[p.education])],
        "tier_code": _tier(p, k), "employer": p.employer, "arrival_date": _date(p.arrival, k, xlsx),
        "service_years": _years(p, k, xlsx),
    }
    return [cell[f] for f in fields]


def _write(path: Path, rows: list[list[Any]], encoding: str = "utf-8-sig", shape: _Shape | None = None,
           merge: tuple[int, int, int] | None = None) -> Path:
    if path.suffix == ".xlsx":
        wb = Workbook()
        ws = wb.active
        if shape is not None and shape.sheet:
            ws.title = "填表说明"
            ws.append(["请按下一页的格式填写，身份证号一列请设为文本格式。"])
            ws = wb.create_sheet(shape.sheet)
        for r in rows:
            ws.append(r)
        if merge is not None:  # (first row, last row, column), 1-based as Excel counts
            ws.merge_cells(start_row=merge[0], end_row=merge[1], start_column=merge[2], end_column=merge[2])
        for n in (shape.hidden_rows if shape is not None else ()):
            ws.row_dimensions[n].hidden = True
        wb.save(path)
    else:
        with open(path, "w", encoding=encoding, newline="") as fh:
            csv.writer(fh).writerows(rows)
    return path


def generate(folder: Path, *, count: int = 32, seed: int = 2024) -> list[Roster]:
    """`count` rosters, each in a different combination of the shapes above."""
    rng = random.Random(seed)
    out: list[Roster] = []
    all_fields = list(HEADERS)
    for k in range(count):
        xlsx = k % 3 != 2
        suffix = ".xlsx" if xlsx else ".csv"
        people = _people(rng, 3 + k % 5, start=k * 11)
        fields = all_fields[:]
        fixed: dict[str, str] = {}
        if k % 8 == 5:  # no tier column: the clerk gives one tier for every row
            fields.remove("tier_code")
            tier = "CDE"[k % 3]
            fixed = {"人才类别": tier}
            for p in people:
                p.tier = tier
        if k % 4 == 1:
            rng.shuffle(fields)
        head = [HEADERS[f][(k + j) % len(HEADERS[f])] for j, f in enumerate(fields)]
        rows: list[list[Any]] = []
        if k % 2:  # a title, and the reporting unit above the header
            rows += [[f"{2020 + k % 5}年度引进人才花名册"], ["填报单位：某某县人才工作领导小组办公室", "", "", "填报日期：2024年12月"]]
        rows.append(head)
        rows += [_row(p, fields, k + i, xlsx) for i, p in enumerate(people)]
        not_data = 0
        if k % 3 == 0:  # totals and notes under the table
            rows.append([["合计", "总计", "小计"][k % 3 if k % 3 else (k // 3) % 3], f"{len(people)}人"])
            rows.append(["注：服务期以协议为准。"])
            rows.append(["填表人：张三", "", "审核人：李四"])
            not_data = 3
        if k % 5 == 4:
            rows.append([])
            rows.append(["说明：本表由各单位填报。"])
            not_data += 1
        encoding = "gb18030" if (not xlsx and k % 2) else "utf-8-sig"
        hidden: list[Person] = []
        hidden_rows: tuple[int, ...] = ()
        if xlsx and k % 5 == 2:  # someone who left, still on the list, the row hidden in Excel after the others
            hidden = _people(rng, 1, start=k * 11 + 9)
            at = rows.index(head) + 1 + len(people)
            rows.insert(at, _row(hidden[0], fields, k, xlsx))
            hidden_rows = (at + 1,)
        shape = _Shape(merged_employer=xlsx and k % 6 == 4 and len(people) >= 3,
                       sheet="花名册" if xlsx and k % 7 == 3 else None, hidden_rows=hidden_rows)
        merge = None
        notes = 0
        if shape.merged_employer:  # one employer for the first three people, in a merged cell
            col = fields.index("employer")
            first = rows.index(head) + 2  # 1-based row of the first person
            for i in (1, 2):
                people[i].employer = people[0].employer
                rows[first - 1 + i][col] = None
            merge = (first, first + 2, col + 1)
            notes = 2
        path = _write(folder / f"roster-{k:02d}{suffix}", rows, encoding, shape, merge)
        out.append(Roster(path, people, not_data=not_data, notes=notes, fixed=fixed, sheet=shape.sheet,
                          hidden=hidden))
    return out


# ------------------------------------------------------------------ one large roster (the benchmark's import file)

# the columns of a large office roster, in the office's order and spelling (序号 is a column no field takes)
LARGE_COLUMNS = [("", "序号"), ("name", "姓名"), ("gender", "性别"), ("id_number", "公民身份号码"),
                 ("birth_date", "出生年月"), ("ethnicity", "民族"), ("native_place", "籍贯"), ("education", "最高学历"),
                 ("school", "毕业院校"), ("major", "所学专业"), ("professional_title", "专业技术职称"),
                 ("tier_code", "人才层次"), ("employer", "工作单位"), ("post", "工作岗位"), ("arrival_date", "报到时间"),
                 ("service_years", "服务期限（年）"), ("phone", "联系方式"), ("notes", "备注")]
_GIVEN_CHARS = "伟芳娜敏静磊洋艳勇军杰娟涛明超秀英华慧建国平刚桂兰玉萍红霞鹏辉丽强春梅晓燕飞宇浩然欣怡思远嘉子轩雨涵博文"
_SURNAMES_MORE = SURNAMES + "郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
_SCHOOLS = ["浙江大学", "复旦大学", "浙江工业大学", "温州医科大学", "宁波大学", "杭州电子科技大学", "浙江师范大学", "南京大学"]
_MAJORS = ["临床医学", "护理学", "计算机科学与技术", "机械工程", "汉语言文学", "农学", "会计学", "土木工程"]
_TITLES = ["", "工程师", "高级工程师", "主治医师", "一级教师", "农艺师", "会计师"]
_POSTS = ["技术员", "工程师", "主治医师", "教师", "研发主管", "科员"]


def _arrival(rng: random.Random, birth: dt.date) -> dt.date:
    """Arrived after university (22 or older) and no later than mid-2026 (the benchmark's reference date is
    2026-11-23; an arrival more than a year ahead is refused)."""
    start = max(dt.date(birth.year + 22, 1, 1), dt.date(2012, 1, 1))
    return start + dt.timedelta(days=rng.randrange((dt.date(2026, 6, 30) - start).days))


def _large_people(rng: random.Random, n: int, taken_ids: set[str], taken_names: set[str]) -> list[Person]:
    """`n` people with ID numbers and names found neither among `taken_*` nor twice here; every other person was
    born before their county's present code existed (310115 浦东 born 1985, 330782 义乌 born 1980 …)."""
    ids: set[str] = set()
    names: set[str] = set()
    out = []
    for i in range(n):
        region, since = RECODED[i % len(RECODED)]
        while True:
            birth = dt.date(rng.randint(max(1955, since - 30), since - 1) if i % 2 == 0 else rng.randint(1975, 2000),
                            rng.randint(1, 12), rng.randint(1, 28))
            gender = "M" if rng.random() < 0.55 else "F"
            seq = f"{rng.randrange(100):02d}{rng.randrange(1, 10, 2) if gender == 'M' else rng.randrange(0, 10, 2)}"
            first17 = f"{region}{birth:%Y%m%d}{seq}"
            idn = first17 + id_check_digit(first17)
            if idn not in ids and idn not in taken_ids:
                ids.add(idn)
                break
        while True:
            given = rng.choice(_GIVEN_CHARS) + ("" if rng.random() < 0.15 else rng.choice(_GIVEN_CHARS))
            if rng.random() < 0.002:
                given = rng.choice("𠮷䶮") + given[:1]  # characters GBK cannot hold
            name = rng.choice(_SURNAMES_MORE) + given + (rng.choice(_GIVEN_CHARS) if len(names) > n // 3 else "")
            if name not in names and name not in taken_names:
                names.add(name)
                break
        out.append(Person(
            name=name, gender=gender, id_number=idn, birth=birth,
            phone=f"1{rng.choice('3578')}{rng.randrange(10**9):09d}",
            education=list(EDUCATION)[rng.randrange(4)], tier="ABCDE"[min(4, int(rng.random() ** 0.6 * 5))],
            employer="", arrival=_arrival(rng, birth),
            years=[3, 5, 5, 8, 10][rng.randrange(5)]))
    return out


def write_large_roster(path: Path, rows: int, *, seed: int, employers: list[str], taken_ids: set[str] = frozenset(),
                       taken_names: set[str] = frozenset()) -> list[Person]:
    """One office roster of `rows` people in the shapes above, written as .xlsx in write-only mode (it stays small
    in memory at 100,000 rows): a title and a 填报单位 line above the header, office header names, a 序号 column,
    the employer merged over the first three people, tiers as A/A类/A类人才/Ａ类/name, years as 5/5年/五年/5.0/
    numbers, dates as text in every office form, Excel serials and date-times, phones as Excel numbers, +86 and
    dashes, ID numbers with a lower-case x, people born before their county's code existed; a 合计 row, a note
    and a signature below. The people are new: no ID number or name among `taken_ids`/`taken_names`. Every row is
    valid, so an import brings in `rows` talents. `employers` are the names on file; three new ones join them."""
    from openpyxl import Workbook

    rng = random.Random(seed)
    people = _large_people(rng, rows, set(taken_ids), set(taken_names))
    pool = list(employers) + ["县新材料产业研究院", "某某生物医药有限公司", "县数字经济发展中心"]
    for p in people:
        p.employer = pool[rng.randrange(len(pool))]
    for p in people[1:3]:  # the merged cell: one employer for the first three people
        p.employer = people[0].employer
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("引进人才花名册")
    ncol = len(LARGE_COLUMNS)
    ws.append(["2025年度引进人才花名册"])
    ws.append(["填报单位：某某县人才工作领导小组办公室"] + [None] * (ncol - 3) + ["填报日期：2025年12月"])
    ws.append([h for _, h in LARGE_COLUMNS])
    first = 4
    ws.merged_cells.add(f"M{first}:M{first + 2}")  # 工作单位 is the 13th column
    assert LARGE_COLUMNS[12][0] == "employer"
    for i, p in enumerate(people):
        k = rng.randrange(1 << 30)
        employer: Any = p.employer
        if 0 < i < 3:
            employer = None  # covered by the merged cell
        elif k % 53 == 0:
            employer = " ".join(p.employer[:2]) + p.employer[2:]  # a stray space: still the same employer
        cell = {
            "": i + 1, "name": p.name if k % 97 else f" {p.name} ", "gender": GENDER[p.gender][k % 3],
            "id_number": p.id_number if k % 4 else p.id_number.lower(),
            "birth_date": _date(p.birth, k // 7, True), "ethnicity": "汉族" if k % 13 else "畲族",
            "native_place": ["浙江杭州", "浙江金华", "上海", "广东深圳"][k % 4],
            "education": EDUCATION[p.education][(k // 3) % len(EDUCATION[p.education])],
            "school": _SCHOOLS[k % len(_SCHOOLS)], "major": _MAJORS[(k // 5) % len(_MAJORS)],
            "professional_title": _TITLES[(k // 11) % len(_TITLES)], "tier_code": _tier(p, k // 17),
            "employer": employer, "post": _POSTS[(k // 19) % len(_POSTS)],
            "arrival_date": _date(p.arrival, k // 23, True), "service_years": _years(p, k // 29, True),
            "phone": _phone(p, k // 31, True), "notes": "" if k % 41 else "柔性引进",
        }
        ws.append([cell[f] for f, _ in LARGE_COLUMNS])
    ws.append(["合计", f"{rows}人"])
    ws.append(["注：服务期以协议为准；身份证号码请设为文本格式。"])
    ws.append(["填表人：张三", None, None, "审核人：李四"])
    tmp = path.with_name(path.name + ".part")
    wb.save(tmp)
    tmp.replace(path)
    return people
