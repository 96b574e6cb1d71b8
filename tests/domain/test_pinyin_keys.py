"""The pinyin search keys are pypinyin's reading of the whole name, also when they are put together from the
characters' readings (the fast way a large import takes, issue 18): names with words of pypinyin's phrase
dictionary inside (长春, 重庆, 单于 read as words), surnames with several readings, characters outside the BMP,
Latin letters and spaces all give exactly what pypinyin gives for the whole name."""
from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st
from pypinyin import Style, lazy_pinyin

from talentdesk.domain import pinyin as P


def _reference(name: str) -> tuple[str, str]:
    name = name.strip()
    if not name:
        return "", ""
    full = lazy_pinyin(name, style=Style.NORMAL, errors="default")
    return "".join(p for p in full if p.strip()).lower().replace("ü", "v"), "".join(p[0] for p in full if p.strip()).lower()


NAMES = ["张三", "王𠮷", "李䶮", "单于", "长春", "重庆", "曾经", "朝阳", "银行", "行长", "乐乐", "仇大", "解放军",
         "欧阳娜娜", "吕布", "Anna李", "张 三", "〇一", "一二三", "覃海燕", "单田芳", "长孙无忌", "尉迟恭", "都市",
         "乐正绫", "Zhang San", "", "  "]


def test_known_names_read_as_pypinyin_reads_them():
    for name in NAMES:
        assert P.pinyin_keys.__wrapped__(name) == _reference(name), name


def test_names_with_a_word_inside_are_read_as_the_word():
    assert P._by_character("长春") is None and P.pinyin_keys.__wrapped__("长春") == ("changchun", "cc")
    assert P.pinyin_keys.__wrapped__("重庆") == ("chongqing", "cq")
    assert P._by_character("张伟") == ["zhang", "wei"]


CHARS = "张王李赵单长重曾朝乐行仇解都覃尉迟欧阳春庆经于大军放娜伟芳敏静磊洋艳勇杰涛明超英华𠮷䶮一二三〇 Aa"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=CHARS, min_size=1, max_size=10))
def test_any_name_reads_as_pypinyin_reads_the_whole(name):
    assert P.pinyin_keys.__wrapped__(name) == _reference(name)
