"""Qt-free translation for the layers below the UI (services, CLI, reports).

The `.ts` files under `resources/i18n/` are the one source of translations. The UI loads their compiled `.qm`
through QTranslator; code that must not import Qt calls `translate(context, text)`, which reads the same `.ts`
files. `pyside6-lupdate` extracts `translate("Context", "text")` calls, so both halves stay in one catalogue.
Source strings are English; zh_CN is the default language.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

SUPPORTED_LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"

_lock = threading.Lock()
_language = DEFAULT_LANGUAGE
_catalogues: dict[str, dict[tuple[str, str], str]] = {}
_loaded: tuple[str, Callable[[str, str], str]] | None = None  # a catalogue the process already holds (see below)


def use_loaded_catalogue(lang: str | None, lookup: Callable[[str, str], str] | None = None) -> None:
    """The window's process already holds `lang`'s catalogue compiled from the same `.ts` files (Qt's translators,
    app.py): `translate` asks it instead of parsing every `.ts` file again (tens of ms at start-up). `lookup`
    returns the text itself when it has no translation, as `translate` does; it must be thread-safe.
    `use_loaded_catalogue(None)`: the process no longer holds one (its translators were removed)."""
    global _loaded
    _loaded = None if lang is None or lookup is None else (normalise_language(lang), lookup)


def normalise_language(lang: str | None) -> str:
    if not lang:
        return DEFAULT_LANGUAGE
    low = lang.replace("-", "_").lower()
    if low.startswith("zh"):
        return "zh_CN"
    if low.startswith("en"):
        return "en"
    raise ValueError(f"unsupported language: {lang}")


def set_language(lang: str | None) -> str:
    global _language
    _language = normalise_language(lang)
    return _language


def current_language() -> str:
    return _language


def ts_files(lang: str, folder: Path | None = None) -> list[Path]:
    from talentdesk.paths import translations_dir

    folder = folder or translations_dir()
    return sorted(folder.glob(f"*_{lang}.ts"))


def parse_ts(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> finished translation; unfinished, obsolete and vanished entries are skipped."""
    import xml.etree.ElementTree as ET

    out: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source")
            tr = msg.find("translation")
            if source is None or tr is None:
                continue
            if tr.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if tr.text:
                out[(name, source)] = tr.text
    return out


def _catalogue(lang: str) -> dict[tuple[str, str], str]:
    cat = _catalogues.get(lang)
    if cat is None:
        with _lock:
            cat = _catalogues.get(lang)
            if cat is None:
                cat = {}
                for f in ts_files(lang):
                    cat.update(parse_ts(f))
                _catalogues[lang] = cat
    return cat


def translate(context: str, text: str) -> str:
    """Translate `text` (English source) into the current language; falls back to the source."""
    if _language == "en":
        return text
    loaded = _loaded
    if loaded is not None and loaded[0] == _language:
        return loaded[1](context, text)
    return _catalogue(_language).get((context, text), text)


class Labels:
    """Display names for codes: each marked for translation where the table is declared (`QT_TRANSLATE_NOOP` in
    `context`) and translated when shown. An unknown code shows as itself, or raises KeyError when `strict`."""

    def __init__(self, context: str, names: dict[str, str], *, strict: bool = False):
        self.context, self.names, self.strict = context, names, strict

    def __call__(self, code: str) -> str:
        if code not in self.names and not self.strict:
            return code
        return translate(self.context, self.names[code])


def bilingual(name: str, name_en: str | None) -> str:
    """A name the office keeps in both languages: the English one in an English interface (when there is one)."""
    return name_en if current_language() == "en" and name_en else name


class Bilingual:
    """A row with `name` and `name_en`: `display` is the one for the interface's language."""

    __slots__ = ()
    name: str
    name_en: str

    @property
    def display(self) -> str:
        return bilingual(self.name, self.name_en)


def translate_into(lang: str, context: str, text: str) -> str:
    """Translate `text` into a named language, whatever the current one (for reading input in any language)."""
    lang = normalise_language(lang)
    if lang == "en":
        return text
    return _catalogue(lang).get((context, text), text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Mark `text` for extraction without translating it now (translate later with `translate(context, text)`)."""
    return text
