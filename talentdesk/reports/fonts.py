"""Fonts for every printed document: one Chinese TrueType font registered once per process, a fallback font for
each character it lacks, and the check that tells the clerk before printing when no installed font has a character
of a person's name. ReportLab embeds the used glyphs (subset).

Search order for the main font: the font chosen in settings (a path), the program's `resources/fonts/`, the system
fonts (Windows SimSun/SimKai/Microsoft YaHei; Linux WenQuanYi/AR PL/Noto CJK), the fonts installed for this user
only (Windows 10 1809+: %LOCALAPPDATA%\\Microsoft\\Windows\\Fonts and the per-user registry entries; Linux
~/.local/share/fonts and ~/.fonts; macOS ~/Library/Fonts), then any font fontconfig knows for Chinese (how 统信 UOS
and 麒麟 Kylin install theirs, wherever that is). If none is found we say so plainly instead of printing blank
boxes.

A name such as 王𠮷 (CJK Extension B) or 李䶮 (Extension A) may hold a character the main font lacks. Every text
drawn through `draw_text`, `markup`, `paragraph` or `cell` is split into runs, each in a font that has its
characters: the main font where it can, otherwise a fallback found among the same folders (Windows always has
SimSun-ExtB, `simsunb.ttf`). `unprintable` names the characters no installed font has; services call it through
`services.common.printing.check_names` before they print.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from talentdesk.domain.errors import StorageError, UnprintableText
from talentdesk.i18n import translate
from talentdesk.paths import resources_dir

FONT_NAME = "TDChinese"
FALLBACK_NAME = "TDFallback"
FONT_SUFFIXES = (".ttf", ".ttc", ".otf")

_WINDOWS = ["simsun.ttc", "simkai.ttf", "msyh.ttc", "msyh.ttf", "simhei.ttf", "simfang.ttf"]
# fonts Windows ships for the CJK extensions (SimSun-ExtB, MingLiU-ExtB), tried for a character the main font lacks
_WINDOWS_EXTENSIONS = ["simsunb.ttf", "mingliub.ttc", "msjh.ttc", "msjhbd.ttc", "simsunextg.ttf"]
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
_UNIX_EXTENSIONS = [
    "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf",   # fonts-hanazono: Extension A and much of B
    "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf",   # Extensions B to F
]
_UNIX_SYSTEM_DIRS = ["/usr/share/fonts", "/usr/local/share/fonts"]
_REGISTRY_KEY = r"Software\Microsoft\Windows NT\CurrentVersion\Fonts"

_lock = threading.RLock()
_registered: dict[str, "FontChoice"] = {}
_faces: dict[Path, str | None] = {}           # font file → registered ReportLab name (None: unusable)
_fallback: dict[tuple[str, str], str | None] = {}  # (main font, character) → font that has it (None: none has)
_points: dict[Path, frozenset[int]] = {}       # font file → the characters it has


def _to_unicode_cmap(fontname, subset, _make=ttfonts.makeToUnicodeCMap):
    """ReportLab's ToUnicode map writes a character beyond U+FFFF (𠮷 U+20BB7) as five hex digits, which readers
    take as another character: a search or copy of 王𠮷 in the PDF would find 王₻. Write it as its UTF-16 pair."""
    text = _make(fontname, subset)
    for i, v in enumerate(subset):
        if v > 0xFFFF:
            text = text.replace("<%02X> <%04X>" % (i, v), "<%02X> <%s>" % (i, chr(v).encode("utf-16-be").hex().upper()))
    return text


if not getattr(ttfonts.makeToUnicodeCMap, "talentdesk", False):
    _to_unicode_cmap.talentdesk = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap


@dataclass(frozen=True)
class FontChoice:
    name: str      # ReportLab font name to use in documents
    path: Path


# ------------------------------------------------------------------ where fonts live

def _windows() -> bool:
    return sys.platform.startswith("win")


def user_font_dirs() -> list[Path]:
    """The folders holding the fonts installed for this user only (no administrator needed to install them)."""
    home = Path(os.path.expanduser("~"))
    if _windows():
        local = os.environ.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        return [Path(local) / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [home / "Library" / "Fonts"]
    data = os.environ.get("XDG_DATA_HOME") or str(home / ".local" / "share")
    return [Path(data) / "fonts", home / ".fonts"]


def windows_registry_fonts() -> list[Path]:
    """Font files named in the registry: the user's own (HKCU, full paths into %LOCALAPPDATA%) first, then the
    machine's (HKLM, usually bare names in %WINDIR%\\Fonts). Empty where there is no registry."""
    try:
        import winreg  # type: ignore[import-not-found]
    except ImportError:
        return []
    system_dir = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    user_dir = user_font_dirs()[0]
    out: list[Path] = []
    for hive, base in ((winreg.HKEY_CURRENT_USER, user_dir), (winreg.HKEY_LOCAL_MACHINE, system_dir)):
        try:
            key = winreg.OpenKey(hive, _REGISTRY_KEY)
        except OSError:
            continue
        try:
            i = 0
            while True:
                try:
                    _name, value, _kind = winreg.EnumValue(key, i)
                except OSError:
                    break
                i += 1
                if isinstance(value, str) and value.lower().endswith(FONT_SUFFIXES):
                    p = Path(os.path.expandvars(value))
                    out.append(p if p.is_absolute() or "\\" in value or "/" in value else base / value)
        finally:
            winreg.CloseKey(key)
    return out


def _fc_files(pattern: str) -> list[Path]:
    """Files fontconfig lists for `pattern` (e.g. ':lang=zh-cn', ':charset=20bb7'); empty without fontconfig."""
    exe = shutil.which("fc-list")
    if not exe or _windows():
        return []
    try:
        done = subprocess.run([exe, pattern, "file"], capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return []
    files = {line.strip().rstrip(":").strip() for line in done.stdout.splitlines() if line.strip()}
    # TrueType outlines first: ReportLab cannot embed CFF (.otf) outlines, which _register refuses anyway
    return sorted((Path(f) for f in files if f.lower().endswith(FONT_SUFFIXES)),
                  key=lambda p: (p.suffix.lower() == ".otf", str(p)))


def _font_files(folder: Path, *, recursive: bool = False) -> list[Path]:
    if not folder.is_dir():
        return []
    try:
        found = folder.rglob("*") if recursive else folder.iterdir()
        return sorted(p for p in found if p.suffix.lower() in FONT_SUFFIXES and p.is_file())
    except OSError:
        return []


def _unique(paths: Iterable[Path]) -> list[Path]:
    seen: set[str] = set()
    out = []
    for p in paths:
        k = os.path.normcase(str(p))
        if k not in seen:
            seen.add(k)
            out.append(p)
    return out


def candidate_paths(preferred: str | None = None) -> list[Path]:
    """Where to look for the main font, in order (files that do not exist are skipped by the caller)."""
    out: list[Path] = []
    if preferred:
        out.append(Path(preferred))
    out += _font_files(resources_dir() / "fonts")
    if _windows():
        windir = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        out += [windir / n for n in _WINDOWS]
        out += [p for p in windows_registry_fonts() if p.name.lower() in _WINDOWS]
    else:
        out += [Path(p) for p in _UNIX]
    for d in user_font_dirs():
        out += _font_files(d)
    if _windows():
        out += windows_registry_fonts()
    else:
        out += _fc_files(":lang=zh-cn")
    return _unique(out)


def fallback_paths(ch: str) -> list[Path]:
    """Where to look for a font that has `ch`, in order: fonts made for the CJK extensions, then every font file
    of the user's and the system's folders (fontconfig answers exactly which have `ch` where it exists)."""
    out: list[Path] = list(_font_files(resources_dir() / "fonts"))
    if _windows():
        windir = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        out += [windir / n for n in _WINDOWS_EXTENSIONS]
        for d in user_font_dirs():
            out += _font_files(d)
        out += windows_registry_fonts()
        out += [windir / n for n in _WINDOWS]
        return _unique(out)
    listed = _fc_files(f":charset={ord(ch):x}")
    if shutil.which("fc-list"):
        out += [Path(p) for p in _UNIX_EXTENSIONS if Path(p) in listed] + listed
        return _unique(out)
    out += [Path(p) for p in _UNIX_EXTENSIONS]
    for d in user_font_dirs():
        out += _font_files(d, recursive=True)
    for d in _UNIX_SYSTEM_DIRS:
        out += _font_files(Path(d), recursive=True)
    return _unique(out)


# ------------------------------------------------------------------ registering

def _register(path: Path, name: str, *, needs: str = "补") -> bool:
    try:
        font = TTFont(name, str(path), subfontIndex=0) if path.suffix.lower() == ".ttc" else TTFont(name, str(path))
        if needs and not font.face.charToGlyph.get(ord(needs)):
            return False  # e.g. a font without Chinese glyphs would print blank boxes
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
            if _register(path, name):
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


def _cmap(font: str) -> dict[int, int]:
    return pdfmetrics.getFont(font).face.charToGlyph


_covered: dict[str, frozenset[str]] = {}


def _covers(font: str, text: str) -> bool:
    """True if `font` draws every character of `text` (one set operation: this runs for every string printed)."""
    ok = _covered.get(font)
    if ok is None:
        ok = _covered[font] = frozenset(map(chr, _cmap(font))) | frozenset(
            chr(c) for c in range(0x21) if not _needs_glyph(chr(c)))
    return not set(text).difference(ok)


def has_glyph(font: str, ch: str) -> bool:
    return ord(ch) in _cmap(font)


def _needs_glyph(ch: str) -> bool:
    """Controls and spaces are not drawn from a glyph: never a reason to switch fonts or to warn."""
    return ch.isprintable() and not ch.isspace()


def _codepoints(path: Path) -> frozenset[int]:
    """The characters a font file has (its cmap only: the file's data is not kept, and nothing is registered)."""
    if path not in _points:
        try:
            index = {"subfontIndex": 0} if path.suffix.lower() == ".ttc" else {}
            _points[path] = frozenset(ttfonts.TTFontFile(str(path), charInfo=1, **index).charToGlyph)
        except Exception:  # noqa: BLE001 - unreadable or unsupported (CFF-based .otf): it cannot help
            _points[path] = frozenset()
    return _points[path]


def fallback_font(font: str, ch: str) -> str | None:
    """The registered name of an installed font that has `ch` (tried in `fallback_paths` order), or None. Fonts are
    looked at through their character maps; only the one chosen is registered (ReportLab keeps a registered font's
    whole file in memory for subsetting, so the hundreds of fonts of a Windows PC are not)."""
    key = (font, ch)
    with _lock:
        if key in _fallback:
            return _fallback[key]
        found = None
        for name in {v for v in _faces.values() if v and v != font}:  # a fallback already registered first
            if has_glyph(name, ch):
                found = name
                break
        if found is None:
            for path in fallback_paths(ch):
                if path in _faces or not path.is_file() or ord(ch) not in _codepoints(path):
                    continue
                name = f"{FALLBACK_NAME}{len(_faces)}"
                _faces[path] = name if _register(path, name, needs=ch) else None
                if _faces[path]:
                    found = name
                    break
        _fallback[key] = found
        return found


def runs(text: str, font: str) -> list[tuple[str, str]]:
    """`text` split into (font, piece) runs: each piece in `font` where it has the glyphs, otherwise in a fallback
    font that has them (a character no font has stays in `font`: it prints blank, and `unprintable` names it)."""
    if _covers(font, text):
        return [(font, text)] if text else []
    cmap = _cmap(font)
    out: list[tuple[str, str]] = []
    for c in text:
        f = font if ord(c) in cmap or not _needs_glyph(c) else (fallback_font(font, c) or font)
        if out and out[-1][0] == f:
            out[-1] = (f, out[-1][1] + c)
        else:
            out.append((f, c))
    return out


def missing_chars(text: str, font: str) -> str:
    """The characters of `text` that neither `font` nor any installed fallback has, each once, in order."""
    cmap = _cmap(font)
    out = ""
    for c in text:
        if ord(c) not in cmap and _needs_glyph(c) and c not in out and fallback_font(font, c) is None:
            out += c
    return out


# ------------------------------------------------------------------ drawing (one helper for every document)

def draw_text(canvas, x: float, y: float, text: str, *, align: str = "left") -> None:
    """`canvas.drawString` (align "left"), `drawCentredString` ("centre") or `drawRightString` ("right") in the
    canvas's current font and size, switching to a fallback font for each run of characters it lacks."""
    font, size = canvas._fontname, canvas._fontsize
    parts = runs(text, font)
    if len(parts) <= 1 and (not parts or parts[0][0] == font):
        {"left": canvas.drawString, "centre": canvas.drawCentredString,
         "right": canvas.drawRightString}[align](x, y, text)
        return
    widths = [pdfmetrics.stringWidth(piece, f, size) for f, piece in parts]
    total = sum(widths)
    x = x - total / 2 if align == "centre" else x - total if align == "right" else x
    for (f, piece), w in zip(parts, widths):
        canvas.setFont(f, size)
        canvas.drawString(x, y, piece)
        x += w
    canvas.setFont(font, size)


def cover_markup(text: str, font: str) -> str:
    """Paragraph markup (already escaped) with each run the main font lacks wrapped in `<font face=…>`. Tags are
    left alone: only text between them is looked at."""
    if _covers(font, text):
        return text
    out: list[str] = []
    i = 0
    while i < len(text):
        if text[i] == "<":
            j = text.find(">", i)
            j = len(text) - 1 if j < 0 else j
            out.append(text[i:j + 1])
            i = j + 1
            continue
        j = text.find("<", i)
        j = len(text) if j < 0 else j
        for f, piece in runs(text[i:j], font):
            out.append(piece if f == font else f'<font face="{f}">{piece}</font>')
        i = j
    return "".join(out)


def markup(text: str, font: str) -> str:
    """Plain text as Paragraph markup: escaped, line breaks kept, fallback fonts where the main font lacks a glyph."""
    return cover_markup(escape(text or "").replace("\n", "<br/>"), font)


def paragraph(text: str, style):
    """A Paragraph of plain text in `style`, every character printed from a font that has it."""
    from reportlab.platypus import Paragraph

    return Paragraph(markup(text, style.fontName), style)


def cell(text: str, style):
    """A table cell: the plain string where the cell's font has every character (same layout as before),
    otherwise a Paragraph in `style` with fallback fonts."""
    if _covers(style.fontName, text or ""):
        return text
    return paragraph(text, style)


# ------------------------------------------------------------------ the check before printing

@dataclass(frozen=True)
class Unprintable:
    person: str        # the name as stored
    chars: str         # the characters no installed font has


def unprintable(names: Iterable[str], font: str) -> list[Unprintable]:
    """The names (each once, in order) with characters neither `font` nor any installed font has."""
    out: list[Unprintable] = []
    seen: set[str] = set()
    for name in names:
        if not name or name in seen:
            continue
        seen.add(name)
        chars = missing_chars(name, font)
        if chars:
            out.append(Unprintable(name, chars))
    return out


def describe(found: Iterable[Unprintable]) -> list[str]:
    """One translated line per person: who, which character, and its code (to find a font that has it)."""
    return [translate("Reports", "{person}: {chars} ({codes})").format(
        person=u.person, chars="、".join(u.chars), codes=", ".join(f"U+{ord(c):04X}" for c in u.chars))
        for u in found]


def unprintable_error(found: list[Unprintable]) -> UnprintableText:
    lines = describe(found)
    head = translate("Reports", "No font on this computer has some characters of these names; on paper they would "
                                "be blank:")
    tail = translate("Reports", "Install a font that has them (for example SimSun-ExtB on Windows, or HanaMinA/"
                                "HanaMinB), or print anyway and write them in by hand.")
    return UnprintableText("\n".join([head, *lines, tail]), people=tuple((u.person, u.chars) for u in found),
                           details=lines)
