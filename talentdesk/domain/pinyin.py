"""Pinyin search keys for Chinese names: 张三 -> ('zhangsan', 'zs'). Stored in columns so searches use indexes."""
from __future__ import annotations

from functools import lru_cache

_SYLLABLES: dict[str, list[str]] = {}  # one Chinese character -> pypinyin's syllables for it alone
_LONGEST_FAST = 8                       # longer text always goes through pypinyin in full


@lru_cache(maxsize=65536)
def pinyin_keys(name: str) -> tuple[str, str]:
    """(full pinyin, initials), lower-case ASCII without spaces. Non-Chinese characters are kept as typed."""
    name = (name or "").strip()
    if not name:
        return "", ""
    full = _by_character(name)
    if full is None:
        from pypinyin import Style, lazy_pinyin  # loading its dictionaries costs ~0.3 s: only when first needed

        full = lazy_pinyin(name, style=Style.NORMAL, errors="default")
    full_s = "".join(p for p in full if p.strip()).lower().replace("ü", "v")
    initials = "".join(p[0] for p in full if p.strip()).lower()
    return full_s, initials


def _by_character(name: str) -> list[str] | None:
    """pypinyin's answer for `name` put together from its answers for each character, or None when that might
    differ. pypinyin cuts Chinese text into words of its phrase dictionary and reads each word as a whole; a piece
    that is no word is read a character at a time. So when every character is Chinese and no two or more adjacent
    characters form a word of the dictionary, its answer is exactly the characters' answers one after the other —
    most names, and the import of a large roster then reads each distinct character once instead of segmenting
    every name (issue 18). Anything else (a word inside the name, Latin letters, a long text) returns None: the
    caller asks pypinyin for the whole."""
    n = len(name)
    if n > _LONGEST_FAST:
        return None
    phrases = _PYPINYIN[0] if _PYPINYIN else _load()[0]
    for i in range(n - 1):
        for j in range(i + 2, n + 1):
            if name[i:j] in phrases:
                return None
    out: list[str] = []
    for ch in name:
        syllables = _SYLLABLES.get(ch)
        if syllables is None:
            _phrases, is_chinese, lazy_pinyin, normal = _PYPINYIN
            if not is_chinese(ch):
                return None
            syllables = _SYLLABLES[ch] = lazy_pinyin(ch, style=normal, errors="default")
        out.extend(syllables)
    return out


_PYPINYIN: list = []  # pypinyin's phrase dictionary, its test for Chinese characters, lazy_pinyin, Style.NORMAL


def _load() -> list:
    from pypinyin import Style, lazy_pinyin
    from pypinyin.constants import PHRASES_DICT, RE_HANS

    _PYPINYIN[:] = [PHRASES_DICT, RE_HANS.match, lazy_pinyin, Style.NORMAL]
    return _PYPINYIN


def ascii_prefix_range(prefix: str) -> tuple[str, str]:
    """[lo, hi) so that `col >= lo AND col < hi` is an index-served prefix match."""
    prefix = prefix.lower()
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)
