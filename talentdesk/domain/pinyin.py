"""Pinyin search keys for Chinese names: 张三 -> ('zhangsan', 'zs'). Stored in columns so searches use indexes."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=65536)
def pinyin_keys(name: str) -> tuple[str, str]:
    """(full pinyin, initials), lower-case ASCII without spaces. Non-Chinese characters are kept as typed."""
    name = (name or "").strip()
    if not name:
        return "", ""
    from pypinyin import Style, lazy_pinyin  # loading its dictionaries costs ~0.3 s: only when first needed

    full = lazy_pinyin(name, style=Style.NORMAL, errors="default")
    full_s = "".join(p for p in full if p.strip()).lower().replace("ü", "v")
    initials = "".join(p[0] for p in full if p.strip()).lower()
    return full_s, initials


def ascii_prefix_range(prefix: str) -> tuple[str, str]:
    """[lo, hi) so that `col >= lo AND col < hi` is an index-served prefix match."""
    prefix = prefix.lower()
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)
