"""Region codes of resident ID numbers (GB/T 2260, the national administrative division codes).

The first six digits of an ID number are the household registration's code *when the number was issued*, and codes
change as counties merge, split and are renamed — so a genuine number may carry a code that no longer exists, or
that was assigned after the holder's birth. A number is therefore checked against the codes of *every* edition.

Data: `stdnum/cn/loc.dat`, shipped with python-stdnum (a maintained dependency), compiled from Wikipedia's tables
of the division codes of the People's Republic of China with the years each code was in use (1980 onwards). The
years are ignored here on purpose: any code found in any edition is a known code.
"""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

# provinces and the codes of residence permits for Hong Kong (81), Macao (82) and Taiwan (83) residents
PROVINCES = frozenset({
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
    "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "83",
})


@lru_cache(maxsize=1)
def known_codes() -> frozenset[str]:
    """Every six-digit region code found in any edition."""
    codes: set[str] = set()
    province = ""
    text = files("stdnum.cn").joinpath("loc.dat").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        if line[:2].isdigit():
            province = line[:2]
            codes.add(province + "0000")
        else:
            part = line.strip()[:4]
            if province and part.isdigit():
                codes.add(province + part)
    return frozenset(codes)


def province_known(code: str) -> bool:
    return code[:2] in PROVINCES


def region_known(code: str) -> bool:
    """Whether a six-digit code existed in some edition of GB/T 2260."""
    return code in known_codes()
