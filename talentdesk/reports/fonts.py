"""Finding and registering a Chinese TrueType font once per process; ReportLab embeds the used glyphs (subset).

Search order: the font chosen in settings (a path), the program's `resources/fonts/`, then the system
(Windows SimSun/SimKai/Microsoft YaHei; Linux WenQuanYi/AR PL/Noto CJK). If none is found we say so plainly
instead of printing blank boxes.
"""
from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from talentdesk.domain.errors import StorageError
from talentdesk.i18n import translate
from talentdesk.paths import resources_dir

FONT_NAME = "TDChinese"

_WINDOWS = ["simsun.ttc", "simkai.ttf", "msyh.ttc", "msyh.ttf", "simhei.ttf", "simfang.ttf"]
_UNIX = [
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/arphic/ukai.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/System/Library/Fonts/STHeiti Light.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
]

_lock = threading.Lock()
_registered: dict[str, "FontChoice"] = {}


@dataclass(frozen=True)
class FontChoice:
    name: str      # ReportLab font name to use in documents
    path: Path


def candidate_paths(preferred: str | None = None) -> list[Path]:
    out: list[Path] = []
    if preferred:
        out.append(Path(preferred))
    fonts_dir = resources_dir() / "fonts"
    if fonts_dir.is_dir():
        out += sorted(p for p in fonts_dir.iterdir() if p.suffix.lower() in (".ttf", ".ttc", ".otf"))
    if sys.platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        out += [windir / n for n in _WINDOWS]
    else:
        out += [Path(p) for p in _UNIX]
    return out


def _try_register(name: str, path: Path) -> bool:
    try:
        if path.suffix.lower() == ".ttc":
            font = TTFont(name, str(path), subfontIndex=0)
        else:
            font = TTFont(name, str(path))
        if not font.face.charToGlyph.get(ord("补")):
            return False  # a font without Chinese glyphs would print blank boxes
        pdfmetrics.registerFont(font)
        return True
    except Exception:  # noqa: BLE001 - unreadable or unsupported (CFF-based .otf): try the next one
        return False


def chinese_font(preferred: str | None = None) -> FontChoice:
    """Register (once) and return the Chinese font to use; raises StorageError with a clear message if none."""
    key = preferred or ""
    with _lock:
        if key in _registered:
            return _registered[key]
        for i, path in enumerate(candidate_paths(preferred)):
            if not path.is_file():
                continue
            name = f"{FONT_NAME}{len(_registered)}_{i}"
            if _try_register(name, path):
                choice = FontChoice(name=name, path=path)
                _registered[key] = choice
                return choice
    raise StorageError(
        translate(
            "Reports",
            "No Chinese font was found, so the document cannot be printed without blank boxes. Install a Chinese "
            "TrueType font (for example SimSun or WenQuanYi Micro Hei) or choose a font file in Settings.",
        )
    )
